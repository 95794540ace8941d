"""Spreadsheet downloads that open correctly in Excel: real dates, Dutch text, no formula injection."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse

FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def veilig(waarde: object) -> object:
    """Neutralise text that Excel would run as a formula (CSV/formula injection)."""
    if isinstance(waarde, str) and waarde.startswith(FORMULE_TEKENS):
        return "'" + waarde
    return waarde


def xlsx_response(*, koppen: Sequence[str], rijen: Iterable[Sequence], naam: str, blad: str) -> HttpResponse:
    """An .xlsx download: bold header, frozen first row, dates as date cells, sensible widths."""
    return xlsx_werkmap_response(bladen=[(blad, koppen, rijen)], naam=naam)


def xlsx_werkmap_response(
    *, bladen: Sequence[tuple[str, Sequence[str], Iterable[Sequence]]], naam: str
) -> HttpResponse:
    """An .xlsx download with one sheet per (name, header, rows), each laid out as in xlsx_response."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for blad, koppen, rijen in bladen:
        _blad_vullen(wb.create_sheet(blad[:31]), koppen, rijen)
    buffer = io.BytesIO()
    wb.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{naam}.xlsx"'
    return response


def _blad_vullen(ws, koppen: Sequence[str], rijen: Iterable[Sequence]) -> None:
    from openpyxl.styles import Font

    ws.append(list(koppen))
    for cel in ws[1]:
        cel.font = Font(bold=True)
    ws.freeze_panes = "A2"
    breedtes = [len(k) for k in koppen]
    for rij in rijen:
        ws.append([veilig(w) for w in rij])
        for i, w in enumerate(rij):
            breedtes[i] = max(breedtes[i], min(len(str(w or "")), 60))
    for i, breedte in enumerate(breedtes, start=1):
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = breedte + 2
    for kolom in ws.iter_cols(min_row=2):
        for cel in kolom:
            if isinstance(cel.value, datetime.date):
                cel.number_format = "DD-MM-YYYY"


def csv_response(*, koppen: Sequence[str], rijen: Iterable[Sequence], naam: str) -> HttpResponse:
    """CSV as Dutch Excel reads it: UTF-8 with BOM, semicolons, dates as dd-mm-jjjj."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{naam}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(koppen)
    for rij in rijen:
        writer.writerow(
            [
                "" if w is None else w.strftime("%d-%m-%Y") if isinstance(w, datetime.date) else veilig(w)
                for w in rij
            ]
        )
    return response
