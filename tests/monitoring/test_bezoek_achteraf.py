"""A praktijkbezoek that took place without being planned first: registered with its moment in the
past, then straight to the verslag."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from monitoring.constants import BezoekStatus
from monitoring.models import Praktijkbezoek


def _moment(dagen: int) -> str:
    return (timezone.localtime() + datetime.timedelta(days=dagen)).strftime("%Y-%m-%dT%H:%M")


def test_a_held_visit_is_registered_in_the_past_and_opens_the_verslag(world, client):
    beleidsadviseur = world.users["beleidsadviseur"]
    client.force_login(beleidsadviseur)
    url = reverse("monitoring:bezoek-plannen", args=[world.praktijk_a1.pk])
    antwoord = client.post(
        url, {"gepland_op": _moment(-3), "bezoekers": [beleidsadviseur.pk], "al_gehouden": "on"}
    )
    bezoek = Praktijkbezoek.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("monitoring:bezoek-verslag", args=[bezoek.pk])
    assert bezoek.status == BezoekStatus.GEHOUDEN
    assert bezoek.gehouden_op == timezone.localdate() - datetime.timedelta(days=3)
    assert list(bezoek.bezoekers.all()) == [beleidsadviseur]
    verslag = client.get(antwoord["Location"])
    assert verslag.status_code == 200
    tekst = verslag.content.decode()
    assert bezoek.gehouden_op.isoformat() in tekst or f"{bezoek.gehouden_op:%d-%m-%Y}" in tekst


def test_without_the_tick_a_past_moment_is_refused_with_the_way_out(world, client):
    beleidsadviseur = world.users["beleidsadviseur"]
    client.force_login(beleidsadviseur)
    url = reverse("monitoring:bezoek-plannen", args=[world.praktijk_a1.pk])
    antwoord = client.post(url, {"gepland_op": _moment(-3), "bezoekers": [beleidsadviseur.pk]})
    assert antwoord.status_code == 200
    assert "vink aan dat het bezoek al is gehouden" in antwoord.content.decode()
    # and a held visit cannot lie ahead
    antwoord = client.post(
        url, {"gepland_op": _moment(3), "bezoekers": [beleidsadviseur.pk], "al_gehouden": "on"}
    )
    assert (
        antwoord.status_code == 200
        and "Een gehouden bezoek ligt in het verleden" in antwoord.content.decode()
    )
    assert not Praktijkbezoek.objects.exists()
