"""The plan of the region (wijken, praktijken, partners), computed without the database."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal

from portaal.demo.hulp import (
    SEED,
    emailadres,
    mobielnummer,
    postcode_in,
    rng_voor,
    slug_van,
    telefoonnummer,
    willekeurig_persoon,
)
from portaal.demo.teksten.mensen import (
    ACHTERNAMEN,
    FANTASIENAMEN,
    GEBRUIKERS,
    PRAKTIJKROLLEN,
    VOORNAMEN_M,
    VOORNAMEN_V,
    WIJKVERPLEGING_ORGANISATIES,
)
from portaal.demo.teksten.regio import GEBIEDEN, GRENSPRAKTIJKEN, WIJKEN, WijkDef
from wijken.constants import Beroepsgroep, Functie

B = Beroepsgroep


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


def plan_wijken(schaal: int) -> list[WijkPlan]:
    return [WijkPlan(defn, kopie) for kopie in range(schaal) for defn in WIJKEN]


def plan_praktijken(wijkplannen: list[WijkPlan]) -> list[PraktijkPlan]:
    """Every practice of every wijk: name, AGB-code, address, holder and praktijkmanager."""
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
            rng = rng_voor("praktijk", index)
            agb = f"01{(104729 + index * 7919) % 1_000_000:06d}"
            a, b = namen[(basis + wp.kopie * 7) % len(namen)], namen[(basis + 53 + wp.kopie * 7) % len(namen)]
            naam, houder = _praktijknaam(wp, slot, a, b, rng, fantasie_gebruikt)
            cijfers, plaats = rng.choice(wp.defn.postcodes)
            rollen = PRAKTIJKROLLEN.get((wp.defn.naam, slot), ()) if wp.kopie == 0 else ()
            demo_pm = next((u for u, f in rollen if f == Functie.PRAKTIJKMANAGER), None)
            if demo_pm:
                gebruiker = next(g for g in GEBRUIKERS if g.username == demo_pm)
                pm = (gebruiker.voornaam, gebruiker.achternaam)
            else:
                pm = willekeurig_persoon(rng, vrouw=0.85)
            toevoeging = rng.choice(["", "", "", "a", "b"])
            plan = PraktijkPlan(
                index=index,
                slot=slot,
                wijk=wp,
                agb=agb,
                naam=naam,
                straat=f"{rng.choice(wp.defn.straten)} {rng.randint(1, 160)}{toevoeging}",
                postcode=postcode_in(rng, cijfers),
                plaats=plaats,
                telefoon=telefoonnummer(rng),
                email=f"info@{slug_van(naam)}.example.nl",
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


def _praktijknaam(
    wp: WijkPlan, slot: int, a: str, b: str, rng: random.Random, fantasie_gebruikt: set[str]
) -> tuple[str, tuple[str, str]]:
    """The practice's name and its holder: a gezondheidscentrum, a duo, a single GP or a fancy name."""
    houder = (rng.choice(VOORNAMEN_V + VOORNAMEN_M), a)
    if slot == 0 and wp.defn.praktijken >= 4:
        return f"Gezondheidscentrum {wp.naam}", houder
    if slot == 1:
        return f"Huisartsenpraktijk {a} & {b}", houder
    naam = f"Huisartsenpraktijk {a}"
    if rng.random() < 0.25:
        kandidaat = rng.choice(FANTASIENAMEN)
        if kandidaat not in fantasie_gebruikt:
            fantasie_gebruikt.add(kandidaat)
            return kandidaat, willekeurig_persoon(rng, vrouw=0.5)
    return naam, houder


def buurwijk(wp: WijkPlan) -> WijkPlan | None:
    """The next wijk in the same gebied (for partners working in two wijken)."""
    zelfde = [d for d in WIJKEN if d.gebied == wp.defn.gebied]
    if len(zelfde) < 2:
        return None
    return WijkPlan(zelfde[(zelfde.index(wp.defn) + 1) % len(zelfde)], wp.kopie)


def plan_partners(wijkplannen: list[WijkPlan]) -> list[PartnerPlan]:
    """The first-line partners of every wijk, with their contact persons."""
    gebruikt: set[str] = set()
    plannen = []
    for wp in wijkplannen:
        rng = rng_voor("partners", wp.naam)
        mensen: set[tuple[str, str]] = set()
        buur = buurwijk(wp)
        w = wp.naam
        for beroepsgroep, naam, functies, twee_wijken, notities in _partnersoorten(wp, rng):
            if naam in gebruikt:
                naam = f"{naam} ({w})"
            gebruikt.add(naam)
            cijfers, plaats = rng.choice(wp.defn.postcodes)
            slug = slug_van(naam.split(" (")[0])
            wijken = (w, buur.naam) if twee_wijken and buur else (w,)
            plan = PartnerPlan(
                naam=naam,
                beroepsgroep=beroepsgroep,
                wijk=wp,
                wijken=wijken,
                straat=f"{rng.choice(wp.defn.straten)} {rng.randint(1, 160)}",
                postcode=postcode_in(rng, cijfers),
                plaats=plaats,
                telefoon=telefoonnummer(rng),
                email=f"info@{slug}.example.nl",
                website=f"https://www.{slug}.example.nl",
                notities=notities,
            )
            _partnercontacten(plan, functies, slug, mensen, rng)
            plannen.append(plan)
    return plannen


def _partnersoorten(wp: WijkPlan, rng: random.Random) -> list[tuple[str, str, tuple[str, ...], bool, str]]:
    """(beroepsgroep, name, functions of its contacts, works in two wijken?, notes) of the wijk's partners."""
    gemeente_van = dict(GEBIEDEN)
    positie = WIJKEN.index(wp.defn)
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
    return soorten


def _partnercontacten(
    plan: PartnerPlan, functies: tuple[str, ...], slug: str, mensen: set[tuple[str, str]], rng: random.Random
) -> None:
    """A contact person per function; no two contacts of the same name in a wijk."""
    for functie in functies:
        voornaam, achternaam = willekeurig_persoon(rng)
        while (voornaam, achternaam) in mensen:  # no two contacts of the same name in a wijk
            voornaam, achternaam = willekeurig_persoon(rng)
        mensen.add((voornaam, achternaam))
        plan.contacten.append(
            (
                f"{voornaam} {achternaam}",
                functie,
                emailadres(voornaam, achternaam, f"{slug}.example.nl"),
                mobielnummer(rng),
            )
        )
