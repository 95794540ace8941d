"""WSV meetings: topics, casuïstiek, RESV outcomes and the terugkoppelingen to build."""

from __future__ import annotations

from dataclasses import dataclass

from samenwerking.constants import KnelpuntSoort
from wijken.constants import Beroepsgroep

B = Beroepsgroep


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

# The huisartsen-verband's own meetings, before and from step 3 (title, notulen, besluit, actie).
HUISARTSENOVERLEG_VOOR_STAP_3 = (
    "Vorm, frequentie en SMART-afspraken",
    "Overlegvorm, frequentie en voorzitter vastgesteld; de thema's uitgewerkt tot concepten.",
    "De concept-afspraken gaan ter instemming naar de praktijkhouders.",
    "Concept-afspraken bespreken in het eigen team en reageren vóór het volgende overleg.",
)
HUISARTSENOVERLEG_VANAF_STAP_3 = (
    "Evaluatie SMART-afspraken",
    "Per afspraak besproken of hij wordt nageleefd.",
    "De lopende afspraken worden voortgezet; de praktijkmanagers werken de implementatie bij.",
    "Implementatiestatus van de afspraken in de eigen praktijk bijwerken in het portaal.",
)
HUISARTSEN_KNELPUNT = (
    "Niet alle assistenten kennen de afspraken over opvang; nieuwe medewerkers worden er niet standaard "
    "over geïnformeerd."
)
WSV_GEANNULEERD = "Geannuleerd wegens te weinig aanmeldingen; de onderwerpen schuiven door."
WSV_TERUG_NAAR_BEROEPSGROEP = "De afgevaardigden brengen dit onderwerp terug in hun eigen beroepsgroep."
WSV_VOORBEREIDING = "Voorbereiding: elke afgevaardigde brengt een voorbeeld uit de eigen praktijk mee."
WSV_STARTBIJEENKOMST = (
    "Kennismaking en werkwijze van het WSV",
    "Startbijeenkomst: rol van de afgevaardigden, frequentie en de uitkomsten van de inventarisatie.",
)


# The other overlegvormen of a wijk (seed 002): an MDO per doelgroep (with a short casus) and an FTO.
WIJK_MDO = [
    (
        "kwetsbare ouderen",
        "Mevrouw (84) woont alleen, valt vaker en mist medicatie; wijkverpleging, huisarts en "
        "fysiotherapeut spreken een valpreventieplan en een weekbaxter af.",
    ),
    (
        "mensen met dementie",
        "Meneer (79) met beginnende dementie; de mantelzorger is overbelast. Casemanager dementie en "
        "het sociaal wijkteam regelen dagbesteding twee dagen per week.",
    ),
    (
        "mensen met COPD",
        "Twee patiënten met frequente longaanvallen; longverpleegkundige, apotheek en fysiotherapeut "
        "spreken een actieplan en inhalatie-instructie af.",
    ),
]
WIJK_FTO = [
    (
        "Polyfarmacie bij ouderen: medicatiebeoordeling",
        "Apotheek en huisartsen kiezen samen de patiënten voor een medicatiebeoordeling.",
    ),
    (
        "Antibiotica bij luchtweginfecties",
        "Voorschrijfcijfers van de praktijken naast de NHG-standaard.",
    ),
]
