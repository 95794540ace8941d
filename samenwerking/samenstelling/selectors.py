"""Reads of the composition of a WSV."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from wijken.constants import KERN_BEROEPSGROEPEN, Beroepsgroep
from wijken.models import Contactpersoon, Praktijk
from zio_portal.models import User

from ..models import (
    Afgevaardigde,
    Samenwerkingsverband,
)


def afgevaardigde_kandidaten(*, verband: Samenwerkingsverband, beroepsgroep: str) -> QuerySet[Contactpersoon]:
    """Who may be the delegate of a beroepsgroep: a contact of a partner of that group in the wijk, or
    for the huisartsen a contact of a practice in the wijk or taking part in the wijk's verband."""
    if beroepsgroep == Beroepsgroep.HUISARTS:
        praktijken = Praktijk.objects.filter(
            Q(wijk_id=verband.wijk_id)
            | Q(deelnames__verband__wijk_id=verband.wijk_id, deelnames__uitgetreden_op__isnull=True)
        ).values("pk")
        return Contactpersoon.objects.filter(praktijk__in=praktijken).select_related("praktijk")
    return Contactpersoon.objects.filter(
        partner__beroepsgroep=beroepsgroep, partner__wijken=verband.wijk_id
    ).select_related("partner")


def kandidaten_per_beroepsgroep(*, verband: Samenwerkingsverband) -> dict[str, list[Contactpersoon]]:
    """All possible delegates of the WSV by beroepsgroep, in two queries (for the form's choices)."""
    per_groep: dict[str, list[Contactpersoon]] = {g: [] for g in Beroepsgroep.values}
    per_groep[Beroepsgroep.HUISARTS] = list(
        afgevaardigde_kandidaten(verband=verband, beroepsgroep=Beroepsgroep.HUISARTS).order_by(
            "praktijk__naam", "naam"
        )
    )
    for contact in (
        Contactpersoon.objects.filter(partner__wijken=verband.wijk_id)
        .exclude(partner__beroepsgroep=Beroepsgroep.HUISARTS)
        .select_related("partner")
        .order_by("partner__naam", "naam")
    ):
        per_groep[contact.partner.beroepsgroep].append(contact)
    return per_groep


@dataclass
class SamenstellingRegel:
    """One beroepsgroep of a WSV: its active delegate, the former ones, and whether it must be filled."""

    groep: str
    label: str
    actief: Afgevaardigde | None
    eerder: list[Afgevaardigde]
    kern: bool

    @property
    def verplicht(self) -> bool:
        """The social domain must always be linked (seed 001)."""
        return self.groep == Beroepsgroep.SOCIAAL_DOMEIN


def samenstelling(*, verband: Samenwerkingsverband) -> list[SamenstellingRegel]:
    """The composition of a WSV per beroepsgroep, the kern-groepen first, with the full history; one query."""
    alle = list(
        verband.afgevaardigden.select_related("contactpersoon__partner", "contactpersoon__praktijk").order_by(
            "beroepsgroep", "-mandaat_op", "-pk"
        )
    )
    groepen = list(KERN_BEROEPSGROEPEN) + [
        g
        for g in Beroepsgroep.values
        if g not in KERN_BEROEPSGROEPEN and any(a.beroepsgroep == g for a in alle)
    ]
    return [
        SamenstellingRegel(
            groep=groep,
            label=Beroepsgroep(groep).label,
            actief=next((a for a in alle if a.beroepsgroep == groep and a.einde_op is None), None),
            eerder=[a for a in alle if a.beroepsgroep == groep and a.einde_op is not None],
            kern=groep in KERN_BEROEPSGROEPEN,
        )
        for groep in groepen
    ]


def afgevaardigde_get(*, user: User, pk: int) -> Afgevaardigde:
    """A delegate of a verband the user may see (404 otherwise)."""
    return get_object_or_404(
        Afgevaardigde.objects.filter(
            verband__in=Samenwerkingsverband.objects.zichtbaar_voor(user).values("pk")
        ).select_related("verband__wijk__gebied", "contactpersoon__partner", "contactpersoon__praktijk"),
        pk=pk,
    )
