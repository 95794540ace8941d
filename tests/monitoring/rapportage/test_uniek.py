"""One open report request per scope, period and requester, held by the database (a partial unique
constraint), also when the requests arrive at the same moment."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from monitoring.constants import RapportageStatus
from monitoring.models import Rapportage
from monitoring.rapportage import services
from tests.factories import BeleidsadviseurFactory

from .conftest import TOT, VAN


def test_three_parallel_identical_requests_make_one_report(opnieuw_zaaien, transactional_db):
    if connection.vendor != "postgresql":
        pytest.fail("This test needs PostgreSQL (set DATABASE_URL as `make test` does).", pytrace=False)
    door = BeleidsadviseurFactory()
    start = threading.Barrier(3)
    uitkomsten: list[int] = []
    fouten: list[BaseException] = []

    def aanvragen() -> None:
        try:
            start.wait(timeout=10)
            r = services.rapportage_aanvragen(door=door, periode_van=VAN, periode_tot=TOT, scope="regio")
            uitkomsten.append(r.pk)
        except BaseException as fout:  # collected and asserted in the main thread
            fouten.append(fout)
        finally:
            connection.close()

    for _ronde in range(4):  # the race used to make two reports in 4 of 4 trials
        Rapportage.objects.all().delete()
        uitkomsten.clear()
        draden = [threading.Thread(target=aanvragen) for _ in range(3)]
        for d in draden:
            d.start()
        for d in draden:
            d.join(timeout=30)
        assert not fouten, fouten
        assert Rapportage.objects.count() == 1
        assert set(uitkomsten) == {Rapportage.objects.get().pk}


@pytest.mark.django_db
def test_the_constraint_refuses_a_second_open_request_with_a_dutch_message():
    door = BeleidsadviseurFactory()
    Rapportage.objects.create(periode_van=VAN, periode_tot=TOT, scope="regio", aangevraagd_door=door)
    tweede = Rapportage(periode_van=VAN, periode_tot=TOT, scope="regio", aangevraagd_door=door)
    with pytest.raises(ValidationError) as fout:
        tweede.full_clean()
    assert "al aangevraagd" in str(fout.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        tweede.save()


@pytest.mark.django_db
def test_finished_failed_other_requester_or_a_rerender_are_not_an_open_request():
    door = BeleidsadviseurFactory()
    zelfde = {"periode_van": VAN, "periode_tot": TOT, "scope": "regio"}
    klaar = Rapportage.objects.create(**zelfde, aangevraagd_door=door, status=RapportageStatus.GEREED)
    Rapportage.objects.create(
        **zelfde, aangevraagd_door=door, status=RapportageStatus.MISLUKT, foutmelding="x"
    )
    Rapportage.objects.create(**zelfde, aangevraagd_door=BeleidsadviseurFactory())
    open_ = Rapportage.objects.create(**zelfde, aangevraagd_door=door)
    # The finished one is rendered again (a review) while an identical new request is running.
    Rapportage.objects.filter(pk=klaar.pk).update(gereed_op=klaar.aangevraagd_op)
    klaar.refresh_from_db()
    services.rapportage_opnieuw_maken(rapportage=klaar)
    assert Rapportage.objects.filter(status__in=services.LOPEND).count() == 3
    # Asking once more returns a running one instead of adding a row.
    assert services.rapportage_aanvragen(door=door, **zelfde).status in services.LOPEND
    assert Rapportage.objects.count() == 4
    assert open_.pk
