"""``manage.py demodata`` builds a realistic region, and running it twice changes nothing."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db.models import F
from django.forms.models import model_to_dict
from django.test import RequestFactory
from django.utils import timezone

from monitoring.models import Praktijkbezoek, Respons
from portaal.demo import DEMO_LOGINS, DEMO_WACHTWOORD
from samenwerking.afspraken.forms import AfspraakForm
from samenwerking.constants import AfspraakStatus, VerbandSoort
from samenwerking.models import Afgevaardigde, Afspraak, Samenwerkingsverband
from wijken.constants import KERN_BEROEPSGROEPEN
from wijken.models import Gemeente, Praktijk, Wijk
from wijken.validators import validate_agb_code, validate_postcode

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


def test_every_running_demo_afspraak_can_be_saved_as_it_is():
    call_command("demodata", stdout=StringIO())
    lopend = Afspraak.objects.filter(status__in=[AfspraakStatus.ACTIEF, AfspraakStatus.CONCEPT])
    assert lopend.exists()
    for afspraak in lopend.select_related("verband"):
        data = {k: v for k, v in model_to_dict(afspraak).items() if v is not None}
        data["praktijken"] = list(afspraak.uitvoering.values_list("praktijk_id", flat=True))
        form = AfspraakForm(data=data, instance=afspraak, verband=afspraak.verband)
        assert form.is_valid(), (afspraak.pk, form.errors)


def test_the_demo_practice_has_afspraken_whose_deadline_is_still_ahead():
    call_command("demodata", stdout=StringIO())
    lopend = Afspraak.objects.filter(
        verband__deelnames__praktijk__medewerkers__user__username="praktijkmanager",
        status=AfspraakStatus.ACTIEF,
    ).distinct()
    assert lopend.filter(tijdgebonden__gte=timezone.localdate()).exists()


def test_the_demos_history_names_demo_users_not_the_system():
    call_command("demodata", stdout=StringIO())
    assert not Afspraak.history.filter(history_user__isnull=True).exists()
    assert not Praktijk.history.filter(history_user__isnull=True).exists()
    assert not Gemeente.history.filter(history_user__isnull=True).exists()
    eigenaar = Afspraak.history.filter(history_user=F("eigenaar")).count()
    assert eigenaar == Afspraak.history.count(), "an afspraak's history names its owner"
