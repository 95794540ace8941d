"""Small frictions: a number comes back as typed, a copied questionnaire moves its year along, the
Streefwaarde is marked required before submitting, the RESV button has enough contrast."""

from __future__ import annotations

from decimal import Decimal

from monitoring.constants import VraagType
from monitoring.models import Antwoord, Vraag
from monitoring.vragenlijsten.forms import _initiele_waarde
from monitoring.vragenlijsten.services import vragenlijst_kopieren
from samenwerking.afspraken.forms import AfspraakForm
from tests.monitoring.factories import VragenlijstFactory


def test_a_number_comes_back_as_typed():
    vraag = Vraag(type=VraagType.GETAL)
    assert str(_initiele_waarde(vraag, Antwoord(getal=Decimal("6200.00")))) == "6200"
    assert str(_initiele_waarde(vraag, Antwoord(getal=Decimal("3.50")))) == "3.5"
    assert _initiele_waarde(vraag, Antwoord(getal=None)) is None


def test_a_copied_questionnaire_moves_its_year(db):
    lijst = VragenlijstFactory(jaar=2026, naam="Monitor 2026", omschrijving="Vragenlijst voor de ronde 2026.")
    kopie = vragenlijst_kopieren(vragenlijst=lijst, jaar=2027)
    assert kopie.jaar == 2027
    assert kopie.naam == "Monitor 2027" and kopie.omschrijving == "Vragenlijst voor de ronde 2027."


def test_streefwaarde_is_marked_required(world):
    form = AfspraakForm(verband=world.verband_a1)
    assert form.fields["streefwaarde"].required
    assert "required" in str(form["streefwaarde"])


def test_the_resv_button_is_dark_enough():
    from pathlib import Path

    tekst = Path("templates/samenwerking/terugkoppeling_overzicht.html").read_text()
    regel = next(r for r in tekst.splitlines() if "Niet naar het RESV" in r)
    assert "btn-outline-dark" in regel and "btn-outline-secondary" not in regel


def test_next_meeting_links_only_where_the_meeting_page_exists(world, client):
    import datetime

    from django.urls import reverse
    from django.utils import timezone

    from tests.samenwerking.factories import OverlegFactory

    morgen = timezone.localdate() + datetime.timedelta(days=7)
    huisartsen = OverlegFactory(verband=world.verband_a1, datum=morgen, status="gepland")
    wsv = OverlegFactory(verband=world.wsv_a1, datum=morgen, status="gepland")
    client.force_login(world.users["beheerder"])
    tekst = client.get(reverse("samenwerking:verband-detail", args=[world.verband_a1.pk])).content.decode()
    assert reverse("samenwerking:overleg-detail", args=[huisartsen.pk]) not in tekst
    assert client.get(reverse("samenwerking:overleg-detail", args=[huisartsen.pk])).status_code == 404
    tekst = client.get(reverse("samenwerking:verband-detail", args=[world.wsv_a1.pk])).content.decode()
    assert reverse("samenwerking:overleg-detail", args=[wsv.pk]) in tekst
