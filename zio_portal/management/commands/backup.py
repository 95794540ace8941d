"""``manage.py backup``: one tar archive with the database dump, the private files and a manifest."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from zio_portal.backup import BackupFout, backup_maken, standaard_archief


class Command(BaseCommand):
    help = (
        "Maak een back-up: één tar-archief met een PostgreSQL-dump (pg_dump, custom formaat), de "
        "privébestanden (rapportages, notulen, imports) en een manifest met rijen per tabel en sha256."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--map",
            default=str(Path(settings.VAR_DIR) / "backups"),
            help="Map voor het archief zio-backup-<datum-tijd>.tar (standaard var/backups).",
        )
        parser.add_argument("--uitvoer", help="Precies dit bestand schrijven, in plaats van in --map.")

    def handle(self, *args, **options):
        archief = Path(options["uitvoer"]) if options["uitvoer"] else standaard_archief(Path(options["map"]))
        try:
            resultaat = backup_maken(archief=archief)
        except BackupFout as fout:
            raise CommandError(str(fout)) from fout
        m = resultaat.manifest
        if options["verbosity"] < 1:
            return
        self.stdout.write(
            f"Back-up geschreven: {resultaat.archief} ({resultaat.archief.stat().st_size:,} bytes) in "
            f"{resultaat.seconden:.1f} s\n"
            f"  database: {len(m['tabellen'])} tabellen, {resultaat.rijen:,} rijen, "
            f"dump {m['database']['grootte']:,} bytes\n"
            f"  privébestanden: {len(m['bestanden'])} ({resultaat.bestanden_grootte:,} bytes)"
        )
