"""Backup and restore of the portal: one tar archive with the PostgreSQL dump, the private files and
a manifest (rows per table, size and sha256 of every file).

``backup_maken`` counts the rows and runs ``pg_dump`` on one exported snapshot, so the counts in the
manifest are exactly those of the dump. ``backup_herstellen`` checks the archive against its manifest
first, restores only into an empty database and an empty private folder, and checks the result
against the manifest again. Used by ``manage.py backup`` and ``manage.py herstel``.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import psycopg
from django.conf import settings
from django.core.files.storage import storages
from django.utils import timezone
from psycopg import sql

MANIFEST = "manifest.json"
DUMP = "database.dump"
PRIVATE = "private"
FORMAAT = 1
_BLOK = 1024 * 1024


class BackupFout(Exception):
    """The backup or restore cannot go on; the message says why, in Dutch, for the operator."""


@dataclass
class Resultaat:
    """What a backup or restore did: the archive, its manifest and how long it took."""

    archief: Path
    manifest: dict
    seconden: float

    @property
    def rijen(self) -> int:
        return sum(self.manifest["tabellen"].values())

    @property
    def bestanden_grootte(self) -> int:
        return sum(b["grootte"] for b in self.manifest["bestanden"])


def _database() -> dict:
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise BackupFout(
            "Back-up en herstel werken met PostgreSQL (DATABASE_URL). De ingebouwde SQLite-database "
            f"is één bestand: kopieer {db['NAME']} terwijl portaal en worker stilstaan."
        )
    return db


def _pg_omgeving(db: dict) -> dict:
    env = dict(os.environ)
    namen = {"HOST": "PGHOST", "PORT": "PGPORT", "USER": "PGUSER", "PASSWORD": "PGPASSWORD"}
    for sleutel, var in namen.items():
        if db.get(sleutel):
            env[var] = str(db[sleutel])
    env["PGDATABASE"] = db["NAME"]
    return env


def _verbinden(db: dict) -> psycopg.Connection:
    return psycopg.connect(
        dbname=db["NAME"],
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
    )


def _tabellen(cursor) -> list[str]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
    return [rij[0] for rij in cursor.fetchall()]


def rijen_per_tabel(cursor) -> dict[str, int]:
    """Rows per table of the current schema, in the cursor's transaction."""
    tellingen = {}
    for tabel in _tabellen(cursor):
        cursor.execute(sql.SQL("SELECT COUNT(*) FROM {}").format(sql.Identifier(tabel)))
        tellingen[tabel] = cursor.fetchone()[0]
    return tellingen


def _sha256(pad: Path) -> str:
    h = hashlib.sha256()
    with open(pad, "rb") as f:
        while blok := f.read(_BLOK):
            h.update(blok)
    return h.hexdigest()


def private_map() -> Path:
    """The folder of the private files (STORAGES["private"])."""
    return Path(storages["private"].location)


def _private_bestanden(map_: Path) -> Iterator[Path]:
    if not map_.exists():
        return
    for pad in sorted(map_.rglob("*")):
        if pad.is_file() and not pad.is_symlink():
            yield pad


def _programma(naam: str) -> str:
    gevonden = shutil.which(naam)
    if not gevonden:
        raise BackupFout(f"{naam} ontbreekt: installeer de PostgreSQL-clienttools (postgresql-client).")
    return gevonden


def backup_maken(*, archief: Path) -> Resultaat:
    """Write the database dump, the private files and the manifest into the tar file ``archief``."""
    begin = time.monotonic()
    db = _database()
    pg_dump = _programma("pg_dump")
    archief = Path(archief)
    archief.parent.mkdir(parents=True, exist_ok=True)
    deel = archief.with_name(archief.name + ".deel")
    with tempfile.TemporaryDirectory(prefix="zio-backup-") as tmp:
        dump = Path(tmp) / DUMP
        with _verbinden(db) as conn, conn.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version')")
            snapshot, server_versie = cursor.fetchone()
            tabellen = rijen_per_tabel(cursor)
            proces = subprocess.run(
                [pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={dump}"],
                env=_pg_omgeving(db),
                capture_output=True,
                text=True,
                check=False,
            )
            conn.rollback()
        if proces.returncode != 0:
            raise BackupFout(f"pg_dump mislukte: {proces.stderr.strip()}")
        versie = subprocess.run([pg_dump, "--version"], capture_output=True, text=True, check=True).stdout
        manifest = {
            "formaat": FORMAAT,
            "gemaakt_op": timezone.now().isoformat(),
            "database": {
                "bestand": DUMP,
                "naam": db["NAME"],
                "server_versie": server_versie,
                "pg_dump": versie.strip(),
                "grootte": dump.stat().st_size,
                "sha256": _sha256(dump),
            },
            "tabellen": tabellen,
            "bestanden": [],
        }
        oud_umask = os.umask(0o077)  # the archive holds personal data: only its owner reads it
        try:
            with tarfile.open(deel, "w") as tar:
                tar.add(dump, arcname=DUMP)
                bron = private_map()
                for pad in _private_bestanden(bron):
                    naam = f"{PRIVATE}/{pad.relative_to(bron).as_posix()}"
                    # Read once: the checksum is of exactly the bytes that go into the archive.
                    with tempfile.SpooledTemporaryFile(max_size=16 * _BLOK, dir=tmp) as kopie:
                        h = hashlib.sha256()
                        with open(pad, "rb") as f:
                            while blok := f.read(_BLOK):
                                h.update(blok)
                                kopie.write(blok)
                        info = tar.gettarinfo(str(pad), arcname=naam)
                        info.size = kopie.tell()
                        kopie.seek(0)
                        tar.addfile(info, kopie)
                    manifest["bestanden"].append({"pad": naam, "grootte": info.size, "sha256": h.hexdigest()})
                tekst = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime, info.mode = len(tekst), int(time.time()), 0o600
                tar.addfile(info, io.BytesIO(tekst))
        finally:
            os.umask(oud_umask)
    os.replace(deel, archief)
    return Resultaat(archief=archief, manifest=manifest, seconden=time.monotonic() - begin)


def _veilige_naam(naam: str) -> bool:
    pad = PurePosixPath(naam)
    return not pad.is_absolute() and ".." not in pad.parts and naam == pad.as_posix()


def archief_lezen(*, archief: Path, uitpakken_naar: Path) -> dict:
    """Unpack ``archief`` into a scratch folder and check every file against the manifest.

    Returns the manifest. Refuses links, paths outside the archive, unknown or missing files and
    every checksum or size that differs.
    """
    try:
        tar = tarfile.open(archief, "r")  # noqa: SIM115  (closed by the with below)
    except (OSError, tarfile.TarError) as fout:
        raise BackupFout(f"{archief} is geen leesbaar tar-archief: {fout}") from fout
    with tar:
        try:
            manifest = json.load(tar.extractfile(MANIFEST))
        except (KeyError, ValueError, TypeError) as fout:
            raise BackupFout(f"{archief} heeft geen geldig {MANIFEST}.") from fout
        if manifest.get("formaat") != FORMAAT:
            raise BackupFout(f"Onbekend archiefformaat {manifest.get('formaat')!r}.")
        verwacht = {manifest["database"]["bestand"]: manifest["database"]}
        verwacht |= {b["pad"]: b for b in manifest["bestanden"]}
        gezien = set()
        for lid in tar.getmembers():
            if lid.name == MANIFEST:
                continue
            if not lid.isfile() or not _veilige_naam(lid.name) or lid.name not in verwacht:
                raise BackupFout(f"Onverwacht onderdeel in het archief: {lid.name}")
            doel = uitpakken_naar / lid.name
            doel.parent.mkdir(parents=True, exist_ok=True)
            h = hashlib.sha256()
            with tar.extractfile(lid) as bron, open(doel, "wb") as uit:
                while blok := bron.read(_BLOK):
                    h.update(blok)
                    uit.write(blok)
            if h.hexdigest() != verwacht[lid.name]["sha256"] or lid.size != verwacht[lid.name]["grootte"]:
                raise BackupFout(f"Controlegetal klopt niet voor {lid.name}: het archief is beschadigd.")
            gezien.add(lid.name)
        ontbreekt = sorted(set(verwacht) - gezien)
        if ontbreekt:
            raise BackupFout(f"Het archief mist bestanden uit het manifest: {', '.join(ontbreekt[:5])}")
    return manifest


def backup_herstellen(*, archief: Path) -> Resultaat:
    """Restore ``archief`` into the configured (empty) database and (empty) private folder, then check
    rows per table and every file against the manifest."""
    begin = time.monotonic()
    db = _database()
    pg_restore = _programma("pg_restore")
    doel_map = private_map()
    with tempfile.TemporaryDirectory(prefix="zio-herstel-") as tmp:
        manifest = archief_lezen(archief=Path(archief), uitpakken_naar=Path(tmp))
        with _verbinden(db) as conn, conn.cursor() as cursor:
            if bestaande := _tabellen(cursor):
                raise BackupFout(
                    f"De database {db['NAME']} is niet leeg ({len(bestaande)} tabellen): herstel alleen "
                    "in een lege database (dropdb en createdb, of een nieuwe naam in DATABASE_URL)."
                )
        if doel_map.exists() and any(doel_map.iterdir()):
            raise BackupFout(f"De map {doel_map} is niet leeg: herstel de bestanden alleen in een lege map.")
        proces = subprocess.run(
            [
                pg_restore,
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={db['NAME']}",
                str(Path(tmp) / manifest["database"]["bestand"]),
            ],
            env=_pg_omgeving(db),
            capture_output=True,
            text=True,
            check=False,
        )
        if proces.returncode != 0:
            raise BackupFout(f"pg_restore mislukte: {proces.stderr.strip()}")
        doel_map.mkdir(parents=True, exist_ok=True)
        for bestand in manifest["bestanden"]:
            relatief = PurePosixPath(bestand["pad"]).relative_to(PRIVATE)
            doel = doel_map.joinpath(*relatief.parts)
            doel.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(tmp) / bestand["pad"], doel)
    controle_na_herstel(manifest=manifest, db=db, doel_map=doel_map)
    return Resultaat(archief=Path(archief), manifest=manifest, seconden=time.monotonic() - begin)


def controle_na_herstel(*, manifest: dict, db: dict, doel_map: Path) -> None:
    """The restored database and folder hold exactly what the manifest lists."""
    with _verbinden(db) as conn, conn.cursor() as cursor:
        tellingen = rijen_per_tabel(cursor)
    verschillen = [
        f"{tabel}: {manifest['tabellen'].get(tabel)} verwacht, {tellingen.get(tabel)} hersteld"
        for tabel in sorted(set(tellingen) | set(manifest["tabellen"]))
        if tellingen.get(tabel) != manifest["tabellen"].get(tabel)
    ]
    for bestand in manifest["bestanden"]:
        pad = doel_map.joinpath(*PurePosixPath(bestand["pad"]).relative_to(PRIVATE).parts)
        if not pad.is_file() or _sha256(pad) != bestand["sha256"]:
            verschillen.append(f"{bestand['pad']}: ontbreekt of wijkt af")
    if verschillen:
        raise BackupFout("Herstel wijkt af van het manifest: " + "; ".join(verschillen[:10]))


def standaard_archief(map_: Path) -> Path:
    """``<map>/zio-backup-<jjjjmmdd-uummss>.tar`` in local time."""
    return Path(map_) / f"zio-backup-{timezone.localtime():%Y%m%d-%H%M%S}.tar"
