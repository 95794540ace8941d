"""Monitoring in the browser: the vragenlijst, the import and a praktijkbezoek, with axe-core checks."""

import datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from monitoring.models import Praktijkbezoek, Respons, Ronde
from portaal.demo import DEMO_WACHTWOORD
from wijken.models import Praktijk

from .conftest import ernstige_schendingen, login, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _open_ronde() -> Ronde:
    return Ronde.objects.filter(vragenlijst__jaar=timezone.localdate().year).get()


def _telefoon(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 390, "height": 844}
    )
    context.set_default_timeout(15_000)
    return context, context.new_page()


def test_practice_manager_fills_in_saves_a_draft_and_submits(page, axe, browser, live_server):
    call_command("demodata", verbosity=0)
    login(page, "praktijkmanager", DEMO_WACHTWOORD)
    page.wait_for_url("**/")
    page.get_by_role("link", name="Vragenlijst", exact=True).click()
    page.get_by_role("link", name="Verder invullen").first.click()
    assert page.get_by_text("Uw antwoord in", exact=False).first.is_visible(), "last year's answers beside"
    assert ernstige_schendingen(axe, page) == []

    # A wrong number: the message is next to the field and the input is kept.
    veld = page.locator("input[name=ALG01]")
    veld.fill("heel veel")
    page.get_by_role("button", name="Concept opslaan").click()
    assert page.locator("#fout-ALG01").inner_text().startswith("Vul een getal in")
    assert page.locator("input[name=ALG01]").input_value() == "heel veel"
    screenshot(page, "monitoring-vragenlijst-fout")
    assert ernstige_schendingen(axe, page) == []

    page.locator("input[name=ALG01]").fill("4200")
    page.get_by_role("button", name="Concept opslaan").click()
    assert page.get_by_text("als concept opgeslagen").is_visible()
    praktijk = Praktijk.objects.get(medewerkers__user__username="praktijkmanager")
    respons = Respons.objects.get(ronde=_open_ronde(), praktijk=praktijk)
    assert respons.status == "concept" and respons.antwoorden.get(vraag__code="ALG01").getal == 4200

    # Answer every required question that is still open, then submit.
    for groep in page.locator("[role=radiogroup]").all():
        if not groep.locator("input:checked").count():
            groep.locator("input").first.check()
    for invoer in page.locator("input[inputmode=decimal]").all():
        if not invoer.input_value():
            invoer.fill("3")
    page.get_by_role("button", name="Indienen").click()
    assert page.get_by_text("de vragenlijst is ingediend").is_visible()
    respons.refresh_from_db()
    assert respons.status == "ingediend"
    assert page.get_by_role("button", name="Indienen").count() == 0, "read-only after submitting"
    screenshot(page, "monitoring-vragenlijst-ingediend")

    page.goto(f"/monitoring/rondes/{respons.ronde_id}/resultaten/")
    assert page.locator("svg.grafiek").count() >= 2
    assert page.get_by_text("Uw praktijk").first.is_visible()
    assert ernstige_schendingen(axe, page) == []
    screenshot(page, "monitoring-resultaten-praktijk")

    context, telefoon = _telefoon(browser, live_server)
    login(telefoon, "praktijkmanager", DEMO_WACHTWOORD)
    telefoon.wait_for_url("**/")
    telefoon.goto(f"/monitoring/rondes/{respons.ronde_id}/praktijken/{praktijk.pk}/")
    assert telefoon.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(telefoon, "monitoring-vragenlijst-telefoon")
    telefoon.goto(f"/monitoring/rondes/{respons.ronde_id}/resultaten/")
    assert telefoon.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(telefoon, "monitoring-resultaten-telefoon")
    context.close()


def test_beleidsadviseur_imports_a_bad_then_a_good_file(page, axe, tmp_path):
    call_command("demodata", verbosity=0)
    ronde = _open_ronde()
    zonder = list(Praktijk.objects.exclude(responsen__ronde=ronde).order_by("agb_code")[:2])
    slecht = tmp_path / "export-fout.csv"
    slecht.write_text(
        f"agb_code;ALG01;ALG04;SW01\n{zonder[0].agb_code};3100;4;ja\n12345678;2000;9;nee\n", encoding="utf-8"
    )
    goed = tmp_path / "export.csv"
    goed.write_text(
        f"agb_code,ALG01,ALG04,SW01\n{zonder[0].agb_code},3100,4,ja\n{zonder[1].agb_code},2500,3,nee\n",
        encoding="utf-8",
    )
    login(page, "beleidsadviseur", DEMO_WACHTWOORD)
    page.wait_for_url("**/")
    page.goto(f"/monitoring/rondes/{ronde.pk}/import/")
    page.get_by_label("Exportbestand (CSV, Excel of OpenDocument)").set_input_files(str(slecht))
    page.get_by_role("button", name="Bestand controleren").click()
    fouten = page.get_by_role("alert")
    assert "er is niets geïmporteerd" in fouten.inner_text()
    assert "Onbekende AGB-code '12345678'" in fouten.inner_text()
    assert "9 ligt niet op de schaal van 1 tot en met 5" in fouten.inner_text()
    assert ernstige_schendingen(axe, page) == []
    screenshot(page, "monitoring-import-fouten")

    page.get_by_label("Exportbestand (CSV, Excel of OpenDocument)").set_input_files(str(goed))
    page.get_by_role("button", name="Bestand controleren").click()
    assert page.get_by_text("Controle in orde: 2 praktijken").is_visible()
    screenshot(page, "monitoring-import-voorbeeld")
    assert not Respons.objects.filter(ronde=ronde, praktijk__in=zonder).exists()
    page.get_by_role("button", name="Importeren bevestigen").click()
    page.wait_for_url("**/resultaten/")
    assert page.get_by_text("2 responsen zijn geïmporteerd").is_visible()
    assert set(Respons.objects.filter(ronde=ronde, praktijk__in=zonder).values_list("bron", flat=True)) == {
        "import"
    }
    assert page.locator("svg.grafiek").count() >= 2
    assert ernstige_schendingen(axe, page) == []
    screenshot(page, "monitoring-resultaten-regio")


def test_visit_is_planned_reported_shared_and_seen(page, axe, browser, live_server):
    call_command("demodata", verbosity=0)
    praktijk = Praktijk.objects.get(medewerkers__user__username="praktijkmanager2")
    Praktijkbezoek.objects.filter(praktijk=praktijk, status="gepland").delete()
    login(page, "beleidsadviseur", DEMO_WACHTWOORD)
    page.wait_for_url("**/")
    page.get_by_role("link", name="Monitoring").click()
    page.get_by_role("link", name="Planning praktijkbezoeken").click()
    assert page.locator(".rij-achter").count() > 0, "practices behind stand out"
    assert ernstige_schendingen(axe, page) == []
    screenshot(page, "monitoring-bezoek-planning")
    page.goto(f"/monitoring/praktijken/{praktijk.pk}/bezoek-plannen/")
    moment = timezone.localtime() + datetime.timedelta(days=7)
    page.get_by_label("Datum en tijd").fill(moment.strftime("%Y-%m-%dT10:00"))
    page.get_by_role("button", name="Bezoek plannen").click()
    assert page.get_by_text("Het bezoek is gepland").is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Uitnodiging (.ics)").click()
    ics = Path(download.value.path()).read_text()
    assert "METHOD:REQUEST" in ics and "TZID:Europe/Amsterdam" in ics

    page.get_by_role("link", name="Verslag en terugkoppeling").click()
    page.get_by_label("Gehouden op").fill(timezone.localdate().isoformat())
    page.get_by_label("Wat gaat goed?").fill("De waarneming met de buurpraktijk loopt soepel.")
    page.get_by_label("Waar liggen de uitdagingen?").fill("Een vacature voor een doktersassistent.")
    page.get_by_label("Personeel en arbeidsmarkt").fill("Hulp bij de werving.")
    page.get_by_label("Terugkoppeling aan de praktijk").fill(
        "Dank voor het goede gesprek. We helpen met de vacature."
    )
    assert ernstige_schendingen(axe, page) == []
    screenshot(page, "monitoring-bezoek-verslag")
    page.get_by_role("button", name="Verslag opslaan").click()
    page.get_by_role("button", name="Delen met de praktijk").click()
    assert page.get_by_text("De terugkoppeling is gedeeld").is_visible()
    screenshot(page, "monitoring-bezoek-gedeeld")

    context, pm = _telefoon(browser, live_server)
    login(pm, "praktijkmanager2", DEMO_WACHTWOORD)
    pm.wait_for_url("**/")
    bezoek = Praktijkbezoek.objects.get(praktijk=praktijk, gedeeld_op__isnull=False, gezien_op__isnull=True)
    pm.goto(f"/monitoring/bezoeken/{bezoek.pk}/")
    assert pm.get_by_text("We helpen met de vacature.").is_visible()
    pm.get_by_label("Uw reactie (optioneel)").fill("Dank u wel, we sturen de vacaturetekst.")
    pm.get_by_role("button", name="Gelezen – markeer als gezien").click()
    assert pm.get_by_text("gemarkeerd als gezien").is_visible()
    assert ernstige_schendingen(axe, pm) == []
    assert pm.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(pm, "monitoring-bezoek-gezien-telefoon")
    context.close()
    bezoek.refresh_from_db()
    assert bezoek.gezien_door.username == "praktijkmanager2" and bezoek.reactie_praktijk


def test_a_visit_that_already_happened_is_registered_and_lands_on_its_verslag(page, axe):
    """A visit held without being planned first: its moment in the past, then straight to the verslag."""
    call_command("demodata", verbosity=0)
    praktijk = Praktijk.objects.get(medewerkers__user__username="praktijkmanager2")
    Praktijkbezoek.objects.filter(praktijk=praktijk).exclude(status="gehouden").delete()
    voor = Praktijkbezoek.objects.filter(praktijk=praktijk).count()
    login(page, "beleidsadviseur", DEMO_WACHTWOORD)
    page.wait_for_url("**/")
    page.goto(f"/monitoring/praktijken/{praktijk.pk}/bezoek-plannen/")
    moment = timezone.localtime() - datetime.timedelta(days=4)
    page.get_by_label("Datum en tijd").fill(moment.strftime("%Y-%m-%dT14:30"))

    # Without saying it took place, a past moment is refused with the way out, the input kept.
    page.get_by_role("button", name="Bezoek plannen of vastleggen").click()
    expect(page.get_by_text("vink aan dat het bezoek al is gehouden", exact=False)).to_be_visible()
    expect(page.get_by_label("Datum en tijd")).to_have_value(moment.strftime("%Y-%m-%dT14:30"))
    assert Praktijkbezoek.objects.filter(praktijk=praktijk).count() == voor

    page.get_by_label("Het bezoek heeft al plaatsgevonden").check()
    assert ernstige_schendingen(axe, page) == []
    page.get_by_role("button", name="Bezoek plannen of vastleggen").click()
    page.wait_for_url("**/bezoeken/*/verslag/")
    expect(page.get_by_role("heading", name=f"Verslag praktijkbezoek {praktijk.naam}")).to_be_visible()
    expect(page.get_by_label("Gehouden op")).to_have_value(moment.date().isoformat())
    assert ernstige_schendingen(axe, page) == []
    screenshot(page, "monitoring-bezoek-achteraf-verslag")
    bezoek = Praktijkbezoek.objects.filter(praktijk=praktijk).latest("pk")
    assert bezoek.status == "gehouden" and bezoek.gehouden_op == moment.date()

    page.get_by_label("Wat gaat goed?").fill("Het spreekuur voor kwetsbare ouderen loopt goed.")
    page.get_by_role("button", name="Verslag opslaan").click()
    bezoek.refresh_from_db()
    assert bezoek.wat_gaat_goed == "Het spreekuur voor kwetsbare ouderen loopt goed."
