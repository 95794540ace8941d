"""Server-side SVG charts of the monitoring, made with matplotlib (Agg, no display needed).

Each function returns an ``<svg>`` string with a ``<title>`` and ``role="img"``, ready to put in a page
or in the PDF of the regionale rapportage. Colours come from the Okabe–Ito palette, which stays
distinguishable with colour blindness; each bar also carries its value as text. Identical input gives
the same SVG, and recent charts are cached per process, so a results page does not redraw them.
"""

from __future__ import annotations

import functools
import html
import io
import re
from collections.abc import Sequence

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


def _svg(fig: Figure, titel: str, beschrijving: str) -> str:
    buffer = io.StringIO()
    # Fixed margins (see _figuur) instead of bbox_inches="tight": one draw instead of two.
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    svg = buffer.getvalue()
    svg = _zonder_style(svg[svg.index("<svg") :])
    einde = svg.index(">")
    # Scale with the page: keep the viewBox, drop the fixed size.
    opening = re.sub(r' (width|height)="[^"]+"', "", svg[:einde])
    titel, beschrijving = html.escape(titel), html.escape(beschrijving)
    return (
        f'{opening} role="img" class="grafiek" aria-label="{titel}">'
        f"<title>{titel}</title><desc>{beschrijving}</desc>{svg[einde + 1 :]}"
    )


def _zonder_style(svg: str) -> str:
    """Presentation attributes instead of style="" and <style>: the portal's CSP blocks inline styles."""
    svg = re.sub(r"<style[^>]*>.*?</style>", "", svg, flags=re.S)

    def attributen(match: re.Match) -> str:
        paren = [deel.split(":", 1) for deel in match.group(1).split(";") if ":" in deel]
        return " ".join(f'{naam.strip()}="{waarde.strip()}"' for naam, waarde in paren)

    return re.sub(r'style="([^"]*)"', attributen, svg)


def _figuur(labels: list[str], legenda: bool, breedte: float = 7.0) -> tuple[Figure, object]:
    """A figure with room for the bar labels on the left, the legend on top and the axis label below."""
    boven, onder = (0.45 if legenda else 0.15), 0.55
    hoogte = 0.42 * len(labels) + boven + onder
    links = 0.25 + 0.072 * max((len(label) for label in labels), default=5)
    fig, ax = plt.subplots(figsize=(breedte, hoogte))
    fig.subplots_adjust(
        left=links / breedte, right=1 - 0.55 / breedte, top=1 - boven / hoogte, bottom=onder / hoogte
    )
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


@functools.lru_cache(maxsize=1024)
def _verdeling(
    titel: str, categorieen: tuple[str, ...], reeksen: tuple[tuple[str, tuple[int, ...]], ...], palet: tuple
) -> str:
    labels = [label for label, _ in reeksen]
    fig, ax = _figuur(labels, legenda=True)
    links = [0.0] * len(reeksen)
    for i, categorie in enumerate(categorieen):
        waarden = []
        for _label, aantallen in reeksen:
            totaal = sum(aantallen) or 1
            waarden.append(100 * aantallen[i] / totaal)
        kleur = palet[i % len(palet)]
        balken = ax.barh(labels, waarden, left=links, color=kleur, edgecolor="white", label=categorie)
        for balk, waarde in zip(balken, waarden, strict=True):
            if waarde >= 8:
                donker = kleur in ("#0072B2", "#D55E00", "#009E73", "#CC79A7")
                ax.text(
                    balk.get_x() + balk.get_width() / 2,
                    balk.get_y() + balk.get_height() / 2,
                    f"{waarde:.0f}%",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if donker else TEKST,
                )
        links = [a + b for a, b in zip(links, waarden, strict=True)]
    ax.set_xlim(0, 100)
    ax.invert_yaxis()
    ax.set_xlabel("percentage van de ingediende antwoorden")
    ax.legend(
        ncols=min(len(categorieen), 6),
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        frameon=False,
        fontsize=8,
        handlelength=1.2,
    )
    beschrijving = "; ".join(
        f"{label}: " + ", ".join(f"{c} {n}" for c, n in zip(categorieen, aantallen, strict=True))
        for label, aantallen in reeksen
    )
    return _svg(fig, titel, beschrijving)


def verdeling_svg(
    *,
    titel: str,
    categorieen: Sequence[str],
    reeksen: Sequence[tuple[str, Sequence[int]]],
    palet: Sequence[str] | None = None,
) -> str:
    """100%-stacked horizontal bars: one bar per series (e.g. region 2026, region 2025, a wijk).

    ``reeksen`` pairs a label with the count per category, in the order of ``categorieen``.
    """
    if palet is None:
        if list(categorieen) == list("12345"):
            palet = SCHAAL_PALET
        elif len(categorieen) == 2:
            palet = JA_NEE_PALET
        else:
            palet = PALET
    return _verdeling(
        titel,
        tuple(categorieen),
        tuple((label, tuple(int(n) for n in aantallen)) for label, aantallen in reeksen),
        tuple(palet),
    )


@functools.lru_cache(maxsize=1024)
def _staven(
    titel: str, reeksen: tuple[tuple[str, float], ...], eenheid: str, maximum: float | None, as_label: str
) -> str:
    labels = [label for label, _ in reeksen]
    fig, ax = _figuur(labels, legenda=False)
    waarden = [waarde for _, waarde in reeksen]
    ax.barh(labels, waarden, color=[PALET[4] if i == 0 else PALET[3] for i in range(len(waarden))])
    top = maximum or (max(waarden) if waarden else 1) or 1
    for i, waarde in enumerate(waarden):
        ax.text(waarde + top * 0.01, i, f"{waarde:.1f}{eenheid}".replace(".", ","), va="center", fontsize=8)
    ax.set_xlim(0, top * 1.12)
    if as_label:
        ax.set_xlabel(as_label)
    ax.invert_yaxis()
    beschrijving = "; ".join(f"{label}: {waarde:.1f}{eenheid}" for label, waarde in reeksen)
    return _svg(fig, titel, beschrijving)


def staven_svg(
    *,
    titel: str,
    reeksen: Sequence[tuple[str, float]],
    eenheid: str = "",
    maximum: float | None = None,
    as_label: str = "",
) -> str:
    """Horizontal bars with their value, e.g. the response rate per wijk or the mean of a number."""
    return _staven(
        titel, tuple((label, float(waarde)) for label, waarde in reeksen), eenheid, maximum, as_label
    )
