"""The floors of the house (ARCHITECTURE.md): imports only point down, and role decisions live in the rules.

kernel (zio_portal) <- wijken <- samenwerking <- monitoring <- project (portaal)

A module may import its own floor and the floors below it, never a floor above. The test walks every
module of our packages with ``ast`` (imports inside functions count too), so a lazy import cannot hide
an arrow that points up.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VERDIEPINGEN = ["zio_portal", "wijken", "samenwerking", "monitoring", "portaal"]
NIVEAU = {pakket: i for i, pakket in enumerate(VERDIEPINGEN)}


def _modules(pakket: str) -> list[Path]:
    return sorted(p for p in (ROOT / pakket).rglob("*.py") if "migrations" not in p.parts)


def _geimporteerde_pakketten(pad: Path) -> set[str]:
    boom = ast.parse(pad.read_text(), filename=str(pad))
    namen: set[str] = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            namen.update(alias.name.split(".")[0] for alias in knoop.names)
        elif isinstance(knoop, ast.ImportFrom) and knoop.level == 0 and knoop.module:
            namen.add(knoop.module.split(".")[0])
    return namen & set(VERDIEPINGEN)


def _overtredingen() -> list[str]:
    fouten = []
    for pakket in VERDIEPINGEN:
        for pad in _modules(pakket):
            for doel in _geimporteerde_pakketten(pad):
                if NIVEAU[doel] > NIVEAU[pakket]:
                    fouten.append(f"{pad.relative_to(ROOT)} importeert {doel} (een hogere verdieping)")
    return fouten


def test_imports_wijzen_alleen_naar_beneden():
    assert _overtredingen() == []


def test_de_regel_vangt_een_import_naar_boven(tmp_path):
    """The walk itself: an import inside a function is found, a relative or foreign import is not ours."""
    module = tmp_path / "iets.py"
    module.write_text(
        "import os\nfrom . import buur\ndef f():\n    from samenwerking.models import Afspraak\n"
        "    import portaal.demo\n"
    )
    assert _geimporteerde_pakketten(module) == {"samenwerking", "portaal"}


ROLTEKST = re.compile(r"\bRol\.|\.rol\b|\brol\s*==|\brol\s*!=|\brol__in\b")


@pytest.mark.parametrize("pakket", ["wijken", "samenwerking", "monitoring", "portaal"])
def test_geen_rollen_in_views(pakket):
    """Views ask the permission rules (``has_perm`` or a predicate), never the role itself."""
    views = [p for p in _modules(pakket) if p.name == "views.py"]
    assert views, f"geen views in {pakket}"
    gevonden = [
        f"{p.relative_to(ROOT)}:{n}: {regel.strip()}"
        for p in views
        for n, regel in enumerate(p.read_text().splitlines(), start=1)
        if ROLTEKST.search(regel)
    ]
    assert gevonden == []


def test_geen_rollen_in_templates():
    gevonden = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in sorted((ROOT / "templates").rglob("*.html"))
        for n, regel in enumerate(p.read_text().splitlines(), start=1)
        if re.search(r"user\.rol\b|\.rol\s*(==|!=)", regel)
    ]
    assert gevonden == []
