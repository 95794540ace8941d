"""The vragenlijst import with real, unedited exports: LimeSurvey and KoboToolbox in their default
layouts, Dutch Excel CSVs, .ods; the mapping step; the template; bounded uploads; the cleanup task."""

from __future__ import annotations

import csv
import datetime
import io
import os
import time
import tracemalloc
import zipfile
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from monitoring.constants import VraagType
from monitoring.models import Antwoord, ImportKoppeling, Respons
from monitoring.tasks import imports_opruimen_task
from monitoring.vragenlijsten import importeren
from tests.monitoring.factories import RondeFactory, SectieFactory, VraagFactory

pytestmark = pytest.mark.django_db

SW01_TEKST = "Hoe tevreden bent u over de samenwerking in de wijk?"
ALG01_TEKST = "Hoeveel patiënten staan er ingeschreven?"


@pytest.fixture
def prive(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }
    return storages["private"]


@pytest.fixture
def ronde(world, prive):
    vandaag = timezone.localdate()
    ronde = RondeFactory(
        opent_op=vandaag - datetime.timedelta(days=5), sluit_op=vandaag + datetime.timedelta(days=5)
    )
    sectie = SectieFactory(vragenlijst=ronde.vragenlijst)
    VraagFactory(sectie=sectie, code="SW01", type=VraagType.SCHAAL, tekst=SW01_TEKST)
    VraagFactory(sectie=sectie, code="SW02", type=VraagType.JA_NEE, tekst="Heeft u een waarneemregeling?")
    VraagFactory(
        sectie=sectie,
        code="SW03",
        type=VraagType.MEERKEUZE,
        tekst="Hoe vaak overlegt u met de wijkverpleging?",
        opties=["Wekelijks", "Maandelijks", "Minder dan maandelijks"],
    )
    VraagFactory(sectie=sectie, code="ALG01", type=VraagType.GETAL, tekst=ALG01_TEKST)
    VraagFactory(sectie=sectie, code="OPEN1", type=VraagType.OPEN, tekst="Opmerkingen", verplicht=False)
    return ronde


@pytest.fixture
def adviseur(client, world):
    client.force_login(world.users["beleidsadviseur"])
    return client


def _upload(client, ronde, naam: str, inhoud: bytes):
    return client.post(
        reverse("monitoring:import", args=[ronde.pk]), {"bestand": SimpleUploadedFile(naam, inhoud)}
    )


def _bevestigen(client, ronde):
    token = client.session["monitoring_import"]["token"]
    return client.post(reverse("monitoring:import", args=[ronde.pk]), {"actie": "bevestigen", "token": token})


def _csv(rijen, *, delimiter=",", quoting=csv.QUOTE_ALL, bom=True) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n").writerows(rijen)
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")


def _xlsx(rijen) -> bytes:
    wb = Workbook()
    for rij in rijen:
        wb.active.append(rij)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _antwoord(praktijk, code: str) -> Antwoord:
    return Antwoord.objects.get(respons__praktijk=praktijk, vraag__code=code)


# LimeSurvey's response export (application/helpers/admin/export/Writer.php, CSVWriter): a BOM, every
# field between double quotes, ","; the response table's own columns first; headings as question codes
# ("code", subquestions as SW01[SQ001]), as "code. text" ("codetext"), or as full texts ("full");
# answers as codes ("short") or texts ("long"); a numerical question stored as decimal(30,10).
LIME_META = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"]
LIME_META_VOL = [
    "Response ID",
    "Date submitted",
    "Last page",
    "Start language",
    "Seed",
    "Date started",
    "Date last action",
]


def _lime_meta(n: int) -> list[str]:
    return [str(n), "2025-03-04 10:12:00", "3", "nl", "1728391", "2025-03-04 10:02:11", "2025-03-04 10:12:00"]


def test_limesurvey_default_csv_imports(adviseur, ronde, world):
    a1, b1 = world.praktijk_a1, world.praktijk_b1
    bestand = _csv(
        [
            [*LIME_META, "AGB", "SW01", "SW02", "SW03", "ALG01", "OPEN1"],
            [
                *_lime_meta(1),
                a1.agb_code,
                "4",
                "Ja",
                "Wekelijks",
                "2850.0000000000",
                'Goed, zie ook "notulen"',
            ],
            [*_lime_meta(2), b1.agb_code, "2", "Nee", "Minder dan maandelijks", "1500.5000000000", ""],
        ]
    )
    response = _upload(adviseur, ronde, "results-survey123456.csv", bestand)
    html = response.content.decode()
    assert "Herkend als export van LimeSurvey" in html
    controle = response.context["controle"]
    assert [k.kop for k in controle.genegeerd] == LIME_META
    assert list(controle.voorbeeld[0][1]) == [
        "4",
        "ja",
        "Wekelijks",
        "2850",
        'Goed, zie ook "notulen"',
    ]
    assert controle.voorbeeld[1][1][3] == "1500,5"
    assert "Importeren bevestigen" in html
    assert _bevestigen(adviseur, ronde).status_code == 302
    assert _antwoord(a1, "ALG01").getal == Decimal("2850.00")
    assert _antwoord(b1, "ALG01").getal == Decimal("1500.50")
    assert _antwoord(b1, "SW03").tekst == "Minder dan maandelijks"
    assert _antwoord(a1, "SW02").ja_nee is True


def test_limesurvey_full_text_headings_and_answer_codes(adviseur, ronde, world):
    a1 = world.praktijk_a1
    bestand = _csv(
        [
            [
                *LIME_META_VOL,
                "AGB code",
                SW01_TEKST,
                "SW02. Heeft u een waarneemregeling?",
                "SW03[SQ001]",
                ALG01_TEKST,
            ],
            [*_lime_meta(7), a1.agb_code, "5", "Y", "A2", "950"],
        ]
    )
    response = _upload(adviseur, ronde, "results-survey123456.csv", bestand)
    controle = response.context["controle"]
    assert [k.reden for k in controle.vraagkolommen] == [
        "vraagtekst",
        "vraagcode in de kop",
        "vraagcode in de kop",
        "vraagtekst",
    ]
    assert len(controle.genegeerd) == len(LIME_META_VOL)
    assert controle.voorbeeld[0][1] == ["5", "ja", "Maandelijks", "950"]
    assert controle.in_orde


def test_limesurvey_xlsx_with_codetext_headings(adviseur, ronde, world):
    a1, b1 = world.praktijk_a1, world.praktijk_b1
    bestand = _xlsx(
        [
            [
                *LIME_META,
                "agbcode",
                f"SW01. {SW01_TEKST}",
                "SW02. Heeft u een waarneemregeling?",
                "ALG01. Aantal",
            ],
            [*_lime_meta(1), a1.agb_code, "3", "Nee", "2850"],
            [*_lime_meta(2), b1.agb_code, "4", "Ja", "12.5"],
        ]
    )
    response = _upload(adviseur, ronde, "results-survey123456.xlsx", bestand)
    controle = response.context["controle"]
    assert controle.in_orde, controle.fouten
    assert controle.bron == "LimeSurvey"
    assert _bevestigen(adviseur, ronde).status_code == 302
    assert _antwoord(b1, "ALG01").getal == Decimal("12.50")
    assert _antwoord(a1, "SW01").getal == 3


# KoboToolbox (formpack's CSV export): ";" and every field quoted; the form's meta questions first
# (start, end, today, deviceid), the question names as headings (choice names as values), and the
# submission's own columns at the end (_id … _index).
KOBO_VOOR = ["start", "end", "today", "deviceid"]
KOBO_NA = [
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "__version__",
    "_tags",
    "_index",
]


def _kobo_voor():
    return [
        "2025-03-04T10:02:11.000+01:00",
        "2025-03-04T10:12:00.000+01:00",
        "2025-03-04",
        "ee.kobotoolbox.org:abc",
    ]


def _kobo_na(n: int):
    return [
        str(4000 + n),
        f"5f1c-{n}",
        "2025-03-04T09:12:01",
        "",
        "",
        "submitted_via_web",
        "",
        "vQx7",
        "",
        str(n),
    ]


def test_kobotoolbox_csv_imports(adviseur, ronde, world):
    a1, b1 = world.praktijk_a1, world.praktijk_b1
    bestand = _csv(
        [
            [*KOBO_VOOR, "agb_code", "SW01", "SW02", "SW03", "ALG01", *KOBO_NA],
            [*_kobo_voor(), a1.agb_code, "4", "ja", "minder_dan_maandelijks", "2850", *_kobo_na(1)],
            [*_kobo_voor(), b1.agb_code, "1", "nee", "wekelijks", "17.25", *_kobo_na(2)],
        ],
        delimiter=";",
        bom=False,
    )
    response = _upload(adviseur, ronde, "Monitoring_-_all_versions_-_labels_-_2025-03-05.csv", bestand)
    html = response.content.decode()
    controle = response.context["controle"]
    assert "Herkend als export van KoboToolbox" in html
    assert [k.kop for k in controle.genegeerd] == KOBO_VOOR + KOBO_NA
    assert controle.notatie == "en"
    assert controle.voorbeeld[0][1] == ["4", "ja", "Minder dan maandelijks", "2850"]
    assert controle.voorbeeld[1][1] == ["1", "nee", "Wekelijks", "17,25"]
    assert _bevestigen(adviseur, ronde).status_code == 302
    assert _antwoord(b1, "ALG01").getal == Decimal("17.25")


def test_kobotoolbox_xlsx_imports(adviseur, ronde, world):
    a1 = world.praktijk_a1
    bestand = _xlsx(
        [
            [*KOBO_VOOR, "AGB", "samenwerking/SW01", "samenwerking/SW03", "ALG01", *KOBO_NA],
            [
                *_kobo_voor(),
                int(a1.agb_code),
                5,
                "maandelijks",
                2850,
                4001,
                "5f1c",
                "2025-03-04T09:12:01",
                None,
                None,
                "submitted_via_web",
                None,
                "vQx7",
                None,
                1,
            ],
        ]
    )
    response = _upload(adviseur, ronde, "Monitoring.xlsx", bestand)
    controle = response.context["controle"]
    assert controle.in_orde, (controle.fouten, controle.onbekend)
    assert controle.bron == "KoboToolbox"
    assert controle.voorbeeld[0][0] == a1, "the AGB code lost its leading zero in the number cell"
    assert _bevestigen(adviseur, ronde).status_code == 302
    assert _antwoord(a1, "ALG01").getal == 2850 and _antwoord(a1, "SW03").tekst == "Maandelijks"


# --- Dutch Excel ----------------------------------------------------------------------------------


def test_dutch_excel_csv_with_thousands_separators_stores_2850(adviseur, ronde, world):
    a1, b1 = world.praktijk_a1, world.praktijk_b1
    tekst = (
        "AGB-code;SW01;ALG01;;;\r\n"
        f"{a1.agb_code.lstrip('0')};4;2.850;;;\r\n"
        f"{b1.agb_code.lstrip('0')};3;950;;;\r\n"
    )
    response = _upload(adviseur, ronde, "monitoring.csv", tekst.encode("cp1252"))
    controle = response.context["controle"]
    assert controle.notatie == "nl"
    assert [k.reden for k in controle.genegeerd] == ["lege kolom"] * 3
    assert controle.voorbeeld[0] == (a1, ["4", "2850"])
    assert "2850" in response.content.decode()
    assert _bevestigen(adviseur, ronde).status_code == 302
    assert _antwoord(a1, "ALG01").getal == Decimal("2850")


def test_dutch_decimal_comma_decides_the_convention(adviseur, ronde, world):
    a1, b1 = world.praktijk_a1, world.praktijk_b1
    tekst = f"agb;ALG01\n{a1.agb_code};1.234,5\n{b1.agb_code};2.850\n"
    controle = _upload(adviseur, ronde, "m.csv", tekst.encode()).context["controle"]
    assert controle.notatie == "nl" and controle.in_orde
    assert [w for _p, w in controle.voorbeeld] == [["1234,5"], ["2850"]]


def test_an_ambiguous_number_is_a_cell_error_never_2_85(adviseur, ronde, world):
    a1 = world.praktijk_a1
    bestand = _csv([["AGB", "ALG01"], [a1.agb_code, "2.850"]])  # "," file: no Dutch Excel
    response = _upload(adviseur, ronde, "export.csv", bestand)
    controle = response.context["controle"]
    assert not controle.in_orde
    assert "dubbelzinnig: 2850 of 2,85" in response.content.decode()
    assert controle.voorbeeld[0][1] == ["(fout)"]
    assert "Importeren bevestigen" not in response.content.decode()
    assert not Antwoord.objects.exists()


@pytest.mark.parametrize("kop", ["agb", "AGB", "agbcode", "agb_code", "AGB-code", "AGB code", "Agb_Code"])
def test_the_agb_heading_in_any_spelling_and_any_position(adviseur, ronde, world, kop):
    tekst = f"SW01;{kop}\n4;{world.praktijk_a1.agb_code.lstrip('0')}\n"
    controle = _upload(adviseur, ronde, "m.csv", tekst.encode()).context["controle"]
    assert controle.in_orde and controle.rijen[0][0] == world.praktijk_a1


# --- OpenDocument -----------------------------------------------------------------------------------


def _ods(rijen) -> bytes:
    """A spreadsheet as LibreOffice Calc saves it: mimetype first and stored, float cells with
    office:value, the rest of the row as one repeated empty cell."""

    def cel(waarde):
        if waarde is None:
            return '<table:table-cell table:number-columns-repeated="1018"/>'
        if isinstance(waarde, int | float):
            return (
                f'<table:table-cell office:value-type="float" office:value="{waarde}" calcext:value-type="float">'  # noqa: E501
                f"<text:p>{waarde}</text:p></table:table-cell>"
            )
        return f'<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>{waarde}</text:p></table:table-cell>'  # noqa: E501

    tabel = "".join(
        "<table:table-row>" + "".join(cel(w) for w in [*rij, None]) + "</table:table-row>" for rij in rijen
    )
    inhoud = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3">'  # noqa: E501
        '<office:body><office:spreadsheet><table:table table:name="Blad1">'
        '<table:table-column table:number-columns-repeated="1024"/>'
        f"{tabel}"
        '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'  # noqa: E501
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'  # noqa: E501
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'  # noqa: E501
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED
        )
        z.writestr("content.xml", inhoud, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def test_an_ods_file_imports(adviseur, ronde, world):
    a1 = world.praktijk_a1
    bestand = _ods([["AGB-code", "SW01", "SW03", "ALG01"], [int(a1.agb_code), 4, "Wekelijks", 2850]])
    response = _upload(adviseur, ronde, "monitoring.ods", bestand)
    controle = response.context["controle"]
    assert controle.in_orde, (controle.fouten, [k.kop for k in controle.onbekend])
    assert controle.voorbeeld[0] == (a1, ["4", "Wekelijks", "2850"])
    assert _bevestigen(adviseur, ronde).status_code == 302
    assert _antwoord(a1, "ALG01").getal == 2850


# --- mapping step -----------------------------------------------------------------------------------


def test_the_mapping_step_links_an_unknown_heading_and_remembers_it(adviseur, ronde, world):
    a1 = world.praktijk_a1
    url = reverse("monitoring:import", args=[ronde.pk])
    tekst = f"AGB;Aantal ingeschreven patiënten (peildatum 1 jan);Opmerking intern\n{a1.agb_code};2850;x\n"
    response = _upload(adviseur, ronde, "m.csv", tekst.encode())
    controle = response.context["controle"]
    assert [k.index for k in controle.onbekend] == [1, 2]
    assert "Importeren bevestigen" not in response.content.decode()
    alg01 = ronde.vragenlijst.vragen.get(code="ALG01")
    token = adviseur.session["monitoring_import"]["token"]
    response = adviseur.post(
        url, {"actie": "koppelen", "token": token, "kolom_1": str(alg01.pk), "kolom_2": "negeren"}
    )
    controle = response.context["controle"]
    assert controle.in_orde and controle.voorbeeld[0] == (a1, ["2850"])
    assert set(ImportKoppeling.objects.values_list("kop", "vraag__code")) == {
        ("aantal ingeschreven patiënten (peildatum 1 jan)", "ALG01"),
        ("opmerking intern", None),
    }
    # A question of another vragenlijst or a made-up id is a field error, not a 500.
    response = adviseur.post(url, {"actie": "koppelen", "token": token, "kolom_1": "99999"})
    assert response.status_code == 200
    # The next upload recognises the headings at once.
    controle = _upload(adviseur, ronde, "m.csv", tekst.encode()).context["controle"]
    assert controle.in_orde and controle.vraagkolommen[0].reden == "eerder gekoppeld"
    assert _bevestigen(adviseur, ronde).status_code == 302
    assert _antwoord(a1, "ALG01").getal == 2850


# --- template ---------------------------------------------------------------------------------------


def test_the_template_has_the_headings_and_agb_codes_as_text_and_imports_back(adviseur, ronde, world):
    response = adviseur.get(reverse("monitoring:import-sjabloon", args=[ronde.pk, "xlsx"]))
    assert response.status_code == 200 and "importsjabloon" in response["Content-Disposition"]
    blad = load_workbook(io.BytesIO(response.content)).active
    koppen = [c.value for c in blad[1]]
    assert koppen == ["AGB-code", "Praktijk", "Wijk", "SW01", "SW02", "SW03", "ALG01", "OPEN1"]
    agb_cellen = [rij[0] for rij in blad.iter_rows(min_row=2)]
    assert world.praktijk_a1.agb_code in [c.value for c in agb_cellen]
    assert all(c.data_type == "s" and len(c.value) == 8 and c.value.startswith("0") for c in agb_cellen)
    # Filled in and uploaded again.
    for rij in blad.iter_rows(min_row=2):
        rij[3].value, rij[4].value, rij[6].value = 4, "ja", 1200
    buffer = io.BytesIO()
    blad.parent.save(buffer)
    controle = _upload(adviseur, ronde, "sjabloon.xlsx", buffer.getvalue()).context["controle"]
    assert controle.in_orde and [k.reden for k in controle.genegeerd] == ["ter informatie"] * 2

    response = adviseur.get(reverse("monitoring:import-sjabloon", args=[ronde.pk, "csv"]))
    regels = response.content.decode("utf-8-sig").splitlines()
    assert regels[0] == "AGB-code;Praktijk;Wijk;SW01;SW02;SW03;ALG01;OPEN1"
    assert adviseur.get(reverse("monitoring:import-sjabloon", args=[ronde.pk, "pdf"])).status_code == 404


# --- bounded uploads --------------------------------------------------------------------------------


def _zipbom(doel_mb: int) -> bytes:
    """A valid xlsx whose sheet unpacks to ``doel_mb`` MB (the rows padded with spaces)."""
    bron = zipfile.ZipFile(io.BytesIO(_xlsx([["AGB", "SW01"], ["01000001", 4]])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as uit:
        for deel in bron.infolist():
            if deel.filename != "xl/worksheets/sheet1.xml":
                uit.writestr(deel, bron.read(deel))
                continue
            blad = bron.read(deel).decode()
            kop, staart = blad.split("<sheetData>", 1)
            groot = zipfile.ZipInfo(deel.filename)
            groot.compress_type = zipfile.ZIP_DEFLATED
            with uit.open(groot, "w", force_zip64=True) as f:
                f.write((kop + "<sheetData>").encode())
                blok = b" " * (1024 * 1024)
                for _i in range(doel_mb):
                    f.write(blok)
                f.write(staart.encode())
    return buffer.getvalue()


def test_a_zip_bomb_xlsx_is_refused_quickly_with_bounded_memory(adviseur, ronde):
    bom = _zipbom(391)
    assert len(bom) < 2 * 1024 * 1024
    tracemalloc.start()
    begin = time.monotonic()
    with pytest.raises(importeren.BestandFout, match="uitgepakt groter dan 50 MB"):
        importeren.lees_bestand(bom, "bom.xlsx")
    duur = time.monotonic() - begin
    _nu, piek = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert duur < 1 and piek < 10 * 1024 * 1024
    begin = time.monotonic()
    response = _upload(adviseur, ronde, "bom.xlsx", bom)
    assert time.monotonic() - begin < 3
    assert "uitgepakt groter dan 50 MB" in response.content.decode()
    assert not storages["private"].exists("imports")


def test_a_100k_row_csv_is_refused_quickly(adviseur, ronde):
    bestand = ("AGB;SW01\n" + "01000001;4\n" * 100_000).encode()
    begin = time.monotonic()
    response = _upload(adviseur, ronde, "groot.csv", bestand)
    assert time.monotonic() - begin < 3
    assert "meer dan 2000 regels" in response.content.decode()


def test_the_error_list_is_capped(adviseur, ronde):
    regels = ["AGB;SW01;SW02;ALG01"] + [f"{10000000 + n};9;misschien;veel" for n in range(1500)]
    response = _upload(adviseur, ronde, "fout.csv", "\n".join(regels).encode())
    html = response.content.decode()
    assert "Hieronder de eerste 200 van 6000 problemen." in html
    assert len(response.context["controle"].fouten) == 200
    assert len(response.content) < 300_000


def test_a_utf16_file_gets_a_message_about_its_encoding(adviseur, ronde, world):
    bestand = f"AGB\tSW01\r\n{world.praktijk_a1.agb_code}\t4\r\n".encode("utf-16")
    html = _upload(adviseur, ronde, "unicode.csv", bestand).content.decode()
    assert "UTF-16" in html and "AGB" not in html.split("UTF-16")[1][:200]


def test_a_nul_byte_in_an_open_answer_is_refused_in_the_preview(adviseur, ronde, world):
    bestand = f"AGB;OPEN1\n{world.praktijk_a1.agb_code};goed\x00zo\n".encode()
    response = _upload(adviseur, ronde, "nul.csv", bestand)
    assert response.status_code == 200
    assert "stuurteken" in response.content.decode()
    assert "Importeren bevestigen" not in response.content.decode()
    response = _bevestigen(adviseur, ronde)
    assert response.status_code == 200 and not Respons.objects.exists()


# --- cleanup ----------------------------------------------------------------------------------------


def test_abandoned_previews_are_removed_by_the_beat_task(prive):
    oud = prive.save("imports/oud.csv", ContentFile(b"AGB;SW01\n"))
    nieuw = prive.save("imports/nieuw.csv", ContentFile(b"AGB;SW01\n"))
    twee_dagen = (timezone.now() - datetime.timedelta(days=2)).timestamp()
    os.utime(prive.path(oud), (twee_dagen, twee_dagen))
    assert imports_opruimen_task() == 1
    assert not prive.exists(oud) and prive.exists(nieuw)
    schema = settings.CELERY_BEAT_SCHEDULE["imports-opruimen"]
    assert schema["task"] == imports_opruimen_task.name
