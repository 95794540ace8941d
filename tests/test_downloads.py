"""Every download of the portal, read back as Excel, LibreOffice and browsers read it: formulas guarded by
the cell's quote-prefix (no visible apostrophe), fitted widths, wrapped long texts, a frozen and filtered
header, rounded numbers, and a Content-Disposition that keeps accents (RFC 6266)."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from monitoring.vragenlijsten.services import respons_opslaan
from samenwerking.models import NotulenPdf
from tests.monitoring.factories import PraktijkbezoekFactory
from tests.monitoring.test_views import ronde  # noqa: F401 (fixture)
from tests.samenwerking.factories import AfspraakFactory, OverlegFactory
from tests.samenwerking.test_terugkoppeling import TOT, VAN, concept  # noqa: F401 (fixture)
from tests.wijken.factories import PartnerFactory
from zio_portal.achtergrond import Status

pytestmark = pytest.mark.django_db

LANG = (
    "Bij uitval van een huisarts vangen de andere praktijken in de wijk de spoedvragen op, "
    "volgens het rooster dat de praktijkmanagers elk kwartaal samen vaststellen."
)


def _blad(response, naam: str | None = None):
    wb = load_workbook(io.BytesIO(response.content))
    return wb[naam] if naam else wb.active


def _kolom(blad, kop: str) -> str:
    return next(c.column_letter for c in blad[1] if c.value == kop)


def _laid_out(blad) -> None:
    assert blad.freeze_panes == "A2", "frozen header"
    assert blad.auto_filter.ref == blad.dimensions, "filtered header"
    assert all(c.font.bold for c in blad[1])
    breedtes = [blad.column_dimensions[c.column_letter].width for c in blad[1]]
    assert all(10 <= b <= 62 for b in breedtes), breedtes


def test_sociale_kaart_of_a_wijk_with_an_accent(world, client):
    world.wijk_a1.naam = "Wyck-Céramique"
    world.wijk_a1.save()
    PartnerFactory(naam="Apotheek Céramique", telefoon="+31 43 123 45 67", wijken=[world.wijk_a1])
    client.force_login(world.users["beleidsadviseur"])
    response = client.get(reverse("wijken:sociale-kaart-export", args=[world.wijk_a1.pk]))
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''sociale-kaart-Wyck-C%C3%A9ramique.xlsx"
    )
    blad = _blad(response)
    _laid_out(blad)
    telefoon = blad[f"{_kolom(blad, 'Telefoon')}2"]
    assert telefoon.value == "+31 43 123 45 67" and telefoon.quotePrefix, "text as typed, never a formula"


def test_afspraken_xlsx_wraps_long_texts_and_guards_formulas(world, client):
    AfspraakFactory(verband=world.verband_a1, thema=world.afspraak_a1.thema, titel="=1+1", specifiek=LANG)
    client.force_login(world.users["beheerder"])
    response = client.get(reverse("samenwerking:afspraak-export-xlsx"))
    assert response["Content-Disposition"].startswith('attachment; filename="afspraken-')
    blad = _blad(response)
    _laid_out(blad)
    specifiek = _kolom(blad, "Specifiek")
    rij = next(r for r in range(2, blad.max_row + 1) if blad[f"A{r}"].value == "=1+1")
    assert blad[f"A{rij}"].data_type == "s" and blad[f"A{rij}"].quotePrefix
    assert blad[f"{specifiek}{rij}"].value == LANG and blad[f"{specifiek}{rij}"].alignment.wrap_text
    assert blad.column_dimensions[specifiek].width == 62
    korte = [blad[f"B{r}"] for r in range(2, blad.max_row + 1)]
    assert not any(c.alignment.wrap_text or c.quotePrefix for c in korte)


def test_afspraken_csv_keeps_the_apostrophe_only_in_csv(world, client):
    AfspraakFactory(verband=world.verband_a1, thema=world.afspraak_a1.thema, titel="+31 43")
    client.force_login(world.users["beheerder"])
    tekst = client.get(reverse("samenwerking:afspraak-export-csv")).content.decode()
    assert "\n'+31 43;" in tekst


def test_results_workbook_rounds_means_freezes_headers_and_guards_answers(world, ronde, client):  # noqa: F811
    vragen = {v.code: v for v in ronde.vragenlijst.vragen.all()}
    for praktijk, aantal, open_ in (
        (world.praktijk_a1, 1000, '=HYPERLINK("http://x")'),
        (world.praktijk_a1_buur, 2001, ""),
        (world.praktijk_b1, 3000, ""),
    ):
        waarden = {"SW01": 4, "SW02": True, "SW03": "Wekelijks", "ALG01": aantal, "OPEN1": open_ or None}
        respons_opslaan(
            ronde=ronde,
            praktijk=praktijk,
            waarden={vragen[code]: w for code, w in waarden.items()},
            indienen=True,
            door=None,
        )
    client.force_login(world.users["praktijkmedewerker"])
    response = client.get(reverse("monitoring:resultaten-export", args=[ronde.pk]))
    wb = load_workbook(io.BytesIO(response.content))
    for blad in wb.worksheets:
        _laid_out(blad)
    getallen = wb["Getallen"]
    regio = next(
        r for r in getallen.iter_rows(min_row=2) if r[0].value == "ALG01" and r[2].value.startswith("Regio")
    )
    assert regio[3].value == pytest.approx(2000.333, abs=0.001)
    assert regio[3].number_format == "0.0#", "shown rounded to at most two decimals"
    eigen = wb["Eigen antwoorden"]
    antwoord = next(r[3] for r in eigen.iter_rows(min_row=2) if r[0].value == "OPEN1" and r[3].value)
    assert antwoord.value == '=HYPERLINK("http://x")' and antwoord.data_type == "s" and antwoord.quotePrefix


def test_resv_selection_is_laid_out(world, users, concept, client):  # noqa: F811
    client.force_login(users["projectleider"])
    response = client.get(reverse("samenwerking:resv-export") + f"?periode={VAN}_{TOT}")
    assert response["Content-Disposition"].startswith("attachment; filename")
    _laid_out(_blad(response))


def test_calendar_and_pdf_downloads_keep_their_names(world, client):
    world.wsv_a1.naam = "WSV Céramique"
    world.wsv_a1.save()
    overleg = OverlegFactory(verband=world.wsv_a1, datum=datetime.date(2026, 12, 3))
    pdf = NotulenPdf(overleg=overleg, status=Status.GEREED, gereed_op=timezone.now())
    pdf.bestand.save("notulen.pdf", ContentFile(b"%PDF-1.7\n"), save=False)
    pdf.save()
    bezoek = PraktijkbezoekFactory(praktijk=world.praktijk_a1, bezoekers=[world.users["beleidsadviseur"]])
    client.force_login(world.users["beheerder"])

    ics = client.get(reverse("samenwerking:overleg-ics", args=[overleg.pk]))
    assert ics["Content-Type"].startswith("text/calendar")
    assert ics["Content-Disposition"] == 'attachment; filename="overleg-2026-12-03.ics"'
    ics = client.get(reverse("monitoring:bezoek-ics", args=[bezoek.pk]))
    assert ics["Content-Disposition"] == f'attachment; filename="praktijkbezoek-{bezoek.pk}.ics"'

    pdf = client.get(reverse("samenwerking:overleg-notulen-pdf", args=[overleg.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf["Cache-Control"] == "private, no-store"
    assert pdf["Content-Disposition"] == (
        "attachment; filename*=utf-8''notulen-WSV-C%C3%A9ramique-2026-12-03.pdf"
    )
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
