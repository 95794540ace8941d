"""Praktijkbezoeken and the PlusPraktijk questionnaire: observations, questions and answers."""

from __future__ import annotations

from monitoring.constants import Ondersteuningscategorie, VraagType

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
