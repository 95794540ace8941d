"""Reads that join the geography with the verbanden: the wijk list and detail, the praktijk detail,
the gebied overview of the WSVs and the partner inventories. Each starts from the wijken selector's
queryset and adds the verbanden."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone

from wijken import selectors as wijken_selectors
from wijken.constants import KERN_BEROEPSGROEPEN, Beroepsgroep
from wijken.models import Gebied, Partner, Praktijk, Wijk
from zio_portal.cache import onthouden, versies
from zio_portal.db import SubqueryCount
from zio_portal.models import User

from ..constants import ActiepuntStatus, KnelpuntSoort, KnelpuntStatus, OverlegStatus, VerbandSoort
from ..models import Actiepunt, Afgevaardigde, Knelpunt, Overleg, PartnerInventarisatie, Samenwerkingsverband
from ..verbanden.selectors import verband_annotated


def wijk_list(*, user: User, zoek: str = "") -> QuerySet[Wijk]:
    """The wijken this user may see, with their counts and the number of active verbanden; ``zoek``
    keeps the wijken whose name, gebied or gemeente contains it."""
    qs = wijken_selectors.wijk_list(user=user)
    if zoek := zoek.strip():
        qs = qs.filter(
            Q(naam__icontains=zoek)
            | Q(gebied__naam__icontains=zoek)
            | Q(gebied__gemeente__naam__icontains=zoek)
        )
    return qs.annotate(
        aantal_verbanden=SubqueryCount(
            Samenwerkingsverband.objects.filter(wijk=OuterRef("pk"), actief=True).values("pk")
        ),
    )


def wijk_get(*, user: User, pk: int) -> Wijk:
    """One wijk with its practices, partners and verbanden, or 404 outside the user's scope."""
    qs = wijken_selectors.wijk_detail_queryset(user=user).prefetch_related(
        Prefetch("verbanden", queryset=verband_annotated().filter(actief=True)),
    )
    return get_object_or_404(qs, pk=pk)


def praktijk_get(*, user: User, pk: int) -> Praktijk:
    """One practice with its wijk history, contacts and verbanden, or 404 outside the user's scope."""
    qs = wijken_selectors.praktijk_detail_queryset(user=user).prefetch_related(
        Prefetch("verbanden", queryset=verband_annotated()),
    )
    return get_object_or_404(qs, pk=pk)


def gebied_list(*, user: User) -> QuerySet[Gebied]:
    """The gebieden in the user's scope, with their counts and the number of active verbanden."""
    return wijken_selectors.gebied_list(user=user).annotate(
        aantal_verbanden=SubqueryCount(
            Samenwerkingsverband.objects.filter(wijk__gebied=OuterRef("pk"), actief=True).values("pk")
        ),
    )


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


GEBIED_PER_PAGINA = 8
# Bounds the memory only: the data versions and the date in the key keep the summary correct.
SAMENVATTING_BEWAARTIJD = 60 * 60


def _gebied_samenvatting(wsvs: QuerySet[Samenwerkingsverband]) -> dict[str, int]:
    """The gebied's WSVs at a glance, all pages together, in one query: how many there are, how many
    are behind the meeting norm (as ``WsvRegel.achter_op_norm``) or miss a kern-beroepsgroep, and their
    open actions and knelpunten. Only the counts it needs, not the overview's annotations per row."""
    vandaag = timezone.localdate()
    dag = vandaag.timetuple().tm_yday
    return (
        wsvs.order_by()
        .annotate(
            gehouden=SubqueryCount(
                Overleg.objects.filter(
                    verband=OuterRef("pk"), status=OverlegStatus.GEHOUDEN, datum__year=vandaag.year
                ).values("pk")
            ),
            kern_bezet=SubqueryCount(
                Afgevaardigde.objects.filter(
                    verband=OuterRef("pk"), einde_op__isnull=True, beroepsgroep__in=KERN_BEROEPSGROEPEN
                )
                .values("beroepsgroep")
                .distinct()
            ),
            n_acties=SubqueryCount(
                Actiepunt.objects.filter(verband=OuterRef("pk"), status=ActiepuntStatus.OPEN).values("pk")
            ),
            n_knelpunten=SubqueryCount(
                Knelpunt.objects.filter(
                    verband=OuterRef("pk"), status=KnelpuntStatus.OPEN, soort=KnelpuntSoort.KNELPUNT
                ).values("pk")
            ),
        )
        .aggregate(
            aantal=Count("pk"),
            achter=Count("pk", filter=Q(gehouden__lt=F("overleggen_per_jaar") * dag / 365)),
            met_vacature=Count("pk", filter=Q(kern_bezet__lt=len(KERN_BEROEPSGROEPEN))),
            actiepunten=Sum("n_acties", default=0),
            knelpunten=Sum("n_knelpunten", default=0),
        )
    )


def gebied_overzicht(
    *, user: User, pk: int, page: str | None = None, wsv: int | None = None
) -> tuple[Gebied, list[WsvRegel], Page | None, dict[str, int] | None]:
    """A gebied with its WSVs, ``GEBIED_PER_PAGINA`` at a time with a summary of them all (or only WSV
    ``wsv``, for its details on demand): composition, last/next meeting, meetings this year, open
    actions and knelpunten, in a fixed number of queries."""
    gebied = get_object_or_404(Gebied.objects.zichtbaar_voor(user).select_related("gemeente"), pk=pk)
    qs = (
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
        .order_by("wijk__naam", "pk")
    )
    pagina = samenvatting = None
    if wsv is not None:
        verbanden = list(qs.filter(pk=wsv))
    else:
        # Kept under the versions of its data (zio_portal/cache.py) and today's date (the norm moves).
        samenvatting = onthouden(
            (
                "wijkoverzicht.gebied_samenvatting",
                versies("wijken", "samenwerking"),
                timezone.localdate().isoformat(),
                gebied.pk,
            ),
            lambda: _gebied_samenvatting(
                Samenwerkingsverband.objects.filter(
                    wijk__gebied=gebied, soort=VerbandSoort.MULTIDISCIPLINAIR, actief=True
                )
            ),
            SAMENVATTING_BEWAARTIJD,
        )
        paginator = Paginator(qs, GEBIED_PER_PAGINA)
        paginator.count = samenvatting["aantal"]  # the summary counted them: no second COUNT query
        pagina = paginator.get_page(page)
        verbanden = list(pagina.object_list)
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
    return gebied, regels, pagina, samenvatting


def praktijk_inventarisatie(*, praktijk: Praktijk) -> tuple[list[Partner], dict[int, PartnerInventarisatie]]:
    """The partners of the practice's wijk and what the practice filled in for each."""
    partners = wijken_selectors.partners_van_wijk(wijk=praktijk.wijk)
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
    """The inventories of the wijk's active practices side by side, per partner on its sociale kaart."""
    praktijken = list(Praktijk.objects.filter(wijk=wijk, actief=True).order_by("naam"))
    partners = wijken_selectors.partners_van_wijk(wijk=wijk)
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
