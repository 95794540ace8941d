"""Turns a snapshot into what the PDF template shows: Dutch numbers and dates, charts, short tables.

No queries: everything comes from the snapshot and the report's own fields (passed as ``meta``), so the
same snapshot always gives the same document.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, field

from . import charts
from .snapshot import jaar_eerder

MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
FASEN = {"plan": "Plan", "do": "Do", "check": "Check", "act": "Act", "check_act": "Check/Act"}
STATUS_AFSPRAAK = {
    "concept": "concept",
    "actief": "actief",
    "geborgd": "geborgd",
    "beeindigd": "beëindigd",
}
ONDERSTEUNING = {
    "organisatie": "Organisatie van de samenwerking",
    "continuiteit": "Continuïteit en waarneming",
    "personeel": "Personeel en arbeidsmarkt",
    "ict": "ICT en gegevensuitwisseling",
    "bedrijfsvoering": "Bedrijfsvoering",
    "kwaliteit": "Zorgaanbod en kwaliteit",
    "sociaal_domein": "Samenwerking met sociaal domein",
    "overig": "Overig",
}
# The kinds of meeting as the report names them (samenwerking.constants.OverlegSoort).
OVERLEGSOORTEN = {
    "wsv": "WSV-overleg",
    "mdo": "MDO",
    "fto": "FTO",
    "dto": "DTO",
    "intervisie": "intervisie",
}
MAX_GRAFIEK_RIJEN = 25  # more wijken than this: the region charts show the gebieden
MAX_RIJEN = 22  # rows per table; longer tables are split so no table runs over a page
MAX_WIJK_SECTIES = 40  # more wijken: per gebied one compact table instead of a section per wijk


def datum(iso: str | None) -> str:
    """``2026-03-01`` → ``1 maart 2026``."""
    if not iso:
        return "—"
    d = datetime.date.fromisoformat(iso[:10])
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def getal(waarde: float | int | None, decimalen: int = 0) -> str:
    """Dutch notation: ``1234.5`` → ``1.234,5``."""
    if waarde is None:
        return "—"
    tekst = f"{waarde:,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def procent(deel: float, geheel: float) -> str:
    return f"{getal(100 * deel / geheel)}%" if geheel else "—"


def _label(code: str, tekst: str, lengte: int = 40) -> str:
    """A chart label: the question code and the start of its text."""
    tekst = " ".join(tekst.split())
    return f"{code} {tekst if len(tekst) <= lengte else tekst[: lengte - 1].rsplit(' ', 1)[0] + '…'}"


def stukken(rijen: list, grootte: int = MAX_RIJEN) -> list[list]:
    return [rijen[i : i + grootte] for i in range(0, len(rijen), grootte)] or [[]]


@dataclass
class Kerncijfer:
    label: str
    nu: str
    vorige: str
    verschil: str
    richting: str  # "op", "neer", "gelijk"


def vergelijk(label: str, a, b, dec: int = 0, eenheid: str = "") -> Kerncijfer:
    """A figure of this period against the period compared with: both in Dutch notation, the difference
    with its sign (a percentage differs in %-points) and its direction."""
    if a is None or b is None:
        verschil, richting = "—", "gelijk"
    else:
        d = round(a - b, dec)
        richting = "op" if d > 0 else "neer" if d < 0 else "gelijk"
        verschil = ("+" if d > 0 else "") + getal(d, dec) + {"%": "%-punt", "": ""}.get(eenheid, eenheid)
        if d == 0:
            verschil = "gelijk"
    return Kerncijfer(
        label,
        getal(a, dec) + (eenheid if a is not None else ""),
        getal(b, dec) + (eenheid if b is not None else ""),
        verschil,
        richting,
    )


def _pct(aandeel: float | None) -> int | None:
    return None if aandeel is None else round(100 * aandeel)


@dataclass
class Continuiteit:
    """The Continuïteit section: figures against the period compared with, the coverage radar and who
    takes over most often."""

    cijfers: list[Kerncijfer]
    peildatum: str
    peildatum_vorige: str
    praktijken: int
    zonder_afspraak: list[list[dict]]
    aantal_zonder_afspraak: int
    meest_overgenomen: list[tuple[str, str]]
    meest_overgenomen_vorige: list[tuple[str, str]]


@dataclass
class Wijkplannen:
    """The Wijkplannen section: the state of the wijkplannen of the year per wijk, the common priorities."""

    jaar: int
    wijken: int
    vastgesteld: list[dict]
    concept: list[dict]
    geen: list[dict]
    prioriteiten: list[tuple[str, int]]
    cijfers: list[Kerncijfer]
    vorig_jaar: int
    cijfers_vorig: dict = field(default_factory=dict)

    @property
    def enkele_wijk(self) -> dict | None:
        """A report of one wijk: its plan's state in words (a table of counts would say 0 or 1)."""
        if self.wijken != 1:
            return None
        if self.vastgesteld:
            w = self.vastgesteld[0]
            datum_tekst = f" op {datum(w['vastgesteld_op'])}" if w.get("vastgesteld_op") else ""
            stand = f"heeft een wijkplan voor {self.jaar}, vastgesteld{datum_tekst}"
        elif self.concept:
            w, stand = self.concept[0], f"heeft een wijkplan voor {self.jaar} in concept"
        else:
            w, stand = self.geen[0], f"heeft nog geen wijkplan voor {self.jaar}"
        vorig = self.cijfers_vorig
        if vorig["vastgesteld"]:
            toen = "een vastgesteld wijkplan"
        elif vorig["concept"]:
            toen = "een wijkplan in concept"
        else:
            toen = "geen wijkplan"
        return {"wijk": w["wijk"], "stand": stand, "vorig_jaar": f"In {self.vorig_jaar}: {toen}."}

    @property
    def stand_rijen(self) -> list[list[dict]]:
        """One row per wijk (vastgesteld, concept, none), in tables short enough for a page."""
        rijen = [{**w, "stand": "Vastgesteld", "soort": "vastgesteld"} for w in self.vastgesteld]
        rijen += [{**w, "stand": "Concept", "soort": "concept"} for w in self.concept]
        rijen += [{**w, "stand": "Geen wijkplan", "soort": "geen"} for w in self.geen]
        rijen.sort(key=lambda r: (r["gebied"], r["wijk"]))
        for r in rijen:
            r["datum"] = datum(r["vastgesteld_op"]) if r.get("vastgesteld_op") else ""
        return stukken(rijen)


@dataclass
class WijkSectie:
    data: dict
    anker: str
    verbanden: list[dict] = field(default_factory=list)
    themas: list[dict] = field(default_factory=list)
    ondersteuning: list[tuple[str, int]] = field(default_factory=list)
    vragen: list[dict] = field(default_factory=list)
    cijfers: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def cijfer_paren(self) -> list[list[tuple[str, str, str]]]:
        """The key figures two to a row: half the rows, so a wijk takes about half a page."""
        return [self.cijfers[i : i + 2] for i in range(0, len(self.cijfers), 2)]


class RapportagePresenter:
    """What ``monitoring/rapportage/pdf.html`` shows, computed once from the snapshot."""

    def __init__(self, snapshot: dict, meta: dict | None = None) -> None:
        self.s = snapshot
        self.meta = meta or {}
        p = snapshot["periode"]
        self.titel = "Regionale rapportage wijksamenwerking"
        self.scope_naam = snapshot["scope"]["naam"]
        self.periode = f"{datum(p['van'])} – {datum(p['tot'])}"
        self.vorige_periode = f"{datum(p['vorige_van'])} – {datum(p['vorige_tot'])}"
        # Said from the stored dates, so an older snapshot (equal-length period before) keeps its words.
        if (p["vorige_van"], p["vorige_tot"]) == tuple(
            jaar_eerder(datetime.date.fromisoformat(p[k])).isoformat() for k in ("van", "tot")
        ):
            self.vorige_soort = "dezelfde periode een jaar eerder"
            self.vorige_kop = "Een jaar eerder"
        else:
            self.vorige_soort = "de voorafgaande periode van gelijke lengte"
            self.vorige_kop = "Vorige periode"
        self.gemaakt_op = datum(self.meta.get("gemaakt_op"))
        self.commentaar = self.meta.get("commentaar", "")
        self.definitief = bool(self.meta.get("definitief_op"))
        self.aangevraagd_door = self.meta.get("aangevraagd_door", "")
        self.gebieden = snapshot["gebieden"]
        self.wijken = [w for g in self.gebieden for w in g["wijken"]]
        self.vragenlijst = snapshot.get("vragenlijst")

    # --- summary ------------------------------------------------------------------------------

    def totaal(self, sleutel: str) -> int:
        return sum(w[sleutel] for w in self.wijken)

    @property
    def kerncijfers(self) -> list[Kerncijfer]:
        nu, vorig = self.s["kerncijfers"], self.s["kerncijfers_vorige"]
        # The meetings per kind (snapshots from before the kinds have none: those rows are left out).
        per_soort = []
        if "overleggen_per_soort" in nu:
            nu, vorig = dict(nu), dict(vorig)
            for soort, naam in OVERLEGSOORTEN.items():
                nu[f"overleggen_soort_{soort}"] = nu["overleggen_per_soort"].get(soort, 0)
                vorig[f"overleggen_soort_{soort}"] = (vorig.get("overleggen_per_soort") or {}).get(soort)
                per_soort.append((f"overleggen_soort_{soort}", f"waarvan {naam}", 0, ""))
        labels = [
            ("afspraken_nieuw", "Nieuwe SMART-afspraken", 0, ""),
            ("versies", "Bijgestelde afspraken (nieuwe versies)", 0, ""),
            ("evaluaties", "Evaluaties van afspraken", 0, ""),
            ("nageleefd_pct", "Afspraken nageleefd bij evaluatie", 0, "%"),
            ("overleggen_wsv", "Overleggen van de WSV's", 0, ""),
            *per_soort,
            ("knelpunten_resv", "Knelpunten ingebracht in het RESV", 0, ""),
            ("bezoeken", "Praktijkbezoeken gehouden", 0, ""),
            ("praktijken_bezocht", "Praktijken bezocht", 0, ""),
        ]
        return [
            vergelijk(label, nu.get(sleutel), vorig.get(sleutel), dec, eenheid)
            for sleutel, label, dec, eenheid in labels
        ]

    @property
    def samenvatting(self) -> dict:
        verbanden = [v for w in self.wijken for v in w["verbanden"]]
        fasen: dict[str, int] = {}
        for v in verbanden:
            fasen[FASEN.get(v["fase"], "Geen lopende cyclus")] = (
                fasen.get(FASEN.get(v["fase"], "Geen lopende cyclus"), 0) + 1
            )
        praktijken = self.totaal("praktijken")
        norm_ov = sum(w["overleggen_norm"] for w in self.wijken)
        norm_bz = sum(w["bezoeken_norm"] for w in self.wijken)
        vl = self.vragenlijst
        return {
            "gebieden": len(self.gebieden),
            "wijken": len(self.wijken),
            "praktijken": getal(praktijken),
            "verbanden": getal(len(verbanden)),
            "wsv": getal(sum(1 for v in verbanden if v["wsv"])),
            "fasen": sorted(
                fasen.items(),
                key=lambda kv: list(FASEN.values()).index(kv[0]) if kv[0] in FASEN.values() else 99,
            ),
            "overleggen": getal(self.totaal("overleggen_wsv")),
            "overleggen_norm": getal(norm_ov),
            "overleggen_pct": procent(self.totaal("overleggen_wsv"), norm_ov),
            "bezoeken_pct": procent(self.totaal("praktijken_bezocht"), praktijken),
            "bezoeken_norm": getal(norm_bz),
            "open_actiepunten": getal(self.totaal("open_actiepunten")),
            "respons": procent(vl["scope"]["ingediend"], vl["scope"]["praktijken"]) if vl else "—",
            "wijken_onder_norm": [
                w["naam"]
                for w in self.wijken
                if w["overleggen_norm"] and w["overleggen_wsv"] < w["overleggen_norm"] * 0.75
            ],
        }

    # --- continuïteit and wijkplannen (absent from snapshots made before these sections) ---------

    @functools.cached_property
    def continuiteit(self) -> Continuiteit | None:
        c = self.s.get("continuiteit")
        if not c:
            return None
        nu, vorig = c["nu"], c["vorige"]
        return Continuiteit(
            cijfers=[
                vergelijk("Meldingen van uitval", nu["meldingen"], vorig["meldingen"]),
                vergelijk("Dagen uitval (samen)", nu["dagen"], vorig["dagen"]),
                vergelijk(
                    "Getroffen zorg met bevestigde opvang",
                    _pct(nu["aandeel_gedekt"]),
                    _pct(vorig["aandeel_gedekt"]),
                    eenheid="%",
                ),
                vergelijk(
                    "Mediane tijd tot de eerste bevestiging",
                    nu["mediaan_uren_eerste_bevestiging"],
                    vorig["mediaan_uren_eerste_bevestiging"],
                    1,
                    " uur",
                ),
                vergelijk(
                    "Praktijken zonder geldige opvangafspraak",
                    nu["zonder_afspraak"],
                    vorig["zonder_afspraak"],
                ),
            ],
            peildatum=datum(c["peildatum"]),
            peildatum_vorige=datum(c["peildatum_vorige"]),
            praktijken=c["praktijken"],
            zonder_afspraak=stukken(c["zonder_afspraak"]) if c["zonder_afspraak"] else [],
            aantal_zonder_afspraak=len(c["zonder_afspraak"]),
            meest_overgenomen=[(naam, getal(n)) for naam, n in nu["meest_overgenomen"]],
            meest_overgenomen_vorige=[(naam, getal(n)) for naam, n in vorig["meest_overgenomen"]],
        )

    @functools.cached_property
    def wijkplannen(self) -> Wijkplannen | None:
        w = self.s.get("wijkplannen")
        if not w:
            return None
        vorig = w["vorig_jaar"]
        return Wijkplannen(
            jaar=w["jaar"],
            wijken=w["wijken"],
            vastgesteld=w["vastgesteld"],
            concept=w["concept"],
            geen=w["geen"],
            prioriteiten=[(titel, n) for titel, n in w["prioriteiten"]],
            cijfers=[
                vergelijk("Wijken met een vastgesteld wijkplan", len(w["vastgesteld"]), vorig["vastgesteld"]),
                vergelijk("Wijken met een wijkplan in concept", len(w["concept"]), vorig["concept"]),
                vergelijk("Wijken zonder wijkplan", len(w["geen"]), vorig["geen"]),
            ],
            vorig_jaar=vorig["jaar"],
            cijfers_vorig=vorig,
        )

    # --- charts -------------------------------------------------------------------------------

    def _eenheden(self) -> list[dict]:
        """The rows of the region charts: the wijken, or per gebied when there are too many wijken
        for a readable chart (the per-wijk figures are in the sections and the appendix)."""
        if len(self.wijken) <= MAX_GRAFIEK_RIJEN:
            return self.wijken
        sleutels = ("overleggen_wsv", "overleggen_norm", "praktijken_bezocht", "praktijken")
        return [
            {"naam": g["naam"], **{k: sum(w[k] for w in g["wijken"]) for k in sleutels}}
            for g in self.gebieden
        ]

    @property
    def grafiek_overleggen(self) -> dict:
        """The chart as an <img> for the PDF (cheaper to lay out than inline SVG)."""
        return charts.als_afbeelding(self.svg_overleggen)

    @functools.cached_property
    def svg_overleggen(self) -> str:
        wijken = [w for w in self._eenheden() if w["overleggen_norm"]]
        if not wijken:
            return ""
        return charts.naast_elkaar_svg(
            titel="WSV-overleggen: gehouden tegenover de norm",
            labels=[w["naam"] for w in wijken],
            reeksen=[
                ("gehouden", [w["overleggen_wsv"] for w in wijken]),
                ("norm (4 per jaar)", [w["overleggen_norm"] for w in wijken]),
            ],
            decimalen=0,
        )

    @property
    def grafiek_bezoeken(self) -> dict:
        """The chart as an <img> for the PDF (cheaper to lay out than inline SVG)."""
        return charts.als_afbeelding(self.svg_bezoeken)

    @functools.cached_property
    def svg_bezoeken(self) -> str:
        eenheden = [w for w in self._eenheden() if w["praktijken"]]
        if not eenheden:
            return ""
        return charts.naast_elkaar_svg(
            titel="Praktijkbezoeken: percentage van de praktijken dat een bezoek kreeg",
            labels=[w["naam"] for w in eenheden],
            reeksen=[
                (
                    "praktijken bezocht (%)",
                    [round(100 * w["praktijken_bezocht"] / w["praktijken"]) for w in eenheden],
                ),
            ],
            eenheid="%",
            maximum=100,
        )

    @property
    def grafiek_nageleefd(self) -> dict:
        """The chart as an <img> for the PDF (cheaper to lay out than inline SVG)."""
        return charts.als_afbeelding(self.svg_nageleefd)

    @functools.cached_property
    def svg_nageleefd(self) -> str:
        reeksen = []
        for g in self.gebieden:
            aantallen = [sum(w["evaluaties"][k] for w in g["wijken"]) for k in ("ja", "deels", "nee")]
            if sum(aantallen):
                reeksen.append((g["naam"], aantallen))
        if not reeksen:
            return ""
        return charts.verdeling_svg(
            titel="Worden de afspraken nageleefd? Uitkomst van de evaluaties per gebied",
            categorieen=["ja", "deels", "nee"],
            reeksen=reeksen,
            palet=("#0072B2", "#E69F00", "#D55E00"),
        )

    @property
    def grafiek_vragen(self) -> dict:
        """The chart as an <img> for the PDF (cheaper to lay out than inline SVG)."""
        return charts.als_afbeelding(self.svg_vragen)

    @functools.cached_property
    def svg_vragen(self) -> str:
        vl = self.vragenlijst
        if not vl or not vl["vragen"]:
            return ""
        jaar = str(vl["jaar"])
        vragen = [v for v in vl["vragen"] if v["regio_per_jaar"].get(jaar) is not None]
        if not vragen:
            return ""
        reeksen = [("regio " + jaar, [v["regio_per_jaar"][jaar] for v in vragen])]
        if self.s["scope"]["soort"] != "regio":
            reeksen.insert(0, (self.scope_naam, [v["scope"] or 0 for v in vragen]))
        vorig = str(vl["jaar"] - 1)
        if all(vorig in v["regio_per_jaar"] for v in vragen):
            reeksen.append(("regio " + vorig, [v["regio_per_jaar"][vorig] for v in vragen]))
        return charts.naast_elkaar_svg(
            titel="Samenwerkingsvragen van de vragenlijst: gemiddelde score (1–5)",
            labels=[_label(v["code"], v["tekst"]) for v in vragen],
            reeksen=reeksen,
            decimalen=1,
            maximum=5,
        )

    # --- per gebied and wijk ------------------------------------------------------------------

    @property
    def secties(self) -> list[dict]:
        if self.compact:
            return []
        uit = []
        vl = self.vragenlijst
        for g in self.gebieden:
            wijken = []
            for w in g["wijken"]:
                sectie = WijkSectie(data=w, anker=f"wijk-{w['id']}")
                for v in sorted(w["verbanden"], key=lambda v: (not v["wsv"], v["naam"]))[:MAX_RIJEN]:
                    sectie.verbanden.append(
                        {
                            "naam": v["naam"],
                            "soort": "WSV" if v["wsv"] else "Huisartsen",
                            "stap": f"{v['stap']}. {v['stap_titel']}" if v["stap"] else "Cyclus afgerond",
                            "fase": FASEN.get(v["fase"], "—"),
                            "praktijken": getal(v["praktijken"]),
                            "afspraken": getal(v["afspraken"]),
                        }
                    )
                for thema, statussen in list(w["afspraken"].items())[:MAX_RIJEN]:
                    sectie.themas.append(
                        {
                            "thema": thema,
                            "actief": statussen.get("actief", 0),
                            "geborgd": statussen.get("geborgd", 0),
                            "concept": statussen.get("concept", 0),
                            "beeindigd": statussen.get("beeindigd", 0),
                        }
                    )
                sectie.ondersteuning = sorted(
                    ((ONDERSTEUNING.get(k, k), n) for k, n in w["ondersteuning"].items()),
                    key=lambda kv: (-kv[1], kv[0]),
                )[:3]
                ev = w["evaluaties"]
                n_ev = sum(ev.values())
                sectie.cijfers = [
                    ("Praktijken", getal(w["praktijken"]), ""),
                    (
                        "WSV-overleggen",
                        getal(w["overleggen_wsv"]),
                        f"norm {getal(w['overleggen_norm'])}" if w["overleggen_norm"] else "geen WSV",
                    ),
                    (
                        "Open actiepunten",
                        getal(w["open_actiepunten"]),
                        f"{getal(w['actiepunten_te_laat'])} over de deadline",
                    ),
                    ("Knelpunten naar het RESV", getal(w["knelpunten_resv"]), ""),
                    (
                        "Evaluaties",
                        getal(n_ev),
                        f"ja {ev['ja']} · deels {ev['deels']} · nee {ev['nee']}" if n_ev else "",
                    ),
                    ("Nieuwe versies van afspraken", getal(w["versies"]), ""),
                    (
                        "Praktijken bezocht",
                        f"{getal(w['praktijken_bezocht'])} van {getal(w['praktijken'])}",
                        f"{getal(w['terugkoppelingen_gedeeld'])} terugkoppelingen gedeeld",
                    ),
                ]
                if vl:
                    pw = vl["per_wijk"].get(str(w["id"]), {"ingediend": 0, "vragen": {}})
                    sectie.cijfers.append(
                        (
                            "Respons vragenlijst",
                            procent(pw["ingediend"], w["praktijken"]),
                            f"{pw['ingediend']} van {w['praktijken']}",
                        )
                    )
                    jaar = str(vl["jaar"])
                    for v in vl["vragen"]:
                        eigen = pw["vragen"].get(v["code"])
                        sectie.vragen.append(
                            {
                                "code": v["code"],
                                "tekst": v["tekst"],
                                "wijk": getal(eigen["gem"], 1) if eigen else "—",
                                "regio": getal(v["regio_per_jaar"].get(jaar), 1),
                            }
                        )
                wijken.append(sectie)
            uit.append({"gebied": g, "anker": f"gebied-{g['id']}", "wijken": wijken})
        return uit

    # --- appendix -----------------------------------------------------------------------------

    @property
    def compact(self) -> bool:
        """Many wijken (a large region): one table per gebied; wijk reports give the detail."""
        return len(self.wijken) > MAX_WIJK_SECTIES

    @property
    def gebied_tabellen(self) -> list[dict]:
        return [
            {
                "gebied": g,
                "anker": f"gebied-{g['id']}",
                "delen": stukken([self._overzicht_rij(g, w) for w in g["wijken"]]),
            }
            for g in self.gebieden
        ]

    @staticmethod
    def _overzicht_rij(g: dict, w: dict) -> dict:
        return {
            "gebied": g["naam"],
            "wijk": w["naam"],
            "praktijken": getal(w["praktijken"]),
            "verbanden": getal(len(w["verbanden"])),
            "overleggen": f"{getal(w['overleggen_wsv'])} / {getal(w['overleggen_norm'])}",
            "actiepunten": getal(w["open_actiepunten"]),
            "resv": getal(w["knelpunten_resv"]),
            "bezocht": f"{getal(w['praktijken_bezocht'])} / {getal(w['praktijken'])}",
        }

    @functools.cached_property
    def overzicht_rijen(self) -> list[dict]:
        """One row per wijk (the appendix of the PDF, the table of the dashboard)."""
        return [self._overzicht_rij(g, w) for g in self.gebieden for w in g["wijken"]]

    @property
    def bijlage_tabellen(self) -> list[list[dict]]:
        return stukken(self.overzicht_rijen)

    @property
    def vragen_historie(self) -> list[dict]:
        vl = self.vragenlijst
        if not vl:
            return []
        jaren = sorted({j for v in vl["vragen"] for j in v["regio_per_jaar"]})[-4:]
        return [
            {
                "jaren": jaren,
                "rijen": [
                    {
                        "code": v["code"],
                        "tekst": v["tekst"],
                        "waarden": [getal(v["regio_per_jaar"].get(j), 1) for j in jaren],
                    }
                    for v in deel
                ],
            }
            for deel in stukken(vl["vragen"])
        ]

    def context(self) -> dict:
        return {"r": self}
