"""Verbanden: how a huisartsen-verband and a WSV describe themselves, and the partner inventory."""

from samenwerking.constants import SamenwerkingMate
from wijken.constants import Beroepsgroep as B

# A huisartsen-verband's visie ({wijk}: the wijk's name), doelstelling and who attends.
HUISARTSENVERBAND_VISIES = (
    "Samen zorgen we dat elke inwoner van {wijk} ook bij drukte, ziekte of vakantie toegang houdt tot goede "
    "huisartsenzorg.",
    "De praktijken in {wijk} werken als één netwerk: we kennen elkaar, vangen elkaar op en delen kennis en "
    "middelen.",
    "We maken de huisartsenzorg in {wijk} toekomstbestendig door de krachten te bundelen op continuïteit, "
    "personeel en inkoop.",
)
HUISARTSENVERBAND_DOELSTELLINGEN = (
    "Binnen een jaar heeft elke praktijk een sluitende waarneemregeling met de buurpraktijken en zijn er ten "
    "minste twee gezamenlijke afspraken die de werkdruk aantoonbaar verlagen.",
    "Binnen twee jaar delen de praktijken personeel bij uitval, kopen zij gezamenlijk in en is de opvang van "
    "elkaars patiënten vanzelfsprekend.",
)
HUISARTSENVERBAND_AANWEZIGEN = (
    "Praktijkhouders en praktijkmanagers",
    "Praktijkhouders",
    "Praktijkmanagers; twee keer per jaar ook de praktijkhouders",
)

WSV_VISIE = (
    "Door elkaar te kennen en korte lijnen te houden krijgen inwoners van {wijk} de juiste zorg en "
    "ondersteuning op het juiste moment, zo dicht mogelijk bij huis."
)
WSV_DOELSTELLING = (
    "Elk kwartaal signalen en knelpunten uit de eerste lijn en het sociaal domein delen en per jaar ten "
    "minste twee verbeteracties uitvoeren die patiënten merken."
)
WSV_AANWEZIGEN = "Eén gemandateerde afgevaardigde per beroepsgroep en de gebiedsmanager"
# The beroepsgroepen a WSV in step 1 starts with (some of them, in this order).
WSV_EERSTE_GROEPEN = (B.HUISARTS, B.SOCIAAL_DOMEIN, B.WIJKVERPLEEGKUNDIGE, B.APOTHEKER)
REDENEN_EINDE_MANDAAT = (
    "Vertrokken naar een andere organisatie",
    "Taak overgedragen binnen het team",
    "Met verlof; een collega neemt het mandaat over",
)

# The inventory of partners: how likely each degree of cooperation is per beroepsgroep (al, deels, nog niet).
MATEN = (SamenwerkingMate.AL, SamenwerkingMate.DEELS, SamenwerkingMate.NOG_NIET)
MATE_KANSEN = {
    B.APOTHEKER: (8, 2, 0),
    B.WIJKVERPLEEGKUNDIGE: (6, 3, 1),
    B.SOCIAAL_DOMEIN: (4, 4, 2),
    B.FYSIOTHERAPEUT: (5, 4, 1),
    B.DIETIST: (2, 4, 4),
}
MATE_KANSEN_ANDERS = (2, 3, 5)
INVENTARISATIE_KNELPUNTEN = (
    "Geen vaste contactpersoon; we weten niet wie we moeten bellen.",
    "Terugkoppeling na verwijzing ontbreekt meestal.",
    "Lange wachttijd, patiënten komen terug op het spreekuur.",
    "Onbekend welk aanbod er precies is.",
)
INVENTARISATIE_GOEDE_VOORBEELDEN = (
    "Vast overleg elke maand; korte lijnen via de beveiligde app.",
    "Gezamenlijk spreekuur in de praktijk, patiënten worden direct gezien.",
    "Snelle terugkoppeling via het HIS na elke verwijzing.",
)
