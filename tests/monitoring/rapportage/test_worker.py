"""The report job through the real Redis broker and real worker processes, on the test database.

transactional_db: the rows are committed, so the worker's own connection sees them. After each test
the flushed reference data (PDCA steps, thema's, bouwstenen) is seeded again for the tests after it.
"""

from __future__ import annotations

import datetime
import os
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone
from pypdf import PdfReader

from monitoring.constants import RapportageStatus
from monitoring.models import Rapportage
from monitoring.rapportage import services
from monitoring.rapportage.tasks import rapportage_genereren_task, rapportages_opruimen_task
from portaal.celery import app
from tests.conftest import BASE_DIR, _celery_executable, _database_url
from zio_portal import achtergrond

from .conftest import TOT, VAN

pytestmark = pytest.mark.worker


def _wacht(pk: int, statussen: set[str], seconden: float = 90) -> Rapportage:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        r = Rapportage.objects.get(pk=pk)
        if r.status in statussen:
            return r
        time.sleep(0.05)
    pytest.fail(f"rapportage {pk} bleef {r.status} (verwacht {statussen})")


def _bestanden(opslag) -> list[str]:
    pad = Path(opslag.location) / "rapportages"
    return sorted(str(p) for p in pad.rglob("rapportage-*.pdf")) if pad.exists() else []


def test_requested_report_is_made_by_the_worker_once(
    opnieuw_zaaien, celery_worker_process, transactional_db, rapport_world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        r = services.rapportage_aanvragen(
            door=rapport_world.users["beleidsadviseur"], periode_van=VAN, periode_tot=TOT, scope="regio"
        )
    # The same job delivered twice (e.g. redelivery after a lost ack) makes one file.
    rapportage_genereren_task.delay(r.pk)
    r = _wacht(r.pk, {RapportageStatus.GEREED, RapportageStatus.MISLUKT})
    assert r.status == RapportageStatus.GEREED, r.foutmelding
    time.sleep(3)  # let the second delivery run (it is skipped by the claim)
    r = Rapportage.objects.get(pk=r.pk)
    opslag = r.bestand.storage
    eigen = [p for p in _bestanden(opslag) if f"rapportage-{r.pk}-" in p]
    try:
        assert r.pogingen == 1
        assert len(eigen) == 1, eigen
        with r.bestand.open("rb") as f:
            reader = PdfReader(f)
            tekst = "\n".join(p.extract_text() for p in reader.pages)
        assert len(reader.pages) > 3
        for wijk in rapport_world.wijken:
            assert wijk.naam in tekst
    finally:
        for p in eigen:
            os.remove(p)


def _start_worker(node: str, log: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(connection.settings_dict),
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "PYTHONUNBUFFERED": "1",
    }
    command = [_celery_executable(), "-A", "portaal", "worker", "--pool=prefork", "--concurrency=1"]
    command += ["-Q", "celery", "--without-mingle", "--without-gossip", "-l", "info", "-n", node]
    with open(log, "ab") as uit:
        proces = subprocess.Popen(
            command, cwd=BASE_DIR, env=env, stdout=uit, stderr=subprocess.STDOUT, start_new_session=True
        )
    einde = time.monotonic() + 30
    while not app.control.ping(destination=[node], timeout=0.5):
        assert proces.poll() is None, log.read_text()[-3000:]
        assert time.monotonic() < einde, log.read_text()[-3000:]
    return proces


def test_a_worker_killed_mid_job_leaves_no_half_file_and_a_new_worker_finishes_it_within_a_minute(
    opnieuw_zaaien, celery_worker_process, transactional_db, rapport_world, tmp_path
):
    """SIGKILL the whole worker (main process and its child) while the report is being made. The job
    stays "bezig" without a file. Without beat and without any cleanup task, a newly started worker
    gets the same message again from Redis (acks_late + the visibility timeout), takes its own claim
    over (the claim token is the task id) and finishes the report within 60 s of the kill."""
    # Park the session's worker, so only our own workers take jobs from the queue.
    app.control.cancel_consumer("celery", destination=[celery_worker_process], reply=True, timeout=5)
    log = tmp_path / "worker.log"
    eerste = _start_worker(f"zio-kill-{uuid.uuid4().hex[:6]}@localhost", log)
    tweede = None
    r = Rapportage.objects.create(
        periode_van=VAN,
        periode_tot=TOT,
        scope="regio",
        aangevraagd_door=rapport_world.users["beleidsadviseur"],
    )
    try:
        taak = rapportage_genereren_task.delay(r.pk)
        _wacht(r.pk, {RapportageStatus.BEZIG})
        os.killpg(eerste.pid, signal.SIGKILL)
        gedood = time.monotonic()
        eerste.wait(timeout=10)
        r = Rapportage.objects.get(pk=r.pk)
        assert r.status == RapportageStatus.BEZIG, "killed before the job finished"
        assert (r.claim, r.pogingen) == (taak.id, 1)
        assert not r.bestand
        assert not [p for p in _bestanden(r.bestand.storage) if f"rapportage-{r.pk}-" in p], "no half file"

        tweede = _start_worker(f"zio-herstart-{uuid.uuid4().hex[:6]}@localhost", log)
        r = _wacht(r.pk, {RapportageStatus.GEREED, RapportageStatus.MISLUKT}, seconden=75)
        hersteld = time.monotonic() - gedood
        print(f"hersteld {hersteld:.1f} s na kill -9")
        assert r.status == RapportageStatus.GEREED, r.foutmelding
        assert hersteld < 60, f"hersteld na {hersteld:.1f} s"
        assert (r.claim, r.pogingen) == (taak.id, 2)  # the same message, a second attempt
        eigen = [p for p in _bestanden(r.bestand.storage) if f"rapportage-{r.pk}-" in p]
        assert len(eigen) == 1
        with r.bestand.open("rb") as f:
            assert len(PdfReader(f).pages) > 3
        for p in eigen:
            os.remove(p)
    finally:
        for proces in (eerste, tweede):
            if proces and proces.poll() is None:
                os.killpg(proces.pid, signal.SIGTERM)
                proces.wait(timeout=30)
        app.control.add_consumer("celery", destination=[celery_worker_process], reply=True, timeout=5)


def test_a_job_whose_message_was_lost_is_requeued_by_the_cleanup_task(
    opnieuw_zaaien, celery_worker_process, transactional_db, rapport_world
):
    """The beat fallback: a job left "bezig" past the hard limit whose message is gone (Redis lost it)
    is sent again by the cleanup task and made by the worker, as a second attempt."""
    r = Rapportage.objects.create(
        periode_van=VAN,
        periode_tot=TOT,
        scope="regio",
        aangevraagd_door=rapport_world.users["beleidsadviseur"],
        status=RapportageStatus.BEZIG,
        claim="verloren-taak",
        pogingen=1,
        gestart_op=timezone.now() - achtergrond.tijdslimiet() - datetime.timedelta(minutes=1),
    )
    rapportages_opruimen_task.delay()
    r = _wacht(r.pk, {RapportageStatus.GEREED, RapportageStatus.MISLUKT})
    try:
        assert r.status == RapportageStatus.GEREED, r.foutmelding
        assert r.pogingen == 2 and r.claim != "verloren-taak"
    finally:
        for p in [p for p in _bestanden(r.bestand.storage) if f"rapportage-{r.pk}-" in p]:
            os.remove(p)


def test_the_worker_puts_the_continuiteit_and_wijkplannen_sections_in_the_pdf(
    opnieuw_zaaien, celery_worker_process, transactional_db, secties_world, django_capture_on_commit_callbacks
):
    """The report made by the real worker (snapshot and PDF in the worker process) has both chapters
    with their figures (conftest.secties_world; the state of the opvangafspraken is read today)."""
    with django_capture_on_commit_callbacks(execute=True):
        r = services.rapportage_aanvragen(
            door=secties_world.users["beleidsadviseur"], periode_van=VAN, periode_tot=TOT, scope="regio"
        )
    r = _wacht(r.pk, {RapportageStatus.GEREED, RapportageStatus.MISLUKT})
    eigen = [p for p in _bestanden(r.bestand.storage) if f"rapportage-{r.pk}-" in p]
    try:
        assert r.status == RapportageStatus.GEREED, r.foutmelding
        assert r.snapshot["continuiteit"]["nu"]["meldingen"] == 3
        assert r.snapshot["wijkplannen"]["jaar"] == TOT.year
        with r.bestand.open("rb") as f:
            tekst = " ".join(" ".join(p.extract_text() for p in PdfReader(f).pages).split())
        for kop in (
            "Continuïteit",
            "Wie neemt het vaakst over?",
            "Wijkplannen",
            "Meest gekozen prioriteiten",
        ):
            assert kop in tekst, kop
        assert "Meldingen van uitval 3 1 ▲ +2" in tekst
        assert "Praktijken zonder geldige opvangafspraak 4 3 ▲ +1" in tekst
        assert "Wijken met een vastgesteld wijkplan 1 1 gelijk" in tekst
    finally:
        for p in eigen:
            os.remove(p)
