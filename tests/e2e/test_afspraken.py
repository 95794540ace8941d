"""A praktijkmanager keeps a SMART-afspraak in the browser: create (with a mistake), implement, evaluate."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from portaal.demo import DEMO_WACHTWOORD
from samenwerking.constants import VerbandSoort
from samenwerking.models import Afspraak, Samenwerkingsverband

from .conftest import bekijk, login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITEL = "Gezamenlijke griepprik-avond in de wijk"


def test_praktijkmanager_creates_implements_and_sharpens_an_afspraak(page, axe):
    call_command("demodata", verbosity=0)
    verband = Samenwerkingsverband.objects.filter(
        soort=VerbandSoort.HUISARTSEN,
        deelnames__praktijk__medewerkers__user__username="praktijkmanager",
        deelnames__uitgetreden_op__isnull=True,
    ).first()
    vandaag = timezone.localdate()
    vorige_week = (vandaag - datetime.timedelta(days=7)).isoformat()
    over_drie_maanden = (vandaag + datetime.timedelta(days=90)).isoformat()

    login(page, "praktijkmanager", DEMO_WACHTWOORD)
    page.wait_for_url("**/")
    bekijk(page, axe, "afspraken-mijn-praktijk")

    page.get_by_role("link", name=verband.naam).first.click()
    page.wait_for_url(f"**/verbanden/{verband.pk}/")
    assert page.get_by_role("heading", name="PDCA-stappenplan").is_visible()
    bekijk(page, axe, "afspraken-verband")

    page.get_by_role("link", name="Nieuwe afspraak").click()
    page.get_by_label("Titel").fill(TITEL)
    page.get_by_label("Thema").select_option(label="Opvang van patiënten")
    page.get_by_label("Specifiek").fill("De praktijken houden één gezamenlijke griepprik-avond.")
    page.get_by_label("Meetbaar").fill("Percentage gevaccineerde 60-plussers van de deelnemende praktijken.")
    page.get_by_label("Indicator").fill("Vaccinatiegraad 60+")
    page.get_by_label("Streefwaarde").fill("75%")
    page.get_by_label("Acceptabel: waarom is er draagvlak?").fill("Alle praktijkhouders stemden in.")
    for vakje in page.locator("input[name=praktijken]").all():
        vakje.check()
    page.get_by_label("Realistisch").fill("Elke praktijk levert twee assistenten.")
    page.get_by_label("Tijdgebonden: gerealiseerd op").fill(vorige_week)
    page.get_by_label("Eerste evaluatie op").fill((vandaag + datetime.timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Opslaan").click()

    fout = page.locator("#id_tijdgebonden ~ .invalid-feedback, #error_1_id_tijdgebonden").first
    assert "Deze datum ligt in het verleden" in fout.inner_text()
    assert page.get_by_label("Titel").input_value() == TITEL, "the input is kept"
    bekijk(page, axe, "afspraken-formulier-fout")

    page.get_by_label("Tijdgebonden: gerealiseerd op").fill(over_drie_maanden)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/afspraken/*/")
    afspraak = Afspraak.objects.get(titel=TITEL)
    assert page.get_by_role("heading", name=TITEL).is_visible()

    page.get_by_role("link", name="Invoering bijwerken voor").first.click()
    page.get_by_label("Ingevoerd").check()
    page.get_by_label("Onze medewerkers zijn geïnformeerd over wat er verandert").check()
    page.get_by_label("Toelichting").fill("Besproken in het teamoverleg van maandag.")
    bekijk(page, axe, "afspraken-invoering")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/afspraken/{afspraak.pk}/")
    assert "Besproken in het teamoverleg van maandag." in page.content()

    page.get_by_role("link", name="Evalueren").click()
    page.get_by_label("Deels").check()
    page.get_by_label("Wat gaat goed?").fill("De avond was goed bezocht.")
    page.get_by_label("Wat kan beter?").fill("Uitnodigingen eerder versturen.")
    page.get_by_label("Aanscherpen", exact=False).check()
    bekijk(page, axe, "afspraken-evaluatie")
    page.get_by_role("button", name="Evaluatie vastleggen").click()

    nieuw = Afspraak.objects.get(vorige_versie=afspraak)
    page.wait_for_url(f"**/afspraken/{nieuw.pk}/wijzigen/")
    assert page.get_by_role("heading", name="Afspraak wijzigen (versie 2)").is_visible()
    page.get_by_label("Streefwaarde").fill("80%")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/afspraken/{nieuw.pk}/")

    assert page.get_by_text("versie 2", exact=True).first.is_visible()
    assert page.get_by_role("link", name="Versie 1").is_visible()
    assert page.get_by_text("De avond was goed bezocht.").is_visible()
    assert "streefwaarde: 80%" in page.content()
    bekijk(page, axe, "afspraken-nieuwe-versie")

    page.get_by_role("link", name="Versie 1").click()
    assert page.get_by_text("U bekijkt een oudere versie van deze afspraak.").is_visible()
    assert "Vervangen door nieuwe versie" in page.content()
