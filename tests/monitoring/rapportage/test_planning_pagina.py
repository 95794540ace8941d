"""The beleidsadviseur edits the RapportagePlanning in the portal; bad input stays with a message."""

from __future__ import annotations

from django.urls import reverse

from monitoring.models import RapportagePlanning


def test_the_beleidsadviseur_edits_the_planning(world, client):
    client.force_login(world.users["beleidsadviseur"])
    lijst = client.get(reverse("rapportage:list")).content.decode()
    assert reverse("rapportage:planning") in lijst
    data = {
        "jaar_actief": "on",
        "jaar_maand": "3",
        "jaar_dag": "5",
        "kwartaal_actief": "on",
        "kwartaal_dag": "10",
    }
    antwoord = client.post(reverse("rapportage:planning"), data)
    assert antwoord.status_code == 302
    planning = RapportagePlanning.laden()
    assert (planning.jaar_maand, planning.jaar_dag, planning.kwartaal_actief, planning.kwartaal_dag) == (
        3,
        5,
        True,
        10,
    )
    assert planning.history.first().history_user == world.users["beleidsadviseur"]


def test_a_day_that_does_not_exist_is_refused_and_nothing_saved(world, client):
    client.force_login(world.users["beleidsadviseur"])
    data = {"jaar_actief": "on", "jaar_maand": "2", "jaar_dag": "30", "kwartaal_dag": "15"}
    antwoord = client.post(reverse("rapportage:planning"), data)
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200 and "Deze dag bestaat niet elk jaar in die maand" in tekst
    assert 'value="30"' in tekst
    assert RapportagePlanning.laden().jaar_dag == 1


def test_the_projectleider_may_not(world, client):
    client.force_login(world.users["projectleider"])
    assert client.get(reverse("rapportage:planning")).status_code == 403
    assert reverse("rapportage:planning") not in client.get(reverse("rapportage:list")).content.decode()
