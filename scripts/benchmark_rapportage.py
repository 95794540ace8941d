"""Benchmark of the regionale rapportage: snapshot + PDF of the region report at 1× and 10× data.

Uses its own PostgreSQL database (dropped and created again): ``zio_bench`` on 127.0.0.1:5432.

    .venv/bin/python scripts/benchmark_rapportage.py [--schalen 1 10] [--database zio_bench]

Each measurement runs in a fresh child process, so peak RSS (ru_maxrss) is that of one render.
Targets (issue 6): < 8 s and < 300 MB at 1×, < 30 s and < 600 MB at 10×.

``--klik`` also measures, at 1×, the time from the request (the click) to a downloadable file with a
real, idle Celery worker on Redis (``REDIS_URL``, default redis://127.0.0.1:6379/4): target at most
the render time in the worker plus 1 s.
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

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portaal.settings")
    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from monitoring.rapportage.pdf import opwarmen, pdf_maken
    from monitoring.rapportage.snapshot import snapshot_maken

    # What the worker does once at start (monitoring/rapportage/tasks.py): load WeasyPrint, the fonts
    # and matplotlib. Timed separately: a report in a running worker does not pay for it.
    begin = time.perf_counter()
    opwarmen()
    t_opwarmen = time.perf_counter() - begin
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
    from weasyprint.text.ffi import harfbuzz_subset

    print(
        json.dumps(
            {
                "wijken": sum(len(g["wijken"]) for g in snapshot["gebieden"]),
                "queries": len(queries),
                "opwarmen_s": round(t_opwarmen, 2),
                "snapshot_s": round(t_snapshot, 2),
                "totaal_s": round(totaal, 2),
                "piek_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "paginas": len(PdfReader(io.BytesIO(inhoud)).pages),
                "pdf_kb": round(len(inhoud) / 1024),
                # Without libharfbuzz-subset0 WeasyPrint subsets the fonts with fontTools: about 1.5 s
                # slower. make run / make test install it (RUN_PACKAGES in the Makefile).
                "harfbuzz_subset": harfbuzz_subset is not None,
            }
        )
    )


def klik_meten() -> None:
    """In the child: request the region report as the view does and wait until it is downloadable."""
    import datetime

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portaal.settings")
    django.setup()
    from monitoring.models import Rapportage
    from monitoring.rapportage import services
    from zio_portal.models import User

    door = User.objects.get(username="beleidsadviseur")
    jaar = datetime.date.today().year - 1
    uitslagen = []
    for poging in range(2):
        klik = time.perf_counter()
        r = services.rapportage_aanvragen(  # atomic: queued on commit, as in the view
            door=door,
            periode_van=datetime.date(jaar - poging, 1, 1),
            periode_tot=datetime.date(jaar - poging, 12, 31),
            scope="regio",
        )
        while True:
            r = Rapportage.objects.defer("snapshot").get(pk=r.pk)
            if r.status in ("gereed", "mislukt"):
                break
            time.sleep(0.02)
        klaar = time.perf_counter() - klik
        if r.status != "gereed":
            raise SystemExit(f"rapportage mislukt: {r.foutmelding}")
        uitslagen.append(
            {
                "klik_tot_download_s": round(klaar, 2),
                "wachtrij_s": round((r.gestart_op - r.aangevraagd_op).total_seconds(), 2),
                "render_in_worker_s": round((r.gereed_op - r.gestart_op).total_seconds(), 2),
            }
        )
        r.bestand.storage.delete(r.bestand.name)
        time.sleep(2)  # idle worker again
    print(json.dumps(uitslagen))


def _klik(database: str) -> None:
    env = {**_env(database), "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/4")}
    node = f"bench-{os.getpid()}@localhost"
    command = [str(Path(sys.executable).parent / "celery"), "-A", "portaal", "worker", "--pool=solo"]
    command += ["-Q", "celery", "--without-mingle", "--without-gossip", "-l", "warning", "-n", node]
    worker = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        time.sleep(12)  # started and warmed up (fonts, WeasyPrint, matplotlib): an idle worker
        uit = subprocess.run(
            [sys.executable, __file__, "--klik-meten"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        for meting in json.loads(uit.stdout.strip().splitlines()[-1]):
            marge = meting["klik_tot_download_s"] - meting["render_in_worker_s"]
            oordeel = "gehaald" if marge <= 1 else "NIET gehaald"
            print(
                f"klik tot download {meting['klik_tot_download_s']} s: in de wachtrij "
                f"{meting['wachtrij_s']} s, maken in de worker {meting['render_in_worker_s']} s; "
                f"boven de rendertijd {marge:.2f} s (doel ≤ 1 s: {oordeel})",
                flush=True,
            )
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--schalen", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--database", default="zio_bench")
    parser.add_argument("--klik", action="store_true", help="ook klik-tot-download meten (1×)")
    parser.add_argument("--meten", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--klik-meten", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.meten:
        meten()
        return
    if args.klik_meten:
        klik_meten()
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
            f"opwarmen {cijfers['opwarmen_s']} s (eenmalig per worker), "
            f"snapshot {cijfers['snapshot_s']} s, snapshot + PDF {cijfers['totaal_s']} s, "
            f"piek {cijfers['piek_mb']} MB, {cijfers['paginas']} pagina's, {cijfers['pdf_kb']} kB{oordeel}",
            flush=True,
        )
        if not cijfers["harfbuzz_subset"]:
            print(
                "Let op: libharfbuzz-subset0 ontbreekt; WeasyPrint gebruikt fontTools (± 1,5 s trager). "
                "Installeer het met `make sysdeps` (als root).",
                flush=True,
            )
        if args.klik and schaal == 1:
            _klik(args.database)


if __name__ == "__main__":
    main()
