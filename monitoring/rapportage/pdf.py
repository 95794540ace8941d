"""Render the report to PDF bytes with WeasyPrint, fetching only the project's own static files."""

from __future__ import annotations

import hashlib
import json
import logging
import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from .presenter import RapportagePresenter

logger = logging.getLogger(__name__)

# The document's base URL: nothing is ever fetched from it; the fetcher maps it to static files.
BASIS_URL = "https://rapportage.zio.invalid/"
PDF_VARIANT = "pdf/ua-1"


class GeweigerdeURL(Exception):
    """WeasyPrint asked for something outside the allow-list (it logs this as an error)."""


def _statisch_pad(url: str) -> str | None:
    """The static file a URL points to, when it is one of the project's own; otherwise None."""
    delen = urlsplit(url)
    basis = urlsplit(BASIS_URL)
    static = "/" + settings.STATIC_URL.strip("/") + "/"
    if (delen.scheme, delen.netloc) != (basis.scheme, basis.netloc) or not delen.path.startswith(static):
        return None
    relatief = unquote(delen.path[len(static) :])
    if not relatief or ".." in relatief.split("/"):
        return None
    return finders.find(relatief)


def _url_fetcher_klasse():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StatischeBestanden(URLFetcher):
        """Allow-list fetcher: the project's static files (via the staticfiles finders), nothing else."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            pad = _statisch_pad(url)
            if pad is None:
                raise GeweigerdeURL(f"Niet toegestaan in de rapportage: {url}")
            with open(pad, "rb") as bestand:
                inhoud = bestand.read()
            soort = mimetypes.guess_type(pad)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=inhoud, headers={"Content-Type": soort})

    return StatischeBestanden


def html_maken(*, snapshot: dict, meta: dict) -> str:
    """The report as HTML (in Dutch), from the snapshot and the report's fields only."""
    with translation.override("nl"):
        context = RapportagePresenter(snapshot, meta).context()
        context["css_url"] = "/" + settings.STATIC_URL.strip("/") + "/css/rapportage.css"
        return render_to_string("monitoring/rapportage/pdf.html", context)


def pdf_maken(*, snapshot: dict, meta: dict) -> bytes:
    """Render the report to PDF bytes. The same snapshot and meta give the same bytes."""
    import weasyprint  # heavy: only loaded in the worker that renders

    html = html_maken(snapshot=snapshot, meta=meta)
    # A stable identifier instead of a random one, so a re-render is byte-identical.
    sleutel = json.dumps([snapshot, meta], sort_keys=True, default=str).encode()
    identifier = hashlib.sha256(sleutel).hexdigest()[:32].encode()
    document = weasyprint.HTML(string=html, base_url=BASIS_URL, url_fetcher=_url_fetcher_klasse()())
    return document.write_pdf(
        pdf_variant=PDF_VARIANT,
        pdf_identifier=identifier,
        pdf_tags=True,
        custom_metadata=True,
    )
