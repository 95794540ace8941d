"""Demodata: een fictieve regio Maastricht-Heuvelland voor demo's, handmatig testen en load-tests.

``bouw_demodata(schaal=1)`` builds the region in one transaction and is idempotent: every row is
looked up by its natural key (names, AGB-codes, usernames, ronde + praktijk, gebied + periode) and
only what is missing is created. The child rows of a practice, partner, verband or questionnaire
are created only together with their new parent, so a second run creates nothing and whatever users
added or changed stays as it is.

All data is derived from fixed seeds: each row gets its own ``random.Random`` seeded from 2025 and
its natural key, so a row gets the same data whatever else already exists (``--schaal 10`` after
``--schaal 1`` gives the same database as ``--schaal 10`` at once). Dates are relative to
``timezone.localdate()``, so the demo stays current.

Importing this module needs a configured Django (it imports the models); ``manage.py demodata``
prints ``DEMO_LOGINS`` at the end, and ``manage.py shell -c`` can import them.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from monitoring import seeds as monitoring_seeds
from monitoring.constants import BezoekStatus, Ondersteuningscategorie, ResponsBron, ResponsStatus, VraagType
from monitoring.models import (
    Antwoord,
    Bouwsteen,
    Ondersteuningsbehoefte,
    Praktijkbezoek,
    RapportagePlanning,
    Respons,
    Ronde,
    Sectie,
    Vraag,
    Vragenlijst,
)
from samenwerking import seeds as samenwerking_seeds
from samenwerking.constants import (
    NORM_OVERLEGGEN_PER_JAAR,
    VAST_AGENDAPUNT,
    Aanwezig,
    ActiepuntStatus,
    AfspraakStatus,
    Besluit,
    Implementatiestatus,
    KnelpuntSoort,
    KnelpuntStatus,
    Nageleefd,
    OverlegStatus,
    Overlegvorm,
    SamenwerkingMate,
    StapStatus,
    TerugkoppelingStatus,
    VerbandSoort,
    VerzendSoort,
)
from samenwerking.models import (
    Aanwezigheid,
    Actiepunt,
    Afgevaardigde,
    Afspraak,
    AfspraakPraktijk,
    Agendapunt,
    Besluitvorming,
    Deelname,
    Evaluatie,
    GebiedTerugkoppeling,
    Knelpunt,
    Overleg,
    OverlegVerzending,
    PartnerInventarisatie,
    PdcaCyclus,
    PdcaStap,
    Samenwerkingsverband,
    StapVoortgang,
    TerugkoppelingRegel,
    Thema,
)
from wijken.constants import KERN_BEROEPSGROEPEN, Beroepsgroep, Functie
from wijken.models import (
    Contactpersoon,
    Gebied,
    Gemeente,
    Partner,
    Praktijk,
    Praktijkmedewerker,
    Regio,
    Wijk,
    WijkToewijzing,
)
from zio_portal.constants import Rol

User = get_user_model()

SEED = 2025
DEMO_WACHTWOORD = "wijksamenwerking"

# The demo logins (username, what the login shows), all with DEMO_WACHTWOORD.
DEMO_LOGINS: list[tuple[str, str]] = [
    ("beheerder", "Beheerder: functioneel beheer, alle rechten en de Django-admin"),
    ("beleidsadviseur", "Beleidsadviseur continuïteit: de hele regio, praktijkbezoeken en vragenlijst"),
    ("projectleider", "Projectleider Versterking Eerstelijnszorg: de hele regio, terugkoppelingen en RESV"),
    ("gebiedsmanager", "Gebiedsmanager van Maastricht-Noord en Meerssen"),
    ("gebiedsmanager2", "Gebiedsmanager van Eijsden-Margraten"),
    ("praktijkmanager", "Praktijkmanager van een praktijk in Malberg (Maastricht)"),
    ("praktijkmanager2", "Praktijkmanager van een praktijk in Eijsden"),
    ("huisarts", "Huisarts in twee praktijken, in Malberg en Caberg"),
]

REGIO = "Maastricht-Heuvelland"
WIJKINDELING = date(2025, 3, 1)
WIJKINDELING_REDEN = "Wijkindeling 2025"

# ---------------------------------------------------------------------------------------------
# The region
# ---------------------------------------------------------------------------------------------

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

# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GebruikerDef:
    username: str
    voornaam: str
    achternaam: str
    rol: str
    email: str
    login: bool = True
    gebieden: tuple[str, ...] = ()
    superuser: bool = False


GEBRUIKERS: tuple[GebruikerDef, ...] = (
    GebruikerDef("beheerder", "Sandra", "Vliegen", Rol.BEHEERDER, "s.vliegen@zio.example", superuser=True),
    GebruikerDef("beleidsadviseur", "Marloes", "Habets", Rol.BELEIDSADVISEUR, "m.habets@zio.example"),
    GebruikerDef("projectleider", "Jeroen", "Dassen", Rol.PROJECTLEIDER, "j.dassen@zio.example"),
    GebruikerDef(
        "gebiedsmanager",
        "Ingrid",
        "Bemelmans",
        Rol.GEBIEDSMANAGER,
        "i.bemelmans@zio.example",
        gebieden=("Maastricht-Noord", "Meerssen"),
    ),
    GebruikerDef(
        "gebiedsmanager2",
        "Roel",
        "Notermans",
        Rol.GEBIEDSMANAGER,
        "r.notermans@zio.example",
        gebieden=("Eijsden-Margraten",),
    ),
    GebruikerDef("praktijkmanager", "Anouk", "Lemmens", Rol.PRAKTIJKMEDEWERKER, "a.lemmens@example.nl"),
    GebruikerDef("praktijkmanager2", "Lieke", "Wolfs", Rol.PRAKTIJKMEDEWERKER, "l.wolfs@example.nl"),
    GebruikerDef("huisarts", "Bart", "Ramakers", Rol.PRAKTIJKMEDEWERKER, "b.ramakers@example.nl"),
    # Gebiedsmanagers of the other gebieden: no login, but every gebied has a manager.
    GebruikerDef(
        "gm.zuidwest",
        "Hanneke",
        "Pleunis",
        Rol.GEBIEDSMANAGER,
        "h.pleunis@zio.example",
        login=False,
        gebieden=("Maastricht-Zuidwest",),
    ),
    GebruikerDef(
        "gm.oost",
        "Marc",
        "Kusters",
        Rol.GEBIEDSMANAGER,
        "m.kusters@zio.example",
        login=False,
        gebieden=("Maastricht-Oost",),
    ),
    GebruikerDef(
        "gm.heuvelland",
        "Désirée",
        "Huntjens",
        Rol.GEBIEDSMANAGER,
        "d.huntjens@zio.example",
        login=False,
        gebieden=("Gulpen-Wittem", "Vaals"),
    ),
    GebruikerDef(
        "gm.valkenburg",
        "Frank",
        "Ortmans",
        Rol.GEBIEDSMANAGER,
        "f.ortmans@zio.example",
        login=False,
        gebieden=("Valkenburg aan de Geul",),
    ),
)

# Demo logins working in a practice: (wijk, slot) -> [(username, functie)].
PRAKTIJKROLLEN = {
    ("Malberg", 1): (("praktijkmanager", Functie.PRAKTIJKMANAGER), ("huisarts", Functie.HUISARTS)),
    ("Caberg", 0): (("huisarts", Functie.HUISARTS),),
    ("Eijsden", 0): (("praktijkmanager2", Functie.PRAKTIJKMANAGER),),
}

ACHTERNAMEN = (
    "Janssen",
    "Hermans",
    "Vranken",
    "Smeets",
    "Jacobs",
    "Peeters",
    "Schreurs",
    "Geurts",
    "Frissen",
    "Hendriks",
    "Claessens",
    "Meijers",
    "Ubaghs",
    "Bessems",
    "Coenen",
    "Stassen",
    "Willems",
    "Beckers",
    "Crombach",
    "Keulers",
    "Lardinois",
    "Ruijters",
    "Jongen",
    "Vaessen",
    "Bruls",
    "Partouns",
    "Wetzels",
    "Theunissen",
    "Senden",
    "Kurvers",
    "Ummels",
    "Maessen",
    "Mertens",
    "Gijsen",
    "Cremers",
    "Lenssen",
    "Pelzer",
    "Schoonbrood",
    "Brouwers",
    "Pluijmen",
    "Dohmen",
    "Muijrers",
    "Schepers",
    "Debije",
    "Hanssen",
    "Houben",
    "Reinders",
    "Roumen",
    "Kleijnen",
    "Prevoo",
    "Sijben",
    "Bogman",
    "Mulders",
    "Nelissen",
    "Penders",
    "Quaedvlieg",
    "Rutten",
    "Schijns",
    "Tummers",
    "Ubachs",
    "Verheggen",
    "Wijnands",
    "Zeegers",
    "Aarts",
    "Brands",
    "Corten",
    "Driessen",
    "Eurlings",
    "Franssen",
    "Goossens",
    "Heijnen",
    "Jeurissen",
    "Kerkhofs",
    "Lataster",
    "Moonen",
    "Nijsten",
    "Offermans",
    "Paulissen",
    "Raedts",
    "Souren",
    "Thewissen",
    "Vleugels",
    "Wouters",
    "Mols",
    "Hameleers",
    "Kicken",
    "Bastiaens",
    "Castermans",
    "Ernes",
    "Gulikers",
    "Hamers",
    "Kessels",
    "Limpens",
    "Meertens",
    "Ploumen",
    "Rademakers",
    "Sleijpen",
    "Vrijens",
    "van der Meer",
    "de Jong",
    "van den Berg",
    "Bakker",
    "Visser",
    "de Vries",
    "van Dijk",
    "van Loo",
)
VOORNAMEN_V = (
    "Anouk",
    "Maud",
    "Sanne",
    "Femke",
    "Ilse",
    "Marieke",
    "Kim",
    "Esther",
    "Linda",
    "Yvonne",
    "Carla",
    "Noor",
    "Britt",
    "Evi",
    "Loes",
    "Nicole",
    "Sabine",
    "Judith",
    "Monique",
    "Petra",
    "Anja",
    "Ellen",
    "Romy",
    "Fleur",
    "Mariëlle",
    "Chantal",
    "Miriam",
    "Inge",
    "Daphne",
    "Wendy",
)
VOORNAMEN_M = (
    "Joost",
    "Luc",
    "Tom",
    "Rik",
    "Stijn",
    "Pieter",
    "Maarten",
    "Guido",
    "Ruud",
    "Jos",
    "Thijs",
    "Bram",
    "Koen",
    "Hans",
    "Paul",
    "Wim",
    "Sjef",
    "Mark",
    "Sander",
    "Niels",
    "Ivo",
    "Michel",
    "Geert",
    "Raymond",
)
FANTASIENAMEN = (
    "Huisartsenpraktijk De Linde",
    "Huisartsen Op de Berg",
    "Huisartsenpraktijk Het Bolwerk",
    "Huisartsengroep De Bron",
    "Huisartsenpraktijk De Mergelhoeve",
    "Huisartsen aan de Geul",
    "Huisartsenpraktijk Sint Servaas",
    "Huisartsenpraktijk De Wingerd",
)
WIJKVERPLEGING_ORGANISATIES = ("Thuiszorg Mergelland", "Zorggroep Maas en Heuvel", "Wijkzorg Zuid-Limburg")

# ---------------------------------------------------------------------------------------------
# SMART-afspraken, meetings and visits: the texts
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AfspraakTekst:
    thema: str
    titel: str
    specifiek: str
    meetbaar: str
    indicator: str
    streefwaarde: str
    realistisch: str
    scherper: str  # the sharpened version (besluit aanscherpen)
    streef_scherper: str
    breder: str  # the extended version (besluit uitbreiden)
    einde: str  # why it was ended (besluit beëindigen)


AFSPRAKEN: tuple[AfspraakTekst, ...] = (
    AfspraakTekst(
        "Opvang van patiënten",
        "Opvang spoedzorg bij ziekte van een huisarts",
        "Bij ziekte of onverwachte afwezigheid van een huisarts neemt de buurpraktijk de spoedzorg en de "
        "urgente consulten van die dag over. De afwezige praktijk meldt dit vóór 8.30 uur telefonisch bij "
        "de buurpraktijk en zet de spoedlijn door.",
        "De opvangende praktijk noteert elke overname in het gedeelde overzicht van de praktijkmanagers. "
        "Per kwartaal tellen we de afwezigheidsdagen en op hoeveel daarvan de spoedzorg dezelfde dag "
        "geregeld was.",
        "Afwezigheidsdagen waarop de spoedzorg dezelfde dag is opgevangen",
        "100%",
        "De praktijken liggen binnen tien minuten van elkaar en gebruiken hetzelfde HIS met "
        "waarneemfunctie; het gaat per dag om hooguit vijftien spoedcontacten, die in de spoedblokken van "
        "de buurpraktijk passen.",
        "Bij afwezigheid langer dan één dag maken de praktijkmanagers uiterlijk op de tweede dag samen een "
        "rooster voor de reguliere consulten, zodat ook niet-urgente zorg binnen een week doorgaat.",
        "100%; rooster binnen 2 werkdagen",
        "De afspraak geldt voortaan ook bij uitval van de praktijkondersteuner somatiek: controles van "
        "kwetsbare patiënten worden dan door de POH van de buurpraktijk overgenomen.",
        "De praktijken zijn aangesloten bij de regionale waarneemregeling van de huisartsenkring, die de "
        "opvang bij ziekte nu regelt; een aparte wijkafspraak is overbodig.",
    ),
    AfspraakTekst(
        "Opvang van patiënten",
        "Afstemming vakantiewaarneming",
        "De praktijken stemmen hun vakanties op elkaar af, zodat in elke schoolvakantie ten minste twee "
        "praktijken in de wijk volledig open zijn. De waarnemende praktijk krijgt via het waarneemdossier "
        "inzage in medicatie en episodes.",
        "Het vakantierooster voor het volgende jaar staat uiterlijk 1 december vast. Bij de evaluatie "
        "tellen we de vakantieweken waarin minder dan twee praktijken open waren.",
        "Vakantieweken met minder dan twee open praktijken",
        "0",
        "Het rooster wordt één keer per jaar gemaakt in het overleg van november; de praktijkmanagers "
        "hebben daarvoor een gedeeld planningsbestand.",
        "Het conceptrooster gaat uiterlijk 1 oktober rond en wijzigingen na 1 december gaan alleen in "
        "overleg met alle praktijken.",
        "0; rooster vóór 1 december vastgesteld",
        "Ook de feestdagen rond Kerstmis, carnaval en de brugdagen worden in het rooster opgenomen.",
        "Door de nieuwe regionale waarneempool is er in de vakanties voldoende capaciteit; het eigen "
        "rooster leverde vooral extra afstemming op.",
    ),
    AfspraakTekst(
        "Inkoop",
        "Gezamenlijke inkoop verbruiksmaterialen",
        "De praktijken bestellen verbruiksmaterialen (handschoenen, verbandmiddelen, injectie- en "
        "hechtmateriaal) via één gezamenlijke bestellijst bij één leverancier. De praktijkmanager van "
        "{coordinator} coördineert de bestelling eens per kwartaal.",
        "De coördinator vergelijkt per kwartaal de kosten per praktijk met dezelfde periode vorig jaar en "
        "deelt het overzicht in het overleg.",
        "Kostenbesparing op verbruiksmaterialen ten opzichte van vorig jaar",
        "10%",
        "De leverancier geeft staffelkorting op het gezamenlijke volume; de bestelling kost de coördinator "
        "ongeveer twee uur per kwartaal.",
        "Alleen artikelen die dringend nodig zijn worden nog los besteld; de coördinator rapporteert het "
        "aandeel losse bestellingen.",
        "10% besparing; minder dan 10% losse bestellingen",
        "De gezamenlijke inkoop wordt uitgebreid met kantoorartikelen en het onderhoud van de medische "
        "apparatuur (ECG, spirometer, autoclaaf).",
        "De besparing bleef onder de 3% en de coördinatie kostte meer tijd dan verwacht; de leverancier gaf "
        "geen staffelkorting bij meerdere afleveradressen.",
    ),
    AfspraakTekst(
        "Personeel",
        "Uitwisselen van doktersassistenten bij uitval",
        "Bij ziekte van een doktersassistent kan een praktijk maximaal vijf dagdelen per week een assistent "
        "van een andere praktijk inzetten. De uitlenende praktijk houdt zelf ten minste twee assistenten "
        "aan de telefoon; de uren worden onderling verrekend.",
        "Verzoeken en inzet worden bijgehouden in het gedeelde rooster. Bij de evaluatie tellen we de "
        "gehonoreerde en de afgewezen verzoeken.",
        "Gehonoreerde inzetverzoeken",
        "80%",
        "De assistenten kennen hetzelfde HIS en telefoniesysteem; met vijf dagdelen per week blijft de "
        "bezetting van de uitlenende praktijk op peil.",
        "Een verzoek wordt binnen twee uur beantwoord en de verrekening gebeurt maandelijks tegen een vast "
        "uurtarief.",
        "90%; antwoord binnen 2 uur",
        "De uitwisseling geldt voortaan ook voor praktijkondersteuners somatiek en GGZ, met een maximum van "
        "twee dagdelen per week.",
        "Door de krappe arbeidsmarkt kon geen enkele praktijk nog assistenten missen; de afspraak werd niet "
        "meer gebruikt.",
    ),
    AfspraakTekst(
        "Personeel",
        "Gezamenlijk inwerkprogramma voor nieuwe assistenten",
        "Nieuwe doktersassistenten in de wijk volgen in hun eerste maand een gezamenlijk inwerkprogramma "
        "van vier dagdelen (triage, spoedprotocollen, sociale kaart van de wijk), gegeven door ervaren "
        "assistenten van de deelnemende praktijken.",
        "De praktijkmanagers houden bij welke nieuwe medewerkers het programma hebben gevolgd en vragen na "
        "afloop om een waardering.",
        "Nieuwe assistenten die het programma binnen twee maanden volgden",
        "90%",
        "Het programma wordt twee keer per jaar gegeven op een vaste locatie; de praktijken leveren om "
        "beurten een docent.",
        "Elke nieuwe assistent krijgt daarnaast een buddy uit een andere praktijk voor de eerste drie "
        "maanden.",
        "90%; buddy voor elke nieuwe assistent",
        "Het programma wordt opengesteld voor nieuwe praktijkondersteuners en stagiaires.",
        "Te weinig nieuwe instroom om het programma twee keer per jaar te vullen; nieuwe assistenten "
        "sluiten voortaan aan bij het regionale programma van ZIO.",
    ),
    AfspraakTekst(
        "Acute zorg",
        "Bereikbaarheid van de spoedlijn overdag",
        "Elke praktijk heeft een aparte spoedlijn die binnen 30 seconden wordt opgenomen. Bij "
        "overbelasting, bijvoorbeeld door een reanimatie of calamiteit, schakelt de praktijk de spoedlijn "
        "door naar de buurpraktijk volgens het afgesproken schema.",
        "Het telefoniesysteem registreert de wachttijd op de spoedlijn; de praktijkmanagers delen "
        "maandelijks het percentage binnen 30 seconden opgenomen oproepen.",
        "Spoedoproepen binnen 30 seconden opgenomen",
        "90%",
        "Alle praktijken hebben een telefooncentrale met doorschakelfunctie; doorschakelen gebeurt naar "
        "verwachting enkele keren per maand.",
        "Bij doorschakelen meldt de praktijk dit direct in de gezamenlijke app-groep, zodat de buurpraktijk "
        "een extra assistent kan inzetten.",
        "95%",
        "De afspraak geldt ook tijdens de lunchpauze: de praktijken sluiten om beurten, zodat er altijd één "
        "praktijk de spoedlijnen opvangt.",
        "De huisartsenpost neemt overdag een deel van de spoedtriage over via de regionale spoedlijn; de "
        "lokale doorschakelregeling is daarmee vervallen.",
    ),
    AfspraakTekst(
        "Specifieke patiëntengroepen",
        "Gezamenlijk MDO kwetsbare ouderen",
        "De praktijken houden elk kwartaal een gezamenlijk multidisciplinair overleg (MDO) over kwetsbare "
        "ouderen met de wijkverpleging en het sociaal wijkteam van {wijk}. Elke praktijk brengt per MDO ten "
        "minste twee casussen in.",
        "De voorzitter houdt een presentielijst en het aantal besproken casussen bij; per casus wordt een "
        "actie vastgelegd in het HIS.",
        "Gehouden MDO's per jaar",
        "4",
        "De wijkverpleging en het sociaal wijkteam hebben vaste contactpersonen voor de wijk; een MDO duurt "
        "anderhalf uur en past in de module ouderenzorg.",
        "Voor elke besproken oudere wordt binnen twee weken een individueel zorgplan vastgelegd en gedeeld "
        "met de wijkverpleging.",
        "4 MDO's; zorgplan binnen 2 weken",
        "Het MDO wordt uitgebreid met de apotheker, die voor elke casus vooraf een medicatiebeoordeling "
        "doet.",
        "Het MDO is opgegaan in het ouderenzorgoverleg van de huisartsenkring; dubbel overleg kostte te "
        "veel tijd.",
    ),
    AfspraakTekst(
        "ICT en gegevensuitwisseling",
        "Inzage in het waarneemdossier",
        "Alle praktijken vragen hun patiënten actief om toestemming voor inzage in het waarneemdossier, "
        "zodat de waarnemende buurpraktijk bij afwezigheid medicatie en episodes kan inzien. De assistenten "
        "vragen bij elk telefonisch contact of de toestemming al is vastgelegd.",
        "De praktijkmanagers halen maandelijks uit het HIS het percentage ingeschreven patiënten met "
        "vastgelegde toestemming en delen dat in het overleg.",
        "Patiënten met vastgelegde toestemming voor inzage",
        "75%",
        "Het vastleggen kost per patiënt minder dan een minuut en het HIS levert de rapportage; twee "
        "praktijken zitten al boven de 60%.",
        "Nieuwe patiënten krijgen de toestemmingsvraag standaard bij inschrijving; de praktijk met het "
        "laagste percentage krijgt ondersteuning van ZIO.",
        "80%; 100% bij nieuwe inschrijvingen",
        "De afspraak wordt uitgebreid met een gezamenlijk protocol voor het doorsturen van waarneembericht "
        "en verwijsbrieven.",
        "De landelijke toestemmingsregistratie regelt dit inmiddels; de lokale actie is niet meer nodig.",
    ),
    AfspraakTekst(
        "Samenwerking sociaal domein",
        "Vaste contactpersoon in het sociaal wijkteam",
        "Elke praktijk heeft een vaste contactpersoon in het sociaal wijkteam van {wijk}. Niet-medische "
        "hulpvragen (schulden, eenzaamheid, wonen) worden via het afgesproken verwijsformulier binnen een "
        "week doorgezet; het wijkteam koppelt binnen twee weken terug.",
        "Het sociaal wijkteam registreert de verwijzingen per praktijk en de datum van terugkoppeling; het "
        "overzicht komt elk halfjaar in het overleg.",
        "Verwijzingen met terugkoppeling binnen twee weken",
        "75%",
        "Het wijkteam heeft hiervoor capaciteit vrijgemaakt en het verwijsformulier is al in gebruik bij "
        "twee praktijken.",
        "De contactpersoon van het wijkteam houdt eens per maand een inloopspreekuur in een van de "
        "praktijken.",
        "80%; maandelijks inloopspreekuur",
        "De werkwijze wordt uitgebreid naar de POH-GGZ, die rechtstreeks kan verwijzen naar het wijkteam.",
        "Door een reorganisatie bij de gemeente zijn de vaste contactpersonen vervallen; er komt een "
        "centrale toegang.",
    ),
    AfspraakTekst(
        "Preventie",
        "Gezamenlijke griepvaccinatiedagen",
        "De praktijken organiseren de griep- en coronavaccinatie op twee gezamenlijke zaterdagen in het "
        "wijkcentrum van {wijk}. De assistenten van alle praktijken werken in één rooster; elke praktijk "
        "levert twee mensen per dag.",
        "Na de vaccinatiedagen tellen de praktijkmanagers per praktijk de vaccinatiegraad van patiënten van "
        "60 jaar en ouder.",
        "Vaccinatiegraad 60-plussers",
        "65%",
        "Het wijkcentrum is kosteloos beschikbaar en de vaccins worden per praktijk geleverd; de "
        "gezamenlijke opzet bespaart elke praktijk twee avondspreekuren.",
        "Patiënten met een verhoogd risico die niet kwamen, worden binnen twee weken door hun eigen "
        "praktijk nagebeld.",
        "70%; nabellen binnen 2 weken",
        "Tijdens de vaccinatiedagen meten de praktijkondersteuners ook bloeddruk bij 60-plussers zonder "
        "recente meting.",
        "Het vaccineren is overgegaan naar de GGD; de praktijken vaccineren alleen nog thuiswonende "
        "patiënten die niet mobiel zijn.",
    ),
    AfspraakTekst(
        "Scholing en intervisie",
        "Gezamenlijke FTO's met de apotheek",
        "De huisartsen houden zes keer per jaar een gezamenlijk farmacotherapeutisch overleg (FTO) met de "
        "apothekers in de wijk, met per keer één thema uit de NHG-standaarden. De praktijkmanagers houden "
        "vier keer per jaar onderling intervisie.",
        "De apotheker houdt de presentielijst bij; per FTO wordt een werkafspraak vastgelegd en bij het "
        "volgende FTO nagelopen.",
        "Gehouden FTO's per jaar",
        "6",
        "De FTO's vinden plaats in de avond in de apotheek en zijn geaccrediteerd; de thema's liggen een "
        "jaar vooruit vast.",
        "Elke werkafspraak uit het FTO krijgt een eigenaar en wordt binnen drie maanden geëvalueerd met "
        "voorschrijfcijfers.",
        "6 FTO's; evaluatie met voorschrijfcijfers",
        "De fysiotherapeuten en diëtisten sluiten twee keer per jaar aan bij een FTO over een gezamenlijk "
        "thema.",
        "Het FTO gaat op in de FTO-groep van de huisartsenkring, waar dezelfde apothekers deelnemen.",
    ),
    AfspraakTekst(
        "Huisvesting",
        "Gedeelde spreekkamer voor praktijkondersteuners",
        "Twee praktijken delen een spreekkamer in het gezondheidscentrum voor de spreekuren van de "
        "praktijkondersteuners; het gebruik is per dagdeel verdeeld in een vast rooster.",
        "Het rooster wordt per kwartaal vastgesteld; we tellen de dagdelen waarop de kamer dubbel geboekt "
        "of ongebruikt was.",
        "Dubbel geboekte dagdelen per kwartaal",
        "0",
        "De kamer stond al twee dagdelen per week leeg en de huurkosten worden naar gebruik verdeeld.",
        "Ongebruikte dagdelen worden uiterlijk een week vooraf vrijgegeven in de gedeelde agenda.",
        "0 dubbel; minder dan 2 ongebruikte dagdelen",
        "De kamer wordt ook beschikbaar gesteld voor het spreekuur van de wijkverpleegkundige.",
        "Een van de praktijken verhuist naar een eigen pand met voldoende spreekkamers.",
    ),
)

# Scenario per afspraak slot, by the verband's current step (cycle 1) and for a closed cycle.
SCENARIO_PER_STAP = {
    1: (),
    2: ("concept", "actief"),
    3: ("actief", "actief", "actief"),
    4: ("actief", "actief", "actief"),
    5: ("voortzetten", "voortzetten", "actief"),
    6: ("aanscherpen", "uitbreiden", "beeindigen", "voortzetten"),
    7: ("borgen", "borgen", "aanscherpen"),
}
SCENARIO_AFGERONDE_CYCLUS = ("borgen", "borgen", "beeindigen")

EVALUATIE_TEKST = {
    Nageleefd.JA: (
        (
            "De afspraak wordt in alle praktijken nageleefd; de assistenten weten wat ze moeten doen.",
            "Registratie in het gedeelde overzicht kan vollediger.",
        ),
        (
            "Korte lijnen tussen de praktijkmanagers; problemen worden dezelfde dag opgelost.",
            "Nieuwe medewerkers kennen de afspraak nog niet altijd.",
        ),
    ),
    Nageleefd.DEELS: (
        (
            "In de meeste praktijken loopt het goed en de bereidheid om elkaar te helpen is groot.",
            "Niet alle medewerkers kennen de afspraak; bij nieuwe assistenten wordt hij niet standaard "
            "besproken.",
        ),
        (
            "De afspraak levert merkbaar rust op bij drukte.",
            "De registratie ontbreekt vaak, waardoor we niet goed kunnen meten of het werkt.",
        ),
    ),
    Nageleefd.NEE: (
        (
            "De samenwerking tussen de praktijken is er niet minder om geworden.",
            "De afspraak blijkt in de praktijk niet uitvoerbaar met de huidige bezetting.",
        ),
    ),
}
BESLUIT_TOELICHTING = {
    Besluit.VOORTZETTEN: "De afspraak blijft ongewijzigd; volgende evaluatie over een halfjaar.",
    Besluit.AANSCHERPEN: "De afspraak wordt aangescherpt; de nieuwe versie is vastgelegd.",
    Besluit.UITBREIDEN: "De afspraak wordt uitgebreid; de nieuwe versie is vastgelegd.",
    Besluit.BEEINDIGEN: "De afspraak wordt beëindigd.",
    Besluit.BORGEN: "De afspraak is onderdeel van de vaste werkwijze geworden en wordt geborgd; jaarlijkse "
    "controle in het overleg.",
}

STAPNOTITIES_HUISARTSEN = {
    1: (
        "Startbijeenkomst gehouden; visie en doelstelling vastgesteld en thema's geïnventariseerd.",
        "Startbijeenkomst gepland; de praktijken inventariseren op welke thema's ze willen samenwerken.",
    ),
    2: (
        "Overlegvorm, frequentie en voorzitter vastgesteld; de gekozen thema's uitgewerkt in "
        "SMART-afspraken.",
        "De SMART-afspraken worden uitgewerkt; het concept gaat rond onder de praktijkhouders.",
    ),
    3: (
        "Afspraken in alle praktijken besproken in het teamoverleg; taken en verantwoordelijkheden verdeeld.",
        "De praktijken voeren de afspraken in; nog niet alle teams zijn geïnformeerd.",
    ),
    4: (
        "Eerste gezamenlijke activiteiten uitgevoerd: onderlinge opvang en een gezamenlijke bestelling.",
        "De samenwerking is gestart; de eerste ervaringen worden verzameld voor de evaluatie.",
    ),
    5: (
        "Afspraken geëvalueerd in het periodieke overleg; knelpunten geïnventariseerd.",
        "De afspraken worden geëvalueerd: wordt de afspraak nageleefd, wat gaat goed, wat kan beter?",
    ),
    6: (
        "Afspraken bijgesteld op basis van de evaluatie: aangescherpt, uitgebreid of beëindigd.",
        "Op basis van de evaluatie worden de afspraken aangescherpt, uitgebreid of beëindigd.",
    ),
    7: (
        "Succesvolle afspraken geborgd in de werkwijze; nieuwe thema's gekozen voor de volgende cyclus.",
        "De afspraken worden geborgd in de werkwijze van de praktijken; nieuwe thema's worden verkend.",
    ),
}
STAPNOTITIES_WSV = {
    1: (
        "Inventarisatie van eerstelijnspartners door de praktijkmanagers afgerond; de beroepsgroepen hebben "
        "een afgevaardigde gemandateerd.",
        "De praktijkmanagers inventariseren hun samenwerking met eerstelijnspartners; de gebiedsmanager "
        "vraagt per beroepsgroep een afgevaardigde.",
    ),
    2: (
        "Het WSV is gevormd en komt ongeveer vier keer per jaar bij elkaar.",
        "Het WSV komt bij elkaar en bespreekt de opgehaalde inzichten en knelpunten.",
    ),
    3: (
        "Bevindingen en acties teruggekoppeld aan de projectleider en ingebracht in het RESV.",
        "De gebiedsmanager koppelt de bevindingen en acties van dit kwartaal terug aan de projectleider.",
    ),
}


@dataclass(frozen=True)
class Onderwerp:
    titel: str
    beroepsgroep: str
    notulen: str
    besluit: str
    actie: str
    knelpunt_soort: str
    knelpunt: str


WSV_ONDERWERPEN: tuple[Onderwerp, ...] = (
    Onderwerp(
        "Medicatieoverdracht na ontslag uit het ziekenhuis",
        B.APOTHEKER,
        "De apotheker ziet dat de ontslagmedicatie vaak pas na dagen bekend is. De wijkverpleging herkent "
        "dit; patiënten gebruiken thuis soms oude en nieuwe medicatie door elkaar.",
        "Bij ontslag uit het ziekenhuis stuurt de apotheek de actuele medicatielijst binnen één werkdag "
        "naar de huisarts en de wijkverpleging.",
        "Werkafspraak medicatieoverdracht op papier zetten en rondsturen aan alle praktijken",
        KnelpuntSoort.KNELPUNT,
        "Ontslagbrieven en medicatieoverzichten van het ziekenhuis komen te laat bij huisarts en apotheek; "
        "patiënten gebruiken thuis soms dubbele medicatie.",
    ),
    Onderwerp(
        "Valpreventie bij thuiswonende ouderen",
        B.FYSIOTHERAPEUT,
        "De fysiotherapeut presenteert het aanbod 'In Balans'. Huisartsen verwijzen nog weinig; de "
        "valrisicotest wordt in de praktijken niet structureel gedaan.",
        "De praktijken doen bij 75-plussers met een val in de voorgeschiedenis de valrisicotest en "
        "verwijzen bij verhoogd risico naar het beweegprogramma.",
        "Folder en verwijsroute valpreventie verspreiden onder de praktijken en de wijkverpleging",
        KnelpuntSoort.GOED_VOORBEELD,
        "De fysiotherapeut biedt samen met het wijkcentrum de cursus In Balans aan; ouderen met valrisico "
        "worden rechtstreeks aangemeld en de wachttijd is minder dan twee weken.",
    ),
    Onderwerp(
        "Ondervoeding bij kwetsbare ouderen",
        B.DIETIST,
        "De diëtist geeft aan dat ondervoeding laat wordt herkend. De wijkverpleging screent wel met de "
        "SNAQ, maar de uitslag komt niet bij de huisarts terecht.",
        "De wijkverpleging meldt een afwijkende SNAQ-score voortaan via het HIS-bericht aan de huisarts, "
        "die zo nodig naar de diëtist verwijst.",
        "Afspraak over melding SNAQ-score vastleggen met de teamleider wijkverpleging",
        KnelpuntSoort.INZICHT,
        "Ondervoeding bij thuiswonende ouderen wordt laat herkend; screening door de wijkverpleging bereikt "
        "de huisarts niet.",
    ),
    Onderwerp(
        "Bereikbaarheid wijkverpleging in avond en weekend",
        B.WIJKVERPLEEGKUNDIGE,
        "Nieuwe zorgvragen die op vrijdagmiddag binnenkomen, worden pas maandag opgepakt. De huisartsenpost "
        "krijgt daardoor extra vragen in het weekend.",
        "De wijkverpleging richt een centraal nummer in voor nieuwe zorgvragen in het weekend; de "
        "praktijken verwijzen daar op vrijdag naartoe.",
        "Centraal weekendnummer wijkverpleging communiceren aan praktijken en huisartsenpost",
        KnelpuntSoort.KNELPUNT,
        "Nieuwe zorgvragen aan de wijkverpleging in het weekend kunnen pas maandag worden opgepakt; "
        "patiënten wijken uit naar de huisartsenpost.",
    ),
    Onderwerp(
        "Eenzaamheid en sociaal isolement",
        B.SOCIAAL_DOMEIN,
        "Veel spreekuurbezoek van alleenwonende ouderen heeft een sociale oorzaak. Het sociaal wijkteam "
        "heeft een vrijwilligersaanbod dat in de praktijken onbekend is.",
        "De praktijken verwijzen eenzame ouderen met het verwijsformulier naar de wijkcoach; het wijkteam "
        "koppelt terug wat er is ingezet.",
        "Wijkcoach stelt zich voor in het teamoverleg van elke praktijk",
        KnelpuntSoort.INZICHT,
        "Een groot deel van het spreekuurbezoek van alleenwonende ouderen heeft een sociale oorzaak; het "
        "sociaal wijkteam kan dit beter opvangen.",
    ),
    Onderwerp(
        "Wachttijden in de basis-GGZ",
        B.GGZ,
        "De wachttijd voor de basis-GGZ is opgelopen tot twaalf weken. De POH-GGZ houdt patiënten langer "
        "vast dan bedoeld.",
        "De POH-GGZ en de GGZ-aanbieder houden maandelijks een consultatiemoment over wachtende patiënten.",
        "Maandelijks consultatiemoment POH-GGZ en basis-GGZ plannen",
        KnelpuntSoort.KNELPUNT,
        "De wachttijd voor de basis-GGZ loopt op tot twaalf weken; de POH-GGZ vangt patiënten langer op dan "
        "bedoeld.",
    ),
    Onderwerp(
        "Schulden en gezondheid",
        B.SOCIAAL_DOMEIN,
        "Het sociaal wijkteam licht de 'sneltoets schulden' toe. Huisartsen zien stressklachten bij "
        "patiënten met geldzorgen, maar weten niet waar ze snel heen kunnen.",
        "Praktijken gebruiken de sneltoets schulden en verwijzen via het wijkteam naar schuldhulpverlening.",
        "Sneltoets schulden opnemen in het HIS-protocol van alle praktijken",
        KnelpuntSoort.GOED_VOORBEELD,
        "Met de sneltoets schulden op het spreekuur worden patiënten binnen een week gekoppeld aan "
        "schuldhulpverlening.",
    ),
    Onderwerp(
        "Palliatieve zorg thuis",
        B.WIJKVERPLEEGKUNDIGE,
        "De wijkverpleging vertelt over de vaste palliatief verpleegkundige in de wijk. Huisartsen en "
        "apotheek maken afspraken over de beschikbaarheid van medicatie in de laatste levensfase.",
        "Voor elke palliatieve patiënt thuis is er een gedeeld zorgplan en ligt de noodmedicatie klaar bij "
        "de patiënt.",
        "Lijst met noodmedicatie palliatieve zorg afstemmen met de apotheek",
        KnelpuntSoort.GOED_VOORBEELD,
        "Een vaste palliatief verpleegkundige per wijk en een gedeeld zorgplan zorgen dat patiënten vaker "
        "thuis kunnen overlijden.",
    ),
    Onderwerp(
        "Sociale kaart van de wijk",
        "",
        "De afgevaardigden lopen de sociale kaart in het portaal door. Diverse contactgegevens zijn "
        "verouderd; niet iedereen weet wie de nieuwe wijkcoach is.",
        "Elke afgevaardigde controleert twee keer per jaar de gegevens van de eigen beroepsgroep op de "
        "sociale kaart.",
        "Contactgegevens van de eigen beroepsgroep op de sociale kaart controleren",
        KnelpuntSoort.INZICHT,
        "De sociale kaart wordt door alle beroepsgroepen gebruikt, maar contactgegevens verouderen snel.",
    ),
    Onderwerp(
        "Beginnende dementie en mantelzorg",
        B.WIJKVERPLEEGKUNDIGE,
        "Casemanagement dementie heeft een wachtlijst van acht weken. Mantelzorgers raken overbelast "
        "voordat er ondersteuning is.",
        "Tot de start van casemanagement neemt de wijkverpleegkundige contact op met de mantelzorger en "
        "verwijst zo nodig naar mantelzorgondersteuning.",
        "Overbruggingsafspraak casemanagement dementie uitwerken",
        KnelpuntSoort.KNELPUNT,
        "Casemanagement dementie heeft een wachtlijst; mantelzorgers raken overbelast voordat de "
        "ondersteuning start.",
    ),
    Onderwerp(
        "Hitteplan voor kwetsbare ouderen",
        B.WIJKVERPLEEGKUNDIGE,
        "Tijdens de hittegolf van afgelopen zomer zijn kwetsbare ouderen door wijkverpleging en "
        "vrijwilligers gebeld. Dat werkte goed en wordt herhaald.",
        "Bij een hitteplan-melding van het RIVM bellen wijkverpleging en vrijwilligers de ouderen op de "
        "gezamenlijke lijst.",
        "Lijst kwetsbare ouderen voor het hitteplan actualiseren",
        KnelpuntSoort.GOED_VOORBEELD,
        "Bij de hittegolf belden wijkverpleging en vrijwilligers samen alle kwetsbare ouderen op een "
        "gedeelde lijst; er waren geen hittegerelateerde opnames.",
    ),
    Onderwerp(
        "Beweegaanbod voor mensen met diabetes",
        B.FYSIOTHERAPEUT,
        "Fysiotherapeut en diëtist stellen een gecombineerd leefstijlprogramma voor. De "
        "praktijkondersteuners willen graag verwijzen, maar de vergoeding is onduidelijk.",
        "De fysiotherapeut zoekt uit welke vergoeding mogelijk is via de gecombineerde leefstijlinterventie.",
        "Vergoeding gecombineerde leefstijlinterventie uitzoeken en terugkoppelen",
        KnelpuntSoort.INZICHT,
        "Er is vraag naar een gezamenlijk beweeg- en voedingsprogramma voor mensen met diabetes; de "
        "vergoeding is voor verwijzers onduidelijk.",
    ),
)

CASUSSEN = (
    "Casus van een alleenwonende oudere met beginnende dementie en wisselende medicatie-inname. Afgesproken "
    "dat de wijkverpleging de medicatie-uitgifte regelt en de apotheek een baxterrol levert.",
    "Casus van een gezin met schulden en stressklachten. Huisarts en sociaal wijkteam stemmen af wie de "
    "regie neemt; de wijkcoach gaat op huisbezoek.",
    "Casus van een patiënt die na een heupoperatie thuis vastliep. De overdracht uit het ziekenhuis kwam te "
    "laat; fysiotherapeut en wijkverpleging hebben direct contact opgenomen.",
    "Casus van een patiënt met COPD en ondervoeding. De diëtist sluit aan bij de ketenzorg en maakt een "
    "voedingsplan met de wijkverpleging.",
    "Casus van een overbelaste mantelzorger. Doorverwezen naar mantelzorgondersteuning en respijtzorg; de "
    "huisarts plant een vervolggesprek.",
    "Casus van een jongere met angstklachten op de wachtlijst van de GGZ. De overbrugging via de POH-GGZ en "
    "het wijkteam is besproken.",
)

WAT_GAAT_GOED = (
    "Het team is stabiel en de samenwerking met de buurpraktijken in de wijk verloopt soepel.",
    "De afspraken over opvang bij afwezigheid worden goed nageleefd; de assistenten weten wie ze moeten "
    "bellen.",
    "De praktijkmanager houdt de SMART-afspraken actief bij en bespreekt ze in het teamoverleg.",
    "Goede contacten met het sociaal wijkteam; verwijzingen worden snel opgepakt.",
    "De nieuwe telefooncentrale heeft de bereikbaarheid duidelijk verbeterd.",
    "De POH-GGZ en de POH-ouderen werken nauw samen met de wijkverpleging.",
)
UITDAGINGEN = (
    "De vacature voor een doktersassistent staat al maanden open; de werkdruk aan de telefoon is hoog.",
    "De praktijkhouder gaat over twee jaar met pensioen; de opvolging is nog niet geregeld.",
    "De huisvesting is krap: er is geen ruimte voor een extra spreekuur van de POH.",
    "Gegevensuitwisseling met de buurpraktijken bij waarneming loopt nog via de telefoon.",
    "Weinig zicht op het aanbod van eerstelijnspartners in de wijk; de sociale kaart is verouderd.",
    "De praktijk neemt beperkt deel aan het WSV: er is geen tijd om afgevaardigde te zijn.",
)
ONDERSTEUNING = (
    (
        Ondersteuningscategorie.CONTINUITEIT,
        "Hulp bij het opzetten van een waarneemrooster met de buurpraktijken.",
    ),
    (
        Ondersteuningscategorie.PERSONEEL,
        "Ondersteuning bij werving van een doktersassistent via de regionale pool.",
    ),
    (Ondersteuningscategorie.ICT, "Advies over de waarneemfunctie van het HIS en toestemming voor inzage."),
    (
        Ondersteuningscategorie.BEDRIJFSVOERING,
        "Meedenken over de praktijkopvolging en de financiële gevolgen.",
    ),
    (
        Ondersteuningscategorie.ORGANISATIE,
        "Begeleiding van het eerstvolgende overleg van het huisartsenverband.",
    ),
    (Ondersteuningscategorie.KWALITEIT, "Aansluiting bij de regionale aanpak kwetsbare ouderen."),
    (Ondersteuningscategorie.SOCIAAL_DOMEIN, "Kennismaking met de nieuwe wijkcoach en het verwijsformulier."),
    (Ondersteuningscategorie.OVERIG, "Informatie over subsidie voor verduurzaming van het praktijkpand."),
)
REACTIES_PRAKTIJK = (
    "Dank voor de heldere terugkoppeling; we herkennen het beeld en pakken de vacature met voorrang op.",
    "Fijn dat ZIO meedenkt over de opvolging. Graag plannen we na de zomer een vervolggesprek.",
    "Klopt grotendeels. Een aanvulling: de waarneemafspraken met de buurpraktijk zijn inmiddels rond.",
)

SECTIES = ("Praktijk en organisatie", "Continuïteit en personeel", "Samenwerking in de wijk")
# (sectie, code, vraag, type, opties, samenwerkingsvraag, verplicht)
VRAGEN: tuple[tuple[int, str, str, str, tuple[str, ...], bool, bool], ...] = (
    (0, "ALG01", "Hoeveel patiënten staan er ingeschreven in de praktijk?", VraagType.GETAL, (), False, True),
    (0, "ALG02", "Hoeveel fte huisarts is er in de praktijk werkzaam?", VraagType.GETAL, (), False, True),
    (
        0,
        "ALG03",
        "Heeft de praktijk een actueel kwaliteitssysteem (bijvoorbeeld NHG-Praktijkaccreditering)?",
        VraagType.JA_NEE,
        (),
        False,
        True,
    ),
    (
        0,
        "ALG04",
        "Hoe tevreden bent u over de telefonische bereikbaarheid van de praktijk?",
        VraagType.SCHAAL,
        (),
        False,
        True,
    ),
    (
        1,
        "PER01",
        "Hoe ervaart u de werkdruk in de praktijk (1 = zeer laag, 5 = zeer hoog)?",
        VraagType.SCHAAL,
        (),
        False,
        True,
    ),
    (
        1,
        "PER02",
        "Zijn er op dit moment openstaande vacatures in de praktijk?",
        VraagType.JA_NEE,
        (),
        False,
        True,
    ),
    (
        1,
        "PER03",
        "Hoe is de waarneming bij afwezigheid van de huisarts geregeld?",
        VraagType.MEERKEUZE,
        (
            "Binnen de eigen praktijk",
            "Met een of meer buurpraktijken",
            "Via een vaste waarnemer",
            "Niet structureel geregeld",
        ),
        False,
        True,
    ),
    (
        2,
        "SW01",
        "Neemt de praktijk deel aan een huisartsen-wijksamenwerkingsverband?",
        VraagType.JA_NEE,
        (),
        True,
        True,
    ),
    (
        2,
        "SW02",
        "Hoe tevreden bent u over de samenwerking met de andere praktijken in de wijk?",
        VraagType.SCHAAL,
        (),
        True,
        True,
    ),
    (
        2,
        "SW03",
        "Op welk thema werkt de praktijk het meest samen met buurpraktijken?",
        VraagType.MEERKEUZE,
        (
            "Opvang van patiënten",
            "Personeel",
            "Inkoop",
            "Acute zorg",
            "ICT en gegevensuitwisseling",
            "Nog geen samenwerking",
        ),
        True,
        True,
    ),
    (
        2,
        "SW04",
        "Hoe goed kent de praktijk de eerstelijnspartners in de wijk (de sociale kaart)?",
        VraagType.SCHAAL,
        (),
        True,
        True,
    ),
    (
        2,
        "SW05",
        "Is de praktijk vertegenwoordigd in het multidisciplinair wijksamenwerkingsverband (WSV)?",
        VraagType.JA_NEE,
        (),
        True,
        True,
    ),
    (
        2,
        "SW06",
        "Waar kan ZIO de samenwerking in de wijk het beste ondersteunen?",
        VraagType.OPEN,
        (),
        True,
        False,
    ),
)
# Added in this year's questionnaire: results compare over the years by code.
NIEUWE_VRAGEN = (
    (
        2,
        "SW07",
        "Hoe vaak heeft de praktijk het afgelopen jaar patiënten van een buurpraktijk opgevangen?",
        VraagType.GETAL,
        (),
        True,
        False,
    ),
)
OPEN_ANTWOORDEN = (
    "Hulp bij het opzetten van een gezamenlijk waarneemrooster.",
    "Een actuele sociale kaart en kennismaking met de nieuwe partners in de wijk.",
    "Ondersteuning van de praktijkmanagers bij het bijhouden van de afspraken.",
    "Meer ruimte voor overleg met het sociaal domein.",
    "",
)

# What the RESV did with a line the projectleider brought in (seed 001, Check/Act).
RESV_UITKOMSTEN = (
    "Herkend in meerdere gebieden; het RESV vraagt ZIO een regionale werkgroep te starten en in het "
    "volgende RESV de eerste voorstellen te bespreken.",
    "De bestuurders van huisartsen en apothekers maken een regionale afspraak; de projectleider bewaakt "
    "de uitvoering en koppelt terug aan het WSV.",
    "Het RESV neemt het punt mee naar het bestuurlijk overleg met de zorgverzekeraar.",
    "Besproken; het RESV ziet dit als wijkzaak en legt het terug bij het WSV, met het advies de "
    "betrokken partner aan tafel te vragen.",
    "Het RESV steunt de aanpak en deelt het voorbeeld op de regionale bijeenkomst over patiëntgerichte zorg.",
)

# (gebied, kwartalen terug, verzonden?)
TERUGKOPPELINGEN = (
    ("Maastricht-Noord", 1, True),
    ("Maastricht-Noord", 0, False),
    ("Maastricht-Oost", 1, True),
    ("Eijsden-Margraten", 2, True),
    ("Eijsden-Margraten", 1, True),
    ("Meerssen", 0, False),
)

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------

POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"


def _rng(*sleutel: object) -> random.Random:
    """A generator of its own per row, seeded from 2025 and the row's natural key."""
    return random.Random("/".join([str(SEED), *map(str, sleutel)]))


def _slug(tekst: str) -> str:
    ascii_tekst = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_tekst).strip("-")


def _postcode(rng: random.Random, cijfers: str) -> str:
    while True:
        letters = rng.choice(POSTCODE_LETTERS) + rng.choice(POSTCODE_LETTERS)
        if letters not in {"SA", "SD", "SS"}:
            return f"{cijfers} {letters}"


def _telefoon(rng: random.Random) -> str:
    return f"043 {rng.randint(300, 699)} {rng.randint(10, 99)} {rng.randint(10, 99)}"


def _mobiel(rng: random.Random) -> str:
    return f"06 {rng.randint(10000000, 99999999)}"


def _persoon(rng: random.Random, vrouw: float = 0.6) -> tuple[str, str]:
    voornaam = rng.choice(VOORNAMEN_V if rng.random() < vrouw else VOORNAMEN_M)
    return voornaam, rng.choice(ACHTERNAMEN)


def _email(voornaam: str, achternaam: str, domein: str) -> str:
    return f"{_slug(voornaam)[:1]}.{_slug(achternaam).replace('-', '')}@{domein}"


def _kwamen_bijeen(aantal: int) -> str:
    """'kwam 1 WSV bij elkaar' / 'kwamen 3 WSV's bij elkaar'."""
    return "kwam 1 WSV bij elkaar" if aantal == 1 else f"kwamen {aantal} WSV's bij elkaar"


def _moment(dag: date, uur: int = 10, minuut: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time(uur, minuut)))


def _tussen(rng: random.Random, van: date, tot: date) -> date:
    """A random day from van to tot inclusive (van when the range is empty)."""
    if tot <= van:
        return van
    return van + timedelta(days=rng.randint(0, (tot - van).days))


def _werkdag(dag: date, weekdag: int) -> date:
    return dag + timedelta(days=(weekdag - dag.weekday()) % 7)


def _kwartaal(dag: date, terug: int) -> tuple[date, date]:
    maand = 3 * ((dag.month - 1) // 3) + 1 - 3 * terug
    jaar = dag.year + (maand - 1) // 12
    maand = (maand - 1) % 12 + 1
    van = date(jaar, maand, 1)
    volgende = date(jaar + (maand + 2) // 12, (maand + 2) % 12 + 1, 1)
    return van, volgende - timedelta(days=1)


def _kies(rng: random.Random, opties: list[str], gewichten: list[int]) -> dict | None:
    """A multiple-choice answer; the weights apply when they match the options."""
    if not opties:
        return None
    return {"tekst": rng.choices(opties, gewichten if len(gewichten) == len(opties) else None)[0]}


class _Rijen:
    """Unsaved rows per (model, niveau), inserted in dependency order, with their history rows.

    Rows may point at other unsaved rows: bulk_create takes the primary key of the parent once the
    parent's model has been inserted, so the parents only have to come first in ``opslaan``.
    """

    def __init__(self) -> None:
        self._rijen: dict[tuple[type[models.Model], int], list[models.Model]] = defaultdict(list)
        self.aangemaakt: Counter[type[models.Model]] = Counter()

    def add(self, obj: models.Model, niveau: int = 0) -> Any:
        self._rijen[(type(obj), niveau)].append(obj)
        return obj

    def koppel(self, obj: models.Model, veld: str, doelen: list[models.Model]) -> None:
        """Rows of an automatic many-to-many table; they are inserted after everything else."""
        m2m = type(obj)._meta.get_field(veld)
        through = m2m.remote_field.through
        for doel in doelen:
            self.add(through(**{m2m.m2m_field_name(): obj, m2m.m2m_reverse_field_name(): doel}))

    def opslaan(self, *volgorde: type[models.Model]) -> None:
        for model in volgorde:
            for sleutel in sorted((k for k in self._rijen if k[0] is model), key=lambda k: k[1]):
                self._bulk(model, self._rijen.pop(sleutel))
        for sleutel in [k for k in self._rijen if k[0]._meta.auto_created]:
            self._bulk(sleutel[0], self._rijen.pop(sleutel))
        if self._rijen:
            raise RuntimeError(f"Niet opgeslagen: {sorted(m.__name__ for m, _ in self._rijen)}")

    def _bulk(self, model: type[models.Model], objs: list[models.Model]) -> None:
        if getattr(model._meta, "simple_history_manager_attribute", None):
            bulk_create_with_history(objs, model, batch_size=500, default_change_reason="Demodata")
        else:
            model._default_manager.bulk_create(objs, batch_size=500)
        self.aangemaakt[model] += len(objs)


# ---------------------------------------------------------------------------------------------
# The plan: what the region looks like, computed without the database
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WijkPlan:
    defn: WijkDef
    kopie: int  # 0 for the real wijk, 1.. for the copies of --schaal

    @property
    def naam(self) -> str:
        return self.defn.naam if self.kopie == 0 else f"{self.defn.naam} {self.kopie + 1}"

    def andere(self, basisnaam: str) -> str:
        return basisnaam if self.kopie == 0 else f"{basisnaam} {self.kopie + 1}"


@dataclass
class PraktijkPlan:
    index: int
    slot: int
    wijk: WijkPlan
    agb: str
    naam: str
    straat: str
    postcode: str
    plaats: str
    telefoon: str
    email: str
    houder: tuple[str, str]
    pm: tuple[str, str]
    pm_username: str
    pm_contact: bool
    rollen: tuple[tuple[str, str], ...]
    fte: Decimal
    grens_met: str | None = None
    herindeling_naar: str | None = None

    @property
    def huidige_wijk(self) -> str:
        return self.herindeling_naar or self.wijk.naam

    @property
    def houder_naam(self) -> str:
        return " ".join(self.houder)


@dataclass
class PartnerPlan:
    naam: str
    beroepsgroep: str
    wijk: WijkPlan
    wijken: tuple[str, ...]
    straat: str
    postcode: str
    plaats: str
    telefoon: str
    email: str
    website: str
    notities: str
    contacten: list[tuple[str, str, str, str]] = field(default_factory=list)


@dataclass
class Lid:
    """A practice in a verband, with the dates of its deelname."""

    plan: PraktijkPlan
    praktijk: Praktijk
    van: date
    tot: date | None
    houder: Contactpersoon | None
    pm: Any  # User

    def actief_op(self, dag: date) -> bool:
        return self.van <= dag and (self.tot is None or self.tot >= dag)


def _plan_wijken(schaal: int) -> list[WijkPlan]:
    return [WijkPlan(defn, kopie) for kopie in range(schaal) for defn in WIJKEN]


def _plan_praktijken(wijkplannen: list[WijkPlan]) -> list[PraktijkPlan]:
    namen = list(ACHTERNAMEN)
    random.Random(SEED).shuffle(namen)
    eerste = {}
    teller = 0
    for defn in WIJKEN:
        eerste[defn.naam] = teller
        teller += defn.praktijken
    fantasie_gebruikt: set[str] = set()
    plannen = []
    for wp in wijkplannen:
        for slot in range(wp.defn.praktijken):
            basis = eerste[wp.defn.naam] + slot
            index = wp.kopie * 1000 + basis
            rng = _rng("praktijk", index)
            agb = f"01{(104729 + index * 7919) % 1_000_000:06d}"
            a, b = namen[(basis + wp.kopie * 7) % len(namen)], namen[(basis + 53 + wp.kopie * 7) % len(namen)]
            houder = (rng.choice(VOORNAMEN_V + VOORNAMEN_M), a)
            if slot == 0 and wp.defn.praktijken >= 4:
                naam = f"Gezondheidscentrum {wp.naam}"
            elif slot == 1:
                naam = f"Huisartsenpraktijk {a} & {b}"
            else:
                naam = f"Huisartsenpraktijk {a}"
                if rng.random() < 0.25:
                    kandidaat = rng.choice(FANTASIENAMEN)
                    if kandidaat not in fantasie_gebruikt:
                        fantasie_gebruikt.add(kandidaat)
                        naam = kandidaat
                        houder = _persoon(rng, vrouw=0.5)
            cijfers, plaats = rng.choice(wp.defn.postcodes)
            rollen = PRAKTIJKROLLEN.get((wp.defn.naam, slot), ()) if wp.kopie == 0 else ()
            demo_pm = next((u for u, f in rollen if f == Functie.PRAKTIJKMANAGER), None)
            if demo_pm:
                gebruiker = next(g for g in GEBRUIKERS if g.username == demo_pm)
                pm = (gebruiker.voornaam, gebruiker.achternaam)
            else:
                pm = _persoon(rng, vrouw=0.85)
            toevoeging = rng.choice(["", "", "", "a", "b"])
            plan = PraktijkPlan(
                index=index,
                slot=slot,
                wijk=wp,
                agb=agb,
                naam=naam,
                straat=f"{rng.choice(wp.defn.straten)} {rng.randint(1, 160)}{toevoeging}",
                postcode=_postcode(rng, cijfers),
                plaats=plaats,
                telefoon=_telefoon(rng),
                email=f"info@{_slug(naam)}.example.nl",
                houder=houder,
                pm=pm,
                pm_username=demo_pm or f"pm-{agb}",
                pm_contact=demo_pm is not None or rng.random() < 0.6,
                rollen=rollen,
                fte=Decimal(rng.choice(["1.0", "1.6", "2.0", "2.4", "3.0", "3.8", "4.5"])),
            )
            grens = GRENSPRAKTIJKEN.get((wp.defn.naam, slot))
            if grens:
                plan.grens_met = wp.andere(grens[0])
                if grens[1]:
                    plan.herindeling_naar = wp.andere(grens[0])
            plannen.append(plan)
    return plannen


def _buurwijk(wp: WijkPlan) -> WijkPlan | None:
    """The next wijk in the same gebied (for partners working in two wijken)."""
    zelfde = [d for d in WIJKEN if d.gebied == wp.defn.gebied]
    if len(zelfde) < 2:
        return None
    return WijkPlan(zelfde[(zelfde.index(wp.defn) + 1) % len(zelfde)], wp.kopie)


def _plan_partners(wijkplannen: list[WijkPlan]) -> list[PartnerPlan]:
    gemeente_van = dict(GEBIEDEN)
    gebruikt: set[str] = set()
    plannen = []
    for wp in wijkplannen:
        positie = WIJKEN.index(wp.defn)
        rng = _rng("partners", wp.naam)
        mensen: set[tuple[str, str]] = set()
        buur = _buurwijk(wp)
        w = wp.naam
        soorten: list[tuple[str, str, tuple[str, ...], bool, str]] = [
            (
                B.APOTHEKER,
                rng.choice([f"Apotheek {w}", f"Wijkapotheek {w}"]),
                ("Apotheker", "Apotheker"),
                False,
                "",
            ),
            (
                B.FYSIOTHERAPEUT,
                rng.choice(
                    [f"Fysiotherapie {w}", f"Fysio & Beweegcentrum {w}", f"Praktijk voor Fysiotherapie {w}"]
                ),
                ("Fysiotherapeut", "Fysiotherapeut, praktijkhouder"),
                False,
                "",
            ),
            (B.DIETIST, f"Diëtistenpraktijk {rng.choice(ACHTERNAMEN)}", ("Diëtist",), True, ""),
            (
                B.WIJKVERPLEEGKUNDIGE,
                f"Wijkverpleging {w} ({rng.choice(WIJKVERPLEGING_ORGANISATIES)})",
                ("Wijkverpleegkundige", "Teamleider wijkverpleging"),
                False,
                "",
            ),
            (
                B.SOCIAAL_DOMEIN,
                f"Sociaal wijkteam {w}",
                ("Wijkcoach", "Coördinator sociaal wijkteam"),
                False,
                f"Gemeente {gemeente_van[wp.defn.gebied]}: toegang tot Wmo, jeugdhulp, schuldhulpverlening "
                "en welzijn.",
            ),
        ]
        if positie % 2 == 0:
            soorten.append(
                (
                    B.GGZ,
                    rng.choice([f"GGZ-praktijk {w}", f"Psychologenpraktijk {rng.choice(ACHTERNAMEN)}"]),
                    ("GZ-psycholoog",),
                    False,
                    "Basis-GGZ; wachttijd wisselt.",
                )
            )
        if positie % 3 == 0:
            soorten.append(
                (B.ERGOTHERAPEUT, f"Ergotherapie {rng.choice(ACHTERNAMEN)}", ("Ergotherapeut",), True, "")
            )
        if positie % 3 == 1:
            soorten.append((B.LOGOPEDIST, f"Logopediepraktijk {w}", ("Logopedist",), False, ""))
        if positie % 4 == 0:
            soorten.append((B.VERLOSKUNDIGE, f"Verloskundigenpraktijk {w}", ("Verloskundige",), True, ""))
        if positie % 4 == 2:
            soorten.append((B.OVERIG, f"Podotherapie {w}", ("Podotherapeut",), False, ""))
        for beroepsgroep, naam, functies, twee_wijken, notities in soorten:
            if naam in gebruikt:
                naam = f"{naam} ({w})"
            gebruikt.add(naam)
            cijfers, plaats = rng.choice(wp.defn.postcodes)
            slug = _slug(naam.split(" (")[0])
            wijken = (w, buur.naam) if twee_wijken and buur else (w,)
            plan = PartnerPlan(
                naam=naam,
                beroepsgroep=beroepsgroep,
                wijk=wp,
                wijken=wijken,
                straat=f"{rng.choice(wp.defn.straten)} {rng.randint(1, 160)}",
                postcode=_postcode(rng, cijfers),
                plaats=plaats,
                telefoon=_telefoon(rng),
                email=f"info@{slug}.example.nl",
                website=f"https://www.{slug}.example.nl",
                notities=notities,
            )
            for functie in functies:
                voornaam, achternaam = _persoon(rng)
                while (voornaam, achternaam) in mensen:  # no two contacts of the same name in a wijk
                    voornaam, achternaam = _persoon(rng)
                mensen.add((voornaam, achternaam))
                plan.contacten.append(
                    (
                        f"{voornaam} {achternaam}",
                        functie,
                        _email(voornaam, achternaam, f"{slug}.example.nl"),
                        _mobiel(rng),
                    )
                )
            plannen.append(plan)
    return plannen


# ---------------------------------------------------------------------------------------------
# The builder
# ---------------------------------------------------------------------------------------------


@dataclass
class Resultaat:
    schaal: int
    aangemaakt: Counter
    totalen: list[tuple[str, int, int]]  # (label, in de database, nieuw)


TELLINGEN: tuple[type[models.Model], ...] = (
    Regio,
    Gemeente,
    Gebied,
    Wijk,
    Praktijk,
    WijkToewijzing,
    Partner,
    Contactpersoon,
    User,
    Praktijkmedewerker,
    Samenwerkingsverband,
    Deelname,
    Afgevaardigde,
    PdcaCyclus,
    StapVoortgang,
    Afspraak,
    AfspraakPraktijk,
    Evaluatie,
    Overleg,
    Agendapunt,
    Aanwezigheid,
    Besluitvorming,
    Actiepunt,
    Knelpunt,
    PartnerInventarisatie,
    GebiedTerugkoppeling,
    TerugkoppelingRegel,
    Vragenlijst,
    Vraag,
    Ronde,
    Respons,
    Antwoord,
    Praktijkbezoek,
    Ondersteuningsbehoefte,
)


def bouw_demodata(*, schaal: int = 1) -> Resultaat:
    """Build (or complete) the demo region; safe to run more than once."""
    if schaal < 1:
        raise ValueError("schaal moet 1 of meer zijn")
    with transaction.atomic():
        # The seeded reference data (PDCA steps, themes, bouwstenen) normally comes from the data
        # migrations; a flushed database gets it back here.
        samenwerking_seeds.zaai(PdcaStap=PdcaStap, Thema=Thema)
        monitoring_seeds.zaai(Bouwsteen=Bouwsteen)
        return _Bouwer(schaal).bouw()


class _Bouwer:
    """Builds the region section by section; each section creates only what is missing."""

    def __init__(self, schaal: int) -> None:
        self.schaal = schaal
        self.vandaag = timezone.localdate()
        self.jaar = self.vandaag.year
        self.nu = timezone.now()
        self.rijen = _Rijen()
        self.wijkplannen = _plan_wijken(schaal)
        self.praktijkplannen = _plan_praktijken(self.wijkplannen)
        self.partnerplannen = _plan_partners(self.wijkplannen)
        self.plan_per_agb = {p.agb: p for p in self.praktijkplannen}
        self.herindeling = max(self.vandaag - timedelta(days=100), WIJKINDELING + timedelta(days=1))
        self.gebruikers: dict[str, Any] = {}
        self.gebiedsmanager: dict[str, Any] = {}
        self.wijken: dict[str, Wijk] = {}
        self.nieuwe_praktijken: dict[str, Praktijk] = {}
        self.pm_gebruiker: dict[str, Any] = {}
        self.nieuwe_gebruikers: set[str] = set()
        self.nieuwe_afspraken: list[Afspraak] = []
        self._context_geladen = False
        # Indexes of the plan, so building a verband does not scan all plans.
        self.partnerplannen_per = defaultdict(list)
        for plan in self.partnerplannen:
            for wijknaam in plan.wijken:
                self.partnerplannen_per[(wijknaam, plan.beroepsgroep)].append(plan)
        self.praktijkplannen_per_wijk = defaultdict(list)
        for plan in self.praktijkplannen:
            self.praktijkplannen_per_wijk[plan.wijk.naam].append(plan)
            if plan.herindeling_naar:
                self.praktijkplannen_per_wijk[plan.herindeling_naar].append(plan)

    def bouw(self) -> Resultaat:
        self._gebruikers()
        self._geografie()
        self._praktijken()
        self._partners()
        self._inventarisaties()
        self._verbanden()
        self._bezoeken()
        self._monitoring()
        self._terugkoppelingen()
        totalen = [
            (
                str(model._meta.verbose_name_plural),
                model._default_manager.count(),
                self.rijen.aangemaakt[model],
            )
            for model in TELLINGEN
        ]
        return Resultaat(self.schaal, self.rijen.aangemaakt, totalen)

    # -- users and geography --------------------------------------------------------------------

    def _gebruikers(self) -> None:
        bestaand = {u.username: u for u in User.objects.filter(username__in=[g.username for g in GEBRUIKERS])}
        wachtwoord = None
        for g in GEBRUIKERS:
            if g.username in bestaand:
                continue
            if g.login and wachtwoord is None:
                wachtwoord = make_password(DEMO_WACHTWOORD)  # hashed once: the hasher is slow on purpose
            gebruiker = User(
                username=g.username,
                first_name=g.voornaam,
                last_name=g.achternaam,
                email=g.email,
                rol=g.rol,
                is_staff=g.superuser,
                is_superuser=g.superuser,
                password=wachtwoord if g.login else make_password(None),
            )
            bestaand[g.username] = self.rijen.add(gebruiker)
            self.nieuwe_gebruikers.add(g.username)
        self.rijen.opslaan(User)
        self.gebruikers = bestaand

    def _geografie(self) -> None:
        regio, nieuw = Regio.objects.get_or_create(naam=REGIO)
        self.rijen.aangemaakt[Regio] += nieuw
        gemeenten = {g.naam: g for g in Gemeente.objects.filter(naam__in=[n for n, _ in GEMEENTEN])}
        for naam, cbs in GEMEENTEN:
            if naam not in gemeenten:
                gemeenten[naam] = Gemeente.objects.create(regio=regio, naam=naam, cbs_code=cbs)
                self.rijen.aangemaakt[Gemeente] += 1
        gebieden = {g.naam: g for g in Gebied.objects.filter(naam__in=[n for n, _ in GEBIEDEN])}
        for naam, gemeente in GEBIEDEN:
            nieuw = naam not in gebieden
            if nieuw:
                gebieden[naam] = Gebied.objects.create(gemeente=gemeenten[gemeente], naam=naam)
                self.rijen.aangemaakt[Gebied] += 1
            managers = [g.username for g in GEBRUIKERS if naam in g.gebieden]
            if nieuw or self.nieuwe_gebruikers.intersection(managers):
                gebieden[naam].gebiedsmanagers.add(*(self.gebruikers[u] for u in managers))
            self.gebiedsmanager[naam] = self.gebruikers[managers[0]]
        self.gebieden = gebieden

        namen = [wp.naam for wp in self.wijkplannen]
        self.wijken = {w.naam: w for w in Wijk.objects.filter(naam__in=namen)}
        for wp in self.wijkplannen:
            if wp.naam not in self.wijken:
                inwoners = wp.defn.inwoners
                if wp.kopie:
                    inwoners = min(
                        max(inwoners + _rng("inwoners", wp.naam).randint(-800, 800), 10_000), 20_000
                    )
                self.wijken[wp.naam] = self.rijen.add(
                    Wijk(
                        gebied=gebieden[wp.defn.gebied],
                        naam=wp.naam,
                        inwoners=inwoners,
                        omschrijving=wp.defn.omschrijving,
                    )
                )
        self.rijen.opslaan(Wijk)

    # -- practices and partners -----------------------------------------------------------------

    def _praktijken(self) -> None:
        plannen = self.praktijkplannen
        bestaand = set(
            Praktijk.objects.filter(agb_code__in=[p.agb for p in plannen]).values_list("agb_code", flat=True)
        )
        nieuw = [p for p in plannen if p.agb not in bestaand]
        self._demo_rollen_herstellen([p for p in plannen if p.agb in bestaand])
        if not nieuw:
            return
        pm_namen = [p.pm_username for p in nieuw]
        gebruikers = {u.username: u for u in User.objects.filter(username__in=pm_namen)}
        gebruikers.update(self.gebruikers)
        beheerder = self.gebruikers["beheerder"]
        for plan in nieuw:
            praktijk = self.rijen.add(
                Praktijk(
                    naam=plan.naam,
                    agb_code=plan.agb,
                    wijk=self.wijken[plan.huidige_wijk],
                    straat=plan.straat,
                    postcode=plan.postcode,
                    plaats=plan.plaats,
                    telefoon=plan.telefoon,
                    email=plan.email,
                )
            )
            self.nieuwe_praktijken[plan.agb] = praktijk
            eerste_wijk = plan.wijk.naam
            reden = WIJKINDELING_REDEN
            if plan.grens_met:
                reden = (
                    f"{WIJKINDELING_REDEN}: de praktijk ligt op de grens van {eerste_wijk} en "
                    f"{plan.grens_met}. In overleg met beide huisartsenverbanden ingedeeld bij "
                    f"{eerste_wijk}, omdat de meeste ingeschreven patiënten daar wonen."
                )
            self.rijen.add(
                WijkToewijzing(
                    praktijk=praktijk,
                    wijk=self.wijken[eerste_wijk],
                    ingangsdatum=WIJKINDELING,
                    grenspraktijk=bool(plan.grens_met),
                    reden=reden,
                    vastgelegd_door=beheerder,
                )
            )
            if plan.herindeling_naar:
                self.rijen.add(
                    WijkToewijzing(
                        praktijk=praktijk,
                        wijk=self.wijken[plan.herindeling_naar],
                        ingangsdatum=self.herindeling,
                        grenspraktijk=True,
                        vastgelegd_door=beheerder,
                        reden=(
                            "Herindeling na evaluatie met beide verbanden: de praktijk werkt voor "
                            "waarneming al "
                            f"nauw samen met de praktijken in {plan.herindeling_naar} en de meeste nieuwe "
                            f"inschrijvingen komen daarvandaan."
                        ),
                    )
                )
            rng = _rng("contacten", plan.agb)
            domein = plan.email.split("@")[1]
            self.rijen.add(
                Contactpersoon(
                    praktijk=praktijk,
                    naam=plan.houder_naam,
                    functie="Huisarts, praktijkhouder",
                    email=_email(*plan.houder, domein),
                    telefoon=plan.telefoon,
                )
            )
            if plan.pm_contact:
                self.rijen.add(
                    Contactpersoon(
                        praktijk=praktijk,
                        naam=" ".join(plan.pm),
                        functie="Praktijkmanager",
                        email=_email(*plan.pm, domein),
                        telefoon=_mobiel(rng),
                    )
                )
            pm = gebruikers.get(plan.pm_username)
            if pm is None:
                pm = gebruikers[plan.pm_username] = self.rijen.add(
                    User(
                        username=plan.pm_username,
                        first_name=plan.pm[0],
                        last_name=plan.pm[1],
                        email=_email(*plan.pm, domein),
                        rol=Rol.PRAKTIJKMEDEWERKER,
                        password=make_password(None),
                    )
                )
            self.pm_gebruiker[plan.agb] = pm
            rollen = ((plan.pm_username, Functie.PRAKTIJKMANAGER),)
            rollen += tuple(rol for rol in plan.rollen if rol[0] != plan.pm_username)
            for username, functie in rollen:
                self.rijen.add(
                    Praktijkmedewerker(user=gebruikers[username], praktijk=praktijk, functie=functie)
                )
        self.rijen.opslaan(User, Praktijk, WijkToewijzing, Contactpersoon, Praktijkmedewerker)

    def _demo_rollen_herstellen(self, bestaande: list[PraktijkPlan]) -> None:
        """A demo login that was just (re)created gets its practices back, if they exist already."""
        for plan in bestaande:
            for username, functie in plan.rollen:
                if username in self.nieuwe_gebruikers:
                    _, nieuw = Praktijkmedewerker.objects.get_or_create(
                        user=self.gebruikers[username],
                        praktijk=Praktijk.objects.get(agb_code=plan.agb),
                        defaults={"functie": functie},
                    )
                    self.rijen.aangemaakt[Praktijkmedewerker] += nieuw

    def _partners(self) -> None:
        plannen = self.partnerplannen
        bestaand = set(
            Partner.objects.filter(naam__in=[p.naam for p in plannen]).values_list("naam", flat=True)
        )
        self.nieuwe_partners: dict[str, Partner] = {}
        for plan in plannen:
            if plan.naam in bestaand:
                continue
            partner = self.rijen.add(
                Partner(
                    naam=plan.naam,
                    beroepsgroep=plan.beroepsgroep,
                    straat=plan.straat,
                    postcode=plan.postcode,
                    plaats=plan.plaats,
                    telefoon=plan.telefoon,
                    email=plan.email,
                    website=plan.website,
                    notities=plan.notities,
                )
            )
            self.nieuwe_partners[plan.naam] = partner
            self.rijen.koppel(partner, "wijken", [self.wijken[w] for w in plan.wijken])
            for naam, functie, email, telefoon in plan.contacten:
                self.rijen.add(
                    Contactpersoon(
                        partner=partner, naam=naam, functie=functie, email=email, telefoon=telefoon
                    )
                )
        self.rijen.opslaan(Partner, Contactpersoon)

    def _inventarisaties(self) -> None:
        """Plan phase of the WSV: half of the new practices inventoried the partners of their wijk."""
        plannen = [self.plan_per_agb[agb] for agb in self.nieuwe_praktijken]
        plannen = [p for p in plannen if (p.slot % 2 == 0 or p.rollen) and p.wijk.defn.wsv_stap]
        if not plannen:
            return
        namen = {p.naam for p in self.partnerplannen}
        partners = defaultdict(list)
        for partner in Partner.objects.filter(naam__in=namen).prefetch_related("wijken"):
            for wijk in partner.wijken.all():
                partners[wijk.naam].append(partner)
        mate_kansen = {
            B.APOTHEKER: (8, 2, 0),
            B.WIJKVERPLEEGKUNDIGE: (6, 3, 1),
            B.SOCIAAL_DOMEIN: (4, 4, 2),
            B.FYSIOTHERAPEUT: (5, 4, 1),
            B.DIETIST: (2, 4, 4),
        }
        for plan in plannen:
            rng = _rng("inventarisatie", plan.agb)
            for partner in sorted(partners[plan.huidige_wijk], key=lambda p: p.naam):
                mate = rng.choices(
                    [SamenwerkingMate.AL, SamenwerkingMate.DEELS, SamenwerkingMate.NOG_NIET],
                    mate_kansen.get(partner.beroepsgroep, (2, 3, 5)),
                )[0]
                knelpunten = goede_voorbeelden = ""
                if mate != SamenwerkingMate.AL and rng.random() < 0.6:
                    knelpunten = rng.choice(
                        [
                            "Geen vaste contactpersoon; we weten niet wie we moeten bellen.",
                            "Terugkoppeling na verwijzing ontbreekt meestal.",
                            "Lange wachttijd, patiënten komen terug op het spreekuur.",
                            "Onbekend welk aanbod er precies is.",
                        ]
                    )
                if mate == SamenwerkingMate.AL and rng.random() < 0.5:
                    goede_voorbeelden = rng.choice(
                        [
                            "Vast overleg elke maand; korte lijnen via de beveiligde app.",
                            "Gezamenlijk spreekuur in de praktijk, patiënten worden direct gezien.",
                            "Snelle terugkoppeling via het HIS na elke verwijzing.",
                        ]
                    )
                self.rijen.add(
                    PartnerInventarisatie(
                        praktijk=self.nieuwe_praktijken[plan.agb],
                        partner=partner,
                        mate=mate,
                        knelpunten=knelpunten,
                        goede_voorbeelden=goede_voorbeelden,
                        bijgewerkt_door=self.pm_gebruiker[plan.agb],
                    )
                )
        self.rijen.opslaan(PartnerInventarisatie)

    # -- verbanden ------------------------------------------------------------------------------

    def _laad_context(self) -> None:
        if self._context_geladen:
            return
        self._context_geladen = True
        self.stappen = {(s.soort, s.nummer): s for s in PdcaStap.objects.all()}
        if len(self.stappen) < 10:
            raise RuntimeError("De PDCA-stappen ontbreken: voer eerst 'manage.py migrate' uit.")
        self.themas = {t.naam: t for t in Thema.objects.all()}
        for tekst in AFSPRAKEN:
            if tekst.thema not in self.themas:
                self.themas[tekst.thema] = Thema.objects.create(naam=tekst.thema)
        self.praktijken_db = {
            p.agb_code: p
            for p in Praktijk.objects.filter(agb_code__in=list(self.plan_per_agb)).prefetch_related(
                "contactpersonen", "medewerkers__user"
            )
        }
        self.partners_db = {
            p.naam: p
            for p in Partner.objects.filter(naam__in=[p.naam for p in self.partnerplannen]).prefetch_related(
                "contactpersonen"
            )
        }

    def _houder(self, praktijk: Praktijk) -> Contactpersoon | None:
        contacten = sorted(praktijk.contactpersonen.all(), key=lambda c: c.pk)
        return next(
            (c for c in contacten if c.functie.startswith("Huisarts")), contacten[0] if contacten else None
        )

    def _pm(self, praktijk: Praktijk) -> Any:
        medewerkers = sorted(praktijk.medewerkers.all(), key=lambda m: m.pk)
        gekozen = next((m for m in medewerkers if m.functie == Functie.PRAKTIJKMANAGER), None)
        gekozen = gekozen or (medewerkers[0] if medewerkers else None)
        return gekozen.user if gekozen else self.gebruikers["beleidsadviseur"]

    def _verbanden(self) -> None:
        bestaand = set(
            Samenwerkingsverband.objects.filter(wijk__naam__in=list(self.wijken)).values_list(
                "wijk__naam", "soort", "naam"
            )
        )
        te_bouwen = []
        for wp in self.wijkplannen:
            if (wp.naam, VerbandSoort.HUISARTSEN, f"Huisartsenverband {wp.naam}") not in bestaand:
                te_bouwen.append((wp, VerbandSoort.HUISARTSEN))
            if (
                wp.defn.wsv_stap
                and (wp.naam, VerbandSoort.MULTIDISCIPLINAIR, f"WSV {wp.naam}") not in bestaand
            ):
                te_bouwen.append((wp, VerbandSoort.MULTIDISCIPLINAIR))
        if not te_bouwen:
            return
        self._laad_context()
        for wp, soort in te_bouwen:
            if soort == VerbandSoort.HUISARTSEN:
                self._huisartsenverband(wp)
            else:
                self._wsv(wp)
        self.rijen.opslaan(
            Samenwerkingsverband,
            Deelname,
            PdcaCyclus,
            StapVoortgang,
            Afgevaardigde,
            Afspraak,
            AfspraakPraktijk,
            Evaluatie,
            Overleg,
            Actiepunt,
            Knelpunt,
            Agendapunt,
            Besluitvorming,
            Aanwezigheid,
            OverlegVerzending,
        )
        # auto_now_add ignores a given value: date the agreements afterwards, one UPDATE per day.
        per_moment = defaultdict(list)
        for afspraak in self.nieuwe_afspraken:
            per_moment[afspraak._history_date].append(afspraak.pk)
        for moment, pks in per_moment.items():
            Afspraak.objects.filter(pk__in=pks).update(aangemaakt_op=moment, gewijzigd_op=moment)

    def _leden(self, wp: WijkPlan, startdatum: date, rng: random.Random) -> list[Lid]:
        leden = []
        for plan in self.praktijkplannen_per_wijk[wp.naam]:
            praktijk = self.praktijken_db.get(plan.agb)
            if praktijk is None:
                continue
            if plan.wijk.naam == wp.naam:
                van = startdatum + timedelta(days=rng.randint(0, 21))
                if plan.slot == wp.defn.praktijken - 1 and wp.defn.praktijken >= 4:
                    van = min(
                        startdatum + timedelta(days=rng.randint(60, 150)), self.vandaag - timedelta(days=10)
                    )
                tot = None
                if plan.herindeling_naar:
                    tot = self.herindeling
                    van = min(van, tot)
            elif plan.herindeling_naar == wp.naam:
                van, tot = self.herindeling, None
            else:
                continue
            van = min(van, self.vandaag)
            leden.append(Lid(plan, praktijk, van, tot, self._houder(praktijk), self._pm(praktijk)))
        return leden

    def _stapvensters(
        self, start: date, eind: date | None, huidig: int, aantal: int
    ) -> list[tuple[str, date | None, date | None]]:
        """(status, gestart_op, afgerond_op) per step; a closed cycle (eind set) has every step done."""
        tot = eind or self.vandaag
        delen = aantal if eind else huidig
        lengte = max((tot - start).days, delen)
        grenzen = [start + timedelta(days=round(i * lengte / delen)) for i in range(delen + 1)]
        vensters = []
        for nummer in range(1, aantal + 1):
            if eind or nummer < huidig:
                afgerond = eind if (eind and nummer == aantal) else grenzen[nummer] - timedelta(days=1)
                vensters.append(
                    (StapStatus.AFGEROND, grenzen[nummer - 1], max(afgerond, grenzen[nummer - 1]))
                )
            elif nummer == huidig:
                vensters.append((StapStatus.GESTART, grenzen[nummer - 1], None))
            else:
                vensters.append((StapStatus.NIET_GESTART, None, None))
        return vensters

    def _cyclus(
        self,
        verband: Samenwerkingsverband,
        soort: str,
        nummer: int,
        start: date,
        eind: date | None,
        huidig: int,
        notities: dict[int, tuple[str, str]],
        door: Any,
        themas: list[Thema],
    ) -> list[tuple[str, date | None, date | None]]:
        aantal = 7 if soort == VerbandSoort.HUISARTSEN else 3
        cyclus = self.rijen.add(
            PdcaCyclus(verband=verband, nummer=nummer, gestart_op=start, afgerond_op=eind)
        )
        if themas:
            self.rijen.koppel(cyclus, "themas", themas)
        vensters = self._stapvensters(start, eind, huidig, aantal)
        for stapnummer, (status, van, tot) in enumerate(vensters, start=1):
            notitie = ""
            if status == StapStatus.AFGEROND:
                notitie = notities[stapnummer][0]
            elif status == StapStatus.GESTART:
                notitie = notities[stapnummer][1]
            self.rijen.add(
                StapVoortgang(
                    cyclus=cyclus,
                    stap=self.stappen[(soort, stapnummer)],
                    status=status,
                    gestart_op=van,
                    afgerond_op=tot,
                    notitie=notitie,
                    bijgewerkt_door=door if status != StapStatus.NIET_GESTART else None,
                )
            )
        return vensters

    def _afspraakteksten(self, wp: WijkPlan) -> list[AfspraakTekst]:
        teksten = list(AFSPRAKEN)
        _rng("afspraakteksten", wp.naam).shuffle(teksten)
        return teksten

    def _huisartsenverband(self, wp: WijkPlan) -> None:
        d = wp.defn
        rng = _rng("huisartsenverband", wp.naam)
        vandaag = self.vandaag
        if d.ha_cyclus == 1:
            start = vandaag - timedelta(days=90 + 75 * (d.ha_stap - 1) + rng.randint(-10, 10))
            cycli = [(1, start, None, d.ha_stap)]
        else:
            start = vandaag - timedelta(days=820 + rng.randint(-20, 20))
            einde_1 = vandaag - timedelta(days=210 + rng.randint(0, 15))
            cycli = [
                (1, start, einde_1, 7),
                (2, einde_1 + timedelta(days=rng.randint(7, 20)), None, d.ha_stap),
            ]
        leden = self._leden(wp, start, rng)
        if not leden:
            return
        wijk = self.wijken[wp.naam]
        vorm = rng.choices([Overlegvorm.FYSIEK, Overlegvorm.HYBRIDE, Overlegvorm.ONLINE], [5, 3, 2])[0]
        voorzitter = ""
        if d.ha_stap > 1 or d.ha_cyclus > 1:  # the chair is chosen in step 2
            voorzitter = f"{leden[0].plan.houder_naam}, huisarts ({leden[0].plan.naam})"
        verband = self.rijen.add(
            Samenwerkingsverband(
                soort=VerbandSoort.HUISARTSEN,
                naam=f"Huisartsenverband {wp.naam}",
                wijk=wijk,
                visie=rng.choice(
                    [
                        f"Samen zorgen we dat elke inwoner van {wp.naam} ook bij drukte, ziekte of vakantie "
                        "toegang houdt tot goede huisartsenzorg.",
                        f"De praktijken in {wp.naam} werken als één netwerk: we kennen elkaar, vangen elkaar "
                        "op en delen kennis en middelen.",
                        f"We maken de huisartsenzorg in {wp.naam} toekomstbestendig door de krachten te "
                        "bundelen op continuïteit, personeel en inkoop.",
                    ]
                ),
                doelstelling=rng.choice(
                    [
                        "Binnen een jaar heeft elke praktijk een sluitende waarneemregeling met de "
                        "buurpraktijken en zijn er ten minste twee gezamenlijke afspraken die de werkdruk "
                        "aantoonbaar verlagen.",
                        "Binnen twee jaar delen de praktijken personeel bij uitval, kopen zij gezamenlijk "
                        "in en is de opvang van elkaars patiënten vanzelfsprekend.",
                    ]
                ),
                overlegvorm=vorm,
                overleggen_per_jaar=rng.choice([4, 4, 6]),
                aanwezigen=rng.choice(
                    [
                        "Praktijkhouders en praktijkmanagers",
                        "Praktijkhouders",
                        "Praktijkmanagers; twee keer per jaar ook de praktijkhouders",
                    ]
                ),
                voorzitter=voorzitter,
                startdatum=start,
            )
        )
        if not voorzitter:  # step 1: vision, form and chair come out of the start meeting
            verband.visie = verband.doelstelling = verband.overlegvorm = verband.aanwezigen = ""
        for lid in leden:
            self.rijen.add(
                Deelname(
                    verband=verband, praktijk=lid.praktijk, toegetreden_op=lid.van, uitgetreden_op=lid.tot
                )
            )

        teksten = self._afspraakteksten(wp)
        door = leden[0].pm
        afspraak_index = 0
        for nummer, cstart, ceinde, huidig in cycli:
            scenarios = SCENARIO_AFGERONDE_CYCLUS if ceinde else SCENARIO_PER_STAP[huidig]
            eigen = teksten[afspraak_index : afspraak_index + max(len(scenarios), 2)]
            themas = sorted({self.themas[t.thema] for t in eigen}, key=lambda t: t.naam)
            vensters = self._cyclus(
                verband,
                VerbandSoort.HUISARTSEN,
                nummer,
                cstart,
                ceinde,
                huidig,
                STAPNOTITIES_HUISARTSEN,
                door,
                themas,
            )
            for j, scenario in enumerate(scenarios):
                self._afspraak(verband, wp, teksten[afspraak_index + j], scenario, j, vensters, leden, rng)
            afspraak_index += len(scenarios)

        self._huisartsenoverleggen(verband, wp, leden, rng)

    def _afspraak(
        self,
        verband: Samenwerkingsverband,
        wp: WijkPlan,
        tekst: AfspraakTekst,
        scenario: str,
        j: int,
        vensters: list[tuple[str, date | None, date | None]],
        leden: list[Lid],
        rng: random.Random,
    ) -> None:
        vandaag = self.vandaag
        status_2, start_2, einde_2 = vensters[1]
        if status_2 == StapStatus.AFGEROND:
            vastgesteld = einde_2
        else:
            vastgesteld = vandaag - timedelta(days=rng.randint(5, 30))
        start_5 = vensters[4][1] or vastgesteld + timedelta(days=60)
        einde_venster = vensters[-1][2] or vandaag  # closed cycle: its end; else today
        eigenaar = leden[(j + 1) % len(leden)].pm
        actieve_leden = [lid for lid in leden if lid.tot is None]  # a practice that left is no longer bound
        coordinator = leden[j % len(leden)].plan.naam

        def nieuwe(versie: int, vorige: Afspraak | None, variant: str, status: str, datum: date) -> Afspraak:
            specifiek = tekst.specifiek.format(wijk=wp.naam, coordinator=coordinator)
            streefwaarde = tekst.streefwaarde
            if variant == "scherper":
                specifiek += f"\n\nAangescherpt: {tekst.scherper}"
                streefwaarde = tekst.streef_scherper
            elif variant == "breder":
                specifiek += f"\n\nUitgebreid: {tekst.breder}"
            akkoord = len(actieve_leden)
            if status == AfspraakStatus.CONCEPT:
                acceptabel = (
                    f"Voorstel besproken in het overleg van {datum:%d-%m-%Y}; de praktijkhouders "
                    "reageren voor het volgende overleg."
                )
            else:
                acceptabel = (
                    f"Besproken en vastgesteld in het overleg van {datum:%d-%m-%Y}; alle {akkoord} "
                    "deelnemende praktijken stemden in."
                )
            evaluatie_op = None
            if status in (AfspraakStatus.ACTIEF, AfspraakStatus.CONCEPT):
                soort = (j + versie + rng.randint(0, 2)) % 3
                evaluatie_op = vandaag + timedelta(
                    days=[-rng.randint(3, 45), rng.randint(2, 28), rng.randint(40, 160)][soort]
                )
            elif status == AfspraakStatus.GEBORGD:
                evaluatie_op = vandaag + timedelta(days=rng.randint(120, 300))
            afspraak = self.rijen.add(
                Afspraak(
                    verband=verband,
                    thema=self.themas[tekst.thema],
                    titel=tekst.titel,
                    specifiek=specifiek,
                    meetbaar=tekst.meetbaar,
                    indicator=tekst.indicator,
                    streefwaarde=streefwaarde,
                    acceptabel=acceptabel,
                    realistisch=tekst.realistisch,
                    tijdgebonden=datum + timedelta(days=rng.randint(90, 180)),
                    evaluatie_op=evaluatie_op,
                    eigenaar=eigenaar,
                    status=status,
                    versie=versie,
                    vorige_versie=vorige,
                ),
                niveau=versie,
            )
            # Dated to when it was agreed, so the versions keep their order in the history.
            afspraak._history_date = min(_moment(datum, 17), self.nu)
            self.nieuwe_afspraken.append(afspraak)
            for lid in actieve_leden:
                self.rijen.add(self._uitvoering(afspraak, lid, status, datum, rng))
            return afspraak

        def evaluatie(afspraak: Afspraak, besluit: str, datum: date, nageleefd: str | None = None) -> None:
            if nageleefd is None:
                nageleefd = {Besluit.BEEINDIGEN: Nageleefd.NEE, Besluit.BORGEN: Nageleefd.JA}.get(
                    besluit, rng.choice([Nageleefd.JA, Nageleefd.DEELS])
                )
            goed, beter = rng.choice(EVALUATIE_TEKST[nageleefd])
            toelichting = BESLUIT_TOELICHTING[besluit]
            if besluit == Besluit.BEEINDIGEN:
                toelichting = f"{toelichting} {tekst.einde}"
            self.rijen.add(
                Evaluatie(
                    afspraak=afspraak,
                    datum=min(datum, vandaag),
                    nageleefd=nageleefd,
                    wat_gaat_goed=goed,
                    wat_kan_beter=beter,
                    besluit=besluit,
                    toelichting=toelichting,
                    door=eigenaar,
                )
            )

        if scenario == "concept":
            nieuwe(1, None, "", AfspraakStatus.CONCEPT, vastgesteld)
        elif scenario == "actief":
            nieuwe(1, None, "", AfspraakStatus.ACTIEF, vastgesteld)
        elif scenario == "voortzetten":
            afspraak = nieuwe(1, None, "", AfspraakStatus.ACTIEF, vastgesteld)
            evaluatie(
                afspraak,
                Besluit.VOORTZETTEN,
                _tussen(rng, max(start_5, vastgesteld + timedelta(days=30)), vandaag - timedelta(days=7)),
            )
        elif scenario in ("aanscherpen", "uitbreiden"):
            afspraak = nieuwe(1, None, "", AfspraakStatus.VERVANGEN, vastgesteld)
            einde_eval = vensters[5][1] or einde_venster
            datum = _tussen(
                rng, max(start_5, vastgesteld + timedelta(days=30)), einde_eval - timedelta(days=20)
            )
            datum = min(datum, vandaag - timedelta(days=10))
            besluit = Besluit.AANSCHERPEN if scenario == "aanscherpen" else Besluit.UITBREIDEN
            evaluatie(afspraak, besluit, datum, Nageleefd.DEELS)
            nieuwe(
                2,
                afspraak,
                "scherper" if scenario == "aanscherpen" else "breder",
                AfspraakStatus.ACTIEF,
                min(datum + timedelta(days=rng.randint(7, 20)), vandaag - timedelta(days=1)),
            )
        elif scenario == "beeindigen":
            afspraak = nieuwe(1, None, "", AfspraakStatus.BEEINDIGD, vastgesteld)
            afspraak.reden_beeindiging = tekst.einde
            evaluatie(
                afspraak,
                Besluit.BEEINDIGEN,
                _tussen(rng, max(start_5, vastgesteld + timedelta(days=30)), einde_venster),
            )
        elif scenario == "borgen":
            afspraak = nieuwe(1, None, "", AfspraakStatus.GEBORGD, vastgesteld)
            eerste = _tussen(
                rng, max(start_5, vastgesteld + timedelta(days=30)), einde_venster - timedelta(days=60)
            )
            evaluatie(afspraak, Besluit.VOORTZETTEN, eerste, Nageleefd.JA)
            evaluatie(afspraak, Besluit.BORGEN, _tussen(rng, eerste + timedelta(days=30), einde_venster))

    def _uitvoering(self, afspraak: Afspraak, lid: Lid, status: str, datum: date, rng: random.Random) -> Any:
        dagen = (self.vandaag - datum).days
        akkoord = True
        if status == AfspraakStatus.CONCEPT:
            implementatie = Implementatiestatus.NIET_GESTART
            akkoord = rng.random() < 0.7
        elif status == AfspraakStatus.GEBORGD:
            implementatie = Implementatiestatus.INGEVOERD
        else:
            kans = 0.35 if dagen < 60 else 0.75
            implementatie = rng.choices(
                [
                    Implementatiestatus.INGEVOERD,
                    Implementatiestatus.NIET_GESTART,
                    Implementatiestatus.NIET_VAN_TOEPASSING,
                ],
                [kans, 0.9 - kans, 0.1],
            )[0]
        geinformeerd = implementatie == Implementatiestatus.INGEVOERD or (
            implementatie == Implementatiestatus.NIET_GESTART and rng.random() < 0.3
        )
        toelichting = ""
        if implementatie == Implementatiestatus.NIET_VAN_TOEPASSING:
            toelichting = "De praktijk heeft hiervoor al een eigen regeling met een andere partij."
        elif implementatie == Implementatiestatus.NIET_GESTART and rng.random() < 0.4:
            toelichting = rng.choice(
                [
                    "Start na de zomer; eerst een nieuwe assistent inwerken.",
                    "Wacht op de aanpassing van de telefooncentrale.",
                    "Bespreken in het teamoverleg van volgende maand.",
                ]
            )
        return AfspraakPraktijk(
            afspraak=afspraak,
            praktijk=lid.praktijk,
            akkoord=akkoord,
            implementatie=implementatie,
            medewerkers_geinformeerd=geinformeerd,
            toelichting=toelichting,
        )

    def _overleg(
        self,
        verband: Samenwerkingsverband,
        dag: date,
        vorm: str,
        plek: str,
        tijden: tuple[time, time],
        status: str,
        notulen: str = "",
    ) -> Overleg:
        locatie = plek if vorm in (Overlegvorm.FYSIEK, Overlegvorm.HYBRIDE) else ""
        link = ""
        if vorm in (Overlegvorm.ONLINE, Overlegvorm.HYBRIDE):
            link = f"https://vergaderen.example.nl/{_slug(verband.naam)}"
        return self.rijen.add(
            Overleg(
                verband=verband,
                datum=dag,
                starttijd=tijden[0],
                eindtijd=tijden[1],
                overlegvorm=vorm,
                locatie=locatie,
                link=link,
                status=status,
                notulen=notulen,
                # Overleggen (issue 4): the notulen of a held meeting were made final a few days later.
                notulen_definitief_op=(
                    _moment(min(dag + timedelta(days=4), self.vandaag), 9)
                    if status == OverlegStatus.GEHOUDEN and verband.is_wsv
                    else None
                ),
            )
        )

    def _huisartsenoverleggen(
        self, verband: Samenwerkingsverband, wp: WijkPlan, leden: list[Lid], rng: random.Random
    ) -> None:
        """The practices' own meetings: the start meeting is planned in step 1, then they meet regularly."""
        vandaag = self.vandaag
        stap = 3 if wp.defn.ha_cyclus > 1 else wp.defn.ha_stap
        vorm = verband.overlegvorm or Overlegvorm.FYSIEK
        plek = leden[0].plan.naam
        tijden = (time(12, 30), time(13, 45))
        dagen = []
        if stap >= 2:
            dagen.append(_werkdag(vandaag - timedelta(days=rng.randint(20, 60)), 1))
        if stap >= 3:
            dagen.insert(0, _werkdag(vandaag - timedelta(days=rng.randint(100, 140)), 1))
        if stap >= 3:
            titel, notulen = "Evaluatie SMART-afspraken", "Per afspraak besproken of hij wordt nageleefd."
            besluit = (
                "De lopende afspraken worden voortgezet; de praktijkmanagers werken de implementatie bij."
            )
            actie = "Implementatiestatus van de afspraken in de eigen praktijk bijwerken in het portaal."
        else:
            titel = "Vorm, frequentie en SMART-afspraken"
            notulen = (
                "Overlegvorm, frequentie en voorzitter vastgesteld; de thema's uitgewerkt tot concepten."
            )
            besluit = "De concept-afspraken gaan ter instemming naar de praktijkhouders."
            actie = "Concept-afspraken bespreken in het eigen team en reageren vóór het volgende overleg."
        overleg = None
        for dag in dagen:
            aanwezig = [lid for lid in leden if lid.actief_op(dag)]
            overleg = self._overleg(
                verband,
                dag,
                vorm,
                plek,
                tijden,
                OverlegStatus.GEHOUDEN,
                f"Aanwezig: {len(aanwezig)} praktijken. {notulen}",
            )
            punt = self.rijen.add(Agendapunt(overleg=overleg, volgorde=1, titel=titel, notulen=notulen))
            if stap >= 3:
                self.rijen.add(
                    Agendapunt(
                        overleg=overleg,
                        volgorde=2,
                        titel="Stand van zaken implementatie",
                        notulen="Niet alle praktijken hebben hun team al geïnformeerd.",
                    )
                )
            self.rijen.add(Agendapunt(overleg=overleg, volgorde=3, titel="Rondvraag"))
            self.rijen.add(Besluitvorming(overleg=overleg, agendapunt=punt, tekst=besluit))
            for lid in aanwezig:
                self.rijen.add(
                    Aanwezigheid(
                        overleg=overleg,
                        naam=f"{lid.plan.houder_naam} ({lid.plan.naam})",
                        status=rng.choices([Aanwezig.AANWEZIG, Aanwezig.AFGEMELD], [85, 15])[0],
                    )
                )
            eigenaar = aanwezig[rng.randrange(len(aanwezig))].pm if aanwezig else leden[0].pm
            deadline = dag + timedelta(days=28)
            klaar = deadline < vandaag - timedelta(days=14)
            self.rijen.add(
                Actiepunt(
                    verband=verband,
                    overleg=overleg,
                    eigenaar=eigenaar,
                    deadline=deadline,
                    omschrijving=actie,
                    status=ActiepuntStatus.AFGEROND if klaar else ActiepuntStatus.OPEN,
                    afgerond_op=deadline - timedelta(days=rng.randint(0, 10)) if klaar else None,
                )
            )
        if overleg and stap >= 5:
            self.rijen.add(
                Knelpunt(
                    verband=verband,
                    overleg=overleg,
                    soort=KnelpuntSoort.KNELPUNT,
                    beroepsgroep=B.HUISARTS,
                    omschrijving="Niet alle assistenten kennen de afspraken over opvang; nieuwe "
                    "medewerkers worden er niet standaard over geïnformeerd.",
                    gemeld_op=dagen[-1],
                )
            )
        dag = _werkdag(vandaag + timedelta(days=rng.randint(14, 45)), 1)
        gepland = self._overleg(verband, dag, vorm, plek, tijden, OverlegStatus.GEPLAND)
        if stap == 1:
            self.rijen.add(
                Agendapunt(
                    overleg=gepland,
                    volgorde=1,
                    titel="Startbijeenkomst: visie, doelstelling en thema's",
                    toelichting="Elke praktijk brengt twee thema's mee waarop zij wil samenwerken.",
                )
            )
        else:
            self.rijen.add(Agendapunt(overleg=gepland, volgorde=1, titel="Evaluatie SMART-afspraken"))
            self.rijen.add(Agendapunt(overleg=gepland, volgorde=2, titel="Nieuwe thema's voor samenwerking"))

    def _wsv(self, wp: WijkPlan) -> None:
        d = wp.defn
        rng = _rng("wsv", wp.naam)
        vandaag = self.vandaag
        stap = d.wsv_stap or 1
        start = vandaag - timedelta(days={1: 50, 2: 420, 3: 640}[stap] + rng.randint(-30, 30))
        gm = self.gebiedsmanager[d.gebied]
        vorm = rng.choices([Overlegvorm.FYSIEK, Overlegvorm.HYBRIDE, Overlegvorm.ONLINE], [5, 3, 2])[0]
        verband = self.rijen.add(
            Samenwerkingsverband(
                soort=VerbandSoort.MULTIDISCIPLINAIR,
                naam=f"WSV {wp.naam}",
                wijk=self.wijken[wp.naam],
                visie=f"Door elkaar te kennen en korte lijnen te houden krijgen inwoners van {wp.naam} de "
                "juiste zorg en ondersteuning op het juiste moment, zo dicht mogelijk bij huis.",
                doelstelling="Elk kwartaal signalen en knelpunten uit de eerste lijn en het sociaal "
                "domein delen en per jaar ten minste twee verbeteracties uitvoeren die patiënten merken.",
                overlegvorm=vorm,
                overleggen_per_jaar=NORM_OVERLEGGEN_PER_JAAR,
                aanwezigen="Eén gemandateerde afgevaardigde per beroepsgroep en de gebiedsmanager",
                voorzitter=f"{gm.get_full_name()} (gebiedsmanager)",
                startdatum=start,
            )
        )

        # Delegates: one per beroepsgroep; a step-1 WSV is still collecting them.
        # The wijk's practices take part through their huisarts delegate; they join as their
        # praktijkmanager completes the inventory of partners (step 1).
        leden = self._leden(wp, start, rng)
        for lid in leden:
            self.rijen.add(
                Deelname(
                    verband=verband, praktijk=lid.praktijk, toegetreden_op=lid.van, uitgetreden_op=lid.tot
                )
            )
        groepen = [g for g in KERN_BEROEPSGROEPEN if g not in d.vacatures]
        if stap == 1:
            groepen = [
                g for g in (B.HUISARTS, B.SOCIAAL_DOMEIN, B.WIJKVERPLEEGKUNDIGE, B.APOTHEKER) if g in groepen
            ][: rng.randint(2, 4)]
        elif self.partnerplannen_per[(wp.naam, B.GGZ)] and rng.random() < 0.6:
            groepen.append(B.GGZ)
        mandaten: list[tuple[Afgevaardigde, date, date | None]] = []
        for groep in groepen:
            contacten = self._kandidaten(wp, groep, leden, rng)
            if not contacten:
                continue
            mandaat = min(start + timedelta(days=rng.randint(5, 40)), vandaag)
            wissel = stap > 1 and groep != B.HUISARTS and len(contacten) > 1 and rng.random() < 0.3
            if wissel:
                einde = mandaat + timedelta(days=(vandaag - mandaat).days // 2)
                mandaten.append(
                    (
                        self.rijen.add(
                            Afgevaardigde(
                                verband=verband,
                                beroepsgroep=groep,
                                contactpersoon=contacten[0],
                                mandaat_op=mandaat,
                                einde_op=einde,
                                reden_einde=rng.choice(
                                    [
                                        "Vertrokken naar een andere organisatie",
                                        "Taak overgedragen binnen het team",
                                        "Met verlof; een collega neemt het mandaat over",
                                    ]
                                ),
                            )
                        ),
                        mandaat,
                        einde,
                    )
                )
                mandaat, contacten = einde + timedelta(days=1), contacten[1:]
            mandaten.append(
                (
                    self.rijen.add(
                        Afgevaardigde(
                            verband=verband,
                            beroepsgroep=groep,
                            contactpersoon=contacten[0],
                            mandaat_op=mandaat,
                        )
                    ),
                    mandaat,
                    None,
                )
            )

        self._cyclus(verband, VerbandSoort.MULTIDISCIPLINAIR, 1, start, None, stap, STAPNOTITIES_WSV, gm, [])
        self._wsv_overleggen(verband, wp, stap, vorm, mandaten, gm, rng)

    def _kandidaten(
        self, wp: WijkPlan, groep: str, leden: list[Lid], rng: random.Random
    ) -> list[Contactpersoon]:
        if groep == B.HUISARTS:
            houders = [lid.houder for lid in leden if lid.houder and lid.tot is None]
            return [houders[rng.randrange(len(houders))]] if houders else []
        for plan in sorted(self.partnerplannen_per[(wp.naam, groep)], key=lambda p: p.wijk.naam != wp.naam):
            partner = self.partners_db.get(plan.naam)
            if partner:
                contacten = sorted(partner.contactpersonen.all(), key=lambda c: c.pk)
                if contacten:
                    return contacten
        return []

    def _wsv_overleggen(
        self,
        verband: Samenwerkingsverband,
        wp: WijkPlan,
        stap: int,
        vorm: str,
        mandaten: list[tuple[Afgevaardigde, date, date | None]],
        gm: Any,
        rng: random.Random,
    ) -> None:
        vandaag = self.vandaag
        weekdag = rng.choice([1, 3])  # Tuesday or Thursday
        tijden = rng.choice(
            [(time(12, 30), time(14, 0)), (time(16, 0), time(17, 30)), (time(19, 0), time(20, 30))]
        )
        onderwerpen = list(WSV_ONDERWERPEN)
        rng.shuffle(onderwerpen)
        gm_naam = f"{gm.get_full_name()} (gebiedsmanager)"
        plek = f"Wijkcentrum {wp.naam}"
        interval = 150 if wp.defn.wsv_achter else 91
        dagen: list[date] = []
        if stap >= 2:
            dag = max(verband.startdatum + timedelta(days=45), date(self.jaar - 1, 1, 10))
            while True:
                dag = _werkdag(dag + timedelta(days=rng.randint(-6, 6)), weekdag)
                if dag >= vandaag:
                    break
                dagen.append(dag)
                dag += timedelta(days=interval)
        geannuleerd = dagen[len(dagen) // 2] if wp.defn.wsv_achter and len(dagen) > 2 else None
        open_acties: list[Actiepunt] = []
        vorige_acties: list[Actiepunt] = []
        for n, dag in enumerate(dagen):
            onderwerp = onderwerpen[n % len(onderwerpen)]
            if dag == geannuleerd:
                overleg = self._overleg(
                    verband,
                    dag,
                    vorm,
                    plek,
                    tijden,
                    OverlegStatus.GEANNULEERD,
                    "Geannuleerd wegens te weinig aanmeldingen; de onderwerpen schuiven door.",
                )
                self.rijen.add(Agendapunt(overleg=overleg, volgorde=1, titel=str(VAST_AGENDAPUNT), vast=True))
                continue
            actief = [(a, van) for a, van, tot in mandaten if van <= dag and (tot is None or tot >= dag)]
            statussen = [
                rng.choices([Aanwezig.AANWEZIG, Aanwezig.AFGEMELD, Aanwezig.AFWEZIG], [80, 15, 5])[0]
                for _ in actief
            ]
            aantal = sum(1 for s in statussen if s == Aanwezig.AANWEZIG)
            overleg = self._overleg(
                verband,
                dag,
                vorm,
                plek,
                tijden,
                OverlegStatus.GEHOUDEN,
                f"Aanwezig: {aantal} van de {len(actief)} afgevaardigden en de gebiedsmanager. Voorzitter: "
                f"{gm.get_full_name()}. Hoofdonderwerp: {onderwerp.titel.lower()}.",
            )
            self.rijen.add(
                Agendapunt(
                    overleg=overleg,
                    volgorde=1,
                    titel=str(VAST_AGENDAPUNT),
                    vast=True,
                    notulen=CASUSSEN[(n + rng.randint(0, 5)) % len(CASUSSEN)],
                )
            )
            punt = self.rijen.add(
                Agendapunt(overleg=overleg, volgorde=2, titel=onderwerp.titel, notulen=onderwerp.notulen)
            )
            volgorde = 3
            if vorige_acties:
                klaar = sum(1 for a in vorige_acties if a.status == ActiepuntStatus.AFGEROND)
                self.rijen.add(
                    Agendapunt(
                        overleg=overleg,
                        volgorde=volgorde,
                        titel="Actiepunten vorig overleg",
                        notulen=f"{klaar} van de {len(vorige_acties)} actiepunten afgerond; de rest "
                        "blijft staan.",
                    )
                )
                volgorde += 1
            self.rijen.add(
                Agendapunt(
                    overleg=overleg, volgorde=volgorde, titel="Rondvraag", notulen="Geen bijzonderheden."
                )
            )
            self.rijen.add(Besluitvorming(overleg=overleg, agendapunt=punt, tekst=onderwerp.besluit))
            if rng.random() < 0.4:
                self.rijen.add(
                    Besluitvorming(
                        overleg=overleg,
                        tekst="De afgevaardigden brengen dit onderwerp terug in hun eigen beroepsgroep.",
                    )
                )
            for (afgevaardigde, _), status in zip(actief, statussen, strict=True):
                self.rijen.add(Aanwezigheid(overleg=overleg, afgevaardigde=afgevaardigde, status=status))
                # Overleggen (issue 4): the invitation and the final notulen went to each delegate.
                if afgevaardigde.contactpersoon.email:
                    for soort in (VerzendSoort.UITNODIGING, VerzendSoort.NOTULEN):
                        self.rijen.add(
                            OverlegVerzending(
                                overleg=overleg, soort=soort, email=afgevaardigde.contactpersoon.email.lower()
                            )
                        )
            self.rijen.add(Aanwezigheid(overleg=overleg, naam=gm_naam, status=Aanwezig.AANWEZIG))

            # One action per meeting: the delegate of the topic's beroepsgroep, or the gebiedsmanager.
            trekker = next((a for a, _ in actief if a.beroepsgroep == onderwerp.beroepsgroep), None)
            deadline = dag + timedelta(days=rng.randint(35, 56))
            if deadline < vandaag - timedelta(days=21):
                status = rng.choices(
                    [ActiepuntStatus.AFGEROND, ActiepuntStatus.OPEN, ActiepuntStatus.VERVALLEN], [80, 12, 8]
                )[0]
            else:
                status = rng.choices([ActiepuntStatus.AFGEROND, ActiepuntStatus.OPEN], [25, 75])[0]
            afgerond_op = None
            if status == ActiepuntStatus.AFGEROND:
                afgerond_op = min(_tussen(rng, dag + timedelta(days=7), deadline), vandaag)
            actie = self.rijen.add(
                Actiepunt(
                    verband=verband,
                    overleg=overleg,
                    omschrijving=onderwerp.actie,
                    eigenaar=None if trekker else gm,
                    eigenaar_contact=trekker.contactpersoon if trekker else None,
                    deadline=deadline,
                    status=status,
                    afgerond_op=afgerond_op,
                )
            )
            vorige_acties = [actie]
            if status == ActiepuntStatus.OPEN:
                open_acties.append(actie)

            if rng.random() < 0.65:
                _, kwartaaleinde = _kwartaal(dag, 0)
                naar_pl = kwartaaleinde + timedelta(days=rng.randint(5, 15))
                naar_pl = naar_pl if naar_pl <= vandaag and (stap == 3 or rng.random() < 0.5) else None
                naar_resv = None
                if naar_pl and rng.random() < 0.6 and naar_pl + timedelta(days=35) <= vandaag:
                    naar_resv = naar_pl + timedelta(days=35)
                self.rijen.add(
                    Knelpunt(
                        verband=verband,
                        overleg=overleg,
                        soort=onderwerp.knelpunt_soort,
                        omschrijving=onderwerp.knelpunt,
                        beroepsgroep=onderwerp.beroepsgroep,
                        gemeld_op=dag,
                        naar_projectleider_op=naar_pl,
                        naar_resv_op=naar_resv,
                        status=KnelpuntStatus.OPGELOST
                        if dag < vandaag - timedelta(days=200) and rng.random() < 0.5
                        else KnelpuntStatus.OPEN,
                    )
                )

        # The next meeting: planned, with the standing item and the open actions carried over.
        volgende = _werkdag(
            (dagen[-1] + timedelta(days=interval)) if dagen else vandaag + timedelta(days=21), weekdag
        )
        if volgende <= vandaag + timedelta(days=6):
            volgende = _werkdag(vandaag + timedelta(days=rng.randint(7, 30)), weekdag)
        gepland = self._overleg(verband, volgende, vorm, plek, tijden, OverlegStatus.GEPLAND)
        self.rijen.add(Agendapunt(overleg=gepland, volgorde=1, titel=str(VAST_AGENDAPUNT), vast=True))
        if dagen:
            onderwerp = onderwerpen[len(dagen) % len(onderwerpen)]
            self.rijen.add(
                Agendapunt(
                    overleg=gepland,
                    volgorde=2,
                    titel=onderwerp.titel,
                    toelichting="Voorbereiding: elke afgevaardigde brengt een voorbeeld uit de "
                    "eigen praktijk mee.",
                )
            )
        else:
            self.rijen.add(
                Agendapunt(
                    overleg=gepland,
                    volgorde=2,
                    titel="Kennismaking en werkwijze van het WSV",
                    toelichting="Startbijeenkomst: rol van de afgevaardigden, frequentie en "
                    "de uitkomsten van de inventarisatie.",
                )
            )
        for n, actie in enumerate(open_acties[-3:], start=3):
            self.rijen.add(
                Agendapunt(
                    overleg=gepland,
                    volgorde=n,
                    titel=f"Actiepunt: {actie.omschrijving}"[:200],
                    actiepunt=actie,
                )
            )
        self.rijen.add(Agendapunt(overleg=gepland, volgorde=9, titel="Rondvraag"))

    # -- praktijkbezoeken ---------------------------------------------------------------------------

    def _bezoeken(self) -> None:
        """Visits of the new practices: most were visited in the last 12 months, about one in eight not."""
        if not self.nieuwe_praktijken:
            return
        bezoeker = self.gebruikers["beleidsadviseur"]
        bouwstenen = list(Bouwsteen.objects.order_by("nummer"))
        themas = {t.naam: t for t in Thema.objects.all()}
        vandaag = self.vandaag
        for agb, praktijk in self.nieuwe_praktijken.items():
            plan = self.plan_per_agb[agb]
            rng = _rng("bezoeken", agb)
            pm = self.pm_gebruiker[agb]
            demo = dict(plan.rollen)
            wijkthemas = []
            if plan.wijk.defn.ha_stap >= 2:
                namen = dict.fromkeys(t.thema for t in self._afspraakteksten(plan.wijk)[:3])
                wijkthemas = [themas[naam] for naam in namen if naam in themas]
            gehouden: list[date] = []
            if plan.index % 8 == 7:  # no visit in the last 12 months
                if rng.random() < 0.5:
                    gehouden.append(vandaag - timedelta(days=rng.randint(390, 560)))
            else:
                recent = vandaag - timedelta(days=rng.randint(14, 330))
                if "praktijkmanager" in demo:
                    recent = vandaag - timedelta(days=30)
                gehouden.append(recent)
                if rng.random() < 0.65:
                    gehouden.append(recent - timedelta(days=rng.randint(330, 400)))
            for n, dag in enumerate(sorted(gehouden)):
                laatste = n == len(gehouden) - 1
                self._bezoek(praktijk, plan, dag, laatste, pm, bezoeker, bouwstenen, wijkthemas, rng, demo)
            if plan.index % 16 == 7 or (plan.index % 8 != 7 and rng.random() < 0.12):
                gepland = _werkdag(vandaag + timedelta(days=rng.randint(5, 60)), rng.choice([0, 1, 2, 3]))
                bezoek = self.rijen.add(
                    Praktijkbezoek(
                        praktijk=praktijk,
                        gepland_op=_moment(gepland, rng.choice([9, 13, 15]), 30),
                        status=BezoekStatus.GEPLAND,
                    )
                )
                self.rijen.koppel(bezoek, "bezoekers", [bezoeker])
            if rng.random() < 0.04:
                geannuleerd = vandaag - timedelta(days=rng.randint(60, 120))
                bezoek = self.rijen.add(
                    Praktijkbezoek(
                        praktijk=praktijk,
                        gepland_op=_moment(geannuleerd, 14),
                        status=BezoekStatus.GEANNULEERD,
                    )
                )
                self.rijen.koppel(bezoek, "bezoekers", [bezoeker])
        self.rijen.opslaan(Praktijkbezoek, Ondersteuningsbehoefte)

    def _bezoek(
        self,
        praktijk: Praktijk,
        plan: PraktijkPlan,
        dag: date,
        laatste: bool,
        pm: Any,
        bezoeker: Any,
        bouwstenen: list[Bouwsteen],
        wijkthemas: list[Thema],
        rng: random.Random,
        demo: dict[str, str],
    ) -> None:
        vandaag = self.vandaag
        goed = rng.sample(WAT_GAAT_GOED, 2)
        uitdagingen = rng.sample(UITDAGINGEN, rng.randint(1, 2))
        ondersteuning = rng.sample(ONDERSTEUNING, rng.randint(1, 2))
        terugkoppeling = ""
        in_bewerking = laatste and (vandaag - dag).days < 21 and rng.random() < 0.5
        if not in_bewerking:
            terugkoppeling = (
                f"Beste collega's van {plan.naam},\n\nDank voor het prettige gesprek op {dag:%d-%m-%Y}. Wat "
                f"gaat goed: {' '.join(goed)}\n\nWaar liggen de uitdagingen: {' '.join(uitdagingen)}\n\nWaar "
                "ZIO kan ondersteunen: " + " ".join(t for _, t in ondersteuning) + "\n\n"
                f"We bespreken de voortgang bij het volgende bezoek.\n\nMet vriendelijke groet,\n"
                f"{bezoeker.get_full_name()}, beleidsadviseur continuïteit ZIO"
            )
        gedeeld = gezien = None
        reactie = ""
        if terugkoppeling and rng.random() < 0.85:
            gedeeld_dag = dag + timedelta(days=rng.randint(5, 14))
            if "praktijkmanager" in demo and laatste:
                gedeeld_dag = dag + timedelta(days=10)  # shared, not yet seen: the demo PM can acknowledge it
            if gedeeld_dag < vandaag:  # timestamps stay in the past whatever the hour
                gedeeld = _moment(gedeeld_dag, 16, 15)
                gezien_dag = gedeeld_dag + timedelta(days=rng.randint(1, 10))
                wil_zien = rng.random() < 0.65 or "praktijkmanager2" in demo or not laatste
                if "praktijkmanager" in demo and laatste:
                    wil_zien = False
                if wil_zien and gezien_dag < vandaag:
                    gezien = _moment(gezien_dag, 9, 5)
                    if rng.random() < 0.4 or "praktijkmanager2" in demo:
                        reactie = rng.choice(REACTIES_PRAKTIJK)
        bezoek = self.rijen.add(
            Praktijkbezoek(
                praktijk=praktijk,
                gepland_op=_moment(dag, rng.choice([9, 13, 15]), 30),
                gehouden_op=dag,
                status=BezoekStatus.GEHOUDEN,
                wat_gaat_goed="\n".join(goed),
                uitdagingen="\n".join(uitdagingen),
                terugkoppeling=terugkoppeling,
                gedeeld_op=gedeeld,
                gezien_op=gezien,
                gezien_door=pm if gezien else None,
                reactie_praktijk=reactie,
            )
        )
        self.rijen.koppel(bezoek, "bezoekers", [bezoeker])
        self.rijen.koppel(
            bezoek, "bouwstenen", rng.sample(bouwstenen, min(len(bouwstenen), rng.randint(2, 3)))
        )
        if wijkthemas:
            self.rijen.koppel(bezoek, "themas", wijkthemas[: rng.randint(1, len(wijkthemas))])
        for categorie, toelichting in ondersteuning:
            self.rijen.add(
                Ondersteuningsbehoefte(bezoek=bezoek, categorie=categorie, toelichting=toelichting)
            )

    # -- monitoring -----------------------------------------------------------------------------

    def _monitoring(self) -> None:
        opent = max(date(self.jaar, 1, 2), self.vandaag - timedelta(days=40))
        sluit = self.vandaag + timedelta(days=35)
        vorig = self._vragenlijst(
            self.jaar - 1, None, opent - timedelta(days=364), sluit - timedelta(days=364)
        )
        dit = self._vragenlijst(self.jaar, vorig[0], opent, sluit)
        agb_pk = dict(
            Praktijk.objects.filter(agb_code__in=list(self.plan_per_agb)).values_list("agb_code", "pk")
        )
        for (vragenlijst, ronde), jaar in ((vorig, self.jaar - 1), (dit, self.jaar)):
            self._responsen(vragenlijst, ronde, jaar, agb_pk)
        # The schedule of the regionale rapportage: the yearly report on 1 February, quarterly reports on.
        RapportagePlanning.objects.get_or_create(
            pk=1, defaults={"jaar_maand": 2, "jaar_dag": 1, "kwartaal_actief": True, "kwartaal_dag": 15}
        )

    def _vragenlijst(
        self, jaar: int, basis: Vragenlijst | None, opent: date, sluit: date
    ) -> tuple[Vragenlijst, Ronde]:
        vragenlijst = Vragenlijst.objects.filter(naam="PlusPraktijk 2.0", jaar=jaar).first()
        if vragenlijst is None:
            vragenlijst = Vragenlijst.objects.create(
                naam="PlusPraktijk 2.0",
                jaar=jaar,
                gebaseerd_op=basis,
                omschrijving=f"Jaarlijkse vragenlijst voor de hele praktijk, ronde {jaar}. De vragen over "
                "samenwerking met andere praktijken en het WSV zijn gemarkeerd.",
            )
            self.rijen.aangemaakt[Vragenlijst] += 1
            secties = [
                self.rijen.add(Sectie(vragenlijst=vragenlijst, titel=titel, volgorde=n))
                for n, titel in enumerate(SECTIES, start=1)
            ]
            vragen = VRAGEN + (NIEUWE_VRAGEN if basis else ())
            for volgorde, (sectie, code, tekst, soort, opties, samenwerking, verplicht) in enumerate(
                vragen, 1
            ):
                self.rijen.add(
                    Vraag(
                        vragenlijst=vragenlijst,
                        sectie=secties[sectie],
                        code=code,
                        tekst=tekst,
                        type=soort,
                        opties=list(opties),
                        samenwerking=samenwerking,
                        verplicht=verplicht,
                        volgorde=volgorde,
                    )
                )
            self.rijen.opslaan(Sectie, Vraag)
        ronde = Ronde.objects.filter(vragenlijst=vragenlijst).first()
        if ronde is None:
            ronde = Ronde.objects.create(vragenlijst=vragenlijst, opent_op=opent, sluit_op=sluit)
            self.rijen.aangemaakt[Ronde] += 1
        return vragenlijst, ronde

    def _responsen(self, vragenlijst: Vragenlijst, ronde: Ronde, jaar: int, agb_pk: dict[str, int]) -> None:
        """Last year most practices submitted; this year about 70% started, most of them submitted."""
        dit_jaar = jaar == self.jaar
        bestaand = set(Respons.objects.filter(ronde=ronde).values_list("praktijk_id", flat=True))
        te_maken = []
        for plan in self.praktijkplannen:
            pk = agb_pk.get(plan.agb)
            if pk is None or pk in bestaand:
                continue
            rng = _rng("respons", jaar, plan.agb)
            demo = dict(plan.rollen)
            if dit_jaar:
                doet_mee, ingediend = rng.random() < 0.7, rng.random() < 0.75
                if "praktijkmanager" in demo:
                    doet_mee, ingediend = True, False  # a draft the demo PM can finish
                if "praktijkmanager2" in demo:
                    doet_mee = False
            else:
                doet_mee, ingediend = rng.random() < 0.9 or bool(demo), True
            if doet_mee:
                te_maken.append((plan, pk, rng, ingediend))
        if not te_maken:
            return
        vragen = list(vragenlijst.vragen.order_by("volgorde"))
        pm_per_praktijk = {}
        for praktijk_id, user_id in Praktijkmedewerker.objects.filter(
            praktijk_id__in=[pk for _, pk, _, _ in te_maken], functie=Functie.PRAKTIJKMANAGER
        ).values_list("praktijk_id", "user_id"):
            pm_per_praktijk.setdefault(praktijk_id, user_id)
        eind = min(ronde.sluit_op, self.vandaag - timedelta(days=1))
        for plan, pk, rng, ingediend in te_maken:
            ingediend_op = None
            if ingediend:
                ingediend_op = _moment(
                    _tussen(rng, ronde.opent_op, eind), rng.randint(8, 17), rng.choice([0, 15, 30, 45])
                )
                ingediend_op = min(ingediend_op, self.nu)
            respons = self.rijen.add(
                Respons(
                    ronde=ronde,
                    praktijk_id=pk,
                    status=ResponsStatus.INGEDIEND if ingediend else ResponsStatus.CONCEPT,
                    bron=ResponsBron.IMPORT if not dit_jaar and rng.random() < 0.1 else ResponsBron.PORTAAL,
                    ingediend_op=ingediend_op,
                    ingediend_door_id=pm_per_praktijk.get(pk) if ingediend else None,
                )
            )
            beantwoord = vragen if ingediend else vragen[: rng.randint(3, len(vragen) - 3)]
            for vraag in beantwoord:
                antwoord = self._antwoord(vraag, plan, jaar, rng)
                if antwoord is not None:
                    self.rijen.add(Antwoord(respons=respons, vraag=vraag, **antwoord))
        self.rijen.opslaan(Respons, Antwoord)

    def _antwoord(self, vraag: Vraag, plan: PraktijkPlan, jaar: int, rng: random.Random) -> dict | None:
        groei = Decimal(1) + Decimal(jaar - self.jaar) * Decimal("0.03")
        wsv = plan.wijk.defn.wsv_stap is not None
        match vraag.code:
            case "ALG01":
                return {"getal": (plan.fte * 2100 * groei + rng.randint(-150, 250)).quantize(Decimal(1))}
            case "ALG02":
                return {"getal": plan.fte}
            case "SW01":
                return {"ja_nee": True}
            case "SW05":
                return {"ja_nee": wsv and rng.random() < 0.5}
            case "SW07":
                return {"getal": Decimal(rng.randint(0, 25))}
            case "PER03":
                return _kies(rng, vraag.opties, [2, 6, 2, 1])
            case "SW03":
                return _kies(rng, vraag.opties, [5, 2, 2, 2, 1, 1])
        if vraag.type == VraagType.SCHAAL:
            basis = 4 if vraag.samenwerking and plan.wijk.defn.ha_stap >= 4 else 3
            return {"getal": Decimal(max(1, min(5, basis + rng.choice([-1, 0, 0, 1]))))}
        if vraag.type == VraagType.JA_NEE:
            return {"ja_nee": rng.random() < 0.6}
        if vraag.type == VraagType.GETAL:
            return {"getal": Decimal(rng.randint(0, 20))}
        if vraag.type == VraagType.MEERKEUZE:
            return _kies(rng, vraag.opties, [])
        tekst = rng.choice(OPEN_ANTWOORDEN)
        return {"tekst": tekst} if tekst else None

    # -- terugkoppeling to the projectleider ----------------------------------------------------

    def _terugkoppelingen(self) -> None:
        bestaand = set(
            GebiedTerugkoppeling.objects.filter(
                gebied__naam__in=[g for g, _, _ in TERUGKOPPELINGEN]
            ).values_list("gebied__naam", "periode_van", "periode_tot")
        )
        for gebiednaam, terug, verzonden in TERUGKOPPELINGEN:
            van, tot = _kwartaal(self.vandaag, terug)
            if (gebiednaam, van, tot) in bestaand:
                continue
            rng = _rng("terugkoppeling", gebiednaam, van)
            # The WSVs of the real wijken only, so --schaal does not change the terugkoppelingen.
            verbanden = list(
                Samenwerkingsverband.objects.filter(
                    wijk__gebied__naam=gebiednaam,
                    wijk__naam__in=[d.naam for d in WIJKEN],
                    soort=VerbandSoort.MULTIDISCIPLINAIR,
                    naam__startswith="WSV ",
                    startdatum__lte=tot,
                ).order_by("naam")
            )
            verzend_dag = tot + timedelta(days=rng.randint(5, 12))
            verzonden_op = _moment(verzend_dag, 16) if verzonden and verzend_dag < self.vandaag else None
            terugkoppeling = self.rijen.add(
                GebiedTerugkoppeling(
                    gebied=self.gebieden[gebiednaam],
                    periode_van=van,
                    periode_tot=tot,
                    samenvatting=(
                        f"In {gebiednaam} {_kwamen_bijeen(len(verbanden))}. Belangrijkste thema's: "
                        "medicatieoverdracht na ontslag, bereikbaarheid van de wijkverpleging en de "
                        "samenwerking met het sociaal wijkteam."
                    ),
                    status=TerugkoppelingStatus.VERZONDEN if verzonden_op else TerugkoppelingStatus.CONCEPT,
                    opgesteld_door=self.gebiedsmanager[gebiednaam],
                    verzonden_op=verzonden_op,
                )
            )
            # The RESV meets on a Thursday about a month after the gebiedsmanagers sent their feedback.
            resv_dag = _werkdag(verzend_dag + timedelta(days=28), 3)
            for verband in verbanden:
                knelpunten = list(
                    verband.knelpunten.filter(gemeld_op__range=(van, tot)).values_list(
                        "omschrijving", flat=True
                    )
                )
                acties = list(
                    verband.actiepunten.filter(overleg__datum__range=(van, tot)).values_list(
                        "omschrijving", flat=True
                    )
                )
                regel = self.rijen.add(
                    TerugkoppelingRegel(
                        terugkoppeling=terugkoppeling,
                        verband=verband,
                        bevindingen="\n".join(knelpunten)
                        or "Geen nieuwe knelpunten; het overleg verliep volgens plan.",
                        acties="\n".join(acties) or "Geen nieuwe acties.",
                        naar_resv=bool(verzonden_op) and bool(knelpunten) and rng.random() < 0.6,
                    )
                )
                # Most marked lines were discussed in the RESV already; the rest waits for the next one.
                resv_rng = _rng("resv", gebiednaam, van, verband.naam)
                if regel.naar_resv and resv_dag <= self.vandaag and resv_rng.random() < 0.75:
                    regel.resv_besproken_op = resv_dag
                    regel.resv_uitkomst = resv_rng.choice(RESV_UITKOMSTEN)
        self.rijen.opslaan(GebiedTerugkoppeling, TerugkoppelingRegel)
