"""Data for the report tests: the ``world`` with meetings, visits and an evaluation in 2026."""

from __future__ import annotations

import datetime

import pytest

from samenwerking.constants import Nageleefd, OverlegStatus
from tests.monitoring.factories import PraktijkbezoekFactory
from tests.samenwerking.factories import EvaluatieFactory, OverlegFactory

VAN = datetime.date(2026, 1, 1)
TOT = datetime.date(2026, 12, 31)


@pytest.fixture
def rapport_world(world):
    """Wittevrouwenveld's WSV met three times in 2026 (and once in 2025), Malberg's once; two practices
    were visited; the A1 agreement was evaluated as kept."""
    for maand in (2, 5, 9):
        OverlegFactory(
            verband=world.wsv_a1, datum=datetime.date(2026, maand, 10), status=OverlegStatus.GEHOUDEN
        )
    OverlegFactory(verband=world.wsv_a1, datum=datetime.date(2025, 6, 10), status=OverlegStatus.GEHOUDEN)
    OverlegFactory(verband=world.wsv_b1, datum=datetime.date(2026, 4, 1), status=OverlegStatus.GEHOUDEN)
    beleidsadviseur = world.users["beleidsadviseur"]
    PraktijkbezoekFactory(praktijk=world.praktijk_a1, gehouden=True, bezoekers=[beleidsadviseur])
    PraktijkbezoekFactory(praktijk=world.praktijk_b2, gehouden=True, bezoekers=[beleidsadviseur])
    EvaluatieFactory(afspraak=world.afspraak_a1, datum=datetime.date(2026, 6, 1), nageleefd=Nageleefd.JA)
    return world


@pytest.fixture
def opnieuw_zaaien(django_db_setup, django_db_blocker):
    """Listed before the database fixtures, so this teardown runs after the flush of transactional_db."""
    yield
    from monitoring import seeds as monitoring_seeds
    from monitoring.models import Bouwsteen
    from samenwerking import seeds as samenwerking_seeds
    from samenwerking.models import PdcaStap, Thema

    with django_db_blocker.unblock():
        samenwerking_seeds.zaai(PdcaStap=PdcaStap, Thema=Thema)
        monitoring_seeds.zaai(Bouwsteen=Bouwsteen)
