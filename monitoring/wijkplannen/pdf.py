"""The wijkplan as PDF (WeasyPrint, in the worker): a snapshot of the plan and its figures, charts of the
population figures against the gemeente and the region, and the tagged PDF of the portal's PDF chain.

The snapshot holds plain data only, so the same snapshot always gives the same document and the
template runs no queries."""

from __future__ import annotations

import datetime
import hashlib
import json
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import formats, timezone, translation

from zio_portal.pdf import css_url, html_naar_pdf

from ..models import Wijkplan
from ..rapportage.charts import als_afbeelding, naast_elkaar_svg
from . import selectors
from .selectors import LEEFTIJDEN

SNAPSHOT_VERSIE = 1
# The figures shown as a share in the charts: age groups of the inhabitants, the social ones.
SOCIAAL = ("eenpersoonshuishoudens", "bijstand", "werkloosheid", "aow")


def _getal(waarde) -> int | float | None:
    if waarde is None:
        return None
    if isinstance(waarde, Decimal):
        return float(waarde)
    return waarde


def _datum(d: datetime.date | None) -> str:
    return d.isoformat() if d else ""


def _eigenaar(actie) -> str:
    if actie.eigenaar_contact_id:
        c = actie.eigenaar_contact
        organisatie = c.organisatie
        return f"{c.naam} ({organisatie.naam})" if organisatie else c.naam
    return actie.eigenaar_praktijk.naam if actie.eigenaar_praktijk_id else ""


def _gekoppeld(actie) -> str:
    if actie.actiepunt_id:
        return f"Actiepunt WSV ({actie.gekoppelde_status.lower()})"
    if actie.afspraak_id:
        return f"Afspraak {actie.afspraak.titel} ({actie.gekoppelde_status.lower()})"
    return ""


def snapshot_maken(*, wijkplan_id: int) -> dict:
    """The plan as it stands now: scan, figures (CBS against last year, gemeente and region; the
    portal's own), priorities with goals and actions, afstemming and evaluation. Plain JSON data."""
    plan = selectors.wijkplan_intern(pk=wijkplan_id)
    scan = selectors.wijkscan(wijkplan=plan)
    cijfers = []
    for c in scan.cijfers:
        cijfers.append(
            {
                "veld": c.veld,
                "label": c.label,
                "wijk": _getal(c.wijk),
                "vorig_jaar": _getal(c.vorig_jaar),
                "gemeente": _getal(c.gemeente),
                "regio": _getal(c.regio),
                "wijk_pct": _getal(c.wijk_pct),
                "vorig_jaar_pct": _getal(c.vorig_jaar_pct),
                "gemeente_pct": _getal(c.gemeente_pct),
                "regio_pct": _getal(c.regio_pct),
            }
        )
    groepen: dict[str, list[dict]] = {}
    for item in plan.scanitems.all():
        groepen.setdefault(item.get_soort_display(), []).append(
            {"titel": item.titel, "toelichting": item.toelichting}
        )
    besluit = None
    if plan.besluit_id:
        besluit = {
            "tekst": plan.besluit.tekst,
            "verband": plan.besluit.overleg.verband.naam,
            "datum": _datum(plan.besluit.overleg.datum),
        }
    return {
        "versie": SNAPSHOT_VERSIE,
        "gemaakt_op": timezone.localdate().isoformat(),
        "wijk": plan.wijk.naam,
        "gebied": plan.wijk.gebied.naam,
        "gemeente": plan.wijk.gebied.gemeente.naam,
        "regio": plan.wijk.gebied.gemeente.regio.naam,
        "jaar": plan.jaar,
        "status": str(plan.get_status_display()),
        "vastgesteld": not plan.is_concept,
        "vastgesteld_op": _datum(plan.vastgesteld_op),
        "besluit": besluit,
        "samenvatting": plan.samenvatting,
        "vorig_plan": plan.vorig_plan.jaar if plan.vorig_plan_id else None,
        "cbs_jaar": scan.cbs_jaar,
        "cijfers": cijfers,
        "praktijken": [
            {"naam": p.naam, "patienten": _getal(getattr(p, "patienten", None))} for p in scan.praktijken
        ],
        "patienten_totaal": scan.patienten_totaal,
        "beroepsgroepen": [(str(naam), len(partners)) for naam, partners in scan.beroepsgroepen],
        "ontbrekend": scan.ontbrekend,
        "knelpunten": [k.omschrijving for k in scan.knelpunten],
        "scan": [{"soort": str(soort), "items": items} for soort, items in groepen.items()],
        "prioriteiten": [
            {
                "titel": p.titel,
                "toelichting": p.toelichting,
                "doelen": [
                    {
                        "titel": d.titel,
                        "specifiek": d.specifiek,
                        "meetbaar": d.meetbaar,
                        "acceptabel": d.acceptabel,
                        "realistisch": d.realistisch,
                        "tijdgebonden": _datum(d.tijdgebonden),
                        "evaluatie": (
                            {
                                "behaald": str(d.evaluatie.get_behaald_display()),
                                "goed": d.evaluatie.wat_gaat_goed,
                                "beter": d.evaluatie.wat_kan_beter,
                            }
                            if hasattr(d, "evaluatie")
                            else None
                        ),
                        "acties": [
                            {
                                "omschrijving": a.omschrijving,
                                "eigenaar": _eigenaar(a),
                                "deadline": _datum(a.deadline),
                                "status": str(a.get_status_display()),
                                "gekoppeld": _gekoppeld(a),
                            }
                            for a in d.acties.all()
                        ],
                    }
                    for d in p.doelen.all()
                ],
            }
            for p in plan.prioriteiten.all()
        ],
        "afstemmingen": [
            {
                "met": str(a.get_met_display()) + (f" ({a.andere_wijk.naam})" if a.andere_wijk_id else ""),
                "wie": a.wie,
                "datum": _datum(a.datum),
                "uitkomst": a.uitkomst,
            }
            for a in plan.afstemmingen.all()
        ],
    }


# --- presenting ------------------------------------------------------------------------------------


def nl(waarde, decimalen: int = 0) -> str:
    if waarde is None:
        return "–"
    tekst = f"{waarde:,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def _lange_datum(iso: str) -> str:
    return formats.date_format(datetime.date.fromisoformat(iso), "j F Y") if iso else ""


def _grafiek(titel: str, rijen: list[dict], namen: tuple[str, str, str]) -> dict:
    """Grouped bars of shares (%): the wijk against the gemeente and the region, one group per figure."""
    rijen = [r for r in rijen if r["wijk_pct"] is not None]
    if not rijen:
        return {}
    svg = naast_elkaar_svg(
        titel=titel,
        labels=[r["label"][:1].upper() + r["label"][1:] for r in rijen],
        reeksen=[
            (namen[0], [r["wijk_pct"] or 0 for r in rijen]),
            (namen[1], [r["gemeente_pct"] or 0 for r in rijen]),
            (namen[2], [r["regio_pct"] or 0 for r in rijen]),
        ],
        eenheid="%",
        decimalen=1,
    )
    return als_afbeelding(svg)


def pdf_context(snapshot: dict) -> dict:
    """What the template shows: Dutch numbers and dates, the charts as images."""
    s = snapshot
    namen = (f"Wijk {s['wijk']}", f"Gemeente {s['gemeente']}", f"Regio {s['regio']}")
    per_veld = {c["veld"]: c for c in s["cijfers"]}
    cijfers = []
    for c in s["cijfers"]:
        rij = {"label": c["label"][:1].upper() + c["label"][1:]}
        decimalen = 1 if c["veld"] == "gemiddeld_inkomen" else 0
        for k in ("wijk", "vorig_jaar", "gemeente", "regio"):
            rij[k] = nl(c[k], decimalen)
            rij[f"{k}_pct"] = nl(c[f"{k}_pct"], 1) + "%" if c[f"{k}_pct"] is not None else ""
        cijfers.append(rij)
    leeftijden = [per_veld[v] for v in LEEFTIJDEN if v in per_veld]
    sociaal = [per_veld[v] for v in SOCIAAL if v in per_veld]
    prioriteiten = []
    for p in s["prioriteiten"]:
        doelen = []
        for d in p["doelen"]:
            acties = [{**a, "deadline": _lange_datum(a["deadline"])} for a in d["acties"]]
            doelen.append({**d, "tijdgebonden": _lange_datum(d["tijdgebonden"]), "acties": acties})
        prioriteiten.append({**p, "doelen": doelen})
    return {
        **s,
        "titel": f"Wijkplan {s['wijk']} {s['jaar']}",
        "vastgesteld_op": _lange_datum(s["vastgesteld_op"]),
        "gemaakt_op": _lange_datum(s["gemaakt_op"]),
        "besluit": {**s["besluit"], "datum": _lange_datum(s["besluit"]["datum"])} if s["besluit"] else None,
        "cijfers": cijfers,
        "inwoners": nl(per_veld["inwoners"]["wijk"]) if "inwoners" in per_veld else "",
        "patienten_totaal": nl(s["patienten_totaal"]) if s["patienten_totaal"] is not None else "",
        "praktijken": [
            {"naam": p["naam"], "patienten": nl(p["patienten"]) if p["patienten"] is not None else ""}
            for p in s["praktijken"]
        ],
        "grafiek_leeftijd": _grafiek("Leeftijdsopbouw: aandeel van de inwoners", leeftijden, namen),
        "grafiek_sociaal": _grafiek("Huishoudens en uitkeringen: aandeel", sociaal, namen),
        "afstemmingen": [{**a, "datum": _lange_datum(a["datum"])} for a in s["afstemmingen"]],
        "prioriteiten": prioriteiten,
    }


def pdf_html(snapshot: dict) -> str:
    with translation.override("nl"):
        context = pdf_context(snapshot)
        return render_to_string(
            "monitoring/wijkplannen/pdf.html", {**context, "css_url": css_url("wijkplan.css")}
        )


def pdf_maken(*, snapshot: dict) -> bytes:
    """The wijkplan as tagged PDF bytes; the same snapshot gives the same bytes."""
    identifier = hashlib.sha256(json.dumps(snapshot, sort_keys=True, default=str).encode()).hexdigest()[:32]
    return html_naar_pdf(html=pdf_html(snapshot), identifier=identifier.encode())


def pdf_van_plan(plan: Wijkplan) -> bytes:
    """Snapshot and render in one go (tests and the demo screenshots)."""
    return pdf_maken(snapshot=snapshot_maken(wijkplan_id=plan.pk))
