"""The kernel's spreadsheet downloads."""

from __future__ import annotations

import datetime
import io

from openpyxl import load_workbook

from zio_portal.export import xlsx_response, xlsx_werkmap_response


def test_xlsx_werkmap_response_has_one_laid_out_sheet_per_table():
    response = xlsx_werkmap_response(
        bladen=[
            ("Respons", ["Wijk", "Ingediend"], [["Malberg", 3]]),
            ("Verdeling", ["Code", "Antwoord"], [["SW01", "=SOM(A1)"], ["SW02", datetime.date(2026, 3, 1)]]),
        ],
        naam="resultaten",
    )
    assert response["Content-Disposition"] == 'attachment; filename="resultaten.xlsx"'
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["Respons", "Verdeling"]
    verdeling = wb["Verdeling"]
    assert verdeling["A1"].font.bold and verdeling.freeze_panes == "A2"
    assert verdeling["B2"].value == "'=SOM(A1)", "no formula injection"
    assert verdeling["B3"].number_format == "DD-MM-YYYY"


def test_xlsx_response_is_a_workbook_of_one_sheet():
    response = xlsx_response(koppen=["Naam"], rijen=[["Malberg"]], naam="wijken", blad="Wijken")
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["Wijken"] and wb["Wijken"]["A2"].value == "Malberg"
