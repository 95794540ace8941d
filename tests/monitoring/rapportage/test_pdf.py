"""The report's data and PDF: real queries, real WeasyPrint, text read back with pypdf."""

from __future__ import annotations

import datetime
import io
import logging
import re

import pytest
from pypdf import PdfReader

from monitoring.rapportage import pdf
from monitoring.rapportage.presenter import RapportagePresenter, datum, getal
from monitoring.rapportage.snapshot import snapshot_maken, vorige_periode

from .conftest import TOT, VAN

pytestmark = pytest.mark.django_db

META = {"gemaakt_op": "2027-01-05", "aangevraagd_door": "Bea Adviseur", "commentaar": "Goed jaar."}


def _tekst(inhoud: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(inhoud))
    return "\n".join(p.extract_text() for p in reader.pages), len(reader.pages)


def _wijk(snapshot: dict, naam: str) -> dict:
    return next(w for g in snapshot["gebieden"] for w in g["wijken"] if w["naam"] == naam)


def test_snapshot_counts_the_period_and_the_previous_one(rapport_world):
    s = snapshot_maken(periode_van=VAN, periode_tot=TOT, scope="regio")
    a1 = _wijk(s, "Wittevrouwenveld")
    assert a1["overleggen_wsv"] == 3  # the 2025 meeting belongs to the previous period
    assert a1["overleggen_norm"] == 4.0
    assert a1["praktijken"] == 2
    assert a1["praktijken_bezocht"] == 1
    assert a1["evaluaties"] == {"ja": 1, "deels": 0, "nee": 0}
    assert {v["naam"] for v in a1["verbanden"]} == {"Huisartsen Wittevrouwenveld", "WSV Wittevrouwenveld"}
    assert _wijk(s, "Nazareth")["overleggen_norm"] == 0  # no WSV there
    assert s["kerncijfers"]["overleggen_wsv"] == 4
    assert s["kerncijfers_vorige"]["overleggen_wsv"] == 1
    assert s["kerncijfers"]["bezoeken"] == 2


@pytest.mark.parametrize(
    ("van", "tot", "vorige"),
    [
        ("2025-01-01", "2025-12-31", ("2024-01-01", "2024-12-31")),  # a year: the year before
        ("2026-01-01", "2026-11-23", ("2025-01-01", "2025-11-23")),  # this year so far: same span
        ("2026-07-01", "2026-09-30", ("2025-07-01", "2025-09-30")),  # a quarter: that quarter last year
        ("2024-02-01", "2024-02-29", ("2023-02-01", "2023-02-28")),  # leap day
        ("2024-01-01", "2025-12-31", ("2022-01-01", "2023-12-31")),  # two years: the two before
        ("2025-11-23", "2026-11-23", ("2024-11-22", "2025-11-22")),  # longer than a year: no overlap
    ],
)
def test_the_previous_period_is_the_same_span_a_year_earlier(van, tot, vorige):
    van, tot = datetime.date.fromisoformat(van), datetime.date.fromisoformat(tot)
    assert tuple(d.isoformat() for d in vorige_periode(van, tot)) == vorige


def test_the_summary_says_which_period_it_compares_with(rapport_world):
    s = snapshot_maken(periode_van=VAN, periode_tot=TOT, scope="regio")
    r = RapportagePresenter(s)
    assert r.vorige_soort == "dezelfde periode een jaar eerder" and r.vorige_kop == "Een jaar eerder"
    # An older snapshot compared with the period of equal length just before keeps those words.
    s["periode"].update(vorige_van="2024-12-31", vorige_tot="2024-12-31", van="2025-01-01", tot="2025-01-01")
    assert RapportagePresenter(s).vorige_soort == "de voorafgaande periode van gelijke lengte"


def test_snapshot_of_a_gebied_holds_only_its_wijken(rapport_world):
    s = snapshot_maken(periode_van=VAN, periode_tot=TOT, scope="gebied", gebied_id=rapport_world.gebied_b.pk)
    assert [w["naam"] for g in s["gebieden"] for w in g["wijken"]] == ["Malberg", "Pottenberg"]
    assert s["kerncijfers"]["overleggen_wsv"] == 1


def test_snapshot_queries_do_not_grow_with_the_wijken(rapport_world, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        snapshot_maken(periode_van=VAN, periode_tot=TOT, scope="regio")


def test_pdf_shows_every_wijk_and_the_figures(rapport_world, caplog):
    s = snapshot_maken(periode_van=VAN, periode_tot=TOT, scope="regio")
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        inhoud = pdf.pdf_maken(snapshot=s, meta=META)
    fouten = [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")]
    assert not fouten, fouten
    tekst, paginas = _tekst(inhoud)
    assert paginas > 3
    for wijk in rapport_world.wijken:
        assert wijk.naam in tekst
    assert "1 januari 2026 – 31 december 2026" in tekst
    assert "Goed jaar." in tekst
    # Summary: 4 WSV meetings against a norm of 8 (two WSVs), 2 of 5 practices visited.
    assert "hielden de WSV's 4 overleggen (50% van de norm van 8)" in " ".join(tekst.split())
    assert "40% van de praktijken" in tekst
    assert inhoud.startswith(b"%PDF")
    root = PdfReader(io.BytesIO(inhoud)).trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert root["/MarkInfo"]["/Marked"]  # tagged (PDF/UA-1 variant)
    # Tagged: a structure tree whose figures (the charts) carry their alt text, and a title shown.
    struct = root["/StructTreeRoot"].get_object()
    figuren = list(_elementen(struct, "/Figure"))
    assert figuren, "the charts are tagged as figures"
    for figuur in figuren:
        assert str(figuur.get("/Alt", "")).strip(), "every chart has an alt text"
    assert any("WSV-overleggen: gehouden tegenover de norm" in str(f["/Alt"]) for f in figuren)
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    # The table of contents carries page numbers: the summary is on page 3.
    assert re.search(r"Samenvatting\s*\.*\s*3\b", tekst)


def _elementen(knoop, soort: str, diepte: int = 0):
    """The structure elements of a type, depth first (the tree is small for this test world)."""
    if diepte > 60:
        return
    knoop = knoop.get_object() if hasattr(knoop, "get_object") else knoop
    if isinstance(knoop, list) or type(knoop).__name__ == "ArrayObject":
        for kind in knoop:
            yield from _elementen(kind, soort, diepte + 1)
        return
    if not hasattr(knoop, "get"):
        return
    if knoop.get("/S") == soort:
        yield knoop
    kinderen = knoop.get("/K")
    if kinderen is not None:
        yield from _elementen(kinderen, soort, diepte + 1)


def test_report_tables_have_scoped_headers_and_running_headers_are_artifacts(rapport_world):
    from tests.pdf_controle import pdf_tags

    s = snapshot_maken(periode_van=VAN, periode_tot=TOT, scope="regio")
    tags = pdf_tags(pdf.pdf_maken(snapshot=s, meta=META))
    assert len(tags.th_scopes) > 20 and set(tags.th_scopes) == {"/Column", "/Row"}
    assert tags.los == []
    assert tags.paginering >= 6


def test_rerender_from_the_snapshot_is_byte_identical(rapport_world):
    s = snapshot_maken(periode_van=VAN, periode_tot=TOT, scope="wijk", wijk_id=rapport_world.wijk_a1.pk)
    eerste = pdf.pdf_maken(snapshot=s, meta=META)
    tweede = pdf.pdf_maken(snapshot=s, meta=META)
    assert eerste == tweede
    assert pdf.pdf_maken(snapshot=s, meta={**META, "commentaar": "Anders."}) != eerste


def test_the_fetcher_serves_own_static_files_and_refuses_the_rest():
    fetcher = pdf._url_fetcher_klasse()()
    antwoord = fetcher.fetch(pdf.BASIS_URL + "static/css/rapportage.css")
    assert b"@page" in antwoord.read()
    for url in (
        "https://example.org/style.css",
        "file:///etc/passwd",
        pdf.BASIS_URL + "static/../../portaal/settings.py",
        pdf.BASIS_URL + "media/x.css",
    ):
        with pytest.raises(pdf.GeweigerdeURL):
            fetcher.fetch(url)


def test_an_external_asset_is_refused_and_logged(caplog):
    import weasyprint

    html = '<html lang="nl"><body><img src="https://example.org/logo.png" alt="logo"></body></html>'
    with caplog.at_level(logging.ERROR, logger="weasyprint"):
        weasyprint.HTML(
            string=html, base_url=pdf.BASIS_URL, url_fetcher=pdf._url_fetcher_klasse()()
        ).write_pdf()
    assert any("example.org" in r.getMessage() for r in caplog.records)


def test_dutch_notation():
    assert getal(1234.5, 1) == "1.234,5"
    assert getal(None) == "—"
    assert datum("2026-03-01") == "1 maart 2026"
