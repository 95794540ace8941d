"""The regionale rapportage in the browser, made by a real Celery worker: the beleidsadviseur requests
the region report, watches the state change without a reload and downloads the PDF; axe-core checks
the rapportage pages and the dashboard."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.utils import timezone
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
    rapportage.bestand.storage.delete(rapportage.bestand.name)
