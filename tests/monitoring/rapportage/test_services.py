"""Request, generate, fail, clean up and review, in this process against the real database and
WeasyPrint (the worker round trips are in test_worker.py)."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from monitoring.constants import RapportageStatus
from monitoring.models import Rapportage
from monitoring.rapportage import services
from zio_portal import achtergrond

from .conftest import TOT, VAN

pytestmark = pytest.mark.django_db


def _aanvragen(world, **extra):
    return services.rapportage_aanvragen(
        door=world.users["beleidsadviseur"], periode_van=VAN, periode_tot=TOT, scope="regio", **extra
    )


def test_the_same_request_while_running_starts_no_second_job(
    rapport_world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as taken:
        eerste = _aanvragen(rapport_world)
    with django_capture_on_commit_callbacks() as nog_eens:
        tweede = _aanvragen(rapport_world)
    assert tweede.pk == eerste.pk
    assert len(taken) == 1 and len(nog_eens) == 0  # queued once, only after the commit
    Rapportage.objects.filter(pk=eerste.pk).update(status=RapportageStatus.GEREED)
    with django_capture_on_commit_callbacks() as na_gereed:
        derde = _aanvragen(rapport_world)
    assert derde.pk != eerste.pk and len(na_gereed) == 1


def test_generate_makes_one_file_marks_ready_and_mails_a_link(rapport_world, settings):
    settings.PORTAL_BASE_URL = "https://portaal.zio.test"
    rapport_world.users["beleidsadviseur"].email = "bea@zio.test"
    rapport_world.users["beleidsadviseur"].save()
    r = Rapportage.objects.create(
        periode_van=VAN,
        periode_tot=TOT,
        scope="regio",
        aangevraagd_door=rapport_world.users["beleidsadviseur"],
    )
    services.rapportage_genereren(rapportage_id=r.pk, task_id="t-1")
    r.refresh_from_db()
    try:
        assert r.status == RapportageStatus.GEREED and r.gereed_op and r.pogingen == 1
        assert r.bestand.storage.exists(r.bestand.name)
        assert r.bestand.read(5) == b"%PDF-"
        assert r.snapshot["kerncijfers"]["overleggen_wsv"] == 4
        assert len(mail.outbox) == 1 and mail.outbox[0].to == ["bea@zio.test"]
        assert f"https://portaal.zio.test/rapportages/{r.pk}/" in mail.outbox[0].body
        # Run twice (a redelivered message): skipped by the claim, nothing new written or sent.
        services.rapportage_genereren(rapportage_id=r.pk, task_id="t-2")
        r2 = Rapportage.objects.get(pk=r.pk)
        assert (r2.bestand.name, r2.claim, r2.pogingen) == (r.bestand.name, "t-1", 1)
        assert len(mail.outbox) == 1
        # The stored snapshot renders to the same bytes as the stored file.
        r.bestand.open("rb")
        assert services.rapportage_opnieuw_renderen(rapportage=r) == r.bestand.read()
    finally:
        if r.bestand:
            r.bestand.close()
            r.bestand.storage.delete(r.bestand.name)


def test_a_rendering_error_is_shown_with_its_cause_and_logged(rapport_world, caplog):
    r = Rapportage.objects.create(periode_van=VAN, periode_tot=TOT, scope="regio", snapshot={"versie": 1})
    services.rapportage_genereren(rapportage_id=r.pk, task_id="t-1")
    r.refresh_from_db()
    assert r.status == RapportageStatus.MISLUKT
    assert "Fout bij het maken van de PDF" in r.foutmelding and "periode" in r.foutmelding
    assert not r.bestand
    assert any("kon niet worden gemaakt" in rec.getMessage() for rec in caplog.records)


def test_cleanup_requeues_a_dead_workers_job_and_fails_it_after_the_last_try(rapport_world):
    lang_geleden = timezone.now() - achtergrond.tijdslimiet() - datetime.timedelta(minutes=1)
    vast = Rapportage.objects.create(
        periode_van=VAN, periode_tot=TOT, scope="regio", status="bezig", gestart_op=lang_geleden, pogingen=1
    )
    op = Rapportage.objects.create(
        periode_van=VAN,
        periode_tot=TOT,
        scope="wijk",
        wijk=rapport_world.wijk_a1,
        status="bezig",
        gestart_op=lang_geleden,
        pogingen=services.MAX_POGINGEN,
    )
    levend = Rapportage.objects.create(
        periode_van=VAN,
        periode_tot=TOT,
        scope="gebied",
        gebied=rapport_world.gebied_a,
        status="bezig",
        gestart_op=timezone.now(),
        pogingen=1,
    )
    # The requeue goes through the real broker (a worker that gets it finds the row rolled back).
    assert services.rapportages_opruimen() == {"mislukt": 1, "opnieuw": 1}
    op.refresh_from_db()
    assert op.status == "mislukt" and "afgebroken" in op.foutmelding
    levend.refresh_from_db()
    assert levend.status == "bezig"  # its worker is still within the time limit
    # The stale job can be claimed again; the live one cannot.
    assert services.rapportage_claimen(rapportage_id=vast.pk, task_id="x")
    assert not services.rapportage_claimen(rapportage_id=levend.pk, task_id="y")


def test_review_final_and_share(rapport_world, django_capture_on_commit_callbacks):
    r = Rapportage.objects.create(
        periode_van=VAN, periode_tot=TOT, scope="regio", status="gereed", snapshot={"versie": 1}
    )
    with pytest.raises(ValueError):
        services.rapportage_delen(rapportage=r)
    with django_capture_on_commit_callbacks() as taken:
        services.rapportage_beoordelen(rapportage=r, commentaar="  Mooi resultaat.  ")
    r.refresh_from_db()
    assert r.commentaar == "Mooi resultaat." and r.status == "in_wachtrij" and len(taken) == 1
    Rapportage.objects.filter(pk=r.pk).update(status="gereed")
    r.refresh_from_db()
    services.rapportage_definitief_maken(rapportage=r)
    services.rapportage_delen(rapportage=r)
    r.refresh_from_db()
    assert r.definitief_op and r.gedeeld_op
    with pytest.raises(ValueError):
        services.rapportage_beoordelen(rapportage=r, commentaar="later")
