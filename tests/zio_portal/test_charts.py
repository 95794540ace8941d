"""The kernel's chart ground: one figure-to-SVG function for every chart of the portal."""

from __future__ import annotations

import ast
from pathlib import Path

import matplotlib.pyplot as plt

import zio_portal.charts
from zio_portal.charts import figuur_naar_svg, zonder_style


def _figuur():
    fig, ax = plt.subplots(figsize=(4, 2))
    ax.barh(["Regio", "Wijk"], [3, 5])
    return fig


def test_figuur_naar_svg_is_accessible_scalable_and_stable():
    svg = figuur_naar_svg(_figuur(), "Respons <per> wijk", "Regio 3; Wijk 5")
    opening = svg[: svg.index(">")]
    assert opening.startswith("<svg") and 'role="img"' in opening and "width=" not in opening
    assert 'aria-label="Respons &lt;per&gt; wijk"' in opening
    assert "<title>Respons &lt;per&gt; wijk</title><desc>Regio 3; Wijk 5</desc>" in svg
    assert "style=" not in svg and "<style" not in svg, "the CSP blocks inline styles"
    assert svg == figuur_naar_svg(_figuur(), "Respons <per> wijk", "Regio 3; Wijk 5")


def test_zonder_style_turns_styles_into_attributes():
    assert zonder_style('<path style="fill: #fff; stroke:none"/>') == '<path fill="#fff" stroke="none"/>'


def test_the_chart_kernel_imports_none_of_the_apps():
    boom = ast.parse(Path(zio_portal.charts.__file__).read_text())
    modules = {a.name for n in ast.walk(boom) if isinstance(n, ast.Import) for a in n.names} | {
        n.module or "" for n in ast.walk(boom) if isinstance(n, ast.ImportFrom)
    }
    assert not {m for m in modules if m.split(".")[0] in {"wijken", "samenwerking", "monitoring"}}
