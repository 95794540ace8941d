"""SMART-afspraken: their texts, the scenario per PDCA step, evaluations and step notes."""

from __future__ import annotations

from dataclasses import dataclass

from samenwerking.constants import Besluit, Nageleefd


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

# Why a practice has not (yet) implemented an afspraak.
UITVOERING_NVT = "De praktijk heeft hiervoor al een eigen regeling met een andere partij."
UITVOERING_NOG_NIET = (
    "Start na de zomer; eerst een nieuwe assistent inwerken.",
    "Wacht op de aanpassing van de telefooncentrale.",
    "Bespreken in het teamoverleg van volgende maand.",
)
