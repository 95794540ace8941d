"""The demo region: gemeenten, gebieden, wijken and the border practices of the wijkindeling."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from wijken.constants import Beroepsgroep

REGIO = "Maastricht-Heuvelland"
# The wijkindeling took effect this many days before the day ``demodata`` runs: before the oldest
# verband starts (about 670 days back), so every practice has its wijk from the start.
WIJKINDELING_DAGEN_GELEDEN = 730


def wijkindeling_op(vandaag: date) -> date:
    """The first day of the wijkindeling, relative to the day the demo is built."""
    return vandaag - timedelta(days=WIJKINDELING_DAGEN_GELEDEN)


def wijkindeling_reden(vandaag: date) -> str:
    return f"Wijkindeling {wijkindeling_op(vandaag).year}"


GEMEENTEN = (
    ("Maastricht", "GM0935"),
    ("Eijsden-Margraten", "GM1903"),
    ("Gulpen-Wittem", "GM1729"),
    ("Meerssen", "GM0938"),
    ("Vaals", "GM0981"),
    ("Valkenburg aan de Geul", "GM0994"),
)

# (gebied, gemeente): each gebied lies in one gemeente.
GEBIEDEN = (
    ("Maastricht-Noord", "Maastricht"),
    ("Maastricht-Zuidwest", "Maastricht"),
    ("Maastricht-Oost", "Maastricht"),
    ("Eijsden-Margraten", "Eijsden-Margraten"),
    ("Gulpen-Wittem", "Gulpen-Wittem"),
    ("Meerssen", "Meerssen"),
    ("Vaals", "Vaals"),
    ("Valkenburg aan de Geul", "Valkenburg aan de Geul"),
)

B = Beroepsgroep


@dataclass(frozen=True)
class WijkDef:
    """A wijk of the demo region and where its verbanden stand."""

    naam: str
    gebied: str
    inwoners: int
    postcodes: tuple[tuple[str, str], ...]  # (cijfers, plaats)
    straten: tuple[str, ...]
    praktijken: int
    ha_stap: int  # current PDCA step of the huisartsen verband
    wsv_stap: int | None  # current step of the WSV; None: no WSV (yet)
    omschrijving: str
    ha_cyclus: int = 1
    wsv_achter: bool = False  # meets less often than the norm
    vacatures: tuple[str, ...] = ()  # beroepsgroepen without a delegate


WIJKEN: tuple[WijkDef, ...] = (
    WijkDef(
        "Malberg",
        "Maastricht-Noord",
        12400,
        (("6218", "Maastricht"),),
        ("Malbergsingel", "Brusselseweg", "Leuvenstraat", "Namenstraat"),
        5,
        ha_stap=5,
        wsv_stap=2,
        omschrijving="Naoorlogse wijk in Maastricht-West met veel sociale huur en een jonge, diverse "
        "bevolking.",
    ),
    WijkDef(
        "Caberg",
        "Maastricht-Noord",
        10800,
        (("6216", "Maastricht"),),
        ("Cabergerweg", "Bosscherweg", "Pastoor Kuijpersstraat", "Hoge Weg"),
        4,
        ha_stap=4,
        wsv_stap=2,
        vacatures=(B.DIETIST,),
        omschrijving="Wijk tegen de Belgische grens, met relatief veel ouderen en een actief wijkcentrum.",
    ),
    WijkDef(
        "Pottenberg",
        "Maastricht-Noord",
        11200,
        (("6217", "Maastricht"),),
        ("Pottenberg", "Bosscherweg", "Dr. Bakstraat", "Akersteenweg"),
        4,
        ha_stap=3,
        wsv_stap=1,
        omschrijving="Groene woonwijk met eengezinswoningen en een groeiend aantal alleenstaande ouderen.",
    ),
    WijkDef(
        "Wittevrouwenveld",
        "Maastricht-Noord",
        13900,
        (("6222", "Maastricht"), ("6224", "Maastricht")),
        ("Meerssenerweg", "Balijeweg", "Koningsplein", "Frankenstraat"),
        5,
        ha_stap=6,
        wsv_stap=3,
        wsv_achter=True,
        omschrijving="Dichtbebouwde wijk in Maastricht-Oost met veel gezinnen en schuldenproblematiek.",
    ),
    WijkDef(
        "Mariaberg",
        "Maastricht-Zuidwest",
        10400,
        (("6213", "Maastricht"),),
        ("Mergelweg", "Herculesplein", "Pastoor Moormanstraat", "Sint Lambertuslaan"),
        4,
        ha_stap=2,
        wsv_stap=2,
        wsv_achter=True,
        vacatures=(B.DIETIST, B.WIJKVERPLEEGKUNDIGE),
        omschrijving="Vernieuwde stadswijk met een hoge zorgvraag en veel kwetsbare inwoners.",
    ),
    WijkDef(
        "Daalhof",
        "Maastricht-Zuidwest",
        11700,
        (("6214", "Maastricht"),),
        ("Daalhoferweg", "Tongerseweg", "Hazendans", "Ravelijnstraat"),
        4,
        ha_stap=7,
        wsv_stap=3,
        omschrijving="Rustige woonwijk met veel ouderen; de praktijken werken al jaren nauw samen.",
    ),
    WijkDef(
        "Sint Pieter",
        "Maastricht-Zuidwest",
        10100,
        (("6211", "Maastricht"), ("6212", "Maastricht")),
        ("Sint Pieterstraat", "Tongerseweg", "Jekerweg", "Prins Bisschopsingel"),
        3,
        ha_stap=1,
        wsv_stap=None,
        omschrijving="Sint Pieter, Jekerdal en Villapark: vergrijzende wijk aan de voet van de "
        "Sint-Pietersberg.",
    ),
    WijkDef(
        "Heer",
        "Maastricht-Oost",
        14800,
        (("6227", "Maastricht"),),
        ("Heerderweg", "Scharnerweg", "Kapelkesstraat", "Ambyerstraat Zuid"),
        5,
        ha_stap=3,
        ha_cyclus=2,
        wsv_stap=3,
        omschrijving="Grote wijk met oud-Heer, de Heeg en Scharn; het eerste verband met een tweede cyclus.",
    ),
    WijkDef(
        "Heugem",
        "Maastricht-Oost",
        10600,
        (("6229", "Maastricht"),),
        ("Heugemerweg", "Sint Antoniuslaan", "Gemeneweidestraat", "Burgemeester Cortenstraat"),
        4,
        ha_stap=3,
        wsv_stap=2,
        vacatures=(B.FYSIOTHERAPEUT,),
        omschrijving="Heugem en Randwyck: woonwijk naast het ziekenhuis en de universiteit.",
    ),
    WijkDef(
        "Wyck-Céramique",
        "Maastricht-Oost",
        12900,
        (("6221", "Maastricht"),),
        ("Rechtstraat", "Wycker Brugstraat", "Avenue Céramique", "Hertogsingel"),
        5,
        ha_stap=5,
        wsv_stap=2,
        omschrijving="Centrumwijk op de oostoever van de Maas met veel studenten en jonge werkenden.",
    ),
    WijkDef(
        "Amby",
        "Maastricht-Oost",
        11300,
        (("6226", "Maastricht"),),
        ("Ambyerstraat Noord", "Molensingel", "Koolmijnstraat", "Vliegveldweg"),
        4,
        ha_stap=4,
        wsv_stap=1,
        wsv_achter=True,
        omschrijving="Voormalig dorp met een hechte gemeenschap en een nieuwe woonwijk aan de rand.",
    ),
    WijkDef(
        "Eijsden",
        "Eijsden-Margraten",
        11900,
        (("6245", "Eijsden"), ("6247", "Gronsveld")),
        ("Breusterstraat", "Diepstraat", "Stationsstraat", "Rijksweg"),
        4,
        ha_stap=6,
        wsv_stap=2,
        omschrijving="Eijsden, Gronsveld en Rijckholt: dorpen langs de Maas met veel mantelzorgers.",
    ),
    WijkDef(
        "Margraten",
        "Eijsden-Margraten",
        12800,
        (("6269", "Margraten"), ("6267", "Cadier en Keer")),
        ("Rijksweg", "Groenstraat", "Julianastraat", "Kerkstraat"),
        4,
        ha_stap=2,
        wsv_stap=None,
        omschrijving="Margraten, Cadier en Keer en de kerkdorpen op het plateau: landelijk en vergrijzend.",
    ),
    WijkDef(
        "Gulpen",
        "Gulpen-Wittem",
        10200,
        (("6271", "Gulpen"),),
        ("Rijksweg", "Looierstraat", "Markt", "Landsraderweg"),
        4,
        ha_stap=3,
        wsv_stap=2,
        wsv_achter=True,
        omschrijving="Gulpen en omliggende kernen; de praktijken vangen ook toeristen op in de zomer.",
    ),
    WijkDef(
        "Wittem/Mechelen",
        "Gulpen-Wittem",
        10100,
        (("6281", "Mechelen"), ("6286", "Wittem")),
        ("Hoofdstraat", "Wittemer Allee", "Dorpsstraat", "Kerkplein"),
        3,
        ha_stap=1,
        wsv_stap=None,
        omschrijving="Landelijk gebied met kleine kernen en lange afstanden tot voorzieningen.",
    ),
    WijkDef(
        "Meerssen",
        "Meerssen",
        12100,
        (("6231", "Meerssen"),),
        ("Markt", "Beekstraat", "Bunderstraat", "Kuileneind"),
        5,
        ha_stap=2,
        ha_cyclus=2,
        wsv_stap=3,
        omschrijving="Centrum van Meerssen met Rothem en Ulestraten; een verband in de tweede cyclus.",
    ),
    WijkDef(
        "Bunde",
        "Meerssen",
        10300,
        (("6241", "Bunde"),),
        ("Kerkstraat", "Bergerstraat", "Oude Rijksweg", "Geulstraat"),
        3,
        ha_stap=4,
        wsv_stap=2,
        vacatures=(B.DIETIST,),
        omschrijving="Bunde en Geulle aan de noordkant van de regio, tegen Maastricht-Noord aan.",
    ),
    WijkDef(
        "Vaals",
        "Vaals",
        10000,
        (("6291", "Vaals"), ("6294", "Vijlen")),
        ("Maastrichterlaan", "Kerkstraat", "Akenerweg", "Hoofdstraat"),
        4,
        ha_stap=2,
        wsv_stap=1,
        wsv_achter=True,
        omschrijving="Grensgemeente bij Aken met veel Duitse inwoners en een eigen dynamiek in de zorgvraag.",
    ),
    WijkDef(
        "Valkenburg",
        "Valkenburg aan de Geul",
        16500,
        (("6301", "Valkenburg"),),
        ("Grotestraat", "Wilhelminalaan", "Reinaldstraat", "Plenkertstraat"),
        6,
        ha_stap=5,
        wsv_stap=2,
        omschrijving="Valkenburg, Houthem en Schin op Geul; veel toerisme en zorginstellingen.",
    ),
)

# Border practices of the 2025 wijkindeling: (wijk, slot) -> (the other wijk, reassigned later?).
GRENSPRAKTIJKEN = {
    ("Caberg", 0): ("Malberg", False),
    ("Wittevrouwenveld", 1): ("Wyck-Céramique", False),
    ("Heugem", 3): ("Heer", True),
    ("Bunde", 0): ("Meerssen", False),
}
