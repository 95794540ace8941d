"""The shared PDF rendering: the garbage collector is tuned only while WeasyPrint renders."""

import gc
import io

import pytest
from pypdf import PdfReader

from zio_portal import pdf


def test_gc_threshold_is_raised_while_rendering_and_restored_afterwards():
    voor = gc.get_threshold()
    with pdf.minder_vaak_opruimen():
        assert gc.get_threshold() == (pdf.GC_DREMPEL_TIJDENS_RENDEREN, *voor[1:])
    assert gc.get_threshold() == voor
    with pytest.raises(ValueError), pdf.minder_vaak_opruimen():
        raise ValueError("renderfout")
    assert gc.get_threshold() == voor, "restored after an error too"


def test_html_naar_pdf_renders_a_tagged_pdf_and_leaves_the_collector_as_it_was():
    voor = gc.get_threshold()
    html = '<html lang="nl"><title>T</title><p>Hallo</p></html>'
    inhoud = pdf.html_naar_pdf(html=html, identifier=b"x" * 32)
    root = PdfReader(io.BytesIO(inhoud)).trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/Lang"] == "nl"
    assert gc.get_threshold() == voor


def test_table_headers_have_a_scope_and_running_headers_are_artifacts():
    from tests.pdf_controle import pdf_tags

    html = """<html lang="nl"><title>T</title><style>
      @page { @top-right { content: "ZIO · kop"; } @bottom-right { content: "pagina " counter(page); } }
    </style><table><thead><tr><th scope="col">Naam</th><th scope="col">Waarde</th></tr></thead>
    <tbody><tr><th scope="row">A</th><td>1</td></tr><tr><th>B</th><td>2</td></tr></tbody></table>
    <p style="break-before: page">Tweede pagina</p></html>"""
    inhoud = pdf.html_naar_pdf(html=html)
    tags = pdf_tags(inhoud)
    assert tags.th_scopes == ["/Column", "/Column", "/Row", "/Row"]
    assert tags.los == [], "no text outside the structure tree"
    assert tags.paginering == 4, "header and footer on both pages are pagination artifacts"
    tekst = PdfReader(io.BytesIO(inhoud)).pages[1].extract_text()
    assert "pagina 2" in tekst and "Tweede pagina" in tekst, "the artifacts are still printed"
