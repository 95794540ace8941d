"""``manage.py demodata`` builds a realistic region, and running it twice changes nothing."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from monitoring.models import Praktijkbezoek, Respons
from samenwerking.constants import AfspraakStatus, VerbandSoort
from samenwerking.models import Afgevaardigde, Afspraak, Samenwerkingsverband
from wijken.constants import KERN_BEROEPSGROEPEN
from wijken.models import Gemeente, Praktijk, Wijk
from wijken.validators import validate_agb_code, validate_postcode
from zio_portal.demo import DEMO_LOGINS, DEMO_WACHTWOORD

pytestmark = pytest.mark.django_db

DOMEIN_APPS = ("zio_portal", "wijken", "samenwerking", "monitoring")


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for app in DOMEIN_APPS
        for model in apps.get_app_config(app).get_models()
    }


def test_demodata_twice_in_a_row_creates_nothing_the_second_time():
    call_command("demodata", stdout=StringIO())
    eerste = _counts()
    out = StringIO()
    call_command("demodata", stdout=out)
    assert _counts() == eerste
    assert "niets aangemaakt" in out.getvalue()


def test_demodata_builds_a_realistic_region():
    call_command("demodata", stdout=StringIO())
    assert set(Gemeente.objects.values_list("naam", flat=True)) == {
        "Maastricht",
        "Eijsden-Margraten",
        "Gulpen-Wittem",
        "Meerssen",
        "Vaals",
        "Valkenburg aan de Geul",
    }
    assert 15 <= Wijk.objects.count() <= 25
    assert 70 <= Praktijk.objects.count() <= 90
    for praktijk in Praktijk.objects.all():
        validate_agb_code(praktijk.agb_code)
        validate_postcode(praktijk.postcode)
    assert Samenwerkingsverband.objects.filter(soort=VerbandSoort.HUISARTSEN).exists()
    assert Samenwerkingsverband.objects.filter(soort=VerbandSoort.MULTIDISCIPLINAIR).exists()
    # Agreements in every state, including versions.
    statussen = set(Afspraak.objects.values_list("status", flat=True))
    assert {AfspraakStatus.ACTIEF, AfspraakStatus.VERVANGEN, AfspraakStatus.BEEINDIGD} <= statussen
    assert Afspraak.objects.filter(vorige_versie__isnull=False).exists()
    # Some WSVs lack a delegate, so vacancies show.
    groepen = set(Afgevaardigde.objects.values_list("beroepsgroep", flat=True))
    assert set(KERN_BEROEPSGROEPEN) <= groepen
    assert Respons.objects.exists() and Praktijkbezoek.objects.filter(gedeeld_op__isnull=False).exists()


def test_every_demo_login_works_with_the_demo_password():
    call_command("demodata", stdout=StringIO())
    for username, _omschrijving in DEMO_LOGINS:
        # django-axes guards every authenticate(): it needs the request (its address).
        request = RequestFactory().post("/inloggen/")
        assert authenticate(request, username=username, password=DEMO_WACHTWOORD) is not None, username
