"""Benchmark of the regionale rapportage: snapshot + PDF of the region report at 1× and 10× data.

Uses its own PostgreSQL database (dropped and created again): ``zio_bench`` on 127.0.0.1:5432.

    .venv/bin/python scripts/benchmark_rapportage.py [--schalen 1 10] [--database zio_bench]

Each measurement runs in a fresh child process, so peak RSS (ru_maxrss) is that of one render.
Targets (issue 6): < 8 s and < 300 MB at 1×, < 30 s and < 600 MB at 10×.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOELEN = {1: (8, 300), 10: (30, 600)}


def _env(database: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "DJANGO_DEBUG": "1",
        "ZIO_VAR_DIR": str(Path(tempfile.gettempdir()) / "zio_bench_var"),
        "PYTHONPATH": str(ROOT),
    }


def _manage(database: str, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=_env(database), check=True)


def meten() -> None:
    """In the child: one region report for the last full year, timed, with peak memory."""
    import datetime

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zio_portal.settings")
    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from monitoring.rapportage.pdf import pdf_maken
    from monitoring.rapportage.snapshot import snapshot_maken

    vandaag = datetime.date.today()
    van, tot = vandaag - datetime.timedelta(days=364), vandaag
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        snapshot = snapshot_maken(periode_van=van, periode_tot=tot, scope="regio")
    t_snapshot = time.perf_counter() - start
    inhoud = pdf_maken(snapshot=snapshot, meta={"gemaakt_op": tot.isoformat()})
    totaal = time.perf_counter() - start
    import io

    from pypdf import PdfReader

    print(
        json.dumps(
            {
                "wijken": sum(len(g["wijken"]) for g in snapshot["gebieden"]),
                "queries": len(queries),
                "snapshot_s": round(t_snapshot, 2),
                "totaal_s": round(totaal, 2),
                "piek_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "paginas": len(PdfReader(io.BytesIO(inhoud)).pages),
                "pdf_kb": round(len(inhoud) / 1024),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--schalen", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--database", default="zio_bench")
    parser.add_argument("--meten", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.meten:
        meten()
        return
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", args.database], check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", args.database], check=True)
    _manage(args.database, "migrate", "--noinput", "-v", "0")
    for schaal in args.schalen:
        _manage(args.database, "demodata", "--schaal", str(schaal))
        uit = subprocess.run(
            [sys.executable, __file__, "--meten"],
            cwd=ROOT,
            env=_env(args.database),
            check=True,
            capture_output=True,
            text=True,
        )
        cijfers = json.loads(uit.stdout.strip().splitlines()[-1])
        seconden, mb = DOELEN.get(schaal, (None, None))
        oordeel = ""
        if seconden:
            ok = cijfers["totaal_s"] < seconden and cijfers["piek_mb"] < mb
            oordeel = f"  doel < {seconden} s en < {mb} MB: {'gehaald' if ok else 'NIET gehaald'}"
        print(
            f"schaal {schaal}×: {cijfers['wijken']} wijken, {cijfers['queries']} queries, "
            f"snapshot {cijfers['snapshot_s']} s, snapshot + PDF {cijfers['totaal_s']} s, "
            f"piek {cijfers['piek_mb']} MB, {cijfers['paginas']} pagina's, {cijfers['pdf_kb']} kB{oordeel}",
            flush=True,
        )


if __name__ == "__main__":
    main()
