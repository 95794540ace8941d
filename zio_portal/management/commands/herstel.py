"""``manage.py herstel ARCHIEF``: restore a backup into an empty database and private folder."""

import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zio_portal.backup import BackupFout, archief_lezen, backup_herstellen, private_map


class Command(BaseCommand):
    help = (
        "Herstel een back-up van manage.py backup in een LEGE database (DATABASE_URL) en een lege "
        "privémap; controleert het archief vooraf en het resultaat achteraf tegen het manifest."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("archief", help="Het tar-archief van manage.py backup.")
        parser.add_argument(
            "--alleen-controleren",
            action="store_true",
            help="Alleen het archief tegen zijn manifest controleren; niets herstellen.",
        )

    def handle(self, *args, **options):
        archief = Path(options["archief"])
        try:
            if options["alleen_controleren"]:
                with tempfile.TemporaryDirectory() as tmp:
                    manifest = archief_lezen(archief=archief, uitpakken_naar=Path(tmp))
                self.stdout.write(
                    f"Archief in orde: {len(manifest['tabellen'])} tabellen, "
                    f"{sum(manifest['tabellen'].values()):,} rijen, {len(manifest['bestanden'])} bestanden."
                )
                return
            resultaat = backup_herstellen(archief=archief)
        except BackupFout as fout:
            raise CommandError(str(fout)) from fout
        m = resultaat.manifest
        if options["verbosity"] < 1:
            return
        self.stdout.write(
            f"Hersteld uit {archief} in {resultaat.seconden:.1f} s: {len(m['tabellen'])} tabellen, "
            f"{resultaat.rijen:,} rijen, {len(m['bestanden'])} privébestanden "
            f"({resultaat.bestanden_grootte:,} bytes) in {private_map()}. Alles klopt met het manifest."
        )
