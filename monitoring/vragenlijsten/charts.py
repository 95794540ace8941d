"""The charts of the vragenlijst results (also drawn in the regionale rapportage): stacked bars of the
answers and bars of a figure per group, as SVG from zio_portal.charts.

Each bar carries its value as text. Recent charts are cached per process, so a results page does not
redraw them.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from zio_portal.charts import JA_NEE_PALET, PALET, SCHAAL_PALET, TEKST, figuur_naar_svg


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
    return figuur_naar_svg(fig, titel, beschrijving)


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
    return figuur_naar_svg(fig, titel, beschrijving)


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
