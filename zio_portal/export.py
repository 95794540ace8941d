"""Every CSV and xlsx the portal writes: they open correctly in Excel and LibreOffice.

Real date and number cells, Dutch CSV (UTF-8 with BOM, ``;``, dd-mm-jjjj), no formula injection and
no visible apostrophes, column widths fitted to the content, long texts wrapped, a frozen header row
with a filter, numbers rounded for display, and a download name that keeps its accents (RFC 6266).
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import FileResponse, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_BREEDTE = 60  # characters; longer texts wrap within the column
MIN_BREEDTE = 8
REGELHOOGTE = 15  # points per line of the default 11 pt font


def lijkt_formule(waarde: object) -> bool:
    """Text that a spreadsheet would run as a formula (CSV/formula injection)."""
    return isinstance(waarde, str) and waarde.startswith(FORMULE_TEKENS)


def veilig(waarde: object) -> object:
    """For CSV only: a leading apostrophe makes Excel read formula-like text as text.

    In xlsx the cell's quote-prefix style does this without changing the text (``_blad_vullen``).
    """
    return "'" + waarde if lijkt_formule(waarde) else waarde


def download_response(inhoud: bytes | str, *, content_type: str, bestandsnaam: str) -> HttpResponse:
    """A file download whose name survives accents and spaces (``filename*=UTF-8''…``, RFC 6266)."""
    response = HttpResponse(inhoud, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, bestandsnaam)
    return response


def bestand_response(bestand, *, content_type: str, bestandsnaam: str) -> FileResponse:
    """A stored private file streamed as a download, never cached; the name as in ``download_response``."""
    response = FileResponse(bestand, as_attachment=True, filename=bestandsnaam, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, bestandsnaam)
    response["Cache-Control"] = "private, no-store"
    return response


def ics_response(inhoud: bytes | str, *, bestandsnaam: str) -> HttpResponse:
    """An iCalendar invitation as a download that Outlook opens as a meeting request."""
    return download_response(
        inhoud, content_type="text/calendar; method=REQUEST; charset=utf-8", bestandsnaam=bestandsnaam
    )


def _weergave_formaat(waarde: object) -> str | None:
    if isinstance(waarde, datetime.datetime):
        return "DD-MM-YYYY HH:MM"
    if isinstance(waarde, datetime.date):
        return "DD-MM-YYYY"
    if isinstance(waarde, float | Decimal) and waarde != int(waarde):
        return "0.0#"  # at most two decimals shown; the cell keeps the exact value
    return None


def _tekstlengte(waarde: object) -> int:
    if waarde is None:
        return 0
    if isinstance(waarde, datetime.datetime):
        return 16
    if isinstance(waarde, datetime.date):
        return 10
    return max((len(regel) for regel in str(waarde).splitlines()), default=0)


def _aantal_regels(tekst: str) -> int:
    """The lines a wrapped text takes in a column of ``MAX_BREEDTE`` characters (a little generous)."""
    return sum(max(1, -(-len(regel) * 11 // (10 * MAX_BREEDTE))) for regel in tekst.splitlines() or [""])


def _blad_vullen(ws, koppen: Sequence[str], rijen: Iterable[Sequence]) -> None:
    """Bold, frozen and filtered header; widths fitted; long texts wrapped; safe text cells."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws.append(list(koppen))
    for cel in ws[1]:
        cel.font = Font(bold=True)
    breedtes = [len(str(k)) for k in koppen]
    omloop = Alignment(wrap_text=True, vertical="top")
    for rij_nummer, rij in enumerate(rijen, start=2):
        regels = 1
        for kolom, waarde in enumerate(rij, start=1):
            if isinstance(waarde, datetime.datetime) and waarde.tzinfo is not None:
                waarde = timezone.localtime(waarde).replace(tzinfo=None)  # Excel has no time zones
            cel = ws.cell(row=rij_nummer, column=kolom, value=waarde)
            if lijkt_formule(waarde):
                cel.data_type = "s"  # never a formula, and Excel keeps it text when edited
                cel.quotePrefix = True
            formaat = _weergave_formaat(waarde)
            if formaat:
                cel.number_format = formaat
            lengte = _tekstlengte(waarde)
            if lengte > MAX_BREEDTE or (isinstance(waarde, str) and "\n" in waarde):
                cel.alignment = omloop
                regels = max(regels, _aantal_regels(str(waarde)))
            breedtes[kolom - 1] = max(breedtes[kolom - 1], min(lengte, MAX_BREEDTE))
        if regels > 1:
            # LibreOffice does not fit row heights when it opens an xlsx: wrapped text would overlap.
            ws.row_dimensions[rij_nummer].height = regels * REGELHOOGTE
    for kolom, breedte in enumerate(breedtes, start=1):
        ws.column_dimensions[get_column_letter(kolom)].width = max(breedte, MIN_BREEDTE) + 2
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions


def xlsx_werkmap_bytes(*, bladen: Sequence[tuple[str, Sequence[str], Iterable[Sequence]]]) -> bytes:
    """A workbook with one sheet per (name, header, rows), each laid out by ``_blad_vullen``."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for blad, koppen, rijen in bladen:
        _blad_vullen(wb.create_sheet(blad[:31]), koppen, rijen)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def xlsx_werkmap_response(
    *, bladen: Sequence[tuple[str, Sequence[str], Iterable[Sequence]]], naam: str
) -> HttpResponse:
    """An .xlsx download with one sheet per (name, header, rows)."""
    return download_response(
        xlsx_werkmap_bytes(bladen=bladen), content_type=XLSX_TYPE, bestandsnaam=f"{naam}.xlsx"
    )


def xlsx_response(*, koppen: Sequence[str], rijen: Iterable[Sequence], naam: str, blad: str) -> HttpResponse:
    """An .xlsx download of one sheet (see ``_blad_vullen``)."""
    return xlsx_werkmap_response(bladen=[(blad, koppen, rijen)], naam=naam)


def _csv_waarde(waarde: object) -> object:
    if waarde is None:
        return ""
    if isinstance(waarde, datetime.datetime):
        return (
            timezone.localtime(waarde).strftime("%d-%m-%Y %H:%M")
            if waarde.tzinfo
            else waarde.strftime("%d-%m-%Y %H:%M")
        )
    if isinstance(waarde, datetime.date):
        return waarde.strftime("%d-%m-%Y")
    if isinstance(waarde, float | Decimal):
        return f"{waarde:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return veilig(waarde)


def csv_response(*, koppen: Sequence[str], rijen: Iterable[Sequence], naam: str) -> HttpResponse:
    """CSV as Dutch Excel reads it: UTF-8 with BOM, semicolons, dd-mm-jjjj, decimal comma."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(koppen)
    for rij in rijen:
        writer.writerow([_csv_waarde(w) for w in rij])
    return download_response(
        buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8", bestandsnaam=f"{naam}.csv"
    )
