#!/usr/bin/env python3
"""Benchmark: every role's main pages at 1x and 10x the demo data, against a trivial "hello" page.

    .venv/bin/python scripts/benchmark_paginas.py [--snel] [--duur 8] [--opnieuw]

Creates (or reuses) two PostgreSQL databases, ``zio_benchmark1`` and ``zio_benchmark10`` on
127.0.0.1:5432 (``--database-1`` / ``--database-10`` to choose others), migrates them and loads
``demodata --schaal 1`` and ``--schaal 10`` (only when the demo users are missing, or with
``--opnieuw``). Starts gunicorn with 2 sync workers on each, as in docker-compose.yml, with DEBUG off
and production settings (a generated secret key, WhiteNoise's manifest storage after collectstatic;
only SSL redirect, secure cookies and the second factor are switched off, since this is plain HTTP on
loopback with the demo logins). Logs in as each demo role through the login form, reads the role's
main pages from its menu (plus the pages the issue names: a gebied overview and a round's results,
found from the links on the pages), and measures /hallo/ (signed in, no template, no domain data) and
every page with ``wrk`` (2 connections, 8 s; ``--snel``: 2 s) or, without wrk, a Python client with
the same two connections, after 1 s of the same load that is not counted (``--opwarmen``: the first
request of a page in each gunicorn worker loads its templates and fills the cache). Each page is also
fetched once from both servers for its size, the largest
``<select>`` and its number of queries (header ``X-Aantal-Queries``, from
``portaal/querytelling.py`` switched on by ``ZIO_QUERIES_TELLEN``).

Targets (issue 15, at 10x): requests/s >= 1/20 of hello's; p95 <= 100 ms for lists and <= 150 ms for
dashboards and overviews; bytes at 10x <= 1.2 x bytes at 1x; no ``<select>`` over 100 options. The
script prints one table and exits 1 when a target is missed. Figures are only comparable within one
run on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
WACHTWOORD = "wijksamenwerking"
ROLLEN = ["beheerder", "beleidsadviseur", "projectleider", "gebiedsmanager", "praktijkmanager", "huisarts"]
# Pages the issue names that are not in every menu: (label, pages to find the link on, link pattern);
# without a pattern the label is the path itself. Skipped for a role that does not reach them.
EXTRA = [
    # The gebied overview the issue names (/gebieden/1/): the lowest-numbered gebied linked from these
    # pages, the same gebied at 1x and 10x (demodata creates the gebieden first, in the same order).
    ("/gebieden/<id>/", ["/", "/wijken/", "/verbanden/"], r'href="(/gebieden/\d+/)"'),
    (
        "/monitoring/rondes/<id>/resultaten/",
        ["/monitoring/", "/"],
        r'href="(/monitoring/rondes/\d+/resultaten/)',
    ),
    ("/monitoring/bezoeken/", [], None),
    ("/afspraken/", [], None),
    ("/wijken/", [], None),
    # The other lists and overviews of the URL matrix that no menu links to (reached from a page).
    ("/continuiteit/afspraken/", [], None),
    ("/continuiteit/overzicht/", [], None),
    ("/monitoring/wijkplannen/regio/", [], None),
    ("/terugkoppelingen/naast-elkaar/", [], None),
    ("/rapportages/planning/", [], None),
    ("/berichten/", [], None),
    ("/beheer-portaal/gebruikers/", [], None),
    ("/beheer-portaal/toegangslog/", [], None),
]
HELLO = "/hallo/"
MIN_RATIO = 1 / 20
P95_LIJST = 100.0
P95_OVERZICHT = 150.0
MAX_GROEI = 1.2
MAX_OPTIES = 100
OVERZICHTEN = ("dashboard", "/gebieden/", "resultaten", "rapportage")


def is_overzicht(pad: str) -> bool:
    return pad == "/" or any(woord in pad for woord in OVERZICHTEN)


# --- databases and servers ------------------------------------------------------------------------


def omgeving(database: str, static_root: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database,
        DJANGO_SETTINGS_MODULE="portaal.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=env.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="False",
        DJANGO_SECURE_COOKIES="False",
        DJANGO_SECURE_HSTS_SECONDS="0",
        ZIO_MFA_VERPLICHT="False",
        ZIO_QUERIES_TELLEN="1",
        STATIC_ROOT=static_root,
    )
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/7")
    return env


def verbinden(url: str, dbname: str | None = None, autocommit: bool = False):
    """A psycopg connection to the server of ``url``: its own database, or ``dbname``."""
    import psycopg

    deel = urllib.parse.urlparse(url)
    return psycopg.connect(
        host=deel.hostname,
        port=deel.port or 5432,
        user=deel.username,
        password=deel.password,
        dbname=dbname or deel.path.lstrip("/"),
        autocommit=autocommit,
    )


def database_maken(url: str) -> None:
    naam = urllib.parse.urlparse(url).path.lstrip("/")
    with verbinden(url, dbname="postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [naam]).fetchone():
            conn.execute(f'CREATE DATABASE "{naam}"')


def demodata_geladen(url: str) -> bool:
    import psycopg

    with verbinden(url) as conn:
        try:
            rij = conn.execute("SELECT 1 FROM zio_portal_user WHERE username = 'beleidsadviseur'").fetchone()
        except psycopg.errors.UndefinedTable:
            return False
    return rij is not None


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PYTHON, str(BASE_DIR / "manage.py"), *args], env=env, check=True, cwd=BASE_DIR)


def analyseren(url: str) -> None:
    """Fresh planner statistics, as autovacuum keeps them in production (a server with autovacuum off,
    such as this machine's test server, would otherwise plan every query on an empty database's
    estimates after the bulk load of demodata)."""
    with verbinden(url, autocommit=True) as conn:
        conn.execute("ANALYZE")


def voorbereiden(database: str, schaal: int, env: dict[str, str], opnieuw: bool) -> None:
    database_maken(database)
    manage(env, "migrate", "--verbosity", "0")
    if opnieuw or not demodata_geladen(database):
        print(f"demodata --schaal {schaal} laden in {database} ...", flush=True)
        manage(env, "demodata", "--schaal", str(schaal))
    analyseren(database)


def gunicorn_starten(env: dict[str, str], poort: int, log: Path) -> subprocess.Popen:
    gunicorn = shutil.which("gunicorn", path=str(Path(PYTHON).parent)) or "gunicorn"
    proces = subprocess.Popen(
        [gunicorn, "portaal.wsgi:application", "--bind", f"127.0.0.1:{poort}", "--workers", "2"],
        env=env,
        cwd=BASE_DIR,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    einde = time.monotonic() + 60
    while time.monotonic() < einde:
        if proces.poll() is not None:
            raise SystemExit(f"gunicorn op poort {poort} stopte; zie {log}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{poort}/gezond/", timeout=5):  # noqa: S310
                return proces
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    proces.terminate()
    raise SystemExit(f"gunicorn op poort {poort} antwoordt niet; zie {log}")


def stoppen(proces: subprocess.Popen) -> None:
    if proces.poll() is None:
        os.killpg(proces.pid, signal.SIGTERM)
        try:
            proces.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proces.pid, signal.SIGKILL)


# --- sessions and pages ---------------------------------------------------------------------------


class _GeenDoorverwijzing(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


@dataclass
class Sessie:
    basis: str
    cookie: str
    opener: urllib.request.OpenerDirector


@dataclass
class Pagina:
    status: int
    bytes: int
    select: int
    queries: str
    html: str = field(repr=False, default="")


def inloggen(basis: str, gebruikersnaam: str) -> Sessie:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(f"{basis}/inloggen/", timeout=30) as antwoord:
        html = antwoord.read().decode()
    velden = {"username": gebruikersnaam, "password": WACHTWOORD}
    for naam in ("csrfmiddlewaretoken", "_formulier"):
        gevonden = re.search(rf'name="{naam}" value="([^"]+)"', html)
        if gevonden:
            velden[naam] = gevonden.group(1)
    verzoek = urllib.request.Request(  # noqa: S310  (loopback, our own server)
        f"{basis}/inloggen/",
        data=urllib.parse.urlencode(velden).encode(),
        headers={"Referer": f"{basis}/inloggen/"},
    )
    with opener.open(verzoek, timeout=30) as antwoord:
        if "/inloggen/" in antwoord.geturl():
            raise SystemExit(f"Inloggen als {gebruikersnaam} op {basis} mislukt")
    sessie = next((c for c in jar if c.name == "sessionid"), None)
    if sessie is None:
        raise SystemExit(f"Geen sessiecookie voor {gebruikersnaam} op {basis}")
    opener = urllib.request.build_opener(_GeenDoorverwijzing(), urllib.request.HTTPCookieProcessor(jar))
    return Sessie(basis=basis, cookie=f"sessionid={sessie.value}", opener=opener)


def grootste_select(html: str) -> int:
    return max((blok.count("<option") for blok in re.findall(r"<select.*?</select>", html, re.S)), default=0)


def ophalen(sessie: Sessie, pad: str) -> Pagina:
    try:
        with sessie.opener.open(f"{sessie.basis}{pad}", timeout=60) as antwoord:
            inhoud = antwoord.read()
            html = inhoud.decode(errors="replace")
            queries = antwoord.headers.get("X-Aantal-Queries", "?")
            return Pagina(antwoord.status, len(inhoud), grootste_select(html), queries, html)
    except urllib.error.HTTPError as fout:
        return Pagina(fout.code, 0, 0, fout.headers.get("X-Aantal-Queries", "?"))


def menu(html: str) -> list[str]:
    blok = re.search(r'id="hoofdmenu"(.*?)</ul>', html, re.S)
    links = re.findall(r'class="[^"]*nav-link[^"]*" href="([^"]+)"', blok.group(1) if blok else "")
    links += re.findall(r'href="([^"]+)" class="[^"]*nav-link[^"]*"', blok.group(1) if blok else "")
    return [link for link in dict.fromkeys(links) if link.startswith("/") and not link.startswith("/beheer/")]


def paginas_van(sessies: dict[int, Sessie]) -> list[tuple[str, dict[int, str]]]:
    """(label, {schaal: path}): home, the menu (as seen at 10x) and the issue's extra pages."""
    thuis = {s: ophalen(sessie, "/") for s, sessie in sessies.items()}
    paden = ["/", *[p for p in menu(thuis[10].html) if p != "/"]]
    uitkomst = [(pad, dict.fromkeys(sessies, pad)) for pad in paden]
    bekend = {label for label, _ in uitkomst}
    for label, bronnen, patroon in EXTRA:
        if label in bekend:
            continue
        per_schaal = {}
        for s, sessie in sessies.items():
            if patroon is None:
                if ophalen(sessie, label).status == 200:
                    per_schaal[s] = label
                continue
            if label == "/gebieden/<id>/":
                links = {link for bron in bronnen for link in re.findall(patroon, ophalen(sessie, bron).html)}
                if links:
                    per_schaal[s] = min(links, key=lambda link: int(re.sub(r"\D", "", link)))
                continue
            for bron in bronnen:
                gevonden = re.search(patroon, ophalen(sessie, bron).html)
                if gevonden:
                    per_schaal[s] = gevonden.group(1)
                    break
        if len(per_schaal) == len(sessies):
            uitkomst.append((label, per_schaal))
    return uitkomst


# --- load -----------------------------------------------------------------------------------------

WRK_LUA = """
done = function(summary, latency, requests)
  io.write(string.format("ZIO %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout))
end
"""


@dataclass
class Last:
    per_seconde: float
    p50: float
    p95: float
    fouten: int


def last_wrk(url: str, cookie: str, duur: float, lua: str) -> Last:
    uit = subprocess.run(
        ["wrk", "-t1", "-c2", f"-d{duur:g}s", "--timeout", "10s", "-s", lua, "-H", f"Cookie: {cookie}", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    regel = re.search(r"^ZIO (\d+) (\d+) (\d+) (\d+) (\d+)$", uit, re.M)
    if not regel:
        raise SystemExit(f"wrk gaf geen uitkomst voor {url}:\n{uit}")
    aantal, duur_us, p50, p95, fouten = map(int, regel.groups())
    return Last(aantal / (duur_us / 1e6), p50 / 1000, p95 / 1000, fouten)


def last_python(url: str, cookie: str, duur: float) -> Last:
    tijden: list[float] = []
    fouten = 0
    slot = threading.Lock()
    opener = urllib.request.build_opener(_GeenDoorverwijzing())
    einde = time.monotonic() + duur

    def werker() -> None:
        nonlocal fouten
        while time.monotonic() < einde:
            begin = time.perf_counter()
            fout = False
            try:
                verzoek = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310
                with opener.open(verzoek, timeout=10) as antwoord:
                    antwoord.read()
            except (urllib.error.URLError, TimeoutError, ConnectionError):
                fout = True
            with slot:
                tijden.append(time.perf_counter() - begin)
                fouten += fout

    begin = time.monotonic()
    threads = [threading.Thread(target=werker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    verstreken = time.monotonic() - begin
    ms = sorted(t * 1000 for t in tijden) or [0.0]
    p95 = statistics.quantiles(ms, n=100, method="inclusive")[94] if len(ms) > 1 else ms[0]
    return Last(len(tijden) / verstreken, statistics.median(ms), p95, fouten)


# --- main -----------------------------------------------------------------------------------------


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-1", default="postgres://postgres@127.0.0.1:5432/zio_benchmark1")
    parser.add_argument("--database-10", default="postgres://postgres@127.0.0.1:5432/zio_benchmark10")
    parser.add_argument("--poort", type=int, default=8781, help="poort van 1x; 10x krijgt de volgende")
    parser.add_argument("--duur", type=float, default=8.0, help="seconden per pagina (standaard 8)")
    parser.add_argument("--snel", action="store_true", help="2 s per pagina in plaats van --duur")
    parser.add_argument(
        "--opwarmen",
        type=float,
        default=1.0,
        help="seconden belasting vooraf per pagina, niet meegeteld (standaard 1)",
    )
    parser.add_argument("--opnieuw", action="store_true", help="demodata opnieuw laden")
    parser.add_argument("--rollen", nargs="*", default=ROLLEN, help="demo-logins (standaard alle rollen)")
    args = parser.parse_args(argv)
    duur = 2.0 if args.snel else args.duur
    if not 0 < duur <= 60:
        parser.error("--duur tussen 0 en 60 s")

    werkmap = Path(tempfile.mkdtemp(prefix="zio-benchmark-"))
    static_root = str(BASE_DIR / "var" / "benchmark-static")
    databases = {1: args.database_1, 10: args.database_10}
    envs = {s: omgeving(url, static_root) for s, url in databases.items()}
    for s, url in databases.items():
        voorbereiden(url, s, envs[s], args.opnieuw)
    manage(envs[1], "collectstatic", "--noinput", "--verbosity", "0")

    servers = {}
    try:
        for i, s in enumerate(databases):
            servers[s] = gunicorn_starten(envs[s], args.poort + i, werkmap / f"gunicorn-{s}x.log")
        basis = {s: f"http://127.0.0.1:{args.poort + i}" for i, s in enumerate(databases)}
        wrk = shutil.which("wrk")
        lua = werkmap / "zio.lua"
        lua.write_text(WRK_LUA)
        generator = "wrk -c2" if wrk else "Python-client, 2 verbindingen"
        print(
            f"belasting: {generator}, {duur:g} s per pagina na {args.opwarmen:g} s opwarmen; "
            "gunicorn 2 workers, DEBUG uit",
            flush=True,
        )

        def belast(url: str, cookie: str, seconden: float) -> Last:
            return last_wrk(url, cookie, seconden, str(lua)) if wrk else last_python(url, cookie, seconden)

        def meet(url: str, cookie: str) -> Last:
            # Both gunicorn workers first serve the page for a moment (their first request of a page
            # loads its templates and fills the cache): the figures are for a portal in use.
            if args.opwarmen > 0:
                belast(url, cookie, args.opwarmen)
            return belast(url, cookie, duur)

        rijen = []
        missers = []
        for rol in args.rollen:
            sessies = {s: inloggen(basis[s], rol) for s in databases}
            hallo = meet(f"{basis[10]}{HELLO}", sessies[10].cookie)
            rijen.append((rol, HELLO, hallo, 1.0, "", "", 0, "", ""))
            for label, paden in paginas_van(sessies):
                een, tien = ophalen(sessies[1], paden[1]), ophalen(sessies[10], paden[10])
                if tien.status != 200:
                    missers.append(f"{rol} {label}: status {tien.status} op 10x")
                    continue
                last = meet(f"{basis[10]}{paden[10]}", sessies[10].cookie)
                verhouding = last.per_seconde / hallo.per_seconde if hallo.per_seconde else 0
                groei = tien.bytes / een.bytes if een.bytes else float("inf")
                rijen.append((rol, label, last, verhouding, een, tien, groei, een.queries, tien.queries))
                grens = P95_OVERZICHT if is_overzicht(label) else P95_LIJST
                if last.fouten:
                    missers.append(f"{rol} {label}: {last.fouten} fouten onder belasting")
                if verhouding < MIN_RATIO:
                    deel = f"1/{1 / verhouding:.0f}" if verhouding else "0"
                    missers.append(f"{rol} {label}: {deel} van hallo's req/s")
                if last.p95 > grens:
                    missers.append(f"{rol} {label}: p95 {last.p95:.0f} ms > {grens:.0f} ms")
                if groei > MAX_GROEI:
                    groter = f"{kb(een.bytes)} -> {kb(tien.bytes)} KB"
                    missers.append(f"{rol} {label}: {groei:.2f}x zo groot op 10x ({groter})")
                if tien.select > MAX_OPTIES or een.select > MAX_OPTIES:
                    missers.append(f"{rol} {label}: <select> met {max(tien.select, een.select)} opties")
    finally:
        for proces in servers.values():
            stoppen(proces)

    kop = (
        f"{'rol':<16} {'pagina':<38} {'req/s':>7} {'hallo':>7} {'p50':>6} {'p95':>6} "
        f"{'KB 1x':>7} {'KB 10x':>7} {'groei':>6} {'select':>6} {'q 1x':>5} {'q 10x':>5}"
    )
    print()
    print(kop)
    print("-" * len(kop))
    for rol, label, last, verhouding, een, tien, groei, q1, q10 in rijen:
        deel = f"1/{1 / verhouding:.0f}" if verhouding else "-"
        if label == HELLO:
            print(f"{rol:<16} {label:<38} {last.per_seconde:>7.0f} {1:>7} {last.p50:>6.0f} {last.p95:>6.0f}")
            continue
        print(
            f"{rol:<16} {label:<38} {last.per_seconde:>7.1f} {deel:>7} "
            f"{last.p50:>6.0f} {last.p95:>6.0f} {kb(een.bytes):>7} {kb(tien.bytes):>7} {groei:>6.2f} "
            f"{max(een.select, tien.select):>6} {q1:>5} {q10:>5}"
        )
    print("\n(p50/p95 in ms bij 2 verbindingen, 10x; 'hallo' = req/s als deel van /hallo/ in dezelfde run)")
    if missers:
        print(f"\n{len(missers)} doel(en) niet gehaald:")
        for m in missers:
            print(f"  - {m}")
        return 1
    print("\nAlle doelen gehaald.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
