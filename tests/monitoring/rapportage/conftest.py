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


# --- continuïteit and wijkplannen (the report's sections on those workflows) ---------------------------

PEILDATUM = datetime.date(2026, 6, 30)  # "today" for the sections' state (valid opvangafspraken)
T0 = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)
MA = datetime.date(2026, 3, 2)


@pytest.fixture
def secties_world(rapport_world):
    """Uitval, opvangafspraken and wijkplannen in the ``world``, with figures worked out by hand.

    2026 (the report's period): three meldingen. A1 for three days (acute zorg and spreekuur), both
    confirmed by its neighbour after 2 hours; the neighbour for one day (the same two kinds of care),
    spreekuur confirmed by A1 after 6 hours; B1 (the other gebied) for two days (visites), nothing
    confirmed. 2025 (a year earlier): one melding of A1 of five days (acute zorg), confirmed by the
    neighbour after 1 hour. 2024: one melding that counts in neither.

    Opvangafspraken: A1 from 1 January 2026 (valid on 30 June 2026, not a year before); the neighbour
    and A2 only in 2025 (valid on 30 June 2025). On 30 June 2026 four of the five practices have none,
    on 30 June 2025 three.

    Wijkplannen: Wittevrouwenveld vastgesteld for 2026 (priorities Eenzaamheid and Valpreventie),
    Nazareth a concept for 2026 (" eenzaamheid", the same priority), Malberg only a vastgesteld plan for
    2025, Pottenberg none."""
    from monitoring.wijkplannen.constants import WijkplanStatus
    from samenwerking.models import Besluitvorming
    from tests.monitoring.wijkplannen.factories import PrioriteitFactory, WijkplanFactory
    from tests.samenwerking.continuiteit.factories import (
        OpvangafspraakFactory,
        OpvangVerzoekFactory,
        UitvalMeldingFactory,
    )

    w = rapport_world
    uur = datetime.timedelta(hours=1)
    dag = datetime.timedelta(days=1)
    OpvangafspraakFactory(
        verband=w.verband_a1, overdragende_praktijk=w.praktijk_a1, overnemers=[w.praktijk_a1_buur]
    )
    OpvangafspraakFactory(
        verband=w.verband_a1,
        overdragende_praktijk=w.praktijk_a1_buur,
        geldig_van=datetime.date(2025, 1, 1),
        geldig_tot=datetime.date(2025, 12, 31),
        overnemers=[w.praktijk_a1],
    )
    OpvangafspraakFactory(
        verband=w.verband_a2,
        overdragende_praktijk=w.praktijk_a2,
        geldig_van=datetime.date(2025, 1, 1),
        geldig_tot=datetime.date(2025, 12, 31),
        overnemers=[w.praktijk_a1],
    )
    m1 = UitvalMeldingFactory(praktijk=w.praktijk_a1, van=MA, tot=MA + 2 * dag, gemeld_op=T0)
    OpvangVerzoekFactory(
        melding=m1,
        praktijk=w.praktijk_a1_buur,
        antwoord="bevestigd",
        zorgsoorten=m1.zorgsoorten,
        beantwoord_op=T0 + 2 * uur,
    )
    m2 = UitvalMeldingFactory(praktijk=w.praktijk_a1_buur, van=MA, tot=MA, gemeld_op=T0)
    OpvangVerzoekFactory(
        melding=m2,
        praktijk=w.praktijk_a1,
        antwoord="bevestigd",
        zorgsoorten=["spreekuur"],
        beantwoord_op=T0 + 6 * uur,
    )
    UitvalMeldingFactory(praktijk=w.praktijk_b1, van=MA, tot=MA + dag, zorgsoorten=["visites"], gemeld_op=T0)
    t_vorig = T0.replace(year=2025, month=5, day=5)
    m4 = UitvalMeldingFactory(
        praktijk=w.praktijk_a1,
        van=datetime.date(2025, 5, 5),
        tot=datetime.date(2025, 5, 9),
        zorgsoorten=["acute_zorg"],
        gemeld_op=t_vorig,
    )
    OpvangVerzoekFactory(
        melding=m4,
        praktijk=w.praktijk_a1_buur,
        antwoord="bevestigd",
        zorgsoorten=["acute_zorg"],
        beantwoord_op=t_vorig + uur,
    )
    UitvalMeldingFactory(
        praktijk=w.praktijk_a1,
        van=datetime.date(2024, 5, 6),
        tot=datetime.date(2024, 5, 6),
        gemeld_op=T0.replace(year=2024, month=5, day=6),
    )

    besluit = Besluitvorming.objects.create(
        overleg=OverlegFactory(verband=w.wsv_a1), tekst="Wijkplan 2026 vastgesteld"
    )
    vastgesteld = WijkplanFactory(
        wijk=w.wijk_a1,
        jaar=2026,
        status=WijkplanStatus.VASTGESTELD,
        besluit=besluit,
        vastgesteld_op=datetime.date(2026, 3, 1),
    )
    PrioriteitFactory(wijkplan=vastgesteld, titel="Eenzaamheid")
    PrioriteitFactory(wijkplan=vastgesteld, titel="Valpreventie")
    PrioriteitFactory(wijkplan=WijkplanFactory(wijk=w.wijk_a2, jaar=2026), titel=" eenzaamheid")
    besluit_b = Besluitvorming.objects.create(
        overleg=OverlegFactory(verband=w.wsv_b1), tekst="Wijkplan 2025 vastgesteld"
    )
    WijkplanFactory(
        wijk=w.wijk_b1,
        jaar=2025,
        status=WijkplanStatus.VASTGESTELD,
        besluit=besluit_b,
        vastgesteld_op=datetime.date(2025, 3, 1),
    )
    return w
