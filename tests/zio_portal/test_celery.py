"""A round trip through the real Redis broker to a real worker process, on the test database."""

import socket

import pytest

from portaal.celery import app
from portaal.tasks import werker_controle
from tests.wijken.factories import PraktijkFactory
from wijken.models import Praktijk

AANTAL_PRAKTIJKEN = 3


@pytest.mark.worker
def test_worker_answers_from_the_test_database(opnieuw_zaaien, celery_worker_process, transactional_db):
    # transactional_db: the rows are committed, so the worker's own connection sees them.
    PraktijkFactory.create_batch(AANTAL_PRAKTIJKEN)
    assert Praktijk.objects.count() == AANTAL_PRAKTIJKEN

    antwoord = werker_controle.delay().get(timeout=30)

    andere = sorted(
        name for reply in app.control.ping(timeout=0.5) for name in reply if name != celery_worker_process
    )
    assert antwoord["praktijken"] == AANTAL_PRAKTIJKEN, (
        f"the worker counted {antwoord['praktijken']} practices; other workers on this broker: {andere}"
    )
    assert antwoord["werker"] == socket.gethostname()


@pytest.mark.worker
def test_the_worker_task_is_registered_in_the_app():
    assert "portaal.tasks.werker_controle" in app.tasks
    assert app.conf.task_always_eager is False


@pytest.mark.worker
def test_embedded_default_runs_jobs_in_a_real_worker_without_servers(tmp_path):
    """Without DATABASE_URL and REDIS_URL (``make run`` on a fresh machine): SQLite and the
    filesystem broker, and the job still runs in a separate worker process."""
    import os
    import subprocess
    import sys
    import time
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"} and not k.startswith("DJANGO_")
    }
    env.update(DJANGO_DEBUG="1", ZIO_VAR_DIR=str(tmp_path), PYTHONUNBUFFERED="1")

    def manage(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    assert manage("migrate", "--noinput").returncode == 0
    assert manage("demodata").returncode == 0
    celery = Path(sys.executable).with_name("celery")
    log = open(tmp_path / "worker.log", "wb")  # noqa: SIM115  (closed in finally)
    worker = subprocess.Popen(
        [str(celery), "-A", "portaal", "worker", "--pool=solo", "-l", "info"],
        cwd=root,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        time.sleep(1)
        client = manage(
            "shell",
            "-c",
            "from portaal.tasks import werker_controle; print(werker_controle.delay().get(timeout=60))",
        )
        assert client.returncode == 0, client.stderr + (tmp_path / "worker.log").read_text()
        assert "'praktijken': 80" in client.stdout, client.stdout
        assert "succeeded" in (tmp_path / "worker.log").read_text(), "the worker process ran the job"
        assert (tmp_path / "zio_portal.sqlite3").exists()
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        log.close()
