"""Factories of the monitoring: vragenlijsten and rondes, praktijkbezoeken, regionale rapportages."""

import datetime

import factory
from factory.django import DjangoModelFactory

from monitoring.constants import BezoekStatus, RapportageStatus, ResponsStatus, ScopeSoort, VraagType
from monitoring.models import Praktijkbezoek, Rapportage, Respons, Ronde, Sectie, Vraag, Vragenlijst
from tests.factories import BeleidsadviseurFactory
from tests.wijken.factories import PraktijkFactory


class VragenlijstFactory(DjangoModelFactory):
    class Meta:
        model = Vragenlijst

    naam = "PlusPraktijk 2.0"
    jaar = factory.Sequence(lambda n: 2025 + n)
    omschrijving = "Jaarlijkse vragenlijst voor de hele praktijk."


class SectieFactory(DjangoModelFactory):
    class Meta:
        model = Sectie

    vragenlijst = factory.SubFactory(VragenlijstFactory)
    titel = factory.Sequence(lambda n: f"Sectie {n}")
    volgorde = factory.Sequence(lambda n: n)


class VraagFactory(DjangoModelFactory):
    """A scale question about collaboration; the code stays the same across years."""

    class Meta:
        model = Vraag

    sectie = factory.SubFactory(SectieFactory)
    vragenlijst = factory.SelfAttribute("sectie.vragenlijst")
    code = factory.Sequence(lambda n: f"SW{n:02d}")
    tekst = "Hoe tevreden bent u over de samenwerking met de andere praktijken in de wijk?"
    type = VraagType.SCHAAL
    samenwerking = True
    volgorde = factory.Sequence(lambda n: n)


class RondeFactory(DjangoModelFactory):
    class Meta:
        model = Ronde

    vragenlijst = factory.SubFactory(VragenlijstFactory)
    opent_op = factory.LazyAttribute(lambda r: datetime.date(r.vragenlijst.jaar, 3, 1))
    sluit_op = factory.LazyAttribute(lambda r: datetime.date(r.vragenlijst.jaar, 4, 30))


class ResponsFactory(DjangoModelFactory):
    """A draft response; ``ResponsFactory(ingediend=True)`` submits it."""

    class Meta:
        model = Respons

    ronde = factory.SubFactory(RondeFactory)
    praktijk = factory.SubFactory(PraktijkFactory)
    status = ResponsStatus.CONCEPT

    class Params:
        ingediend = factory.Trait(
            status=ResponsStatus.INGEDIEND,
            ingediend_op=factory.LazyAttribute(
                lambda r: datetime.datetime(r.ronde.opent_op.year, 3, 15, 10, 0, tzinfo=datetime.UTC)
            ),
        )


class PraktijkbezoekFactory(DjangoModelFactory):
    """A planned visit by a beleidsadviseur; ``bezoekers=[...]`` overrides who visits."""

    class Meta:
        model = Praktijkbezoek
        skip_postgeneration_save = True

    praktijk = factory.SubFactory(PraktijkFactory)
    gepland_op = datetime.datetime(2026, 5, 12, 9, 30, tzinfo=datetime.UTC)
    status = BezoekStatus.GEPLAND

    class Params:
        gehouden = factory.Trait(
            status=BezoekStatus.GEHOUDEN,
            gehouden_op=datetime.date(2026, 5, 12),
            wat_gaat_goed="De samenwerking in de wijk loopt goed.",
            uitdagingen="Personeelstekort bij de assistentes.",
            terugkoppeling="Dank voor het goede gesprek; we helpen met de vacature.",
        )

    @factory.post_generation
    def bezoekers(self, create, extracted, **kwargs):
        if not create:
            return
        self.bezoekers.set(extracted if extracted is not None else [BeleidsadviseurFactory()])


class RapportageFactory(DjangoModelFactory):
    """A queued region-wide report for 2025."""

    class Meta:
        model = Rapportage

    periode_van = datetime.date(2025, 1, 1)
    periode_tot = datetime.date(2025, 12, 31)
    scope = ScopeSoort.REGIO
    status = RapportageStatus.IN_WACHTRIJ
    aangevraagd_door = factory.SubFactory(BeleidsadviseurFactory)
