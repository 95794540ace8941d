"""The ground of the portal's server-side SVG charts: matplotlib (Agg, no display needed), the
colour-blind safe palette, and one function that turns a figure into a stable, accessible ``<svg>``.

The charts themselves live with the workflow that draws them (monitoring); this module imports nothing
of the portal's apps. Colours come from the Okabe–Ito palette, which stays distinguishable with colour
blindness. Identical input gives the same SVG.
"""

from __future__ import annotations

import hashlib
import html
import io
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import ScalarFormatter  # noqa: E402

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


def nl_getal(waarde: float, decimalen: int = 0) -> str:
    """A number as Dutch readers write it: decimal comma, a dot between thousands (2.850; 2,7)."""
    tekst = f"{waarde:,.{decimalen}f}"
    return tekst.translate(str.maketrans({",": ".", ".": ","}))


class NlFormatter(ScalarFormatter):
    """matplotlib's axis labels in Dutch: decimal comma and a dot between thousands (0,5; 2.500)."""

    def __init__(self) -> None:
        super().__init__(useOffset=False)
        self.set_scientific(False)

    def __call__(self, x: float, pos: int | None = None) -> str:
        tekst = super().__call__(x, pos)
        getal = re.fullmatch(r"([\u2212-]?)(\d+)(?:\.(\d+))?", tekst)
        if not getal:
            return tekst
        teken, geheel, breuk = getal.groups()
        geheel = f"{int(geheel):,}".replace(",", ".")
        return teken + geheel + ("," + breuk if breuk else "")


def nederlandse_assen(fig: Figure) -> None:
    """Every numeric axis of the figure in the Dutch number format (labels stay as they are)."""
    for ax in fig.axes:
        for as_ in (ax.xaxis, ax.yaxis):
            if type(as_.get_major_formatter()) is ScalarFormatter:
                as_.set_major_formatter(NlFormatter())


def figuur_naar_svg(fig: Figure, titel: str, beschrijving: str) -> str:
    """The figure as an ``<svg>`` with ``role="img"``, a ``<title>`` and a ``<desc>`` (its alt text),
    without a fixed size (it scales with the page), without a date or RDF metadata (identical input,
    identical SVG), with Dutch numbers on the axes and ids of its own (see ``met_eigen_ids``).

    The figure is closed. Set fixed margins on it instead of ``bbox_inches="tight"``: one draw, not two.
    """
    nederlandse_assen(fig)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    plt.close(fig)
    svg = buffer.getvalue()
    svg = zonder_style(svg[svg.index("<svg") :])
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    svg = re.sub(r' xmlns:(?:dc|cc|rdf)="[^"]*"', "", svg)
    # Ids unique per chart: matplotlib numbers them per figure (figure_1, text_3) and hashes markers
    # the same way in every chart; a prefix from the content keeps identical input identical.
    vingerafdruk = hashlib.sha1((titel + svg).encode(), usedforsecurity=False).hexdigest()[:8]
    svg = met_eigen_ids(svg, f"g{vingerafdruk}")
    einde = svg.index(">")
    # Scale with the page: keep the viewBox, drop the fixed size.
    opening = re.sub(r' (width|height)="[^"]+"', "", svg[:einde])
    titel, beschrijving = html.escape(titel), html.escape(beschrijving)
    return (
        f'{opening} role="img" class="grafiek" aria-label="{titel}">'
        f"<title>{titel}</title><desc>{beschrijving}</desc>{svg[einde + 1 :]}"
    )


def met_eigen_ids(svg: str, voorvoegsel: str) -> str:
    """Prefix every id in the SVG (and the references to it), so that several charts in one page or
    document never define the same id twice."""
    ids = set(re.findall(r'\bid="([^"]+)"', svg))
    if not ids:
        return svg

    def vervang(match: re.Match) -> str:
        return (
            match.group(1) + voorvoegsel + "-" + match.group(2) if match.group(2) in ids else match.group(0)
        )

    svg = re.sub(r'(\bid=")([^"]+)(?=")', vervang, svg)
    return re.sub(r"(#)([A-Za-z_][\w.\-]*)", vervang, svg)


def zonder_style(svg: str) -> str:
    """Presentation attributes instead of style="" and <style>: the portal's CSP blocks inline styles."""
    svg = re.sub(r"<style[^>]*>.*?</style>", "", svg, flags=re.S)

    def attributen(match: re.Match) -> str:
        paren = [deel.split(":", 1) for deel in match.group(1).split(";") if ":" in deel]
        return " ".join(f'{naam.strip()}="{waarde.strip()}"' for naam, waarde in paren)

    return re.sub(r'style="([^"]*)"', attributen, svg)
