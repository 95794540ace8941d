"""The demo is a region in the middle of its year on whatever day ``demodata`` runs: every date is
relative to that day, and the history the demo writes names the demo user who made the change."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.db.models import Max, Min
from django.utils import timezone

from monitoring.models import Antwoord
from samenwerking.afspraken.selectors import mijn_praktijk_context
from samenwerking.constants import AfspraakStatus, OverlegStatus
from samenwerking.models import Afspraak, Overleg, StapVoortgang
from wijken.models import WijkToewijzing
from zio_portal.models import User

pytestmark = pytest.mark.django_db

DOMEIN_APPS = ("zio_portal", "wijken", "samenwerking", "monitoring")
# The demo's past reaches about two years back (the wijkindeling), its future a year ahead.
TERUG, VOORUIT = datetime.timedelta(days=3 * 365), datetime.timedelta(days=400)


def _domeinmodellen():
    return [model for app in DOMEIN_APPS for model in apps.get_app_config(app).get_models()]


def _hoogste_pks() -> dict:
    """The highest primary key per domain model with an integer key: the rows that were there already
    (the reference data, re-seeded with today's date after an earlier test's flush)."""
    return {
        model: model._default_manager.aggregate(m=Max("pk"))["m"] or 0
        for model in _domeinmodellen()
        if isinstance(model._meta.pk, models.IntegerField | models.AutoField)
    }


def _datums_buiten(vandaag: datetime.date, al_daar: dict) -> list[str]:
    """Every date or moment column of the rows the demo made whose smallest or largest value is far
    from today."""
    buiten = []
    for model in _domeinmodellen():
        rijen = (
            model._default_manager.filter(pk__gt=al_daar[model])
            if model in al_daar
            else model._default_manager
        )
        for veld in model._meta.concrete_fields:
            if not isinstance(veld, models.DateField):  # DateTimeField is a DateField too
                continue
            uitersten = rijen.aggregate(laag=Min(veld.name), hoog=Max(veld.name))
            for waarde in uitersten.values():
                if waarde is None:
                    continue
                dag = timezone.localdate(waarde) if isinstance(waarde, datetime.datetime) else waarde
                if not vandaag - TERUG <= dag <= vandaag + VOORUIT:
                    buiten.append(f"{model._meta.label}.{veld.name} = {dag}")
    return buiten


@pytest.mark.parametrize(
    "moment",
    [
        datetime.datetime(2027, 7, 15, 9, 30, tzinfo=datetime.UTC),  # mid-year
        datetime.datetime(2031, 1, 9, 9, 30, tzinfo=datetime.UTC),  # just after new year, 4 years on
    ],
    ids=["juli-2027", "januari-2031"],
)
def test_the_demo_built_on_any_day_is_current_on_that_day(moment):
    al_daar = _hoogste_pks()
    with time_machine.travel(moment, tick=False):
        call_command("demodata", stdout=StringIO())
        vandaag = timezone.localdate()

        # The demo practice's home page: no afspraak whose T is past ("verstreken").
        praktijkmanager = User.objects.get(username="praktijkmanager")
        home = mijn_praktijk_context(user=praktijkmanager)
        assert home["verbanden"], "the demo practice takes part in verbanden"
        assert home["t_verlopen"] == [], [(a.titel, a.tijdgebonden) for a in home["t_verlopen"]]
        lopend = Afspraak.objects.filter(
            verband__in=home["verbanden"], status__in=[AfspraakStatus.ACTIEF, AfspraakStatus.CONCEPT]
        )
        assert lopend.exists()

        # Meetings lie around today: held ones in the last year and a half, planned ones ahead.
        gehouden = Overleg.objects.filter(status=OverlegStatus.GEHOUDEN)
        gepland = Overleg.objects.filter(status=OverlegStatus.GEPLAND)
        assert gehouden.exists() and gepland.exists()
        assert gehouden.aggregate(m=Max("datum"))["m"] <= vandaag
        assert gehouden.aggregate(m=Min("datum"))["m"] >= vandaag - datetime.timedelta(days=560)
        assert gehouden.filter(datum__gte=vandaag - datetime.timedelta(days=120)).exists()
        assert gepland.filter(datum__gte=vandaag, datum__lte=vandaag + datetime.timedelta(days=120)).exists()

        # The wijkindeling took effect before every verband started, about two years ago.
        eerste = WijkToewijzing.objects.aggregate(m=Min("ingangsdatum"))["m"]
        assert vandaag - datetime.timedelta(days=800) <= eerste <= vandaag - datetime.timedelta(days=600)
        assert not WijkToewijzing.objects.filter(ingangsdatum__gt=vandaag).exists()

        # No date anywhere in the domain is fixed to a calendar year.
        assert _datums_buiten(vandaag, al_daar) == []

        # The demo's own changes are on the name of a demo user, not "systeem".
        afspraak = lopend.order_by("pk").first()
        historie = list(afspraak.history.select_related("history_user"))
        assert historie and all(h.history_user is not None for h in historie)
        assert not User.history.filter(history_user__isnull=True).exists(), "the beheerder made the accounts"
        # A practice's own answers are its praktijkmanager's in the history, not the system's or the
        # beheerder's; the step plan's progress is the one who keeps it.
        antwoord = Antwoord.history.filter(
            respons__bron="portaal", respons__praktijk__medewerkers__user=praktijkmanager
        )
        assert antwoord.exists() and set(antwoord.values_list("history_user__username", flat=True)) == {
            "praktijkmanager"
        }
        assert not StapVoortgang.history.filter(history_user__isnull=True).exists()
