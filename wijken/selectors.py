"""Reads of the geography and the sociale kaart, scoped to the user."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerking.constants import KnelpuntSoort, KnelpuntStatus, OverlegStatus, VerbandSoort
from samenwerking.models import Afgevaardigde, Knelpunt, Overleg, PartnerInventarisatie, Samenwerkingsverband
from samenwerking.selectors import verband_annotated
from zio_portal.db import SubqueryCount
from zio_portal.history import Wijziging, wijzigingen
from zio_portal.models import User

from .constants import KERN_BEROEPSGROEPEN, Beroepsgroep
from .filters import PartnerFilterSet
from .models import Contactpersoon, Gebied, Partner, Praktijk, Wijk, WijkToewijzing


def wijk_list(*, user: User) -> QuerySet[Wijk]:
    """The wijken this user may see, with their gebied and counts, in a constant number of queries."""
    return (
        Wijk.objects.zichtbaar_voor(user)
        .select_related("gebied__gemeente")
        .annotate(
            aantal_praktijken=SubqueryCount(
                Praktijk.objects.filter(wijk=OuterRef("pk"), actief=True).values("pk")
            ),
            aantal_verbanden=SubqueryCount(
                Samenwerkingsverband.objects.filter(wijk=OuterRef("pk"), actief=True).values("pk")
            ),
            aantal_partners=SubqueryCount(Partner.objects.filter(wijken=OuterRef("pk")).values("pk")),
        )
        .order_by("gebied__gemeente__naam", "gebied__naam", "naam")
    )


def wijk_get(*, user: User, pk: int) -> Wijk:
    """One wijk with its practices, partners and verbanden, or 404 outside the user's scope."""
    qs = (
        Wijk.objects.zichtbaar_voor(user)
        .select_related("gebied__gemeente")
        .prefetch_related(
            "gebied__gebiedsmanagers",
            Prefetch("praktijken", queryset=Praktijk.objects.filter(actief=True).order_by("naam")),
            Prefetch(
                "partners",
                queryset=Partner.objects.prefetch_related("contactpersonen").order_by("beroepsgroep", "naam"),
            ),
            Prefetch("verbanden", queryset=verband_annotated().filter(actief=True)),
        )
    )
    return get_object_or_404(qs, pk=pk)


def wijk_basis_get(*, user: User, pk: int) -> Wijk:
    """One wijk with its gebied only, or 404 outside the user's scope."""
    return get_object_or_404(Wijk.objects.zichtbaar_voor(user).select_related("gebied__gemeente"), pk=pk)


def praktijk_get(*, user: User, pk: int) -> Praktijk:
    """One practice with its wijk history, contacts and verbanden, or 404 outside the user's scope."""
    qs = (
        Praktijk.objects.zichtbaar_voor(user)
        .select_related("wijk__gebied__gemeente")
        .prefetch_related(
            "contactpersonen",
            Prefetch(
                "wijktoewijzingen",
                queryset=WijkToewijzing.objects.select_related("wijk", "vastgelegd_door").order_by(
                    "-ingangsdatum"
                ),
            ),
            Prefetch("medewerkers__user"),
            Prefetch("verbanden", queryset=verband_annotated()),
        )
    )
    return get_object_or_404(qs, pk=pk)


def gebied_list(*, user: User) -> QuerySet[Gebied]:
    """The gebieden in the user's scope, with counts per gebied."""
    return (
        Gebied.objects.zichtbaar_voor(user)
        .select_related("gemeente")
        .prefetch_related("gebiedsmanagers")
        .annotate(
            aantal_wijken=SubqueryCount(Wijk.objects.filter(gebied=OuterRef("pk")).values("pk")),
            aantal_praktijken=SubqueryCount(
                Praktijk.objects.filter(wijk__gebied=OuterRef("pk"), actief=True).values("pk")
            ),
            aantal_verbanden=SubqueryCount(
                Samenwerkingsverband.objects.filter(wijk__gebied=OuterRef("pk"), actief=True).values("pk")
            ),
        )
        .order_by("gemeente__naam", "naam")
    )


def praktijk_wijzigingen(*, praktijk: Praktijk, limiet: int = 10) -> list[Wijziging]:
    """Who changed what of this practice and its wijk assignment, and when (newest first)."""
    return sorted(
        wijzigingen(praktijk.history.all(), onderwerp=lambda r: str(_("Praktijkgegevens")), limiet=limiet)
        + wijzigingen(
            WijkToewijzing.history.filter(praktijk_id=praktijk.pk),
            onderwerp=lambda r: str(_("Wijktoewijzing")),
            limiet=limiet,
        ),
        key=lambda w: w.wanneer,
        reverse=True,
    )[:limiet]


def sociale_kaart(*, wijk: Wijk, filters=None) -> PartnerFilterSet:
    """The partners of a wijk and their contact people, filtered; a FilterSet whose ``qs`` is the list."""
    # The beroepsgroepen in the order of the handreiking (huisarts, apotheker, ...), then the others.
    volgorde = Case(
        *[When(beroepsgroep=groep, then=Value(i)) for i, groep in enumerate(Beroepsgroep.values)],
        output_field=IntegerField(),
    )
    qs = (
        Partner.objects.filter(wijken=wijk)
        .prefetch_related(Prefetch("contactpersonen", queryset=Contactpersoon.objects.order_by("naam")))
        .order_by(volgorde, "naam")
    )
    return PartnerFilterSet(filters, queryset=qs)


@dataclass
class WsvRegel:
    """One WSV in the gebied overview, with its delegates per kern-beroepsgroep."""

    verband: Samenwerkingsverband
    afgevaardigden: dict[str, Afgevaardigde]
    vacatures: list[str]

    @property
    def verwacht_tot_nu(self) -> int:
        """Meetings the norm expects by today (pro rata: about four a year means one a quarter)."""
        vandaag = timezone.localdate()
        return int(self.verband.overleggen_per_jaar * vandaag.timetuple().tm_yday / 365)

    @property
    def achter_op_norm(self) -> bool:
        return self.verband.overleggen_dit_jaar < self.verwacht_tot_nu

    @property
    def samenstelling(self) -> list[tuple[str, Afgevaardigde | None, bool]]:
        """(beroepsgroep, its active delegate or None, whether it must always be linked)."""
        return [
            (groep.label, self.afgevaardigden.get(groep), groep == Beroepsgroep.SOCIAAL_DOMEIN)
            for groep in KERN_BEROEPSGROEPEN
        ]

    @property
    def sociaal_domein_ontbreekt(self) -> bool:
        return Beroepsgroep.SOCIAAL_DOMEIN in self.vacatures


def gebied_overzicht(*, user: User, pk: int) -> tuple[Gebied, list[WsvRegel]]:
    """A gebied with each WSV: composition, last/next meeting, meetings this year, open actions and
    knelpunten, in a fixed number of queries."""
    gebied = get_object_or_404(Gebied.objects.zichtbaar_voor(user).select_related("gemeente"), pk=pk)
    verbanden = list(
        verband_annotated()
        .filter(wijk__gebied=gebied, soort=VerbandSoort.MULTIDISCIPLINAIR, actief=True)
        .annotate(
            laatste_overleg=Subquery(
                Overleg.objects.filter(
                    verband=OuterRef("pk"), status=OverlegStatus.GEHOUDEN, datum__lte=timezone.localdate()
                )
                .order_by("-datum")
                .values("datum")[:1]
            ),
            # The overview links to the last meeting (the next one: verband_annotated).
            laatste_overleg_pk=Subquery(
                Overleg.objects.filter(
                    verband=OuterRef("pk"), status=OverlegStatus.GEHOUDEN, datum__lte=timezone.localdate()
                )
                .order_by("-datum")
                .values("pk")[:1]
            ),
            open_knelpunten=SubqueryCount(
                Knelpunt.objects.filter(
                    verband=OuterRef("pk"), status=KnelpuntStatus.OPEN, soort=KnelpuntSoort.KNELPUNT
                ).values("pk")
            ),
        )
        .order_by("wijk__naam")
    )
    per_verband: dict[int, dict[str, Afgevaardigde]] = {v.pk: {} for v in verbanden}
    for a in Afgevaardigde.objects.filter(verband__in=verbanden, einde_op__isnull=True).select_related(
        "contactpersoon__partner", "contactpersoon__praktijk"
    ):
        per_verband[a.verband_id][a.beroepsgroep] = a
    regels = [
        WsvRegel(
            verband=v,
            afgevaardigden=per_verband[v.pk],
            vacatures=[g for g in KERN_BEROEPSGROEPEN if g not in per_verband[v.pk]],
        )
        for v in verbanden
    ]
    return gebied, regels


def partners_van_wijk(*, wijk: Wijk) -> list[Partner]:
    """The partners on the sociale kaart of a wijk, in the handreiking's order of beroepsgroepen."""
    return list(sociale_kaart(wijk=wijk).qs)


def praktijk_inventarisatie(*, praktijk: Praktijk) -> tuple[list[Partner], dict[int, PartnerInventarisatie]]:
    """The partners of the practice's wijk and what the practice filled in for each."""
    partners = partners_van_wijk(wijk=praktijk.wijk)
    ingevuld = {i.partner_id: i for i in PartnerInventarisatie.objects.filter(praktijk=praktijk)}
    return partners, ingevuld


@dataclass
class InventarisatieMatrix:
    """The inventories of all practices of a wijk side by side, per partner."""

    praktijken: list[Praktijk]
    rijen: list[tuple[Partner, list[PartnerInventarisatie | None]]]

    @property
    def notities(self) -> list[PartnerInventarisatie]:
        return [
            cel
            for _partner, cellen in self.rijen
            for cel in cellen
            if cel is not None and (cel.knelpunten or cel.goede_voorbeelden)
        ]


def wijk_inventarisatie(*, wijk: Wijk) -> InventarisatieMatrix:
    praktijken = list(Praktijk.objects.filter(wijk=wijk, actief=True).order_by("naam"))
    partners = partners_van_wijk(wijk=wijk)
    cellen = {
        (i.praktijk_id, i.partner_id): i
        for i in PartnerInventarisatie.objects.filter(praktijk__in=praktijken).select_related(
            "praktijk", "partner"
        )
    }
    return InventarisatieMatrix(
        praktijken=praktijken,
        rijen=[(p, [cellen.get((pr.pk, p.pk)) for pr in praktijken]) for p in partners],
    )
