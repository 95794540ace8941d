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
