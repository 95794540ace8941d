"""Backup, then restore into a fresh database and folder: same rows per table, identical files.

Real pg_dump and pg_restore against the local PostgreSQL; the restore runs as ``manage.py herstel`` in
its own process with its own DATABASE_URL and PRIVATE_MEDIA_ROOT, as an operator would run it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import time
import uuid
from pathlib import Path

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests.conftest import _database_url
from zio_portal.backup import rijen_per_tabel

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _transactioneel(opnieuw_zaaien, transactional_db):
    """Committed rows (pg_dump reads them from its own connection); the flush after each test takes the
    reference data with it, which opnieuw_zaaien puts back for the tests after this module."""


@pytest.fixture
def private_bron(tmp_path, settings):
    bron = tmp_path / "private-bron"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {**settings.STORAGES["private"], "OPTIONS": {"location": str(bron)}},
    }
    (bron / "rapportages").mkdir(parents=True)
    (bron / "notulen" / "2026").mkdir(parents=True)
    (bron / "rapportages" / "regio-2025.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(200_000) + b"\n%%EOF\n")
    (bron / "notulen" / "2026" / "overleg 12 – notulen.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (bron / "imports").mkdir()
    (bron / "imports" / "vragenlijst.xlsx").write_bytes(os.urandom(5_000))
    return bron


def _verbinding(settings_dict: dict, naam: str) -> psycopg.Connection:
    return psycopg.connect(
        dbname=naam,
        user=settings_dict.get("USER") or None,
        password=settings_dict.get("PASSWORD") or None,
        host=settings_dict.get("HOST") or None,
        port=settings_dict.get("PORT") or None,
        autocommit=True,
    )


@pytest.fixture
def lege_database():
    """A new, empty database beside the test database; dropped afterwards."""
    naam = f"zio_herstel_{uuid.uuid4().hex[:10]}"
    with _verbinding(connection.settings_dict, "postgres") as beheer:
        beheer.execute(f'CREATE DATABASE "{naam}"')
    yield naam
    with _verbinding(connection.settings_dict, "postgres") as beheer:
        beheer.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


def _bestanden(map_: Path) -> dict[str, bytes]:
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in sorted(map_.rglob("*")) if p.is_file()}


def test_backup_then_restore_into_a_fresh_database_and_folder(world, private_bron, lege_database, tmp_path):
    if connection.vendor != "postgresql":
        pytest.fail("backup and restore need PostgreSQL: set DATABASE_URL as make test does", pytrace=False)
    archief = tmp_path / "backup.tar"
    begin = time.monotonic()
    call_command("backup", uitvoer=str(archief), verbosity=0)
    backup_tijd = time.monotonic() - begin

    with tarfile.open(archief) as tar:
        namen = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert "database.dump" in namen and "private/notulen/2026/overleg 12 – notulen.pdf" in namen
    with connection.cursor() as cursor:
        assert manifest["tabellen"] == rijen_per_tabel(cursor.cursor)
    assert manifest["tabellen"]["zio_portal_user"] == len(world.users)
    assert len(manifest["bestanden"]) == 3
    assert archief.stat().st_mode & 0o077 == 0, "the archive holds personal data: owner only"

    doel = tmp_path / "private-doel"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url({**connection.settings_dict, "NAME": lege_database}),
        "PRIVATE_MEDIA_ROOT": str(doel),
        "DJANGO_SETTINGS_MODULE": "tests.settings",
    }
    begin = time.monotonic()
    herstel = subprocess.run(
        [sys.executable, "manage.py", "herstel", str(archief)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    herstel_tijd = time.monotonic() - begin
    assert herstel.returncode == 0, herstel.stderr
    assert "Alles klopt met het manifest" in herstel.stdout

    with _verbinding(connection.settings_dict, lege_database) as hersteld, hersteld.cursor() as cursor:
        assert rijen_per_tabel(cursor) == manifest["tabellen"]
    assert _bestanden(doel) == _bestanden(private_bron)
    print(
        f"\nround trip: archive {archief.stat().st_size:,} bytes, dump {manifest['database']['grootte']:,} "
        f"bytes, {len(manifest['tabellen'])} tables, {sum(manifest['tabellen'].values()):,} rows, "
        f"{len(manifest['bestanden'])} files; backup {backup_tijd:.1f} s, restore {herstel_tijd:.1f} s"
    )

    # A second restore into the now filled database and folder is refused.
    nog_eens = subprocess.run(
        [sys.executable, "manage.py", "herstel", str(archief)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert nog_eens.returncode != 0 and "is niet leeg" in nog_eens.stderr


def test_a_damaged_archive_is_refused_before_anything_is_restored(world, private_bron, tmp_path):
    archief = tmp_path / "backup.tar"
    call_command("backup", uitvoer=str(archief), verbosity=0)
    data = bytearray(archief.read_bytes())
    plek = data.index(b"%PDF-1.7") + 100  # one byte inside a private file
    data[plek] ^= 0xFF
    beschadigd = tmp_path / "beschadigd.tar"
    beschadigd.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="Controlegetal klopt niet"):
        call_command("herstel", str(beschadigd), alleen_controleren=True)
    call_command("herstel", str(archief), alleen_controleren=True, verbosity=0)
    # Into the (filled) test database it refuses: restore only goes into an empty one.
    with pytest.raises(CommandError, match="is niet leeg"):
        call_command("herstel", str(archief))
