"""The planned region report: a daily beat job starts the yearly (and quarterly) report on the day the
beheerder set, exactly once, and the beleidsadviseur gets an e-mail; failures are mailed too."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.urls import reverse

from monitoring.constants import RapportageStatus
from monitoring.models import Rapportage, RapportagePlanning
from monitoring.rapportage import services
from portaal.celery import app

from .conftest import TOT, VAN

pytestmark = pytest.mark.django_db


def _planning(**velden) -> RapportagePlanning:
    planning = RapportagePlanning.laden()
    return services.rapportageplanning_wijzigen(planning=planning, **velden)


def test_on_the_set_day_the_yearly_report_is_started_once(world, django_capture_on_commit_callbacks):
    _planning(jaar_actief=True, jaar_maand=3, jaar_dag=5)
    dag = datetime.date(2027, 3, 5)
    with django_capture_on_commit_callbacks() as eerste:
        gemaakt = services.geplande_rapportages_maken(vandaag=dag)
    assert len(gemaakt) == 1 and len(eerste) == 1  # queued after the commit
    r = gemaakt[0]
    assert (r.periode_van, r.periode_tot, r.scope, r.gepland) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
        "regio",
        "jaar-2026",
    )
    assert r.status == RapportageStatus.IN_WACHTRIJ and r.aangevraagd_door is None
    # Beat runs again (a second beat, a redelivered task): the claim starts nothing.
    with django_capture_on_commit_callbacks() as tweede:
        assert services.geplande_rapportages_maken(vandaag=dag) == []
    assert len(tweede) == 0
    assert Rapportage.objects.filter(gepland="jaar-2026").count() == 1


def test_other_days_and_a_disabled_schedule_start_nothing(world):
    _planning(jaar_actief=True, jaar_maand=3, jaar_dag=5)
    assert services.geplande_rapportages_maken(vandaag=datetime.date(2027, 3, 4)) == []
    _planning(jaar_actief=False)
    assert services.geplande_rapportages_maken(vandaag=datetime.date(2027, 3, 5)) == []
    assert not Rapportage.objects.exists()


def test_the_quarterly_report_only_when_enabled(world, django_capture_on_commit_callbacks):
    _planning(jaar_actief=False, kwartaal_actief=False, kwartaal_dag=10)
    assert services.geplande_rapportages_maken(vandaag=datetime.date(2027, 4, 10)) == []
    _planning(kwartaal_actief=True)
    with django_capture_on_commit_callbacks():
        (q1,) = services.geplande_rapportages_maken(vandaag=datetime.date(2027, 4, 10))
        (q4,) = services.geplande_rapportages_maken(vandaag=datetime.date(2027, 1, 10))
        assert services.geplande_rapportages_maken(vandaag=datetime.date(2027, 4, 10)) == []
    assert (q1.periode_van, q1.periode_tot, q1.gepland) == (
        datetime.date(2027, 1, 1),
        datetime.date(2027, 3, 31),
        "kwartaal-2027-1",
    )
    assert (q4.periode_van, q4.periode_tot, q4.gepland) == (
        datetime.date(2026, 10, 1),
        datetime.date(2026, 12, 31),
        "kwartaal-2026-4",
    )


def test_a_planned_report_notifies_the_beleidsadviseurs_once(rapport_world, settings):
    settings.PORTAL_BASE_URL = "https://portaal.zio.test"
    ba = rapport_world.users["beleidsadviseur"]
    ba.email = "bea@zio.test"
    ba.save()
    rapport_world.users["projectleider"].email = "pl@zio.test"
    rapport_world.users["projectleider"].save()
    r = Rapportage.objects.create(periode_van=VAN, periode_tot=TOT, scope="regio", gepland="jaar-2026")
    services.rapportage_genereren(rapportage_id=r.pk, task_id="t-1")
    r.refresh_from_db()
    try:
        assert r.status == RapportageStatus.GEREED
        assert [m.to for m in mail.outbox] == [["bea@zio.test"]]
        assert "geplande regionale rapportage is klaar" in mail.outbox[0].body
        assert f"https://portaal.zio.test/rapportages/{r.pk}/" in mail.outbox[0].body
        # A re-render after the review (commentary) does not mail "klaar" again.
        Rapportage.objects.filter(pk=r.pk).update(status=RapportageStatus.IN_WACHTRIJ)
        services.rapportage_genereren(rapportage_id=r.pk, task_id="t-2")
        assert len(mail.outbox) == 1
    finally:
        r.refresh_from_db()
        if r.bestand:
            r.bestand.storage.delete(r.bestand.name)


def test_a_failed_report_mails_the_requester_the_cause_once(rapport_world, settings):
    settings.PORTAL_BASE_URL = "https://portaal.zio.test"
    ba = rapport_world.users["beleidsadviseur"]
    ba.email = "bea@zio.test"
    ba.save()
    # A snapshot the template cannot render: a rendering error, not retried.
    r = Rapportage.objects.create(
        periode_van=VAN, periode_tot=TOT, scope="regio", snapshot={"versie": 1}, aangevraagd_door=ba
    )
    services.rapportage_genereren(rapportage_id=r.pk, task_id="t-1")
    r.refresh_from_db()
    assert r.status == RapportageStatus.MISLUKT
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["bea@zio.test"]
    assert "kon niet worden gemaakt" in mail.outbox[0].subject
    assert r.foutmelding in mail.outbox[0].body
    assert f"https://portaal.zio.test/rapportages/{r.pk}/" in mail.outbox[0].body
    services.rapportage_mislukt(rapportage_id=r.pk, oorzaak="nog eens")  # already failed: no 2nd mail
    assert len(mail.outbox) == 1


def test_the_beheerder_sets_the_date_in_the_admin(world, client):
    client.force_login(world.users["beheerder"])
    lijst = client.get(reverse("admin:monitoring_rapportageplanning_changelist"))
    assert lijst.status_code == 302
    url = lijst["Location"]
    data = {"jaar_actief": "on", "jaar_maand": "2", "jaar_dag": "30", "kwartaal_dag": "15"}
    fout = client.post(url, data)
    assert fout.status_code == 200
    assert "Deze dag bestaat niet elk jaar in die maand" in fout.content.decode()
    assert RapportagePlanning.laden().jaar_dag == 1  # nothing half-saved
    data |= {"jaar_maand": "3", "jaar_dag": "5", "kwartaal_actief": "on"}
    assert client.post(url, data).status_code == 302
    planning = RapportagePlanning.laden()
    assert (planning.jaar_maand, planning.jaar_dag, planning.kwartaal_actief) == (3, 5, True)
    assert RapportagePlanning.objects.count() == 1


@pytest.mark.parametrize("rol", ["beleidsadviseur", "projectleider", "gebiedsmanager"])
def test_only_the_beheerder_reaches_the_schedule(world, client, rol):
    client.force_login(world.users[rol])
    response = client.get(reverse("admin:monitoring_rapportageplanning_changelist"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_daily_beat_job_is_scheduled_and_registered():
    job = django_settings.CELERY_BEAT_SCHEDULE["rapportages-gepland"]
    assert job["task"] == "monitoring.rapportage.tasks.geplande_rapportages_task"
    app.loader.import_default_modules()
    assert job["task"] in app.tasks
