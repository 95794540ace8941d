"""Factories of the continuïteit workflow: opvangafspraken, uitvalmeldingen and requests."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from samenwerking.continuiteit.constants import Antwoord, Situatie, Zorgsoort
from samenwerking.models import Opvangafspraak, OpvangPraktijk, OpvangVerzoek, UitvalMelding

ALLE_SITUATIES = [s.value for s in Situatie]


class OpvangafspraakFactory(DjangoModelFactory):
    """An arrangement in ``verband`` for ``overdragende_praktijk``; pass ``overnemers=[praktijk, ...]``."""

    class Meta:
        model = Opvangafspraak
        skip_postgeneration_save = True

    situaties = factory.LazyFunction(lambda: list(ALLE_SITUATIES))
    zorgsoorten = factory.LazyFunction(
        lambda: [Zorgsoort.ACUTE_ZORG, Zorgsoort.TELEFONIE, Zorgsoort.SPREEKUUR]
    )
    bereikbaarheid = "043 123 45 67 (doktersspoedlijn)"
    capaciteit = "10 consulten per dag"
    geldig_van = datetime.date(2026, 1, 1)

    @factory.post_generation
    def overnemers(self, create, praktijken, **kwargs):
        for volgorde, praktijk in enumerate(praktijken or []):
            uit_wijk = not self.verband.deelnames.filter(praktijk=praktijk).exists()
            OpvangPraktijk.objects.create(
                afspraak=self, praktijk=praktijk, volgorde=volgorde, uit_wijk=uit_wijk
            )


class UitvalMeldingFactory(DjangoModelFactory):
    class Meta:
        model = UitvalMelding

    van = datetime.date(2026, 3, 2)
    tot = datetime.date(2026, 3, 4)
    situatie = Situatie.UITVAL
    zorgsoorten = factory.LazyFunction(lambda: [Zorgsoort.ACUTE_ZORG, Zorgsoort.SPREEKUUR])
    gemeld_op = factory.LazyFunction(timezone.now)


class OpvangVerzoekFactory(DjangoModelFactory):
    class Meta:
        model = OpvangVerzoek

    antwoord = Antwoord.OPEN
    gevraagd_op = factory.LazyFunction(timezone.now)
