"""Factories of the geography and organisations: regio, gemeenten, gebieden, wijken, praktijken, partners."""

import datetime

import factory
from factory.django import DjangoModelFactory

from tests.factories import GebiedsmanagerFactory, PraktijkmedewerkerUserFactory
from wijken.constants import Beroepsgroep, Functie
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

# Postcode letters without SA, SD and SS, which the validator rejects.
_LETTERS = "ABCDEFGHJKLMNPRTVWXZ"


def postcode(n: int) -> str:
    """A valid Dutch postcode in the Maastricht range, different for each n (up to 20 * 20 * 700)."""
    return f"{6211 + n % 700} {_LETTERS[(n // 700) % 20]}{_LETTERS[n % 20]}"


class RegioFactory(DjangoModelFactory):
    class Meta:
        model = Regio
        django_get_or_create = ("naam",)

    naam = "Maastricht-Heuvelland"


class GemeenteFactory(DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("naam",)

    regio = factory.SubFactory(RegioFactory)
    naam = factory.Iterator(
        ["Maastricht", "Eijsden-Margraten", "Gulpen-Wittem", "Meerssen", "Vaals", "Valkenburg aan de Geul"]
    )


class GebiedFactory(DjangoModelFactory):
    """A gebied with one new gebiedsmanager, unless ``gebiedsmanagers=[...]`` is given."""

    class Meta:
        model = Gebied
        skip_postgeneration_save = True

    gemeente = factory.SubFactory(GemeenteFactory, naam="Maastricht")
    naam = factory.Sequence(lambda n: f"Gebied {n}")

    @factory.post_generation
    def gebiedsmanagers(self, create, extracted, **kwargs):
        if not create:
            return
        self.gebiedsmanagers.set(extracted if extracted is not None else [GebiedsmanagerFactory()])


class WijkFactory(DjangoModelFactory):
    class Meta:
        model = Wijk

    gebied = factory.SubFactory(GebiedFactory)
    naam = factory.Sequence(lambda n: f"Wijk {n}")
    inwoners = 15000


class PraktijkFactory(DjangoModelFactory):
    """A GP practice with a unique AGB-code (01 = huisartsen, then six digits) and a valid postcode."""

    class Meta:
        model = Praktijk

    naam = factory.Sequence(lambda n: f"Huisartsenpraktijk {n}")
    agb_code = factory.Sequence(lambda n: f"01{n:06d}")
    wijk = factory.SubFactory(WijkFactory)
    straat = factory.Sequence(lambda n: f"Markt {n + 1}")
    postcode = factory.Sequence(postcode)
    plaats = "Maastricht"
    telefoon = "043-3210000"
    email = factory.Sequence(lambda n: f"praktijk{n}@example.nl")


class WijkToewijzingFactory(DjangoModelFactory):
    class Meta:
        model = WijkToewijzing

    praktijk = factory.SubFactory(PraktijkFactory)
    wijk = factory.SelfAttribute("praktijk.wijk")
    ingangsdatum = datetime.date(2025, 1, 1)


class PraktijkmedewerkerFactory(DjangoModelFactory):
    """Links a (new) praktijkmedewerker user to a (new) practice."""

    class Meta:
        model = Praktijkmedewerker

    user = factory.SubFactory(PraktijkmedewerkerUserFactory)
    praktijk = factory.SubFactory(PraktijkFactory)
    functie = Functie.PRAKTIJKMANAGER


class PartnerFactory(DjangoModelFactory):
    """A first-line partner; pass ``wijken=[...]`` to place it on the sociale kaart of those wijken."""

    class Meta:
        model = Partner
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Zorgaanbieder {n}")
    beroepsgroep = Beroepsgroep.FYSIOTHERAPEUT
    straat = factory.Sequence(lambda n: f"Stationsstraat {n + 1}")
    postcode = factory.Sequence(lambda n: postcode(n + 5000))
    plaats = "Maastricht"

    @factory.post_generation
    def wijken(self, create, extracted, **kwargs):
        if not create:
            return
        if extracted:
            self.wijken.set(extracted)


class ContactpersoonFactory(DjangoModelFactory):
    """A contact person of a practice; ``ContactpersoonFactory(van_partner=True)`` makes one of a partner."""

    class Meta:
        model = Contactpersoon

    praktijk = factory.SubFactory(PraktijkFactory)
    partner = None
    naam = factory.Faker("name", locale="nl_NL")
    functie = "Praktijkmanager"
    email = factory.Sequence(lambda n: f"contact{n}@example.nl")

    class Params:
        van_partner = factory.Trait(
            praktijk=None, partner=factory.SubFactory(PartnerFactory), functie="Eigenaar"
        )
