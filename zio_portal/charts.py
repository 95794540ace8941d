"""The ground of the portal's server-side SVG charts: matplotlib (Agg, no display needed), the
colour-blind safe palette, and one function that turns a figure into a stable, accessible ``<svg>``.

The charts themselves live with the workflow that draws them (monitoring); this module imports nothing
of the portal's apps. Colours come from the Okabe–Ito palette, which stays distinguishable with colour
blindness. Identical input gives the same SVG.
"""

from __future__ import annotations

import html
import io
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

# Okabe & Ito (2008), colour-blind safe; ordered for scales from low (orange) to high (blue).
PALET = ("#E69F00", "#F0E442", "#999999", "#56B4E9", "#0072B2", "#009E73", "#CC79A7", "#D55E00")
SCHAAL_PALET = ("#D55E00", "#E69F00", "#BBBBBB", "#56B4E9", "#0072B2")
JA_NEE_PALET = ("#0072B2", "#E69F00")
TEKST = "#212529"

plt.rcParams.update(
    {
        "svg.fonttype": "none",  # text stays text: sharp, searchable, read by screen readers
        "font.family": "sans-serif",
        "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],
        "font.size": 9,
        "axes.edgecolor": "#6c757d",
        "axes.labelcolor": TEKST,
        "xtick.color": TEKST,
        "ytick.color": TEKST,
        "svg.hashsalt": "zio",
    }
)


def figuur_naar_svg(fig: Figure, titel: str, beschrijving: str) -> str:
    """The figure as an ``<svg>`` with ``role="img"``, a ``<title>`` and a ``<desc>`` (its alt text),
    without a fixed size (it scales with the page) and without a date (identical input, identical SVG).

    The figure is closed. Set fixed margins on it instead of ``bbox_inches="tight"``: one draw, not two.
    """
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    svg = buffer.getvalue()
    svg = zonder_style(svg[svg.index("<svg") :])
    einde = svg.index(">")
    # Scale with the page: keep the viewBox, drop the fixed size.
    opening = re.sub(r' (width|height)="[^"]+"', "", svg[:einde])
    titel, beschrijving = html.escape(titel), html.escape(beschrijving)
    return (
        f'{opening} role="img" class="grafiek" aria-label="{titel}">'
        f"<title>{titel}</title><desc>{beschrijving}</desc>{svg[einde + 1 :]}"
    )


def zonder_style(svg: str) -> str:
    """Presentation attributes instead of style="" and <style>: the portal's CSP blocks inline styles."""
    svg = re.sub(r"<style[^>]*>.*?</style>", "", svg, flags=re.S)

    def attributen(match: re.Match) -> str:
        paren = [deel.split(":", 1) for deel in match.group(1).split(";") if ":" in deel]
        return " ".join(f'{naam.strip()}="{waarde.strip()}"' for naam, waarde in paren)

    return re.sub(r'style="([^"]*)"', attributen, svg)
