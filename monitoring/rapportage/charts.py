"""The report's charts: matplotlib (Agg) to SVG, with the palette and helpers of zio_portal.charts.

The same look as the dashboards: Okabe–Ito colours, Dutch labels, text kept as text, a <title> and a
<desc> with every value (the alt text of the PDF). Identical input gives identical SVG.
"""

from __future__ import annotations

import base64
import functools
import html
import re
from collections.abc import Sequence

import matplotlib.pyplot as plt

from monitoring.vragenlijsten.charts import staven_svg, verdeling_svg
from zio_portal.charts import PALET, TEKST, figuur_naar_svg, met_eigen_ids, nl_getal

__all__ = ["als_afbeelding", "met_eigen_ids", "naast_elkaar_svg", "staven_svg", "verdeling_svg"]


def _nl(waarde: float, decimalen: int) -> str:
    return nl_getal(waarde, decimalen)


def naast_elkaar_svg(
    *,
    titel: str,
    labels: Sequence[str],
    reeksen: Sequence[tuple[str, Sequence[float]]],
    eenheid: str = "",
    decimalen: int = 0,
    maximum: float | None = None,
) -> str:
    """Grouped horizontal bars: per label one bar per series (e.g. gehouden and norm per wijk)."""
    return _naast_elkaar(
        titel,
        tuple(labels),
        tuple((naam, tuple(float(w) for w in ws)) for naam, ws in reeksen),
        eenheid,
        decimalen,
        maximum,
    )


@functools.lru_cache(maxsize=256)
def _naast_elkaar(
    titel: str,
    labels: tuple[str, ...],
    reeksen: tuple[tuple[str, tuple[float, ...]], ...],
    eenheid: str,
    decimalen: int,
    maximum: float | None,
) -> str:
    n = len(reeksen)
    breedte = 7.0
    rij = 0.07 + 0.09 * n  # inches per label: compact, still legible at 8 pt
    boven, onder = 0.4, 0.35
    hoogte = max(1.2, rij * len(labels)) + boven + onder
    links = 0.2 + 0.065 * max((len(label) for label in labels), default=5)
    fig, ax = plt.subplots(figsize=(breedte, hoogte))
    fig.subplots_adjust(
        left=links / breedte, right=1 - 0.45 / breedte, top=1 - boven / hoogte, bottom=onder / hoogte
    )
    ax.spines[["top", "right"]].set_visible(False)
    hoogte_balk = 0.8 / max(1, n)
    top = maximum or max((w for _, ws in reeksen for w in ws), default=1) or 1
    kleuren = (PALET[4], PALET[0], PALET[5], PALET[3])
    for i, (naam, waarden) in enumerate(reeksen):
        posities = [j + (i - (n - 1) / 2) * hoogte_balk for j in range(len(labels))]
        ax.barh(
            posities, list(waarden), height=hoogte_balk * 0.92, color=kleuren[i % len(kleuren)], label=naam
        )
        for y, w in zip(posities, waarden, strict=True):
            ax.text(w + top * 0.01, y, _nl(w, decimalen) + eenheid, va="center", fontsize=7, color=TEKST)
    ax.set_yticks(range(len(labels)), list(labels))
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlim(0, top * 1.15)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.legend(ncols=n, loc="lower left", bbox_to_anchor=(0, 1.0), frameon=False, fontsize=8)
    beschrijving = "; ".join(
        f"{label}: " + ", ".join(f"{naam} {_nl(ws[j], decimalen)}{eenheid}" for naam, ws in reeksen)
        for j, label in enumerate(labels)
    )
    return figuur_naar_svg(fig, titel, beschrijving)


def als_afbeelding(svg: str) -> dict[str, str]:
    """The chart as an <img> source (a data URL) with its title as alt text and desc as description.

    In the PDF an <img> is far cheaper than inline SVG: WeasyPrint then styles and lays out one box
    instead of every element of the chart."""
    if not svg:
        return {}
    titel = html.unescape(re.search(r"<title>(.*?)</title>", svg, re.S).group(1))
    beschrijving = html.unescape((re.search(r"<desc>(.*?)</desc>", svg, re.S) or [None, ""])[1])
    data = base64.b64encode(svg.encode()).decode()
    return {"src": f"data:image/svg+xml;base64,{data}", "alt": f"{titel}. {beschrijving}"}
