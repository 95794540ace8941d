"""The data a report is made from, read with aggregate queries and returned as plain JSON.

The snapshot is stored with the report, so an old report can be rendered again identically. The number
of queries does not grow with the number of wijken: every figure is grouped by wijk in one query.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Avg, Count, Q
from django.utils import timezone

from monitoring.constants import BezoekStatus, ResponsStatus, ScopeSoort, VraagType
from monitoring.models import Antwoord, Ondersteuningsbehoefte, Praktijkbezoek, Respons, Ronde
from samenwerking.constants import (
    NORM_OVERLEGGEN_PER_JAAR,
    ActiepuntStatus,
    AfspraakStatus,
    Nageleefd,
    OverlegSoort,
    OverlegStatus,
    VerbandSoort,
)
from samenwerking.models import Actiepunt, Afspraak, Evaluatie, Knelpunt, Overleg
from samenwerking.selectors import verband_annotated
from wijken.models import Gebied, Praktijk, Wijk

from .secties import continuiteit_sectie, wijkplannen_sectie

SNAPSHOT_VERSIE = 1
MAX_TERUGKOPPELINGEN_PER_WIJK = 2
TEKST_LENGTE = 280


def _iso(d: datetime.date | None) -> str | None:
    return d.isoformat() if d else None


def jaar_eerder(d: datetime.date, jaren: int = 1) -> datetime.date:
    """The same date ``jaren`` years earlier (29 February becomes 28 February)."""
    try:
        return d.replace(year=d.year - jaren)
    except ValueError:
        return d.replace(year=d.year - jaren, day=28)


def vorige_periode(van: datetime.date, tot: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The period to compare with: the same dates a year earlier (a year with the year before, 1 January
    to today with the same span last year, a quarter with that quarter last year: no seasonal
    difference); a period of whole years with as many years just before it; any other period longer
    than a year with the period of equal length just before it."""
    if jaar_eerder(tot) < van:
        return jaar_eerder(van), jaar_eerder(tot)
    lengte = (tot - van).days + 1
    jaren = round(lengte / 365.25)
    if jaar_eerder(tot, jaren) == van - datetime.timedelta(days=1):
        return jaar_eerder(van, jaren), jaar_eerder(tot, jaren)
    return van - datetime.timedelta(days=lengte), van - datetime.timedelta(days=1)


def _jaren(van: datetime.date, tot: datetime.date) -> float:
    return ((tot - van).days + 1) / 365.25


def _kort(tekst: str) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= TEKST_LENGTE else tekst[: TEKST_LENGTE - 1].rsplit(" ", 1)[0] + "…"


def _wijken(
    scope: str, gebied_id: int | None, wijk_id: int | None, binnen: list[int] | None = None
) -> list[Wijk]:
    qs = Wijk.objects.select_related("gebied__gemeente").order_by("gebied__naam", "naam")
    if binnen is not None:  # the dashboard of a gebiedsmanager: only the wijken of their gebieden
        qs = qs.filter(pk__in=binnen)
    if scope == ScopeSoort.GEBIED:
        qs = qs.filter(gebied_id=gebied_id)
    elif scope == ScopeSoort.WIJK:
        qs = qs.filter(pk=wijk_id)
    return list(qs)


def _per_wijk(qs, veld: str, *groep: str, **aggregaten) -> dict:
    """``{wijk_id: value}`` (or ``{wijk_id: {groep: value}}``) of one grouped aggregate query."""
    uit: dict = defaultdict(dict) if groep else {}
    for rij in qs.values(veld, *groep).annotate(**aggregaten).order_by():
        waarde = rij[next(iter(aggregaten))] if len(aggregaten) == 1 else {k: rij[k] for k in aggregaten}
        if groep:
            uit[rij[veld]][tuple(rij[g] for g in groep) if len(groep) > 1 else rij[groep[0]]] = waarde
        else:
            uit[rij[veld]] = waarde
    return uit


def kerncijfers(*, van: datetime.date, tot: datetime.date, wijk_ids: list[int]) -> dict:
    """The key figures of a period for these wijken (used for this and the previous period)."""
    gehouden = Overleg.objects.filter(
        verband__wijk_id__in=wijk_ids,
        verband__soort=VerbandSoort.MULTIDISCIPLINAIR,
        status=OverlegStatus.GEHOUDEN,
        datum__range=(van, tot),
    )
    # Per kind (WSV-overleg, MDO, FTO, DTO, intervisie): one grouped query; the total is their sum.
    per_soort = dict(gehouden.values_list("soort").annotate(n=Count("pk")).order_by())
    overleggen = sum(per_soort.values())
    evaluaties = Evaluatie.objects.filter(afspraak__verband__wijk_id__in=wijk_ids, datum__range=(van, tot))
    ev = evaluaties.aggregate(totaal=Count("pk"), ja=Count("pk", filter=Q(nageleefd=Nageleefd.JA)))
    bezoeken = Praktijkbezoek.objects.filter(
        praktijk__wijk_id__in=wijk_ids, status=BezoekStatus.GEHOUDEN, gehouden_op__range=(van, tot)
    ).aggregate(totaal=Count("pk"), praktijken=Count("praktijk", distinct=True))
    return {
        "afspraken_nieuw": Afspraak.objects.filter(
            verband__wijk_id__in=wijk_ids, versie=1, aangemaakt_op__date__range=(van, tot)
        ).count(),
        "versies": Afspraak.objects.filter(
            verband__wijk_id__in=wijk_ids, versie__gt=1, aangemaakt_op__date__range=(van, tot)
        ).count(),
        "evaluaties": ev["totaal"],
        "nageleefd_pct": round(100 * ev["ja"] / ev["totaal"]) if ev["totaal"] else None,
        "overleggen_wsv": overleggen,
        "overleggen_per_soort": {soort: per_soort.get(soort, 0) for soort in OverlegSoort.values},
        "knelpunten_resv": Knelpunt.objects.filter(
            verband__wijk_id__in=wijk_ids, naar_resv_op__range=(van, tot)
        ).count(),
        "bezoeken": bezoeken["totaal"],
        "praktijken_bezocht": bezoeken["praktijken"],
    }


def _vragenlijst(van: datetime.date, tot: datetime.date, wijken: list[Wijk], praktijken: dict) -> dict | None:
    """Response rate of the latest round in the period and the collaboration questions vs region."""
    ronde = (
        Ronde.objects.filter(opent_op__lte=tot, sluit_op__gte=van)
        .select_related("vragenlijst")
        .order_by("-opent_op")
        .first()
    )
    if ronde is None:
        return None
    wijk_ids = [w.pk for w in wijken]
    ingediend = _per_wijk(
        Respons.objects.filter(ronde=ronde, status=ResponsStatus.INGEDIEND, praktijk__wijk_id__in=wijk_ids),
        "praktijk__wijk_id",
        n=Count("pk"),
    )
    regio_ingediend = Respons.objects.filter(ronde=ronde, status=ResponsStatus.INGEDIEND).count()
    regio_praktijken = Praktijk.objects.filter(actief=True).count()
    schaal = Antwoord.objects.filter(
        respons__status=ResponsStatus.INGEDIEND,
        vraag__samenwerking=True,
        vraag__type=VraagType.SCHAAL,
        getal__isnull=False,
    )
    vragen = list(
        ronde.vragenlijst.vragen.filter(samenwerking=True, type=VraagType.SCHAAL)
        .order_by("sectie__volgorde", "volgorde")
        .values("code", "tekst")
    )
    codes = [v["code"] for v in vragen]
    # Region means per year (same question code across years), and per wijk for this round.
    per_jaar: dict = defaultdict(dict)
    for rij in (
        schaal.filter(vraag__code__in=codes, respons__ronde__vragenlijst__jaar__lte=ronde.vragenlijst.jaar)
        .values("vraag__code", "respons__ronde__vragenlijst__jaar")
        .annotate(gem=Avg("getal"), n=Count("pk"))
        .order_by()
    ):
        per_jaar[rij["vraag__code"]][rij["respons__ronde__vragenlijst__jaar"]] = round(float(rij["gem"]), 2)
    per_wijk: dict = defaultdict(dict)
    for rij in (
        schaal.filter(respons__ronde=ronde, respons__praktijk__wijk_id__in=wijk_ids)
        .values("vraag__code", "respons__praktijk__wijk_id")
        .annotate(gem=Avg("getal"), n=Count("pk"))
        .order_by()
    ):
        per_wijk[rij["respons__praktijk__wijk_id"]][rij["vraag__code"]] = {
            "gem": round(float(rij["gem"]), 2),
            "n": rij["n"],
        }
    scope_gem = {
        rij["vraag__code"]: round(float(rij["gem"]), 2)
        for rij in schaal.filter(respons__ronde=ronde, respons__praktijk__wijk_id__in=wijk_ids)
        .values("vraag__code")
        .annotate(gem=Avg("getal"))
        .order_by()
    }
    return {
        "naam": str(ronde.vragenlijst),
        "jaar": ronde.vragenlijst.jaar,
        "opent_op": _iso(ronde.opent_op),
        "sluit_op": _iso(ronde.sluit_op),
        "regio": {"praktijken": regio_praktijken, "ingediend": regio_ingediend},
        "scope": {
            "praktijken": sum(praktijken.get(w.pk, 0) for w in wijken),
            "ingediend": sum(ingediend.get(w.pk, 0) for w in wijken),
        },
        "vragen": [
            {
                "code": v["code"],
                "tekst": v["tekst"],
                "regio_per_jaar": {str(j): g for j, g in sorted(per_jaar.get(v["code"], {}).items())},
                "scope": scope_gem.get(v["code"]),
            }
            for v in vragen
        ],
        "per_wijk": {
            str(w.pk): {
                "ingediend": ingediend.get(w.pk, 0),
                "vragen": per_wijk.get(w.pk, {}),
            }
            for w in wijken
        },
    }


def snapshot_maken(
    *,
    periode_van: datetime.date,
    periode_tot: datetime.date,
    scope: str,
    gebied_id: int | None = None,
    wijk_id: int | None = None,
    binnen: list[int] | None = None,
    scope_naam: str | None = None,
    vandaag: datetime.date | None = None,
) -> dict:
    """All figures of the report for the period and scope, as JSON-serialisable data.

    ``binnen`` limits the wijken further (the live dashboard of a gebiedsmanager), ``scope_naam``
    then names that selection. ``vandaag`` (default: today) caps the date on which a state is read,
    such as which practices have a valid opvangafspraak."""
    van, tot = periode_van, periode_tot
    wijken = _wijken(scope, gebied_id, wijk_id, binnen)
    wijk_ids = [w.pk for w in wijken]
    jaren = _jaren(van, tot)

    praktijken = _per_wijk(
        Praktijk.objects.filter(actief=True, wijk_id__in=wijk_ids), "wijk_id", n=Count("pk")
    )
    verbanden: dict = defaultdict(list)
    for v in verband_annotated().filter(actief=True, wijk_id__in=wijk_ids):
        verbanden[v.wijk_id].append(
            {
                "naam": v.naam,
                "soort": v.soort,
                "wsv": v.soort == VerbandSoort.MULTIDISCIPLINAIR,
                "stap": v.huidige_stap_nummer,
                "stap_titel": v.huidige_stap_titel or "",
                "fase": v.huidige_fase or "",
                "praktijken": v.aantal_praktijken,
                "afspraken": v.aantal_afspraken,
                "afgevaardigden": v.aantal_afgevaardigden,
                "norm_per_jaar": v.overleggen_per_jaar,
            }
        )
    lopend = Afspraak.objects.filter(verband__wijk_id__in=wijk_ids, aangemaakt_op__date__lte=tot).exclude(
        status=AfspraakStatus.VERVANGEN
    )
    afspraken_thema = _per_wijk(lopend, "verband__wijk_id", "thema__naam", "status", n=Count("pk"))
    evaluaties = _per_wijk(
        Evaluatie.objects.filter(afspraak__verband__wijk_id__in=wijk_ids, datum__range=(van, tot)),
        "afspraak__verband__wijk_id",
        "nageleefd",
        n=Count("pk"),
    )
    versies = _per_wijk(
        Afspraak.objects.filter(
            verband__wijk_id__in=wijk_ids, versie__gt=1, aangemaakt_op__date__range=(van, tot)
        ),
        "verband__wijk_id",
        n=Count("pk"),
    )
    overleggen = _per_wijk(
        Overleg.objects.filter(
            verband__wijk_id__in=wijk_ids, status=OverlegStatus.GEHOUDEN, datum__range=(van, tot)
        ),
        "verband__wijk_id",
        "verband__soort",
        n=Count("pk"),
    )
    actiepunten = _per_wijk(
        Actiepunt.objects.filter(verband__wijk_id__in=wijk_ids, status=ActiepuntStatus.OPEN),
        "verband__wijk_id",
        n=Count("pk"),
        te_laat=Count("pk", filter=Q(deadline__lt=tot)),
    )
    knelpunten = _per_wijk(
        Knelpunt.objects.filter(verband__wijk_id__in=wijk_ids, naar_resv_op__range=(van, tot)),
        "verband__wijk_id",
        n=Count("pk"),
    )
    bezoeken = _per_wijk(
        Praktijkbezoek.objects.filter(
            praktijk__wijk_id__in=wijk_ids, status=BezoekStatus.GEHOUDEN, gehouden_op__range=(van, tot)
        ),
        "praktijk__wijk_id",
        n=Count("pk"),
        praktijken=Count("praktijk", distinct=True),
        gedeeld=Count("pk", filter=Q(gedeeld_op__isnull=False)),
    )
    ondersteuning = _per_wijk(
        Ondersteuningsbehoefte.objects.filter(
            bezoek__praktijk__wijk_id__in=wijk_ids,
            bezoek__status=BezoekStatus.GEHOUDEN,
            bezoek__gehouden_op__range=(van, tot),
        ),
        "bezoek__praktijk__wijk_id",
        "categorie",
        n=Count("pk"),
    )
    # The latest shared terugkoppelingen per wijk (a short excerpt each): one query, cut in Python.
    terugkoppelingen: dict = defaultdict(list)
    for rij in (
        Praktijkbezoek.objects.filter(
            praktijk__wijk_id__in=wijk_ids, gedeeld_op__isnull=False, gehouden_op__range=(van, tot)
        )
        .order_by("praktijk__wijk_id", "-gehouden_op", "pk")
        .values("praktijk__wijk_id", "praktijk__naam", "gehouden_op", "terugkoppeling")
        .iterator()
    ):
        lijst = terugkoppelingen[rij["praktijk__wijk_id"]]
        if len(lijst) < MAX_TERUGKOPPELINGEN_PER_WIJK:
            lijst.append(
                {
                    "praktijk": rij["praktijk__naam"],
                    "datum": _iso(rij["gehouden_op"]),
                    "tekst": _kort(rij["terugkoppeling"]),
                }
            )

    vragenlijst = _vragenlijst(van, tot, wijken, praktijken)

    gebieden: dict[int, dict] = {}
    for wijk in wijken:
        gebied = gebieden.setdefault(
            wijk.gebied_id,
            {
                "id": wijk.gebied_id,
                "naam": wijk.gebied.naam,
                "gemeente": wijk.gebied.gemeente.naam,
                "wijken": [],
            },
        )
        wsv_norm = sum(v["norm_per_jaar"] for v in verbanden[wijk.pk] if v["wsv"])
        ov = overleggen.get(wijk.pk, {})
        bz = bezoeken.get(wijk.pk, {"n": 0, "praktijken": 0, "gedeeld": 0})
        ap = actiepunten.get(wijk.pk, {"n": 0, "te_laat": 0})
        thema_status: dict = defaultdict(dict)
        for (thema, status), n in sorted(afspraken_thema.get(wijk.pk, {}).items()):
            thema_status[thema][status] = n
        gebied["wijken"].append(
            {
                "id": wijk.pk,
                "naam": wijk.naam,
                "inwoners": wijk.inwoners,
                "praktijken": praktijken.get(wijk.pk, 0),
                "verbanden": verbanden[wijk.pk],
                "afspraken": dict(thema_status),
                "evaluaties": {k: evaluaties.get(wijk.pk, {}).get(k, 0) for k in Nageleefd.values},
                "versies": versies.get(wijk.pk, 0),
                "overleggen_wsv": ov.get(VerbandSoort.MULTIDISCIPLINAIR, 0),
                "overleggen_huisartsen": ov.get(VerbandSoort.HUISARTSEN, 0),
                "overleggen_norm": round(wsv_norm * jaren, 1) if wsv_norm else 0,
                "open_actiepunten": ap["n"],
                "actiepunten_te_laat": ap["te_laat"],
                "knelpunten_resv": knelpunten.get(wijk.pk, 0),
                "bezoeken": bz["n"],
                "praktijken_bezocht": bz["praktijken"],
                "terugkoppelingen_gedeeld": bz["gedeeld"],
                "bezoeken_norm": round(praktijken.get(wijk.pk, 0) * jaren, 1),
                "ondersteuning": dict(sorted(ondersteuning.get(wijk.pk, {}).items())),
                "terugkoppelingen": terugkoppelingen[wijk.pk],
            }
        )

    vorige_van, vorige_tot = vorige_periode(van, tot)
    if not scope_naam:
        scope_naam = "Regio Maastricht-Heuvelland"
        if scope == ScopeSoort.GEBIED:
            scope_naam = Gebied.objects.values_list("naam", flat=True).get(pk=gebied_id)
        elif scope == ScopeSoort.WIJK and wijken:
            scope_naam = wijken[0].naam
    # A state (not a count over the period) is read on the last day of the period, or today if the
    # period runs on; the comparison on the same day a year earlier.
    peildatum = min(tot, vandaag or timezone.localdate())
    continuiteit = continuiteit_sectie(
        wijk_ids=wijk_ids,
        van=van,
        tot=tot,
        vorige_van=vorige_van,
        vorige_tot=vorige_tot,
        peildatum=peildatum,
        peildatum_vorige=min(vorige_tot, jaar_eerder(peildatum)),
    )
    return {
        "versie": SNAPSHOT_VERSIE,
        "periode": {
            "van": _iso(van),
            "tot": _iso(tot),
            "vorige_van": _iso(vorige_van),
            "vorige_tot": _iso(vorige_tot),
        },
        "scope": {"soort": scope, "naam": scope_naam, "gebied_id": gebied_id, "wijk_id": wijk_id},
        "norm_overleggen_per_jaar": NORM_OVERLEGGEN_PER_JAAR,
        "gebieden": list(gebieden.values()),
        "vragenlijst": vragenlijst,
        "kerncijfers": kerncijfers(van=van, tot=tot, wijk_ids=wijk_ids),
        "kerncijfers_vorige": kerncijfers(van=vorige_van, tot=vorige_tot, wijk_ids=wijk_ids),
        # Added later: a snapshot made before these sections lacks the keys (the presenter allows it).
        "continuiteit": continuiteit,
        "wijkplannen": wijkplannen_sectie(wijk_ids=wijk_ids, jaar=tot.year),
    }
