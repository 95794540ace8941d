"""Render the report to PDF bytes with WeasyPrint, fetching only the project's own static files."""

from __future__ import annotations

import hashlib
import json
import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from zio_portal.pdf import (  # noqa: F401 (GeweigerdeURL: re-exported for callers)
    BASIS_URL,
    PDF_VARIANT,
    GeweigerdeURL,
    html_naar_pdf,
    statisch_pad,
    url_fetcher_klasse,
)

from .presenter import RapportagePresenter

logger = logging.getLogger(__name__)

# The allow-list fetcher is shared with the other PDFs of the portal (zio_portal/pdf.py).
_statisch_pad = statisch_pad
_url_fetcher_klasse = url_fetcher_klasse


def html_maken(*, snapshot: dict, meta: dict) -> str:
    """The report as HTML (in Dutch), from the snapshot and the report's fields only."""
    with translation.override("nl"):
        context = RapportagePresenter(snapshot, meta).context()
        context["css_url"] = "/" + settings.STATIC_URL.strip("/") + "/css/rapportage.css"
        return render_to_string("monitoring/rapportage/pdf.html", context)


def pdf_maken(*, snapshot: dict, meta: dict) -> bytes:
    """Render the report to PDF bytes. The same snapshot and meta give the same bytes."""
    html = html_maken(snapshot=snapshot, meta=meta)
    # A stable identifier instead of a random one, so a re-render is byte-identical.
    sleutel = json.dumps([snapshot, meta], sort_keys=True, default=str).encode()
    identifier = hashlib.sha256(sleutel).hexdigest()[:32].encode()
    return html_naar_pdf(html=html, identifier=identifier)


def opwarmen() -> None:
    """Load WeasyPrint, the fonts and matplotlib once when a worker starts, so the first report a user
    asks for does not pay for them (the click-to-download time is then the render time).

    A small document with the report's own stylesheet and every kind of content it has (bold, italic,
    small grey text, a table with caption and header, a chart as SVG image, the table of contents'
    leader and page reference), written as tagged PDF/UA: that loads the font faces, the SVG renderer,
    the tagging and the font subsetting, which a plain document would leave for later."""
    from . import charts

    svg = charts.naast_elkaar_svg(titel="opwarmen", labels=["a", "b"], reeksen=[("c", [1, 2]), ("d", [2, 1])])
    grafiek = charts.als_afbeelding(svg)
    css = "/" + settings.STATIC_URL.strip("/") + "/css/rapportage.css"
    html = (
        f'<html lang="nl"><head><title>Opwarmen</title><link rel="stylesheet" href="{css}"></head><body>'
        '<nav class="inhoud"><ol><li><a href="#a">Opwarmen</a></li></ol></nav>'
        '<section id="a" class="samenvatting"><h2>Opwarmen</h2><p>Tekst <strong>vet</strong> '
        '<span class="toelichting">(toelichting)</span></p><h3>Wijk</h3>'
        '<table class="tabel"><caption>Tabel</caption><thead><tr><th scope="col">Kolom</th>'
        '<th scope="col" class="getal">Getal</th></tr></thead><tbody><tr><td><span class="code">SW01</span> '
        'vraag</td><td class="getal">1,5</td></tr></tbody></table>'
        f'<figure class="grafiek-figuur"><img class="grafiek" src="{grafiek["src"]}" alt="{grafiek["alt"]}">'
        "<figcaption>Grafiek</figcaption></figure>"
        "<blockquote><p>Een terugkoppeling.</p><footer>Praktijk</footer></blockquote></section>"
        "</body></html>"
    )
    html_naar_pdf(html=html)
