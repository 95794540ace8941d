"""Reading a tagged PDF back with pypdf: table header cells and the page margins' running text."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader


@dataclass
class PdfTags:
    """What a screen reader gets: the /Scope of every table header cell, the marked content on the pages
    that belongs to no structure element (``los``: page object, MCID), and the pagination artifacts."""

    th_scopes: list[str]
    los: list[tuple[int, int]]
    paginering: int


def _elementen(knoop, diepte=0):
    knoop = knoop.get_object() if hasattr(knoop, "get_object") else knoop
    if diepte > 200:
        return
    if isinstance(knoop, list):
        for kind in knoop:
            yield from _elementen(kind, diepte + 1)
        return
    if not hasattr(knoop, "get") or "/S" not in knoop:
        return
    yield knoop
    if knoop.get("/K") is not None:
        yield from _elementen(knoop["/K"], diepte + 1)


def pdf_tags(inhoud: bytes) -> PdfTags:
    lezer = PdfReader(io.BytesIO(inhoud))
    wortel = lezer.trailer["/Root"]["/StructTreeRoot"].get_object()
    elementen = list(_elementen(wortel["/K"]))
    in_boom = set()
    for e in elementen:
        kinderen = e.get("/K")
        for kind in kinderen if isinstance(kinderen, list) else [kinderen]:
            if isinstance(kind, int):
                in_boom.add((e.raw_get("/Pg").idnum, kind))
    th_scopes = [str((e.get("/A") or {}).get("/Scope", "")) for e in elementen if e["/S"] == "/TH"]
    los, paginering = [], 0
    for pagina in lezer.pages:
        data = pagina.get_contents().get_data().decode("latin-1")
        nummer = pagina.indirect_reference.idnum
        los += [
            (nummer, int(m))
            for m in re.findall(r"<<\s*/MCID\s+(\d+)\s*>>\s*BDC", data)
            if (nummer, int(m)) not in in_boom
        ]
        paginering += len(re.findall(r"/Artifact\s*<<\s*/Type\s*/Pagination\s*>>\s*BDC", data))
    return PdfTags(th_scopes=th_scopes, los=los, paginering=paginering)
