"""The wijkplan in the browser: from the CBS import to a vastgesteld plan, with axe-core checks at
laptop and phone width."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from monitoring.models import Wijkplan
from portaal.demo import DEMO_WACHTWOORD
from samenwerking.constants import OverlegStatus, VerbandSoort
from samenwerking.models import Besluitvorming, Overleg

from .conftest import bekijk, login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DEMO_CBS = Path(__file__).resolve().parents[2] / "portaal" / "demo" / "cbs"


def test_van_cbs_import_tot_vastgesteld_wijkplan(page, axe, browser, live_server):
    call_command("demodata", verbosity=0)
    jaar = timezone.localdate().year

    login(page, "beleidsadviseur", DEMO_WACHTWOORD)
    page.wait_for_url("**/")
    page.goto("/monitoring/wijkplannen/cbs-import/")
    page.get_by_label("Jaar van de cijfers").fill("2025")
    page.get_by_label("CBS-bestand").set_input_files(
        str(DEMO_CBS / "kerncijfers_wijken_en_buurten_2025_DEMO.csv")
    )
    page.get_by_role("button", name="Bestand controleren").click()
    assert page.get_by_text("Controle in orde", exact=False).is_visible()
    bekijk(page, axe, "wijkplan-cbs-import")
    page.get_by_role("button", name="Importeren bevestigen").click()
    assert page.get_by_text("zijn geïmporteerd", exact=False).is_visible()
    page.get_by_role("button", name="Uitloggen").click()

    login(page, "gebiedsmanager", DEMO_WACHTWOORD)
    page.wait_for_url("**/")
    page.get_by_role("link", name="Wijkplannen", exact=True).click()
    page.get_by_label(f"Wijkplan {jaar} starten voor").select_option(label="Malberg")
    page.get_by_role("button", name="Wijkplan starten").click()
    assert page.get_by_role("heading", name=f"Wijkplan Malberg {jaar}").is_visible()

    page.get_by_text("Zorgvraag, kwetsbare groep, knelpunt of gezondheidsvraagstuk toevoegen").click()
    page.locator("#id_scanitem-soort").select_option("gezondheidsvraagstuk")
    page.locator("#id_scanitem-titel").fill("Eenzaamheid onder ouderen")
    page.locator("#scanitem").get_by_role("button", name="Opslaan").click()
    page.get_by_text("Prioriteit kiezen uit de wijkscan").click()
    page.locator("#id_prioriteit-scanitem").select_option(label="Eenzaamheid onder ouderen")
    page.locator("#prioriteit form").first.get_by_role("button", name="Opslaan").click()
    page.get_by_text("SMART-doel toevoegen").click()
    page.locator("#id_doel-prioriteit").select_option(index=1)
    page.locator("#id_doel-titel").fill("Eenzame ouderen eerder in beeld")
    page.locator("#id_doel-specifiek").fill("Praktijken signaleren eenzaamheid bij 75-plussers.")
    page.locator("#id_doel-meetbaar").fill("30 verwijzingen naar welzijn op recept per jaar.")
    page.locator("#id_doel-acceptabel").fill("Afgesproken in de WSV.")
    page.locator("#id_doel-realistisch").fill("Welzijn op recept bestaat al.")
    page.locator("#id_doel-tijdgebonden").fill(f"{jaar}-12-31")
    page.locator("#doel").get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("Doel: Eenzame ouderen eerder in beeld").is_visible()
    bekijk(page, axe, "wijkplan-concept")

    plan = Wijkplan.objects.get(wijk__naam="Malberg", jaar=jaar)
    page.goto(f"/monitoring/wijkplannen/{plan.pk}/wijkscan/")
    assert page.get_by_role("heading", name="Bevolking (CBS)").is_visible()
    bekijk(page, axe, "wijkplan-wijkscan")

    overleg = (
        Overleg.objects.filter(
            verband__wijk=plan.wijk,
            verband__soort=VerbandSoort.MULTIDISCIPLINAIR,
            status=OverlegStatus.GEHOUDEN,
        )
        .order_by("-datum")
        .first()
    )
    Besluitvorming.objects.create(overleg=overleg, tekst="Het wijkplan van Malberg wordt vastgesteld.")
    page.goto(f"/monitoring/wijkplannen/{plan.pk}/vaststellen/")
    page.get_by_label("Besluit in het WSV-overleg").select_option(index=1)
    page.get_by_role("button", name="Vaststellen").click()
    assert page.get_by_text("Het wijkplan is vastgesteld.").is_visible()
    plan.refresh_from_db()
    assert plan.status == "vastgesteld"
    bekijk(page, axe, "wijkplan-vastgesteld")
