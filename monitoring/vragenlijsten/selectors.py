"""Reads of the vragenlijsten, scoped to the user; results are aggregated in the database."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wijken.models import Praktijk, Wijk
from zio_portal.cache import onthouden, scope_sleutel, versies
from zio_portal.history import Wijziging, samenvoegen, wijzigingen
from zio_portal.models import User
from zio_portal.permissions import is_gebiedsmanager, is_praktijkmedewerker

from ..constants import ResponsStatus, VraagType
from ..models import Antwoord, Respons, Ronde, Sectie, Vraag, Vragenlijst
from . import charts

# Wijk figures are shown to practice staff only when at least this many practices answered, so no
# single other practice's answer can be read from an aggregate.
MINIMUM_GROEP = 3
VERDELING_TYPES = (VraagType.SCHAAL, VraagType.JA_NEE, VraagType.MEERKEUZE)


def ronde_list(*, user: User) -> QuerySet[Ronde]:
    """All rounds (they are not secret), newest first, with the number of submitted responses."""
    return (
        Ronde.objects.select_related("vragenlijst")
        .annotate(
            aantal_ingediend=Count("responsen", filter=Q(responsen__status=ResponsStatus.INGEDIEND)),
        )
        .order_by("-vragenlijst__jaar", "vragenlijst__naam")
    )


def open_rondes(*, datum: datetime.date | None = None) -> QuerySet[Ronde]:
    """The rounds open today (or on ``datum``)."""
    datum = datum or timezone.localdate()
    return Ronde.objects.filter(opent_op__lte=datum, sluit_op__gte=datum).select_related("vragenlijst")


def vragenlijst_list() -> QuerySet[Vragenlijst]:
    """Every questionnaire with its round, newest year first (for those who run the monitoring)."""
    return Vragenlijst.objects.select_related("ronde").order_by("-jaar", "naam")


def in_te_vullen(*, user: User) -> list[tuple[Ronde, Praktijk, Respons | None]]:
    """For practice staff: each open round with each of their practices and its response so far
    (empty for everyone else: they fill in nothing)."""
    if not is_praktijkmedewerker(user):
        return []
    praktijken = list(eigen_praktijken(user=user))
    rondes = list(open_rondes())
    responsen = {
        (r.ronde_id, r.praktijk_id): r
        for r in Respons.objects.filter(ronde__in=rondes, praktijk__in=praktijken)
    }
    return [
        (ronde, praktijk, responsen.get((ronde.pk, praktijk.pk)))
        for ronde in rondes
        for praktijk in praktijken
    ]


def vragenlijst_get(*, pk: int) -> Vragenlijst:
    """A questionnaire with its sections and questions in order."""
    return get_object_or_404(
        Vragenlijst.objects.select_related("gebaseerd_op", "ronde").prefetch_related(
            Prefetch("secties", queryset=Sectie.objects.prefetch_related("vragen").order_by("volgorde"))
        ),
        pk=pk,
    )


def vorige_ronde(ronde: Ronde) -> Ronde | None:
    """The round of the same questionnaire one year earlier (questions match by code)."""
    return (
        Ronde.objects.filter(
            vragenlijst__naam=ronde.vragenlijst.naam, vragenlijst__jaar__lt=ronde.vragenlijst.jaar
        )
        .select_related("vragenlijst")
        .order_by("-vragenlijst__jaar")
        .first()
    )


def eigen_praktijken(*, user: User) -> QuerySet[Praktijk]:
    """The practices the user works at."""
    return Praktijk.objects.van_medewerker(user).select_related("wijk").order_by("naam")


def vragen_met_secties(*, vragenlijst: Vragenlijst) -> list[Sectie]:
    """The sections of a questionnaire in order, each with its questions in order."""
    return list(
        vragenlijst.secties.order_by("volgorde").prefetch_related(
            Prefetch("vragen", queryset=Vraag.objects.order_by("volgorde"))
        )
    )


def antwoorden_per_code(*, ronde: Ronde | None, praktijk: Praktijk) -> dict[str, Antwoord]:
    """A practice's answers in a round, by question code (to show last year's beside this year's)."""
    if ronde is None:
        return {}
    return {
        a.vraag.code: a
        for a in Antwoord.objects.filter(respons__ronde=ronde, respons__praktijk=praktijk).select_related(
            "vraag"
        )
    }


def respons_get(*, user: User, pk: int) -> Respons:
    """A response the user may see (404 otherwise)."""
    return get_object_or_404(
        Respons.objects.zichtbaar_voor(user).select_related(
            "ronde__vragenlijst", "praktijk__wijk", "ingediend_door"
        ),
        pk=pk,
    )


# --- results -------------------------------------------------------------------------------------


@dataclass
class VraagResultaat:
    vraag: Vraag
    categorieen: list[str] = field(default_factory=list)
    # label -> counts per category (distribution questions) or (mean, n) for numbers
    verdeling: list[tuple[str, list[int]]] = field(default_factory=list)
    gemiddelden: list[tuple[str, Decimal | None, int]] = field(default_factory=list)
    eigen: list[tuple[str, object]] = field(default_factory=list)
    aantal_open: int = 0
    svg: str = ""


# The response chart has a bar per wijk up to this many wijken, else a bar per gebied.
GRAFIEK_MAX_WIJKEN = 20


@dataclass
class Resultaten:
    ronde: Ronde
    rondes: list[Ronde]
    secties: list[Sectie]
    sectie: Sectie | None
    respons_per_wijk: list[dict]
    regio_respons: dict
    vragen: list[VraagResultaat]
    wijk: Wijk | None
    wijken: list[Wijk]
    praktijk: Praktijk | None
    praktijken: list[Praktijk]
    wijk_te_klein: bool = False
    respons_svg: str = ""
    alleen_regio_kiesbaar: bool = True
    respons_per_gebied: list[dict] = field(default_factory=list)


def _categorieen(vraag: Vraag) -> list[str]:
    if vraag.type == VraagType.SCHAAL:
        return ["1", "2", "3", "4", "5"]
    if vraag.type == VraagType.JA_NEE:
        return [_("Ja"), _("Nee")]
    return list(vraag.opties)


def _categorie(vraag_type: str, getal, ja_nee, tekst) -> str:
    if vraag_type == VraagType.SCHAAL:
        return str(int(getal)) if getal is not None else ""
    if vraag_type == VraagType.JA_NEE:
        return _("Ja") if ja_nee else _("Nee")
    return tekst


def _aggregaten(antwoorden: QuerySet[Antwoord]) -> tuple[dict, dict, dict]:
    """Counts per (code, ronde, category), mean and n per (code, ronde), open answers per (code, ronde)."""
    telling: dict = defaultdict(int)
    for rij in (
        antwoorden.filter(vraag__type__in=VERDELING_TYPES)
        .values("vraag__code", "respons__ronde_id", "vraag__type", "getal", "ja_nee", "tekst")
        .annotate(n=Count("pk"))
    ):
        categorie = _categorie(rij["vraag__type"], rij["getal"], rij["ja_nee"], rij["tekst"])
        telling[(rij["vraag__code"], rij["respons__ronde_id"], categorie)] += rij["n"]
    gemiddeld = {
        (r["vraag__code"], r["respons__ronde_id"]): (r["gem"], r["n"])
        for r in antwoorden.filter(vraag__type=VraagType.GETAL)
        .values("vraag__code", "respons__ronde_id")
        .annotate(gem=Avg("getal"), n=Count("pk"))
    }
    open_ = {
        (r["vraag__code"], r["respons__ronde_id"]): r["n"]
        for r in antwoorden.filter(vraag__type=VraagType.OPEN)
        .values("vraag__code", "respons__ronde_id")
        .annotate(n=Count("pk"))
    }
    return telling, gemiddeld, open_


# The data the results are made from: any change to a model of these apps bumps its version
# (zio_portal/cache.py), so the next request computes them again (the scope's wijken, gebieden,
# practices and their staff live in ``wijken``; rounds, questions and answers in ``monitoring``).
RESULTATEN_BRONNEN = ("wijken", "monitoring")
# Bounds the memory only: the versions keep the figures correct.
RESULTATEN_BEWAARTIJD = 60 * 60
# Part of the key: raise it when Resultaten (or what it holds) changes shape, so no process reads an
# entry of the old shape.
RESULTATEN_VORM = 1


def resultaten(
    *,
    user: User,
    ronde: Ronde,
    sectie_id: int | None = None,
    wijk_id: int | None = None,
    praktijk_id: int | None = None,
    met_grafieken: bool = True,
    alle_secties: bool = False,
) -> Resultaten:
    """The results of a round for this user's scope (see ``_resultaten_maken``), kept in the cache per
    round, scope, choice and the versions of the data under them: a second request runs none of the
    aggregate queries and draws no chart; a change to a response, a question, a practice or a wijk
    makes the next request compute them again."""
    sleutel = (
        "vragenlijsten.resultaten",
        RESULTATEN_VORM,
        versies(*RESULTATEN_BRONNEN),
        get_language(),
        ronde.pk,
        scope_sleutel(user),
        sectie_id,
        wijk_id,
        praktijk_id,
        met_grafieken,
        alle_secties,
    )
    return onthouden(
        sleutel,
        lambda: _resultaten_maken(
            user=user,
            ronde=ronde,
            sectie_id=sectie_id,
            wijk_id=wijk_id,
            praktijk_id=praktijk_id,
            met_grafieken=met_grafieken,
            alle_secties=alle_secties,
        ),
        RESULTATEN_BEWAARTIJD,
    )


def _resultaten_maken(
    *,
    user: User,
    ronde: Ronde,
    sectie_id: int | None,
    wijk_id: int | None,
    praktijk_id: int | None,
    met_grafieken: bool,
    alle_secties: bool,
) -> Resultaten:
    """The results of a round for this user's scope, in a constant number of queries.

    Everyone sees the region as aggregates; regio roles pick any wijk, a gebiedsmanager the wijken of
    their gebieden, practice staff their own practice (its own answers) against its wijk and the region.
    Earlier years of the same questionnaire are matched by question code.

    Reads the user only through the scope rules (``scope_sleutel`` names what they depend on).
    """
    rondes = [ronde] + list(
        Ronde.objects.filter(
            vragenlijst__naam=ronde.vragenlijst.naam, vragenlijst__jaar__lt=ronde.vragenlijst.jaar
        )
        .select_related("vragenlijst")
        .order_by("-vragenlijst__jaar")[:2]
    )
    secties = list(ronde.vragenlijst.secties.order_by("volgorde"))
    sectie = next((s for s in secties if s.pk == sectie_id), secties[0] if secties else None)

    praktijken: list[Praktijk] = []
    praktijk = None
    eigen_praktijk_rol = is_praktijkmedewerker(user)
    if eigen_praktijk_rol:
        praktijken = list(eigen_praktijken(user=user))
        praktijk = next((p for p in praktijken if p.pk == praktijk_id), praktijken[0] if praktijken else None)
        wijken = [praktijk.wijk] if praktijk else []
    else:
        wijken = list(Wijk.objects.zichtbaar_voor(user).select_related("gebied").order_by("naam"))
        # One Gebied object per gebied (select_related makes one per wijk): the cached results hold
        # each once, so a request unpickles a few gebieden instead of one per wijk.
        gebieden: dict[int, object] = {}
        for w in wijken:
            w.gebied = gebieden.setdefault(w.gebied_id, w.gebied)
    wijk = praktijk.wijk if praktijk else next((w for w in wijken if w.pk == wijk_id), None)
    # A gebiedsmanager always compares with one of their wijken: the region alone is not offered.
    alleen_regio_kiesbaar = not is_gebiedsmanager(user)
    if wijk is None and not alleen_regio_kiesbaar and wijken:
        wijk = wijken[0]

    # Response rate per wijk: active practices and submitted responses, in one grouped query.
    per_wijk = {
        r["wijk_id"]: r
        for r in Praktijk.objects.filter(actief=True)
        .values("wijk_id")
        .annotate(
            # distinct: the join with the responses of every round would count a practice once per round.
            praktijken=Count("pk", distinct=True),
            ingediend=Count(
                "responsen",
                filter=Q(responsen__ronde=ronde, responsen__status=ResponsStatus.INGEDIEND),
                distinct=True,
            ),
        )
    }
    regio = {
        "praktijken": sum(r["praktijken"] for r in per_wijk.values()),
        "ingediend": sum(r["ingediend"] for r in per_wijk.values()),
    }
    regio["percentage"] = 100 * regio["ingediend"] / regio["praktijken"] if regio["praktijken"] else 0
    respons_per_wijk = []
    if not eigen_praktijk_rol:
        for w in wijken:
            r = per_wijk.get(w.pk, {"praktijken": 0, "ingediend": 0})
            pct = 100 * r["ingediend"] / r["praktijken"] if r["praktijken"] else 0
            respons_per_wijk.append({"wijk": w, **r, "percentage": pct})
    elif wijk:
        r = per_wijk.get(wijk.pk, {"praktijken": 0, "ingediend": 0})
        pct = 100 * r["ingediend"] / r["praktijken"] if r["praktijken"] else 0
        respons_per_wijk.append({"wijk": wijk, **r, "percentage": pct})

    wijk_te_klein = False
    if wijk is not None and eigen_praktijk_rol:
        wijk_te_klein = per_wijk.get(wijk.pk, {"ingediend": 0})["ingediend"] < MINIMUM_GROEP

    vragen = list(
        Vraag.objects.filter(vragenlijst=ronde.vragenlijst)
        .filter(**({} if alle_secties or sectie is None else {"sectie": sectie}))
        .select_related("sectie")
        .order_by("sectie__volgorde", "volgorde")
    )
    codes = [v.code for v in vragen]
    basis = Antwoord.objects.filter(
        vraag__code__in=codes, respons__ronde__in=rondes, respons__status=ResponsStatus.INGEDIEND
    )
    regio_telling, regio_gem, regio_open = _aggregaten(basis)
    wijk_telling = wijk_gem = None
    if wijk is not None and not wijk_te_klein:
        wijk_telling, wijk_gem, _wijk_open = _aggregaten(basis.filter(respons__praktijk__wijk=wijk))
    eigen: dict = {}
    if praktijk is not None:
        for a in Antwoord.objects.filter(
            vraag__code__in=codes, respons__ronde__in=rondes, respons__praktijk=praktijk
        ).select_related("vraag", "respons"):
            eigen[(a.vraag.code, a.respons.ronde_id)] = a

    reeks_scopes = [(_("Regio"), regio_telling, regio_gem)]
    if wijk_telling is not None:
        reeks_scopes.append((wijk.naam, wijk_telling, wijk_gem))
    uitkomst = []
    for vraag in vragen:
        vr = VraagResultaat(vraag=vraag, categorieen=_categorieen(vraag))
        for label, telling, gem in reeks_scopes:
            for r in rondes:
                naam = f"{label} {r.vragenlijst.jaar}"
                if vraag.type in VERDELING_TYPES:
                    aantallen = [telling.get((vraag.code, r.pk, c), 0) for c in vr.categorieen]
                    if sum(aantallen) or r is ronde:
                        vr.verdeling.append((naam, aantallen))
                elif vraag.type == VraagType.GETAL:
                    gemiddelde, n = gem.get((vraag.code, r.pk), (None, 0))
                    if n or r is ronde:
                        vr.gemiddelden.append((naam, gemiddelde, n))
        vr.aantal_open = regio_open.get((vraag.code, ronde.pk), 0)
        if praktijk is not None:
            for r in rondes:
                antwoord = eigen.get((vraag.code, r.pk))
                vr.eigen.append((str(r.vragenlijst.jaar), antwoord.waarde if antwoord else None))
        if met_grafieken:
            if vr.verdeling and any(sum(a) for _l, a in vr.verdeling):
                vr.svg = charts.verdeling_svg(
                    titel=f"{vraag.code}: {vraag.tekst}", categorieen=vr.categorieen, reeksen=vr.verdeling
                )
            elif any(n for _l, _g, n in vr.gemiddelden):
                vr.svg = charts.staven_svg(
                    titel=_("%(code)s: gemiddelde") % {"code": vraag.code},
                    reeksen=[(label, g or 0) for label, g, n in vr.gemiddelden if n],
                    as_label=_("gemiddelde"),
                )
        uitkomst.append(vr)

    # Totals per gebied (the page shows these whole; the wijken are paged under them).
    per_gebied: dict[int, dict] = {}
    for rij in respons_per_wijk if not eigen_praktijk_rol else []:
        g = per_gebied.setdefault(
            rij["wijk"].gebied_id,
            {"gebied": rij["wijk"].gebied, "wijken": 0, "praktijken": 0, "ingediend": 0},
        )
        g["wijken"] += 1
        g["praktijken"] += rij["praktijken"]
        g["ingediend"] += rij["ingediend"]
    respons_per_gebied = sorted(per_gebied.values(), key=lambda g: g["gebied"].naam)
    for g in respons_per_gebied:
        g["percentage"] = 100 * g["ingediend"] / g["praktijken"] if g["praktijken"] else 0

    respons_svg = ""
    if met_grafieken and respons_per_wijk:
        # A bar per wijk while that stays readable, else a bar per gebied: the chart does not grow.
        per_wijk_leesbaar = len(respons_per_wijk) <= GRAFIEK_MAX_WIJKEN
        respons_svg = charts.staven_svg(
            titel=_("Respons per wijk (ingediend, in procenten)")
            if per_wijk_leesbaar
            else _("Respons per gebied (ingediend, in procenten)"),
            reeksen=[(_("Regio"), regio["percentage"])]
            + (
                [(r["wijk"].naam, r["percentage"]) for r in respons_per_wijk]
                if per_wijk_leesbaar
                else [(g["gebied"].naam, g["percentage"]) for g in respons_per_gebied]
            ),
            eenheid="%",
            maximum=100,
            as_label=_("percentage ingediend"),
        )
    return Resultaten(
        ronde=ronde,
        rondes=rondes,
        secties=secties,
        sectie=None if alle_secties else sectie,
        respons_per_wijk=respons_per_wijk,
        regio_respons=regio,
        vragen=uitkomst,
        wijk=wijk,
        wijken=wijken,
        praktijk=praktijk,
        praktijken=praktijken,
        wijk_te_klein=wijk_te_klein,
        respons_svg=respons_svg,
        alleen_regio_kiesbaar=alleen_regio_kiesbaar,
        respons_per_gebied=respons_per_gebied,
    )


def praktijk_in_scope(*, user: User, pk: int) -> Praktijk:
    """A practice the user may see (404 otherwise)."""
    return get_object_or_404(Praktijk.objects.zichtbaar_voor(user).select_related("wijk"), pk=pk)


def sjabloon_rijen(*, user: User, ronde: Ronde) -> tuple[list[str], list[list[str]]]:
    """The headings and rows of a round's import template: AGB code (as text), practice, wijk, and an
    empty column per question under its code; a row per active practice the user may see."""
    vragen = list(ronde.vragenlijst.vragen.order_by("sectie__volgorde", "volgorde"))
    koppen = ["AGB-code", "Praktijk", "Wijk", *[v.code for v in vragen]]
    praktijken = (
        Praktijk.objects.zichtbaar_voor(user).filter(actief=True).select_related("wijk").order_by("naam")
    )
    rijen = [[p.agb_code, p.naam, p.wijk.naam if p.wijk_id else "", *[""] * len(vragen)] for p in praktijken]
    return koppen, rijen


# --- history -------------------------------------------------------------------------------------


def vragenlijst_wijzigingen(*, vragenlijst: Vragenlijst, limiet: int = 25) -> list[Wijziging]:
    """Who added or changed a section or question of this questionnaire, when and what (2 queries)."""
    return samenvoegen(
        wijzigingen(
            Sectie.history.filter(vragenlijst_id=vragenlijst.pk),
            onderwerp=lambda r: _("sectie „%(titel)s”") % {"titel": r.titel},
            limiet=limiet,
            met_waarden=True,
        ),
        wijzigingen(
            Vraag.history.filter(vragenlijst_id=vragenlijst.pk),
            onderwerp=lambda r: _("vraag %(code)s") % {"code": r.code},
            limiet=limiet,
            met_waarden=True,
        ),
        limiet=limiet,
    )


def antwoord_wijzigingen(*, respons: Respons, vragen: dict[int, Vraag], limiet: int = 50) -> list[Wijziging]:
    """A response's answers over time: who (or which import) changed which answer, old and new value.

    ``vragen`` are the questionnaire's questions by pk (already loaded for the page): one query.
    """

    def onderwerp(record) -> str:
        vraag = vragen.get(record.vraag_id)
        return _("antwoord op %(code)s") % {"code": vraag.code if vraag else "?"}

    return wijzigingen(
        Antwoord.history.filter(respons_id=respons.pk), onderwerp=onderwerp, limiet=limiet, met_waarden=True
    )
