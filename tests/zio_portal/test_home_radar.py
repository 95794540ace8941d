"""The beleidsadviseur's home radar: each signal's count equals the filtered list its link opens; the
gebiedsmanager's home lists the overdue actiepunten with owner and deadline."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from samenwerking.models import Afspraak
from tests.monitoring.factories import PraktijkbezoekFactory, RondeFactory, VraagFactory
from tests.samenwerking.factories import OverlegFactory


def _signalen(client) -> dict:
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return {s["sleutel"]: s for s in response.context["radar"]}


def test_radar_counts_match_the_filtered_lists(world, client):
    vandaag = timezone.localdate()
    adviseur = world.users["beleidsadviseur"]
    PraktijkbezoekFactory(praktijk=world.praktijk_a1, gehouden=True, bezoekers=[adviseur])
    Afspraak.objects.filter(pk=world.afspraak_a1.pk).update(evaluatie_op=vandaag - datetime.timedelta(days=3))
    vraag = VraagFactory(sectie__vragenlijst__jaar=vandaag.year)
    ronde = RondeFactory(
        vragenlijst=vraag.vragenlijst,
        opent_op=vandaag - datetime.timedelta(days=5),
        sluit_op=vandaag + datetime.timedelta(days=5),
    )
    client.force_login(adviseur)
    signalen = _signalen(client)

    bezoeken = client.get(signalen["bezoeken"]["url"])
    assert signalen["bezoeken"]["aantal"] == bezoeken.context["aantal_achter"] == len(world.praktijken) - 1

    evaluaties = client.get(signalen["evaluaties"]["url"])
    assert signalen["evaluaties"]["aantal"] == evaluaties.context["filter"].qs.count() >= 1

    for gebied in world.gebieden:
        overzicht = client.get(reverse("wijken:gebied-overzicht", args=[gebied.pk]))
        achter = sum(1 for regel in overzicht.context["regels"] if regel.achter_op_norm)
        sleutel = f"wsv-{gebied.pk}"
        assert signalen.get(sleutel, {"aantal": 0})["aantal"] == achter
        if achter:
            assert signalen[sleutel]["url"] == reverse("wijken:gebied-overzicht", args=[gebied.pk])

    assert signalen[f"ronde-{ronde.pk}"]["aantal"] == 0
    assert signalen[f"ronde-{ronde.pk}"]["url"] == reverse("monitoring:resultaten", args=[ronde.pk])

    # meetings on the norm (four this year) take the WSV off the radar
    for dagen in range(4):
        datum = max(vandaag - datetime.timedelta(days=dagen), datetime.date(vandaag.year, 1, 1))
        OverlegFactory(verband=world.wsv_a1, datum=datum, status="gehouden")
    assert f"wsv-{world.gebied_a.pk}" not in _signalen(client)


def test_only_the_beleidsadviseur_gets_the_radar(world, client):
    client.force_login(world.users["projectleider"])
    assert "radar" not in client.get(reverse("home")).context


def test_the_gebiedsmanager_sees_the_overdue_actiepunten(world, client):
    from samenwerking.models import Actiepunt

    vandaag = timezone.localdate()
    overleg = OverlegFactory(
        verband=world.wsv_a1, datum=vandaag - datetime.timedelta(days=30), status="gehouden"
    )
    te_laat = Actiepunt.objects.create(
        verband=world.wsv_a1,
        overleg=overleg,
        omschrijving="Sociale kaart bijwerken",
        eigenaar=world.users["praktijkmedewerker"],
        deadline=vandaag - datetime.timedelta(days=2),
    )
    Actiepunt.objects.create(
        verband=world.wsv_a1,
        omschrijving="Nog op tijd",
        eigenaar=world.users["praktijkmedewerker"],
        deadline=vandaag + datetime.timedelta(days=2),
    )
    Actiepunt.objects.create(
        verband=world.wsv_b1,
        omschrijving="Ander gebied",
        eigenaar=world.users["praktijkmedewerker_ander_gebied"],
        deadline=vandaag - datetime.timedelta(days=2),
    )
    client.force_login(world.users["gebiedsmanager"])
    response = client.get(reverse("home"))
    assert response.context["verlopen_actiepunten"] == [te_laat]
    tekst = response.content.decode()
    assert "Sociale kaart bijwerken" in tekst and str(world.users["praktijkmedewerker"]) in tekst
    assert "Nog op tijd" not in tekst and "Ander gebied" not in tekst
    assert reverse("samenwerking:overleg-detail", args=[overleg.pk]) in tekst


def test_radar_and_key_figures_are_kept_until_the_data_changes(world, client):
    """The home keeps the radar and the key figures in the cache: a second request reads fewer
    queries, and a change of the data (a visit held) shows on the next request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    adviseur = world.users["beleidsadviseur"]
    client.force_login(adviseur)
    with CaptureQueriesContext(connection) as eerste:
        voor = client.get(reverse("home")).context
    with CaptureQueriesContext(connection) as tweede:
        nog_eens = client.get(reverse("home")).context
    assert len(tweede.captured_queries) < len(eerste.captured_queries)
    assert nog_eens["radar"] == voor["radar"]
    assert nog_eens["kerncijfers"]["bezoeken_dit_jaar"] == voor["kerncijfers"]["bezoeken_dit_jaar"]

    PraktijkbezoekFactory(praktijk=world.praktijk_a1, gehouden=True, bezoekers=[adviseur])
    na = client.get(reverse("home")).context
    bezoeken = {s["sleutel"]: s["aantal"] for s in na["radar"]}["bezoeken"]
    assert bezoeken == {s["sleutel"]: s["aantal"] for s in voor["radar"]}["bezoeken"] - 1
    assert na["kerncijfers"]["bezoeken_dit_jaar"] == voor["kerncijfers"]["bezoeken_dit_jaar"] + 1


def test_the_practice_home_is_kept_per_user_until_the_data_changes(world, client):
    """The praktijkmedewerker's home comes from the cache the second time (no agreement queries), per
    user; a new agreement due for evaluation shows on the next request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.samenwerking.factories import AfspraakFactory

    client.force_login(world.users["praktijkmedewerker"])
    voor = client.get(reverse("home")).context
    with CaptureQueriesContext(connection) as tweede:
        client.get(reverse("home"))
    assert not [q for q in tweede.captured_queries if "samenwerking_afspraak" in q["sql"]]

    nieuw = AfspraakFactory(
        verband=world.verband_a1, titel="Nieuwe evaluatie", evaluatie_op=timezone.localdate()
    )
    na = client.get(reverse("home")).context
    assert nieuw in na["evaluaties"] and nieuw not in voor["evaluaties"]

    client.force_login(world.users["praktijkmedewerker_ander_gebied"])
    ander = client.get(reverse("home")).context
    assert nieuw not in ander["evaluaties"]
    assert {p.pk for p in ander["praktijken"]} == {world.praktijk_b1.pk}


def test_the_gebied_home_is_kept_per_user_until_the_data_changes(world, client):
    """The gebiedsmanager's home comes from the cache the second time (no actiepunt queries), per
    user; a new overdue action in their gebied shows on the next request, never on another's home."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.samenwerking.factories import ActiepuntFactory

    vandaag = timezone.localdate()
    client.force_login(world.users["gebiedsmanager"])
    voor = client.get(reverse("home")).context
    with CaptureQueriesContext(connection) as tweede:
        client.get(reverse("home"))
    assert not [q for q in tweede.captured_queries if "samenwerking_actiepunt" in q["sql"]]

    nieuw = ActiepuntFactory(verband=world.wsv_a1, deadline=vandaag - datetime.timedelta(days=400))
    na = client.get(reverse("home")).context
    assert na["verlopen_actiepunten"][0] == nieuw
    assert na["aantal_verlopen_actiepunten"] == voor["aantal_verlopen_actiepunten"] + 1

    client.force_login(world.users["gebiedsmanager_b"])
    assert nieuw not in client.get(reverse("home")).context["verlopen_actiepunten"]
