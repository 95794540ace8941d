"""Factories of the wijkplan workflow."""

import datetime

import factory
from factory.django import DjangoModelFactory

from monitoring.models import Actie, Doel, Prioriteit, ScanItem, Wijkplan
from monitoring.wijkplannen.constants import ScanSoort
from tests.wijken.factories import PraktijkFactory, WijkFactory


class WijkplanFactory(DjangoModelFactory):
    class Meta:
        model = Wijkplan

    wijk = factory.SubFactory(WijkFactory)
    jaar = 2026


class ScanItemFactory(DjangoModelFactory):
    class Meta:
        model = ScanItem

    wijkplan = factory.SubFactory(WijkplanFactory)
    soort = ScanSoort.ZORGVRAAG
    titel = factory.Sequence(lambda n: f"Eenzaamheid onder ouderen {n}")
    toelichting = "Genoemd door de wijkverpleging en de praktijken."


class PrioriteitFactory(DjangoModelFactory):
    class Meta:
        model = Prioriteit

    wijkplan = factory.SubFactory(WijkplanFactory)
    titel = factory.Sequence(lambda n: f"Kwetsbare ouderen thuis {n}")


class DoelFactory(DjangoModelFactory):
    class Meta:
        model = Doel

    prioriteit = factory.SubFactory(PrioriteitFactory)
    titel = factory.Sequence(lambda n: f"Doel {n}: kwetsbare ouderen in beeld")
    specifiek = "Alle praktijken hebben een lijst van kwetsbare ouderen."
    meetbaar = "Per praktijk een lijst, 100% van de praktijken."
    acceptabel = "Besproken in de WSV; alle praktijken stemden in."
    realistisch = "De POH ouderenzorg heeft er uren voor."
    tijdgebonden = datetime.date(2026, 12, 31)


class ActieFactory(DjangoModelFactory):
    class Meta:
        model = Actie

    doel = factory.SubFactory(DoelFactory)
    omschrijving = factory.Sequence(lambda n: f"Actie {n}: overleg met de wijkverpleging plannen")
    eigenaar_praktijk = factory.SubFactory(
        PraktijkFactory, wijk=factory.SelfAttribute("..doel.prioriteit.wijkplan.wijk")
    )
    deadline = datetime.date(2026, 6, 30)
