"""PDF rendering shared by the apps (regionale rapportage, notulen): WeasyPrint with an allow-list
URL fetcher that serves only the project's own static files and never touches the network."""

from __future__ import annotations

import contextlib
import gc
import mimetypes
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders

# The documents' base URL: nothing is ever fetched from it; the fetcher maps it to static files.
BASIS_URL = "https://rapportage.zio.invalid/"
PDF_VARIANT = "pdf/ua-1"


class GeweigerdeURL(Exception):
    """WeasyPrint asked for something outside the allow-list (it logs this as an error)."""


def statisch_pad(url: str) -> str | None:
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


def url_fetcher_klasse():
    """The allow-list fetcher class (WeasyPrint is imported here, only in the process that renders)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StatischeBestanden(URLFetcher):
        """Allow-list fetcher: the project's static files (via the staticfiles finders), nothing else."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            pad = statisch_pad(url)
            if pad is None:
                raise GeweigerdeURL(f"Niet toegestaan in een PDF van het portaal: {url}")
            with open(pad, "rb") as bestand:
                inhoud = bestand.read()
            soort = mimetypes.guess_type(pad)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=inhoud, headers={"Content-Type": soort})

    return StatischeBestanden


def css_url(naam: str) -> str:
    """The URL of a stylesheet under static/css/ as the fetcher resolves it."""
    return "/" + settings.STATIC_URL.strip("/") + "/css/" + naam


# Python's cyclic garbage collector runs a young-generation pass every 700 allocations (3.12) and now
# and then a full pass over every object of the process. WeasyPrint allocates millions of objects
# (boxes, styles, text runs), so a report triggers thousands of passes that find almost nothing: 5-25%
# of the region report's render time (scripts/benchmark_rapportage.py, same peak memory). While
# rendering the threshold is raised; the collector still runs, less often.
GC_DREMPEL_TIJDENS_RENDEREN = 100_000


@contextlib.contextmanager
def minder_vaak_opruimen() -> Iterator[None]:
    """Raise the young-generation GC threshold while rendering and restore it afterwards."""
    oud = gc.get_threshold()
    gc.set_threshold(GC_DREMPEL_TIJDENS_RENDEREN, *oud[1:])
    try:
        yield
    finally:
        gc.set_threshold(*oud)


def html_naar_pdf(*, html: str, identifier: bytes | None = None) -> bytes:
    """Render HTML to tagged PDF/UA bytes; a stable identifier keeps a re-render byte-identical."""
    import weasyprint  # heavy: only loaded in the worker that renders

    with minder_vaak_opruimen():
        document = weasyprint.HTML(string=html, base_url=BASIS_URL, url_fetcher=url_fetcher_klasse()())
        return document.write_pdf(
            pdf_variant=PDF_VARIANT,
            pdf_identifier=identifier,
            pdf_tags=True,
            custom_metadata=True,
            finisher=toegankelijk_afwerken,
        )


def toegankelijk_afwerken(document, pdf) -> None:
    """Complete WeasyPrint's tags before the PDF is written: every table header cell gets its /Scope
    (from the HTML ``scope``; in a header row Column, elsewhere Row), and the running headers and footers
    of the page margins become /Artifact /Pagination instead of text outside the structure tree."""
    import pydyf

    objecten = {o.reference: o for o in pdf.objects if isinstance(o, pydyf.Object) and o.number}
    wortel = objecten.get(pdf.catalog.get("StructTreeRoot"))
    if wortel is None:
        return
    bereikbaar: set[bytes] = set()
    stapel = list(wortel["K"])
    while stapel:
        ref = stapel.pop()
        if not isinstance(ref, bytes) or ref in bereikbaar or ref not in objecten:
            continue
        bereikbaar.add(ref)
        stapel.extend(objecten[ref].get("K", ()))

    html_scope = {}
    for pagina in document.pages:
        dozen = [pagina._page_box]
        while dozen:
            doos = dozen.pop()
            element = getattr(doos, "mark", None)
            if element is not None and doos.element is not None:
                html_scope[element.reference] = (doos.element.get("scope") or "").lower()
            dozen.extend(getattr(doos, "children", ()))
    for ref in bereikbaar:
        element = objecten[ref]
        if element.get("S") != "/TH":
            continue
        scope = html_scope.get(ref, "")
        if scope not in ("col", "row", "colgroup", "rowgroup"):
            rij = objecten.get(element.get("P"))
            groep = objecten.get(rij.get("P")) if rij is not None else None
            scope = "col" if groep is not None and groep.get("S") == "/THead" else "row"
        element["A"]["Scope"] = "/Column" if scope.startswith("col") else "/Row"

    nummers = objecten[wortel["ParentTree"]]["Nums"]
    for index, pagina_ref in enumerate(pdf.page_references):
        mcids = nummers[2 * index + 1]
        los = {mcid for mcid, ref in enumerate(mcids) if ref not in bereikbaar}
        if not los:
            continue
        inhoud = objecten[objecten[pagina_ref]["Contents"]].stream
        for i in range(len(inhoud) - 2):
            lijst = inhoud[i + 1]
            if inhoud[i + 2] == b"BDC" and isinstance(lijst, pydyf.Dictionary) and lijst.get("MCID") in los:
                inhoud[i] = "/Artifact"
                inhoud[i + 1] = pydyf.Dictionary({"Type": "/Pagination"})
        for mcid in los:
            mcids[mcid] = b"null"
