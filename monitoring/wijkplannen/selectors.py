"""Reading the wijkplan: the plan with its parts, the wijkscan's figures, and the region view.

Every selector owns its select_related/prefetch_related, so the pages run a fixed number of queries.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Avg, Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.shortcuts import get_object_or_404

from samenwerking.constants import KnelpuntSoort, KnelpuntStatus, VerbandSoort
from samenwerking.models import Knelpunt
from wijken.constants import KERN_BEROEPSGROEPEN, Beroepsgroep
from wijken.models import Partner, Praktijk, Wijk
from zio_portal.permissions import is_gebiedsmanager

from ..constants import ResponsStatus, VraagType
from ..models import Actie, Antwoord, CbsKerncijfers, Doel, Prioriteit, Ronde, Wijkplan
from ..models.wijkplannen import CBS_KOLOMMEN
from .constants import SoortRegio, WijkplanStatus

if TYPE_CHECKING:
    from zio_portal.models import User

# The question of the yearly vragenlijst that asks for the number of registered patients.
PATIENTEN_VRAAGCODE = "ALG01"
LEEFTIJDEN = ("leeftijd_0_15", "leeftijd_15_25", "leeftijd_25_45", "leeftijd_45_65", "leeftijd_65_plus")


def wijkplan_list(*, user: User) -> QuerySet[Wijkplan]:
    """The plans this user may see, with their wijk and gebied."""
    return (
        Wijkplan.objects.zichtbaar_voor(user)
        .select_related("wijk__gebied__gemeente")
        .annotate(aantal_doelen=Count("prioriteiten__doelen", distinct=True))
        .order_by("wijk__naam", "-jaar")
    )


def wijken_om_te_starten(*, user: User, jaar: int) -> QuerySet[Wijk]:
    """The wijken without a plan for ``jaar`` for which this user may start one, by name.

    The rule (``monitoring.add_wijkplan``: a gebiedsmanager of the wijk's gebied; a superuser may do
    anything) read in the query, so a list or a count costs the same whatever the region; views still
    check the rule on the wijk that is chosen."""
    if user.is_superuser:
        wijken = Wijk.objects.zichtbaar_voor(user)
    elif is_gebiedsmanager(user):
        wijken = Wijk.objects.filter(gebied__gebiedsmanagers=user)
    else:
        return Wijk.objects.none()
    return wijken.exclude(pk__in=Wijkplan.objects.filter(jaar=jaar).values("wijk_id")).order_by("naam")


def wijkplan_get(*, user: User, pk: int) -> Wijkplan:
    """One plan with everything the plan page shows, or 404 outside the user's scope."""
    acties = Actie.objects.select_related(
        "eigenaar_contact__partner",
        "eigenaar_contact__praktijk",
        "eigenaar_praktijk",
        "actiepunt",
        "afspraak",
    )
    doelen = Doel.objects.select_related("evaluatie").prefetch_related(Prefetch("acties", queryset=acties))
    prioriteiten = Prioriteit.objects.select_related("scanitem").prefetch_related(
        Prefetch("doelen", queryset=doelen)
    )
    return get_object_or_404(
        Wijkplan.objects.zichtbaar_voor(user)
        .select_related("wijk__gebied__gemeente", "besluit__overleg__verband", "vorig_plan", "pdf")
        .defer("pdf__snapshot")
        .prefetch_related(
            "scanitems",
            Prefetch("prioriteiten", queryset=prioriteiten),
            "afstemmingen__andere_wijk",
            "opmerkingen__auteur",
        ),
        pk=pk,
    )


def wijkplan_intern(*, pk: int) -> Wijkplan:
    """One plan with everything its PDF shows (the worker: no user, the request was checked before)."""
    acties = Actie.objects.select_related(
        "eigenaar_contact__partner",
        "eigenaar_contact__praktijk",
        "eigenaar_praktijk",
        "actiepunt",
        "afspraak",
    )
    doelen = Doel.objects.select_related("evaluatie").prefetch_related(Prefetch("acties", queryset=acties))
    return (
        Wijkplan.objects.select_related(
            "wijk__gebied__gemeente__regio", "besluit__overleg__verband", "vorig_plan"
        )
        .prefetch_related(
            "scanitems",
            Prefetch("prioriteiten", queryset=_prioriteiten(doelen)),
            "afstemmingen__andere_wijk",
        )
        .get(pk=pk)
    )


def _prioriteiten(doelen) -> QuerySet[Prioriteit]:
    return Prioriteit.objects.select_related("scanitem").prefetch_related(Prefetch("doelen", queryset=doelen))


def acties_van_plan(*, wijkplan: Wijkplan) -> QuerySet[Actie]:
    """The actions of a plan (to find one posted by id without leaving the plan)."""
    return Actie.objects.filter(doel__prioriteit__wijkplan=wijkplan)


# --- the wijkscan ------------------------------------------------------------------------------------
@dataclass
class Cijfer:
    """One CBS figure of the wijk against last year, the gemeente and the region (shares for groups)."""

    label: str
    wijk: int | Decimal | None
    vorig_jaar: int | Decimal | None
    gemeente: int | Decimal | None
    regio: int | Decimal | None
    aandeel: bool = False  # shown as a share of the inhabitants (or households)
    wijk_pct: Decimal | None = None
    vorig_jaar_pct: Decimal | None = None
    gemeente_pct: Decimal | None = None
    regio_pct: Decimal | None = None
    veld: str = ""  # the CbsKerncijfers field


@dataclass
class Wijkscan:
    """The figures of the wijkscan for a wijk and year."""

    wijkplan: Wijkplan
    cbs_jaar: int | None
    cijfers: list[Cijfer] = field(default_factory=list)
    praktijken: list[Praktijk] = field(default_factory=list)
    patienten_totaal: int | None = None
    ronde: Ronde | None = None
    beroepsgroepen: list[tuple[str, list[Partner]]] = field(default_factory=list)
    ontbrekend: list[str] = field(default_factory=list)
    knelpunten: list[Knelpunt] = field(default_factory=list)
    inzichten: list[Knelpunt] = field(default_factory=list)
    samenwerking: list[dict] = field(default_factory=list)


def _pct(deel, geheel) -> Decimal | None:
    if deel is None or not geheel:
        return None
    return (Decimal(deel) * 100 / Decimal(geheel)).quantize(Decimal("0.1"))


def _cbs_cijfers(wijk: Wijk, jaar: int) -> tuple[int | None, list[Cijfer]]:
    """The wijk's CBS figures of the latest year up to ``jaar`` against last year, gemeente and region."""
    cbs_jaar = (
        CbsKerncijfers.objects.filter(wijk=wijk, jaar__lte=jaar)
        .order_by("-jaar")
        .values_list("jaar", flat=True)
        .first()
    )
    if cbs_jaar is None:
        return None, []
    rijen = {
        (k.jaar, k.soort, k.gemeente_id): k
        for k in CbsKerncijfers.objects.filter(
            Q(wijk=wijk, jaar__in=[cbs_jaar, cbs_jaar - 1])
            | Q(gemeente_id=wijk.gebied.gemeente_id, jaar=cbs_jaar)
        )
    }
    deze = rijen.get((cbs_jaar, SoortRegio.WIJK, None))
    vorig = rijen.get((cbs_jaar - 1, SoortRegio.WIJK, None))
    gemeente = rijen.get((cbs_jaar, SoortRegio.GEMEENTE, wijk.gebied.gemeente_id))
    # The region: the sum of the region's gemeenten (an average for the income).
    regio_qs = CbsKerncijfers.objects.filter(
        soort=SoortRegio.GEMEENTE, jaar=cbs_jaar, gemeente__regio_id=wijk.gebied.gemeente.regio_id
    )
    regio = regio_qs.aggregate(
        **{veld: Sum(veld) for veld in CBS_KOLOMMEN if veld != "gemiddeld_inkomen"},
        gemiddeld_inkomen=Avg("gemiddeld_inkomen"),
    )
    cijfers = []
    for veld in CBS_KOLOMMEN:
        label = str(CbsKerncijfers._meta.get_field(veld).verbose_name)
        waarden = [getattr(r, veld) if r else None for r in (deze, vorig, gemeente)] + [regio.get(veld)]
        if all(w is None for w in waarden):
            continue
        if veld == "gemiddeld_inkomen" and waarden[3] is not None:
            waarden[3] = Decimal(waarden[3]).quantize(Decimal("0.1"))
        cijfer = Cijfer(label, *waarden, veld=veld)
        basis = "huishoudens" if veld == "eenpersoonshuishoudens" else "inwoners"
        if veld in LEEFTIJDEN or veld in ("eenpersoonshuishoudens", "bijstand", "werkloosheid", "aow"):
            cijfer.aandeel = True
            cijfer.wijk_pct = _pct(cijfer.wijk, getattr(deze, basis) if deze else None)
            cijfer.vorig_jaar_pct = _pct(cijfer.vorig_jaar, getattr(vorig, basis) if vorig else None)
            cijfer.gemeente_pct = _pct(cijfer.gemeente, getattr(gemeente, basis) if gemeente else None)
            cijfer.regio_pct = _pct(cijfer.regio, regio.get(basis))
        cijfers.append(cijfer)
    return cbs_jaar, cijfers


def wijkscan(*, wijkplan: Wijkplan) -> Wijkscan:
    """The wijkscan's figures: CBS kerncijfers against last year, the gemeente and the region; the
    practices and their registered patients (vragenlijst); partners per beroepsgroep with the gaps;
    the WSV's open knelpunten and inzichten; the collaboration scores of the yearly vragenlijst."""
    wijk = wijkplan.wijk
    scan = Wijkscan(wijkplan=wijkplan, cbs_jaar=None)
    scan.cbs_jaar, scan.cijfers = _cbs_cijfers(wijk, wijkplan.jaar)

    scan.ronde = (
        Ronde.objects.filter(vragenlijst__jaar__lte=wijkplan.jaar)
        .select_related("vragenlijst")
        .order_by("-vragenlijst__jaar", "-opent_op")
        .first()
    )
    praktijken = Praktijk.objects.filter(wijk=wijk, actief=True).order_by("naam")
    if scan.ronde is not None:
        patienten = Antwoord.objects.filter(
            respons__ronde=scan.ronde,
            respons__status=ResponsStatus.INGEDIEND,
            respons__praktijk=OuterRef("pk"),
            vraag__code=PATIENTEN_VRAAGCODE,
        ).values("getal")[:1]
        praktijken = praktijken.annotate(patienten=Subquery(patienten))
    scan.praktijken = list(praktijken)
    bekend = [int(p.patienten) for p in scan.praktijken if getattr(p, "patienten", None) is not None]
    scan.patienten_totaal = sum(bekend) if bekend else None

    per_groep: dict[str, list[Partner]] = {}
    for partner in Partner.objects.filter(wijken=wijk).order_by("beroepsgroep", "naam"):
        per_groep.setdefault(partner.beroepsgroep, []).append(partner)
    labels = dict(Beroepsgroep.choices)
    scan.beroepsgroepen = [
        (labels[g], per_groep.get(g, []))
        for g in Beroepsgroep.values
        if g in per_groep or g in KERN_BEROEPSGROEPEN
    ]
    # A huisarts is in the wijk when a practice is, even without a partner entry.
    scan.ontbrekend = [
        str(labels[g])
        for g in KERN_BEROEPSGROEPEN
        if not per_groep.get(g) and not (g == Beroepsgroep.HUISARTS and scan.praktijken)
    ]

    open_punten = list(
        Knelpunt.objects.filter(
            verband__wijk=wijk, verband__soort=VerbandSoort.MULTIDISCIPLINAIR, status=KnelpuntStatus.OPEN
        ).order_by("-gemeld_op")
    )
    scan.knelpunten = [k for k in open_punten if k.soort == KnelpuntSoort.KNELPUNT]
    scan.inzichten = [k for k in open_punten if k.soort != KnelpuntSoort.KNELPUNT]

    if scan.ronde is not None:
        ingediend = Q(respons__status=ResponsStatus.INGEDIEND)
        in_wijk = Q(respons__praktijk__wijk=wijk)
        scan.samenwerking = list(
            Antwoord.objects.filter(
                ingediend,
                respons__ronde=scan.ronde,
                vraag__samenwerking=True,
                vraag__type=VraagType.SCHAAL,
                getal__isnull=False,
            )
            .values("vraag__code", "vraag__tekst", "vraag__volgorde")
            .annotate(
                wijk=Avg("getal", filter=in_wijk),
                aantal_wijk=Count("pk", filter=in_wijk),
                regio=Avg("getal"),
                aantal_regio=Count("pk"),
            )
            .order_by("vraag__volgorde")
        )
    return scan


# --- the region view ---------------------------------------------------------------------------------
@dataclass
class RegioOverzicht:
    """Which wijken have a vastgesteld plan this year, which a concept, which none; common priorities."""

    jaar: int
    vastgesteld: list[tuple[Wijk, Wijkplan]]
    concept: list[tuple[Wijk, Wijkplan]]
    geen: list[Wijk]
    prioriteiten: list[tuple[str, int]]


def wijkplan_stand(*, jaar: int, wijken: list[Wijk]) -> RegioOverzicht:
    """The wijkplannen of these wijken for a year (vastgesteld, concept, none) and the most common
    priorities (by title, counted once per wijk) across them: two queries."""
    plannen = {p.wijk_id: p for p in Wijkplan.objects.filter(jaar=jaar, wijk__in=[w.pk for w in wijken])}
    vastgesteld, concept, geen = [], [], []
    for wijk in wijken:
        plan = plannen.get(wijk.pk)
        if plan is None:
            geen.append(wijk)
        elif plan.status == WijkplanStatus.VASTGESTELD:
            vastgesteld.append((wijk, plan))
        else:
            concept.append((wijk, plan))
    titels = Counter()
    for titel, _wijk in (
        Prioriteit.objects.filter(wijkplan__jaar=jaar, wijkplan__wijk__in=[w.pk for w in wijken])
        .values_list("titel", "wijkplan__wijk")
        .distinct()
    ):
        titels[titel.strip().capitalize()] += 1
    return RegioOverzicht(
        jaar=jaar,
        vastgesteld=vastgesteld,
        concept=concept,
        geen=geen,
        prioriteiten=sorted(titels.items(), key=lambda t: (-t[1], t[0]))[:10],
    )


def regio_overzicht(*, jaar: int) -> RegioOverzicht:
    """The wijkplannen of all wijken for a year, and the most common priorities (by title) across wijken."""
    wijken = list(Wijk.objects.select_related("gebied__gemeente").order_by("gebied__gemeente__naam", "naam"))
    return wijkplan_stand(jaar=jaar, wijken=wijken)
