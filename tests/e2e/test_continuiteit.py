"""Continuïteit in the browser: a praktijkmanager reports uitval, the buddy practice confirms, the
reporter sees it without reloading, and the gebiedsmanager's overview shows it covered."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from portaal.demo import DEMO_WACHTWOORD
from samenwerking.models import OpvangVerzoek
from tests.factories import PraktijkmedewerkerUserFactory
from wijken.models import Praktijkmedewerker

from .conftest import bekijk, login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_uitval_melden_buddy_bevestigt_reporter_ziet_het(page, browser, live_server, axe):
    call_command("demodata", verbosity=0)
    vandaag = timezone.localdate()
    login(page, "praktijkmanager", DEMO_WACHTWOORD)
    page.wait_for_url("**/")
    page.goto("/continuiteit/uitval-melden/")
    bekijk(page, axe, "continuiteit-melden")
    page.get_by_label("Van").fill(vandaag.isoformat())
    page.get_by_label("Tot en met (verwacht)").fill((vandaag + datetime.timedelta(days=1)).isoformat())
    page.get_by_label("Uitval door ziekte of calamiteit").check()
    page.get_by_label("Spreekuur").check()
    page.get_by_role("button", name="Uitval melden").click()
    page.wait_for_url("**/continuiteit/meldingen/*/")
    page.get_by_role("button", name="Deze praktijken vragen").click()
    page.wait_for_url("**/continuiteit/meldingen/*/")
    expect(page.locator("#antwoorden")).to_contain_text("Nog geen antwoord")
    bekijk(page, axe, "continuiteit-melding-gevraagd")

    verzoek = OpvangVerzoek.objects.select_related("praktijk").latest("pk")
    buddy = PraktijkmedewerkerUserFactory(username="buddy")
    buddy.set_password(DEMO_WACHTWOORD)
    buddy.save()
    Praktijkmedewerker.objects.create(user=buddy, praktijk=verzoek.praktijk)
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    tweede = context.new_page()
    login(tweede, "buddy", DEMO_WACHTWOORD)
    tweede.wait_for_url("**/")
    tweede.goto(f"/continuiteit/verzoeken/{verzoek.pk}/")
    tweede.get_by_label("Opvang bevestigd").check()
    tweede.get_by_role("button", name="Antwoord doorgeven").click()
    tweede.wait_for_url("**/continuiteit/")
    context.close()

    # no reload: the answers poll
    expect(page.locator("#antwoorden")).to_contain_text("Alle gevraagde zorg is opgevangen", timeout=15_000)
    expect(page.locator("#antwoorden")).to_contain_text("Opvang bevestigd")
    bekijk(page, axe, "continuiteit-melding-bevestigd")

    page.get_by_role("button", name="Uitloggen").click()
    login(page, "gebiedsmanager", DEMO_WACHTWOORD)
    page.wait_for_url("**/")
    page.goto("/continuiteit/overzicht/")
    lopend = page.locator("section[aria-labelledby=kop-lopend]")
    expect(lopend).to_contain_text(verzoek.melding.praktijk.naam)
    bekijk(page, axe, "continuiteit-overzicht")
