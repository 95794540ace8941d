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


def _getallen_figuur(waarden):
    fig, ax = plt.subplots(figsize=(4, 2))
    ax.barh(["Regio", "Wijk"], waarden)
    return fig


def _tekst(svg: str) -> list[str]:
    import re

    return [t.strip() for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


def test_axes_write_numbers_the_dutch_way():
    teksten = _tekst(figuur_naar_svg(_getallen_figuur([0.7, 2.7]), "Gemiddelde", "Regio 0,7; Wijk 2,7"))
    assert "0,5" in teksten and "2,5" in teksten
    assert not [t for t in teksten if "." in t], teksten
    teksten = _tekst(figuur_naar_svg(_getallen_figuur([1200, 5135.9]), "Aantal", "Regio 1.200"))
    assert "5.000" in teksten and "2.000" in teksten


def test_nl_getal_and_formatter():
    from zio_portal.charts import NlFormatter, nl_getal

    assert nl_getal(2850) == "2.850"
    assert nl_getal(5135.90375, 2) == "5.135,90"
    assert nl_getal(-2.7, 1) == "-2,7"
    fmt = NlFormatter()
    fmt.set_locs([0, 0.5, 1.0, 1.5])
    assert [fmt(x) for x in (0, 0.5, 1.5)] == ["0,0", "0,5", "1,5"]


def test_two_charts_on_one_page_share_no_id_and_carry_no_rdf():
    import collections
    import re

    eerste = figuur_naar_svg(_getallen_figuur([1, 2]), "Eerste", "a")
    tweede = figuur_naar_svg(_getallen_figuur([1, 2]), "Tweede", "b")
    ids = collections.Counter(re.findall(r'\sid="([^"]+)"', eerste + tweede))
    assert ids and max(ids.values()) == 1
    verwijzingen = set(re.findall(r'(?:href="|url\()#([^")]+)', eerste))
    assert verwijzingen and verwijzingen <= set(ids), "references follow the renamed ids"
    for svg in (eerste, tweede):
        assert "<metadata" not in svg and "rdf" not in svg and "xmlns:dc" not in svg
