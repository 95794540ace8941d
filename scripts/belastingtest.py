#!/usr/bin/env python3
"""Bounded load check of a running portal: three roles, their main pages, a few users at a time.

    python scripts/belastingtest.py http://127.0.0.1:8000 [--duur 30] [--gelijktijdig 4]

Logs in with three demo logins (``manage.py demodata``; password ``wijksamenwerking``): a
praktijkmanager, a gebiedsmanager and the beleidsadviseur. Their main pages are the home page and the
items of their own menu, read from the page as the user sees it. ``--gelijktijdig`` workers request
those pages in turn for ``--duur`` seconds. Prints the requests, the errors and the p50/p95/max
response time, per role and in total; exits 1 on any error (a status >= 400, a redirect to the login
page, a timeout). Only loopback targets: this is a check for a test instance, not a load generator
for someone else's server.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import ipaddress
import re
import socket
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

ROLLEN = {
    "praktijkmanager": "praktijkmanager",
    "gebiedsmanager": "gebiedsmanager",
    "beleidsadviseur": "beleidsadviseur",
}
WACHTWOORD = "wijksamenwerking"
MAX_DUUR = 300
MAX_GELIJKTIJDIG = 16
TIMEOUT = 30


@dataclass
class Sessie:
    """A logged-in user: its opener (with the session cookie) and its main pages."""

    rol: str
    opener: urllib.request.OpenerDirector
    paginas: list[str] = field(default_factory=list)


@dataclass
class Meting:
    rol: str
    pad: str
    seconden: float
    fout: str = ""


class _GeenDoorverwijzing(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def alleen_loopback(basis: str) -> None:
    """Refuse any target that is not this machine."""
    delen = urllib.parse.urlsplit(basis)
    if delen.scheme not in ("http", "https"):
        raise SystemExit(f"Alleen http(s)-URL's, niet {basis!r}.")
    host = delen.hostname or ""
    try:
        adressen = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror as fout:
        raise SystemExit(f"Onbekende host {host!r}: {fout}") from fout
    if not adressen or not all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in adressen):
        raise SystemExit(f"Alleen loopback-adressen (127.0.0.1, ::1, localhost), niet {host!r}.")


def inloggen(basis: str, gebruikersnaam: str, rol: str) -> Sessie:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(f"{basis}/inloggen/", timeout=TIMEOUT) as antwoord:
        html = antwoord.read().decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if not csrf:
        raise SystemExit("Geen inlogformulier gevonden op /inloggen/.")
    velden = {"csrfmiddlewaretoken": csrf.group(1), "username": gebruikersnaam, "password": WACHTWOORD}
    token = re.search(r'name="_formulier" value="([^"]+)"', html)
    if token:
        velden["_formulier"] = token.group(1)
    verzoek = urllib.request.Request(  # noqa: S310  (the scheme is checked in alleen_loopback)
        f"{basis}/inloggen/",
        data=urllib.parse.urlencode(velden).encode(),
        headers={"Referer": f"{basis}/inloggen/"},
    )
    with opener.open(verzoek, timeout=TIMEOUT) as antwoord:
        html = antwoord.read().decode()
        if "/inloggen/" in antwoord.geturl():
            raise SystemExit(f"Inloggen als {gebruikersnaam} mislukt: laad de demodata (manage.py demodata).")
    menu = re.search(r'id="hoofdmenu"(.*?)</ul>', html, re.DOTALL)
    links = re.findall(r'class="nav-link[^"]*" href="([^"]+)"', menu.group(1) if menu else "")
    paginas = ["/"] + [link for link in dict.fromkeys(links) if link.startswith("/") and link != "/"]
    return Sessie(rol=rol, opener=opener, paginas=paginas)


def opvragen(basis: str, sessie: Sessie, pad: str) -> Meting:
    opener = urllib.request.build_opener(
        _GeenDoorverwijzing(),
        *[h for h in sessie.opener.handlers if isinstance(h, urllib.request.HTTPCookieProcessor)],
    )
    begin = time.perf_counter()
    fout = ""
    try:
        with opener.open(f"{basis}{pad}", timeout=TIMEOUT) as antwoord:
            antwoord.read()
    except urllib.error.HTTPError as e:
        fout = f"HTTP {e.code}" + (f" naar {e.headers.get('Location')}" if 300 <= e.code < 400 else "")
    except (urllib.error.URLError, TimeoutError, ConnectionError) as e:
        fout = f"{type(e).__name__}: {e}"
    return Meting(rol=sessie.rol, pad=pad, seconden=time.perf_counter() - begin, fout=fout)


def p(waarden: list[float], procent: float) -> float:
    if not waarden:
        return 0.0
    if len(waarden) == 1:
        return waarden[0]
    return statistics.quantiles(waarden, n=100, method="inclusive")[int(procent) - 1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", help="basis-URL van het draaiende portaal, bv. http://127.0.0.1:8000")
    parser.add_argument("--duur", type=float, default=30.0, help=f"seconden (max {MAX_DUUR})")
    parser.add_argument(
        "--gelijktijdig", type=int, default=4, help=f"gelijktijdige gebruikers (max {MAX_GELIJKTIJDIG})"
    )
    args = parser.parse_args(argv)
    basis = args.url.rstrip("/")
    if not 0 < args.duur <= MAX_DUUR or not 0 < args.gelijktijdig <= MAX_GELIJKTIJDIG:
        parser.error(f"--duur tot {MAX_DUUR} s en --gelijktijdig tot {MAX_GELIJKTIJDIG}")
    alleen_loopback(basis)

    sessies = [inloggen(basis, naam, rol) for rol, naam in ROLLEN.items()]
    werk = [(s, pad) for s in sessies for pad in s.paginas]
    for s in sessies:
        print(f"{s.rol}: {', '.join(s.paginas)}")
    metingen: list[Meting] = []
    slot = threading.Lock()
    einde = time.monotonic() + args.duur

    def werker(nummer: int) -> None:
        i = nummer
        while time.monotonic() < einde:
            sessie, pad = werk[i % len(werk)]
            meting = opvragen(basis, sessie, pad)
            with slot:
                metingen.append(meting)
            i += args.gelijktijdig

    threads = [threading.Thread(target=werker, args=(n,)) for n in range(args.gelijktijdig)]
    begin = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    verstreken = time.monotonic() - begin

    print(f"\n{basis}: {args.gelijktijdig} gelijktijdig, {verstreken:.1f} s")
    print(f"{'rol':<18}{'verzoeken':>10}{'fouten':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for rol in [*ROLLEN, "totaal"]:
        deel = [m for m in metingen if rol in ("totaal", m.rol)]
        tijden = [m.seconden * 1000 for m in deel]
        print(
            f"{rol:<18}{len(deel):>10}{sum(1 for m in deel if m.fout):>8}"
            f"{p(tijden, 50):>9.0f}{p(tijden, 95):>9.0f}{max(tijden, default=0):>9.0f}"
        )
    fouten = [m for m in metingen if m.fout]
    print(
        f"verzoeken: {len(metingen)}, fouten: {len(fouten)}, "
        f"p95: {p([m.seconden * 1000 for m in metingen], 95):.0f} ms, "
        f"{len(metingen) / verstreken:.1f} verzoeken/s"
    )
    for m in fouten[:10]:
        print(f"  FOUT {m.rol} {m.pad}: {m.fout}")
    return 1 if fouten or not metingen else 0


if __name__ == "__main__":
    sys.exit(main())
