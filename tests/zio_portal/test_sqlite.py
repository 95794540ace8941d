"""The embedded default (SQLite, ``make run`` without DATABASE_URL) lets the web server and the worker
write at the same time: WAL, a busy timeout and IMMEDIATE transactions, from the real settings.

Each writer is its own process with the portal's settings and no DATABASE_URL, as runserver and the
Celery worker are. They do read-then-write transactions on one counter: under SQLite's default
(DEFERRED) two of them deadlock into "database is locked"; with the settings none fails and no update
is lost.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCHRIJVERS = 4
PER_SCHRIJVER = 100

SCHRIJVER = r"""
import os, sys
import django
from django.conf import settings
if sys.argv[2] == "zonder-instellingen":
    settings.DATABASES["default"]["OPTIONS"] = {"timeout": 5}
django.setup()
from django.db import connection, transaction

for i in range(int(sys.argv[1])):
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT waarde FROM teller WHERE id = 1")
            (waarde,) = cursor.fetchone()
            cursor.execute("UPDATE teller SET waarde = %s WHERE id = 1", [waarde + 1])
            cursor.execute("INSERT INTO regel (proces, nr) VALUES (%s, %s)", [os.getpid(), i])
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    print(cursor.fetchone()[0], connection.transaction_mode, settings.DATABASES["default"]["NAME"])
"""


def _omgeving(var_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env |= {"ZIO_VAR_DIR": str(var_dir), "DJANGO_SETTINGS_MODULE": "portaal.settings", "DJANGO_DEBUG": "1"}
    return env


def _schrijvers(var_dir: Path, modus: str) -> list[subprocess.CompletedProcess]:
    database = var_dir / "zio_portal.sqlite3"
    with sqlite3.connect(database) as db:
        db.executescript(
            "DROP TABLE IF EXISTS teller; DROP TABLE IF EXISTS regel;"
            "CREATE TABLE teller (id INTEGER PRIMARY KEY, waarde INTEGER NOT NULL);"
            "INSERT INTO teller VALUES (1, 0);"
            "CREATE TABLE regel (id INTEGER PRIMARY KEY, proces INTEGER, nr INTEGER);"
        )
    processen = [
        subprocess.Popen(
            [sys.executable, "-c", SCHRIJVER, str(PER_SCHRIJVER), modus],
            cwd=ROOT,
            env=_omgeving(var_dir),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(SCHRIJVERS)
    ]
    return [
        subprocess.CompletedProcess(p.args, p.wait(timeout=180), p.stdout.read(), p.stderr.read())
        for p in processen
    ]


def _teller(var_dir: Path) -> tuple[int, int]:
    with sqlite3.connect(var_dir / "zio_portal.sqlite3") as db:
        return db.execute("SELECT waarde FROM teller").fetchone()[0], db.execute(
            "SELECT COUNT(*) FROM regel"
        ).fetchone()[0]


def test_concurrent_writers_on_the_embedded_sqlite_never_see_database_is_locked(tmp_path):
    uitkomsten = _schrijvers(tmp_path, "met-instellingen")
    for uitkomst in uitkomsten:
        assert "database is locked" not in uitkomst.stderr
        assert uitkomst.returncode == 0, uitkomst.stderr[-2000:]
        journal, modus, naam = uitkomst.stdout.split()
        assert (journal, modus, naam) == ("wal", "IMMEDIATE", str(tmp_path / "zio_portal.sqlite3"))
    # Every read-then-write counted: no update lost, no row missing.
    assert _teller(tmp_path) == (SCHRIJVERS * PER_SCHRIJVER, SCHRIJVERS * PER_SCHRIJVER)


def test_without_the_settings_the_same_writers_lock(tmp_path):
    """The control: SQLite's defaults fail this workload, so the test above can fail."""
    uitkomsten = _schrijvers(tmp_path, "zonder-instellingen")
    assert any("database is locked" in u.stderr for u in uitkomsten)
