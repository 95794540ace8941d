"""Benchmark: the results page of a round with the demo region at --schaal 10 (about 800 practices).

Usage: .venv/bin/python scripts/benchmark_resultaten.py [--keer 7] [--database postgres://.../zio_benchmark]

Uses a PostgreSQL database of its own (created when missing, default ``zio_benchmark`` on
127.0.0.1:5432), migrates it and loads ``demodata --schaal 10`` (idempotent, so a second run is
quick), then times GET /monitoring/rondes/<this year>/resultaten/ through Django's test client:
the first (cold: charts not cached in this process) and the median and maximum of the next runs,
with the number of queries, for the beleidsadviseur (region, and region against one wijk) and a
praktijkmanager. The requirement is under one second.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))


def _database_maken(url: str) -> None:
    import psycopg

    deel = urlparse(url)
    naam = deel.path.lstrip("/")
    with psycopg.connect(
        host=deel.hostname,
        port=deel.port or 5432,
        user=deel.username,
        password=deel.password,
        dbname="postgres",
        autocommit=True,
    ) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [naam]).fetchone():
            conn.execute(f'CREATE DATABASE "{naam}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keer", type=int, default=7, help="warm runs per page (default 7)")
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/zio_benchmark")
    args = parser.parse_args()

    _database_maken(args.database)
    os.environ["DATABASE_URL"] = args.database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone

    from monitoring.models import Ronde
    from wijken.models import Praktijk, Wijk
    from zio_portal.models import User

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    call_command("demodata", schaal=10, verbosity=0)
    print(f"demodata --schaal 10: {time.perf_counter() - start:.1f} s")
    ronde = Ronde.objects.get(vragenlijst__jaar=timezone.localdate().year)
    print(
        f"{Praktijk.objects.filter(actief=True).count()} actieve praktijken, {Wijk.objects.count()} wijken, "
        f"{ronde.responsen.filter(status='ingediend').count()} ingediende responsen in {ronde.vragenlijst}"
    )
    url = reverse("monitoring:resultaten", args=[ronde.pk])
    wijk = Wijk.objects.order_by("naam").first()
    gevallen = [
        ("beleidsadviseur", "regio", url),
        ("beleidsadviseur", f"regio + wijk {wijk.naam}", f"{url}?wijk={wijk.pk}"),
        ("praktijkmanager", "eigen praktijk", url),
    ]
    print(f"{'gebruiker':17} {'weergave':28} {'koud':>8} {'mediaan':>8} {'max':>8} {'queries':>8}")
    te_traag = False
    for username, label, pad in gevallen:
        client = Client()
        client.force_login(User.objects.get(username=username))
        tijden = []
        for _n in range(args.keer + 1):
            with CaptureQueriesContext(connection) as queries:
                t = time.perf_counter()
                response = client.get(pad)
                tijden.append(time.perf_counter() - t)
            assert response.status_code == 200, response.status_code
        koud, warm = tijden[0], tijden[1:]
        te_traag |= statistics.median(warm) >= 1 or koud >= 1
        print(
            f"{username:17} {label:28} {koud * 1000:6.0f}ms {statistics.median(warm) * 1000:6.0f}ms "
            f"{max(warm) * 1000:6.0f}ms {len(queries):8d}"
        )
    sys.exit(1 if te_traag else 0)


if __name__ == "__main__":
    main()
