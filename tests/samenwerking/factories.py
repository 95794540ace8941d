"""Factories of verbanden, deelname, afgevaardigden, PDCA, SMART-afspraken and what meetings produce."""

import datetime

import factory
from factory.django import DjangoModelFactory

from samenwerking.constants import (
    ActiepuntStatus,
    AfspraakStatus,
    Besluit,
    Implementatiestatus,
    KnelpuntSoort,
    Nageleefd,
    OverlegStatus,
    Overlegvorm,
    VerbandSoort,
)
from samenwerking.models import (
    Actiepunt,
    Afgevaardigde,
    Afspraak,
    AfspraakPraktijk,
    Deelname,
    Evaluatie,
    Knelpunt,
    Overleg,
    PdcaCyclus,
    Samenwerkingsverband,
    Thema,
)
from tests.factories import GebiedsmanagerFactory, PraktijkmedewerkerUserFactory
from tests.wijken.factories import ContactpersoonFactory, PartnerFactory, PraktijkFactory, WijkFactory
from wijken.constants import Beroepsgroep

# Seeded by samenwerking/migrations/0003: the factory reuses these rows.
GESEEDE_THEMAS = ["Opvang van patiënten", "Inkoop", "Personeel", "Huisvesting", "Acute zorg"]


class ThemaFactory(DjangoModelFactory):
    class Meta:
        model = Thema
        django_get_or_create = ("naam",)

    naam = factory.Iterator(GESEEDE_THEMAS)


class SamenwerkingsverbandFactory(DjangoModelFactory):
    """A huisartsen-wijksamenwerkingsverband; see ``WsvFactory`` for the multidisciplinary kind."""

    class Meta:
        model = Samenwerkingsverband

    soort = VerbandSoort.HUISARTSEN
    wijk = factory.SubFactory(WijkFactory)
    naam = factory.LazyAttributeSequence(lambda o, n: f"Huisartsen {o.wijk.naam} {n}")
    visie = "Samen zorgen we voor continuïteit van huisartsenzorg in de wijk."
    doelstelling = "Elkaars patiënten opvangen bij uitval."
    overlegvorm = Overlegvorm.HYBRIDE
    aanwezigen = "Praktijkhouders en praktijkmanagers"
    voorzitter = "Roulerend"
    startdatum = datetime.date(2025, 3, 1)


class WsvFactory(SamenwerkingsverbandFactory):
    """A multidisciplinair wijksamenwerkingsverband, led by the gebiedsmanager of its wijk's gebied."""

    soort = VerbandSoort.MULTIDISCIPLINAIR
    naam = factory.LazyAttributeSequence(lambda o, n: f"WSV {o.wijk.naam} {n}")
    aanwezigen = "Afgevaardigden per beroepsgroep en de gebiedsmanager"
    voorzitter = "Gebiedsmanager"


class DeelnameFactory(DjangoModelFactory):
    class Meta:
        model = Deelname

    verband = factory.SubFactory(SamenwerkingsverbandFactory)
    praktijk = factory.SubFactory(PraktijkFactory, wijk=factory.SelfAttribute("..verband.wijk"))
    toegetreden_op = datetime.date(2025, 3, 1)


class AfgevaardigdeFactory(DjangoModelFactory):
    """The mandated delegate of a beroepsgroep in a WSV: a contact person of a partner in that wijk."""

    class Meta:
        model = Afgevaardigde
        skip_postgeneration_save = True

    verband = factory.SubFactory(WsvFactory)
    beroepsgroep = Beroepsgroep.FYSIOTHERAPEUT
    contactpersoon = factory.SubFactory(
        ContactpersoonFactory,
        praktijk=None,
        partner=factory.SubFactory(PartnerFactory, beroepsgroep=factory.SelfAttribute("...beroepsgroep")),
    )
    mandaat_op = datetime.date(2025, 4, 1)

    @factory.post_generation
    def partner_in_wijk(self, create, extracted, **kwargs):
        """The delegate's organisation works in the WSV's wijk."""
        if create and self.contactpersoon.partner_id:
            self.contactpersoon.partner.wijken.add(self.verband.wijk)


class PdcaCyclusFactory(DjangoModelFactory):
    class Meta:
        model = PdcaCyclus

    verband = factory.SubFactory(SamenwerkingsverbandFactory)
    nummer = 1
    gestart_op = datetime.date(2025, 3, 1)


class AfspraakFactory(DjangoModelFactory):
    """An active SMART-afspraak with every part filled in, owned by a praktijkmedewerker."""

    class Meta:
        model = Afspraak

    verband = factory.SubFactory(SamenwerkingsverbandFactory)
    thema = factory.SubFactory(ThemaFactory)
    titel = factory.Sequence(lambda n: f"Afspraak {n}")
    specifiek = "Bij uitval van een huisarts vangen de andere praktijken de spoedvragen op."
    meetbaar = "Aantal opgevangen spoedvragen per maand, bijgehouden door de praktijkmanagers."
    indicator = "Opgevangen spoedvragen"
    streefwaarde = "100%"
    acceptabel = "Alle praktijkhouders stemden in tijdens het overleg."
    realistisch = "Elke praktijk reserveert twee spoedplekken per dag."
    tijdgebonden = datetime.date(2026, 12, 31)
    evaluatie_op = datetime.date(2026, 6, 30)
    eigenaar = factory.SubFactory(PraktijkmedewerkerUserFactory)
    status = AfspraakStatus.ACTIEF


class AfspraakPraktijkFactory(DjangoModelFactory):
    class Meta:
        model = AfspraakPraktijk

    afspraak = factory.SubFactory(AfspraakFactory)
    praktijk = factory.SubFactory(PraktijkFactory, wijk=factory.SelfAttribute("..afspraak.verband.wijk"))
    implementatie = Implementatiestatus.NIET_GESTART


class EvaluatieFactory(DjangoModelFactory):
    class Meta:
        model = Evaluatie

    afspraak = factory.SubFactory(AfspraakFactory)
    datum = datetime.date(2026, 6, 15)
    nageleefd = Nageleefd.DEELS
    wat_gaat_goed = "De opvang loopt soepel overdag."
    wat_kan_beter = "Overdracht aan het eind van de dag."
    besluit = Besluit.VOORTZETTEN
    door = factory.SelfAttribute("afspraak.eigenaar")


class OverlegFactory(DjangoModelFactory):
    class Meta:
        model = Overleg

    verband = factory.SubFactory(WsvFactory)
    datum = datetime.date(2026, 3, 10)
    starttijd = datetime.time(19, 0)
    eindtijd = datetime.time(21, 0)
    overlegvorm = Overlegvorm.FYSIEK
    locatie = "Wijkcentrum"
    status = OverlegStatus.GEPLAND


class ActiepuntFactory(DjangoModelFactory):
    class Meta:
        model = Actiepunt

    verband = factory.SubFactory(WsvFactory)
    overleg = factory.SubFactory(OverlegFactory, verband=factory.SelfAttribute("..verband"))
    omschrijving = factory.Sequence(lambda n: f"Actiepunt {n}: sociale kaart bijwerken")
    eigenaar = factory.SubFactory(GebiedsmanagerFactory)
    deadline = datetime.date(2026, 4, 30)
    status = ActiepuntStatus.OPEN


class KnelpuntFactory(DjangoModelFactory):
    class Meta:
        model = Knelpunt

    verband = factory.SubFactory(WsvFactory)
    overleg = factory.SubFactory(OverlegFactory, verband=factory.SelfAttribute("..verband"))
    soort = KnelpuntSoort.KNELPUNT
    omschrijving = factory.Sequence(lambda n: f"Knelpunt {n}: lange wachttijd wijkverpleging")
    beroepsgroep = Beroepsgroep.WIJKVERPLEEGKUNDIGE
    gemeld_op = datetime.date(2026, 3, 10)
