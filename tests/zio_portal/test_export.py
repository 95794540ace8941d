"""The one export module, read back as Excel and LibreOffice would read it."""

from __future__ import annotations

import csv
import datetime
import io
import subprocess
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from zio_portal.export import csv_response, xlsx_response, xlsx_werkmap_response

KOPPEN = ["Naam", "Telefoon", "Formule", "Datum", "Gemiddelde", "Toelichting"]
LANG = "Een lange toelichting die veel meer dan zestig tekens beslaat, zodat de cel moet omlopen."
RIJEN = [
    ["Céramique", "+31 43 123 45 67", '=HYPERLINK("http://x")', datetime.date(2026, 12, 3), 5135.90375, LANG],
    ["Wyck", "-", "@SUM(A1)", None, Decimal("2.5"), "kort"],
]


def _werkblad(response):
    return load_workbook(io.BytesIO(response.content)).active


def test_xlsx_formula_guard_without_visible_apostrophe():
    ws = _werkblad(xlsx_response(koppen=KOPPEN, rijen=RIJEN, naam="x", blad="Blad"))
    assert ws["B2"].value == "+31 43 123 45 67"
    assert ws["B2"].quotePrefix is True
    assert ws["C2"].value == '=HYPERLINK("http://x")'
    assert ws["C2"].data_type == "s"
    assert ws["C2"].quotePrefix is True
    assert ws["C3"].value == "@SUM(A1)"
    assert ws["A2"].quotePrefix is False


def test_xlsx_layout_widths_wrap_frozen_filtered_and_rounded():
    ws = _werkblad(xlsx_response(koppen=KOPPEN, rijen=RIJEN, naam="x", blad="Blad"))
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:F3"
    assert ws["A1"].font.bold
    assert ws["D2"].is_date and ws["D2"].number_format == "DD-MM-YYYY"
    assert ws["E2"].value == pytest.approx(5135.90375)  # the exact value stays in the cell
    assert ws["E2"].number_format == "0.0#"
    assert ws["F2"].alignment.wrap_text is True
    assert ws.row_dimensions[2].height == 30, "two lines: LibreOffice does not fit heights itself"
    assert ws.row_dimensions[3].height is None
    assert ws.column_dimensions["F"].width == 62
    assert ws.column_dimensions["A"].width == 11  # "Céramique" + 2
    assert ws.column_dimensions["D"].width == 12


def test_csv_is_dutch_excel_csv():
    response = csv_response(koppen=KOPPEN, rijen=RIJEN, naam="x")
    tekst = response.content.decode("utf-8")
    assert tekst.startswith("\ufeff")
    rijen = list(csv.reader(io.StringIO(tekst.lstrip("\ufeff")), delimiter=";"))
    assert rijen[0] == KOPPEN
    assert rijen[1][1] == "'+31 43 123 45 67"
    assert rijen[1][3] == "03-12-2026"
    assert rijen[1][4] == "5135,9"
    assert rijen[2][4] == "2,5"
    assert rijen[2][3] == ""


@pytest.mark.parametrize(
    ("maak", "verwacht"),
    [
        (
            lambda: xlsx_response(koppen=["a"], rijen=[], naam="sociale-kaart-Wyck-Céramique", blad="b"),
            "attachment; filename*=utf-8''sociale-kaart-Wyck-C%C3%A9ramique.xlsx",
        ),
        (
            lambda: csv_response(koppen=["a"], rijen=[], naam="afspraken"),
            'attachment; filename="afspraken.csv"',
        ),
    ],
)
def test_download_name_keeps_accents(maak, verwacht):
    assert maak()["Content-Disposition"] == verwacht


def test_libreoffice_reads_the_xlsx_as_the_user_sees_it(tmp_path):
    """LibreOffice converts the sheet to CSV: text as typed (no apostrophe, no formula result), dates."""
    bron = tmp_path / "export.xlsx"
    bron.write_bytes(xlsx_response(koppen=KOPPEN, rijen=RIJEN, naam="x", blad="Blad").content)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "csv",
            "--outdir",
            str(tmp_path),
            str(bron),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    rijen = list(
        csv.reader((tmp_path / "export.csv").read_text(encoding="utf-8", errors="replace").splitlines())
    )
    assert rijen[0] == KOPPEN
    assert rijen[1][1] == "+31 43 123 45 67"
    assert rijen[1][2] == '=HYPERLINK("http://x")'
    assert rijen[2][2] == "@SUM(A1)"
    # a real date cell: shown as the cell format says, or in the converter's locale (en-US: m/d/y)
    assert rijen[1][3] in {"03-12-2026", "12/03/2026"}


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
    assert verdeling["B2"].value == "=SOM(A1)" and verdeling["B2"].quotePrefix, "no formula injection"
    assert verdeling["B3"].number_format == "DD-MM-YYYY"
