"""Reads of the WSV-overleggen, scoped to the user; constant query counts."""

from __future__ import annotations

import datetime

from django.db.models import OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from zio_portal.db import SubqueryCount
from zio_portal.models import User

from ..constants import Aanwezig, ActiepuntStatus, VerbandSoort
from ..models import (
    Aanwezigheid,
    Actiepunt,
    Afgevaardigde,
    Agendapunt,
    Besluitvorming,
    Knelpunt,
    Overleg,
    Samenwerkingsverband,
)


def wsv_get(*, user: User, pk: int) -> Samenwerkingsverband:
    """A WSV the user may see (404 otherwise, also for a huisartsen-verband)."""
    return get_object_or_404(
        Samenwerkingsverband.objects.zichtbaar_voor(user)
        .filter(soort=VerbandSoort.MULTIDISCIPLINAIR)
        .select_related("wijk__gebied"),
        pk=pk,
    )


def overleg_list(*, verband: Samenwerkingsverband) -> QuerySet[Overleg]:
    """The meetings of a verband, newest first, with their counts as annotations."""
    return (
        Overleg.objects.filter(verband=verband)
        .annotate(
            aantal_aanwezig=SubqueryCount(
                Aanwezigheid.objects.filter(overleg=OuterRef("pk"), status=Aanwezig.AANWEZIG).values("pk")
            ),
            aantal_actiepunten=SubqueryCount(Actiepunt.objects.filter(overleg=OuterRef("pk")).values("pk")),
            aantal_open_actiepunten=SubqueryCount(
                Actiepunt.objects.filter(overleg=OuterRef("pk"), status=ActiepuntStatus.OPEN).values("pk")
            ),
            aantal_agendapunten=SubqueryCount(Agendapunt.objects.filter(overleg=OuterRef("pk")).values("pk")),
        )
        .order_by("-datum", "-starttijd", "-pk")
    )


def afgevaardigden_op(*, verband: Samenwerkingsverband, datum: datetime.date) -> list[Afgevaardigde]:
    """The delegates whose mandate covers the date (the current ones for a planned meeting)."""
    return list(
        Afgevaardigde.objects.filter(verband=verband, mandaat_op__lte=datum)
        .filter(Q(einde_op__isnull=True) | Q(einde_op__gte=datum))
        .select_related("contactpersoon__partner", "contactpersoon__praktijk")
        .order_by("beroepsgroep", "pk")
    )


def ontvangers(*, overleg: Overleg) -> list[tuple[str, str]]:
    """(naam, e-mailadres) of the delegates of the meeting, each address once."""
    gezien, uit = set(), []
    for a in afgevaardigden_op(verband=overleg.verband, datum=overleg.datum):
        email = (a.contactpersoon.email or "").strip()
        if email and email.lower() not in gezien:
            gezien.add(email.lower())
            uit.append((a.contactpersoon.naam, email))
    return uit


def overleg_get(*, user: User, pk: int) -> Overleg:
    """One visible meeting with everything its page shows, prefetched; 404 outside the user's scope."""
    return get_object_or_404(_overleg_qs(Overleg.objects.zichtbaar_voor(user)), pk=pk)


def _overleg_qs(qs: QuerySet[Overleg]) -> QuerySet[Overleg]:
    return (
        qs.filter(verband__soort=VerbandSoort.MULTIDISCIPLINAIR)
        .select_related("verband__wijk__gebied", "notulen_pdf")
        .prefetch_related(
            Prefetch(
                "agendapunten",
                queryset=Agendapunt.objects.select_related(
                    "actiepunt__eigenaar", "actiepunt__eigenaar_contact", "knelpunt"
                ).order_by("volgorde", "pk"),
            ),
            Prefetch(
                "aanwezigheid",
                queryset=Aanwezigheid.objects.select_related("afgevaardigde__contactpersoon").order_by("pk"),
            ),
            Prefetch(
                "besluiten", queryset=Besluitvorming.objects.select_related("agendapunt").order_by("pk")
            ),
            Prefetch(
                "actiepunten",
                queryset=Actiepunt.objects.select_related("eigenaar", "eigenaar_contact").order_by(
                    "deadline", "pk"
                ),
            ),
            Prefetch("knelpunten", queryset=Knelpunt.objects.order_by("pk")),
            "verband__wijk__gebied__gebiedsmanagers",
        )
    )


def overgenomen_actiepunten(*, overleg: Overleg) -> list[Actiepunt]:
    """Actions of earlier meetings on this agenda (carried over), with their current state."""
    return [
        p.actiepunt
        for p in overleg.agendapunten.all()
        if p.actiepunt_id and p.actiepunt.overleg_id != overleg.pk
    ]


def open_actiepunten_elders(*, overleg: Overleg) -> list[Actiepunt]:
    """Open actions of earlier meetings of the verband not on this agenda (so none is forgotten)."""
    op_agenda = {p.actiepunt_id for p in overleg.agendapunten.all() if p.actiepunt_id}
    return list(
        Actiepunt.objects.filter(verband=overleg.verband, status=ActiepuntStatus.OPEN)
        .exclude(overleg=overleg)
        .exclude(pk__in=op_agenda)
        .select_related("eigenaar", "eigenaar_contact", "overleg")
        .order_by("deadline", "pk")
    )


def eigenaar_keuzes(*, overleg: Overleg) -> list[tuple[str, str]]:
    """Who can own an action: the meeting's delegates (contactpersonen) and the gebied's managers."""
    keuzes = [
        (f"c{a.contactpersoon_id}", f"{a.contactpersoon.naam} ({a.get_beroepsgroep_display()})")
        for a in afgevaardigden_op(verband=overleg.verband, datum=overleg.datum)
    ]
    keuzes += [
        (f"u{u.pk}", f"{u} (gebiedsmanager)")
        for u in overleg.verband.wijk.gebied.gebiedsmanagers.filter(is_active=True).order_by("last_name")
    ]
    return keuzes


def overleg_get_intern(*, pk: int) -> Overleg:
    """The same prefetched meeting without a user scope: for the worker that renders the PDF."""
    return _overleg_qs(Overleg.objects.all()).get(pk=pk)


def zichtbare_wsvs(*, user: User) -> QuerySet[Samenwerkingsverband]:
    return Samenwerkingsverband.objects.zichtbaar_voor(user).filter(soort=VerbandSoort.MULTIDISCIPLINAIR)
