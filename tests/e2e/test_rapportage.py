"""The regionale rapportage in the browser, made by a real Celery worker: the beleidsadviseur requests
the region report, watches the state change without a reload and downloads the PDF; axe-core checks
the rapportage pages and the dashboard."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import expect
from pypdf import PdfReader

from monitoring.models import Rapportage
from portaal.demo import DEMO_WACHTWOORD
from wijken.models import Wijk

from .conftest import ernstige_schendingen, login, screenshot

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_beleidsadviseur_requests_watches_and_downloads_the_region_report(
    celery_worker_process, page, axe, tmp_path
):
    call_command("demodata", verbosity=0)
    jaar = timezone.localdate().year - 1
    login(page, "beleidsadviseur", DEMO_WACHTWOORD)
    page.wait_for_url("**/")

    # The dashboard from the navigation: live figures and charts, accessible.
    page.get_by_role("link", name="Dashboard", exact=True).click()
    page.wait_for_url("**/rapportages/dashboard/")
    assert page.locator("svg.grafiek").count() >= 3
    assert page.get_by_role("cell", name="Wittevrouwenveld", exact=True).is_visible()
    screenshot(page, "rapportage-dashboard")
    assert ernstige_schendingen(axe, page) == []
    page.get_by_label("Gebied", exact=True).select_option(label="Maastricht-Noord")
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url("**gebied=*")
    assert page.get_by_role("cell", name="Caberg", exact=True).is_visible()
    assert page.get_by_role("cell", name="Amby", exact=True).count() == 0
    assert ernstige_schendingen(axe, page) == []

    page.goto("/rapportages/")
    assert ernstige_schendingen(axe, page) == []
    page.get_by_role("link", name="Rapportage aanvragen").click()
    assert ernstige_schendingen(axe, page) == []
    page.get_by_label("Een kalenderjaar").check()
    page.get_by_label("Jaar", exact=True).fill(str(jaar))
    page.get_by_label("Reikwijdte").select_option("regio")
    page.get_by_role("button", name="Aanvragen").click()
    page.wait_for_url("**/rapportages/*/")
    rapportage = Rapportage.objects.get()
    assert (rapportage.periode_van.year, rapportage.aangevraagd_door.username) == (jaar, "beleidsadviseur")

    # The page updates itself: a marker on the window survives, so there was no reload.
    page.evaluate("window.geenHerlaadbeurt = true")
    status = page.locator("#rapportage-status")
    assert status.get_by_text("In de wachtrij").or_(status.get_by_text("Wordt gemaakt")).first.is_visible()
    assert ernstige_schendingen(axe, page) == []
    download = page.get_by_role("link", name="Download de PDF")
    download.wait_for(timeout=180_000)
    assert page.evaluate("window.geenHerlaadbeurt") is True
    assert status.get_by_text("Gereed", exact=True).is_visible()
    assert page.get_by_role("heading", name="Beoordelen en delen").is_visible()
    screenshot(page, "rapportage-gereed")
    assert ernstige_schendingen(axe, page) == []

    with page.expect_download() as info:
        download.click()
    pad = tmp_path / "rapportage.pdf"
    info.value.save_as(pad)
    inhoud = pad.read_bytes()
    assert inhoud.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(inhoud))
    tekst = "\n".join(p.extract_text() for p in reader.pages)
    namen = list(Wijk.objects.values_list("naam", flat=True))
    assert len(namen) > 10
    for naam in namen:
        assert naam in tekst, naam
    rapportage.refresh_from_db()
    assert rapportage.status == "gereed" and rapportage.pogingen == 1

    # --- Sharing: a concept is the beleidsadviseur's alone; shared, the others see and download it ---
    rapport_url = page.url
    _wissel(page, "projectleider")
    page.get_by_role("link", name="Rapportages", exact=True).click()
    page.wait_for_url("**/rapportages/")
    assert page.get_by_text("Er zijn nog geen rapportages die u mag zien.").is_visible(), "no concept"
    assert page.get_by_role("link", name=_periode(rapportage)).count() == 0

    _wissel(page, "beleidsadviseur")
    page.goto(rapport_url)
    page.get_by_role("button", name="Definitief maken").click()
    delen = page.get_by_role("button", name="Delen met projectleider en gebiedsmanagers")
    delen.wait_for(timeout=180_000)
    assert ernstige_schendingen(axe, page) == []
    delen.click()
    page.get_by_text("Gedeeld op").wait_for()
    rapportage.refresh_from_db()
    assert rapportage.definitief_op and rapportage.gedeeld_op

    # A gebiedsmanager (a region report: every gebiedsmanager) finds it under Rapportages in the menu.
    _wissel(page, "gebiedsmanager")
    page.get_by_role("link", name="Rapportages", exact=True).click()
    page.wait_for_url("**/rapportages/")
    rij = page.get_by_role("row").filter(has=page.get_by_role("link", name=_periode(rapportage)))
    assert rij.get_by_text("gedeeld").is_visible() and rij.get_by_text("definitief").is_visible()
    assert ernstige_schendingen(axe, page) == []
    rij.get_by_role("link", name=_periode(rapportage)).click()
    page.wait_for_url(f"**/rapportages/{rapportage.pk}/")
    assert page.locator("#zichtbaar-voor").get_by_text("gebiedsmanagers", exact=False).is_visible()
    assert page.get_by_role("heading", name="Beoordelen en delen").count() == 0, "only the beleidsadviseur"
    download = page.get_by_role("link", name="Download de PDF")
    download.wait_for(timeout=180_000)  # the final PDF may still be in the making: the page updates
    assert ernstige_schendingen(axe, page) == []
    screenshot(page, "rapportage-gebiedsmanager-rapport")
    with page.expect_download() as info:
        download.click()
    gedeeld = tmp_path / "gedeeld.pdf"
    info.value.save_as(gedeeld)
    assert gedeeld.read_bytes().startswith(b"%PDF-")
    assert "Definitief" in "\n".join(p.extract_text() for p in PdfReader(gedeeld).pages)
    page.get_by_role("link", name="Regionale rapportages").click()
    page.wait_for_url("**/rapportages/")
    expect(rij.get_by_role("link", name="PDF")).to_be_visible()
    screenshot(page, "rapportage-gebiedsmanager-lijst")

    # The projectleider now sees the shared report, and still no concept.
    Rapportage.objects.create(
        periode_van=rapportage.periode_van,
        periode_tot=rapportage.periode_tot,
        scope=rapportage.scope,
        aangevraagd_door=rapportage.aangevraagd_door,
    )
    _wissel(page, "projectleider")
    page.get_by_role("link", name="Rapportages", exact=True).click()
    page.wait_for_url("**/rapportages/")
    rijen = page.get_by_role("row").filter(has=page.get_by_role("link", name=_periode(rapportage)))
    assert rijen.count() == 1, "the shared report, not the new concept of the same period"
    assert rijen.get_by_text("definitief").is_visible()
    screenshot(page, "rapportage-projectleider-lijst")
    rapportage.bestand.storage.delete(rapportage.bestand.name)


def _periode(rapportage: Rapportage) -> str:
    return f"{date_format(rapportage.periode_van, 'j F Y')} – {date_format(rapportage.periode_tot, 'j F Y')}"


def _wissel(page, username: str) -> None:
    """Log out and log in as ``username`` with the visible labels, landing on the home page."""
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/inloggen/**")
    login(page, username, DEMO_WACHTWOORD)
    page.wait_for_url("**/")
