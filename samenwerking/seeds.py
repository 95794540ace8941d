"""The PDCA step plans of both kinds of verband (seeds 000 and 001) and the starting themes.

Used by the data migration and by ``demodata`` (which re-seeds a database that was flushed).
"""

HUISARTSEN = [
    (
        1,
        "plan",
        "Aansluiting en gezamenlijke visie",
        "Huisarts",
        "De huisartsenpraktijk sluit zich aan bij een huisartsen-wijksamenwerkingsverband. Tijdens een "
        "startbijeenkomst formuleren de deelnemende praktijken een gezamenlijke visie en doelstelling en "
        "inventariseren zij op welke thema's samenwerking wenselijk en haalbaar is (bijvoorbeeld inkoop, "
        "personeel, huisvesting, opvang van patiënten).",
    ),
    (
        2,
        "plan",
        "Vorm, frequentie en afspraken vaststellen",
        "Huisarts",
        "Bepaal hoe het samenwerkingsverband georganiseerd wordt: overlegvorm (fysiek/online/hybride), "
        "frequentie, wie aanwezig is (praktijkhouders/PM) en wie de voorzitter is. De gekozen "
        "samenwerkingsgebieden worden uitgewerkt in SMART-afspraken.",
    ),
    (
        3,
        "do",
        "Implementatie van afspraken",
        "PM/huisarts",
        "Afspraken worden in de afzonderlijke praktijken ingevoerd, taken en verantwoordelijkheden worden "
        "verdeeld en medewerkers horen wat er verandert en wat er van hen wordt verwacht.",
    ),
    (
        4,
        "do",
        "Start samenwerking",
        "PM/huisarts",
        "De samenwerking gaat van start; de eerste gezamenlijke activiteiten worden uitgevoerd.",
    ),
    (
        5,
        "check",
        "Evalueren van de samenwerking",
        "PM/huisarts",
        "Tijdens periodieke overleggen wordt geëvalueerd en worden knelpunten geïnventariseerd: worden de "
        "afspraken nageleefd? Wat gaat goed, wat kan beter?",
    ),
    (
        6,
        "act",
        "Bijstellen van afspraken",
        "PM/huisarts",
        "Op basis van de evaluatie worden afspraken aangescherpt, uitgebreid of beëindigd als ze niet "
        "effectief blijken.",
    ),
    (
        7,
        "act",
        "Borging en doorontwikkeling",
        "PM/huisarts",
        "Succesvolle samenwerkingen worden structureel onderdeel van de werkwijze. Er kunnen altijd nieuwe "
        "thema's worden toegevoegd.",
    ),
]

WSV = [
    (
        1,
        "plan",
        "Inventarisatie en afvaardiging",
        "PM/HA, gebiedsmanager",
        "De praktijkmanager inventariseert met welke eerstelijnszorgaanbieders de huisarts al, deels of nog "
        "niet samenwerkt, welke knelpunten er zijn en welke goede vormen van samenwerking er zijn. De "
        "gebiedsmanager haalt dit op bij de praktijken in het gebied en vraagt per beroepsgroep één "
        "gemandateerde zorgverlener af te vaardigen.",
    ),
    (
        2,
        "do",
        "Het wijksamenwerkingsverband komt samen",
        "(Afgevaardigde) HA",
        "De afgevaardigden van elke beroepsgroep vormen samen met de gebiedsmanager het "
        "wijksamenwerkingsverband. Het verband komt ongeveer vier keer per jaar bij elkaar en bespreekt de "
        "opgehaalde inzichten en knelpunten.",
    ),
    (
        3,
        "check_act",
        "Terugkoppeling aan projectleider en RESV",
        "Gebiedsmanager",
        "De gebiedsmanager koppelt de bevindingen en acties per gebied terug naar de projectleider. De "
        "projectleider doet samen met de gebiedsmanager een terugkoppeling in het Regionaal Eerstelijns "
        "Samenwerkingsverband (RESV).",
    ),
]

THEMAS = [
    (
        "Opvang van patiënten",
        "Elkaars zorg tijdelijk overnemen bij uitval, drukte of personeelstekort (continuïteit).",
    ),
    ("Inkoop", "Gezamenlijke inkoop van materialen, diensten en hulpmiddelen."),
    ("Personeel", "Gedeelde inzet, werving en scholing van personeel."),
    ("Huisvesting", "Gezamenlijke huisvesting en gebruik van ruimtes."),
    ("Acute zorg", "Afspraken over spoed en acute zorgvragen overdag."),
    ("Specifieke patiëntengroepen", "Zorg voor kwetsbare ouderen, chronisch zieken en andere groepen."),
    ("ICT en gegevensuitwisseling", "Gedeelde systemen, waarneming en dossiertoegang."),
    ("Samenwerking sociaal domein", "Verwijzing en afstemming met gemeente en welzijn."),
    ("Preventie", "Gezamenlijke preventieactiviteiten in de wijk."),
    ("Scholing en intervisie", "Gezamenlijke scholing, FTO en intervisie."),
]


def zaai(*, PdcaStap, Thema) -> None:
    """Create or update the step plans and add missing themes; takes (historical) model classes."""
    for soort, stappen in (("huisartsen", HUISARTSEN), ("multidisciplinair", WSV)):
        for nummer, fase, titel, wie, kernactiviteit in stappen:
            PdcaStap.objects.update_or_create(
                soort=soort,
                nummer=nummer,
                defaults={"fase": fase, "titel": titel, "wie": wie, "kernactiviteit": kernactiviteit},
            )
    for naam, omschrijving in THEMAS:
        Thema.objects.get_or_create(naam=naam, defaults={"omschrijving": omschrijving})
