""" "Berichten": each user sees the mails the portal sent them or on their behalf, the beheerder all,
filtered per kind; never another user's messages. Recorded where the mails are sent."""

from __future__ import annotations

import datetime

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from monitoring.bezoeken import services as bezoek_services
from monitoring.models import Rapportage
from monitoring.rapportage import services as rapportage_services
from tests.monitoring.factories import PraktijkbezoekFactory
from zio_portal.models import Bericht
from zio_portal.services import bericht_vastleggen


def test_each_user_sees_their_own_messages_and_the_beheerder_all(world, client):
    pm = world.users["praktijkmedewerker"]
    ander = world.users["praktijkmedewerker_ander_gebied"]
    adviseur = world.users["beleidsadviseur"]
    eigen = bericht_vastleggen(
        soort="vragenlijst_herinnering",
        onderwerp="Vul de vragenlijst in",
        aan=[pm.email],
        link="/monitoring/",
    )
    vreemd = bericht_vastleggen(
        soort="vragenlijst_herinnering", onderwerp="Vul de vragenlijst in (Malberg)", aan=[ander.email]
    )
    namens = bericht_vastleggen(
        soort="bezoek_uitnodiging",
        onderwerp="Uitnodiging bezoek",
        aan=["praktijk@example.nl"],
        namens=adviseur,
    )
    assert list(Bericht.objects.zichtbaar_voor(pm)) == [eigen]
    assert list(Bericht.objects.zichtbaar_voor(adviseur)) == [namens]
    assert set(Bericht.objects.zichtbaar_voor(world.users["beheerder"])) == {eigen, vreemd, namens}

    client.force_login(pm)
    tekst = client.get(reverse("berichten")).content.decode()
    assert "Vul de vragenlijst in" in tekst and 'href="/monitoring/"' in tekst and pm.email in tekst
    assert "Malberg" not in tekst and "Uitnodiging bezoek" not in tekst

    client.force_login(world.users["beheerder"])
    alles = client.get(reverse("berichten")).content.decode()
    assert "Malberg" in alles and "Uitnodiging bezoek" in alles
    gefilterd = client.get(reverse("berichten"), {"soort": "bezoek_uitnodiging"}).content.decode()
    assert "Uitnodiging bezoek" in gefilterd and "Malberg" not in gefilterd
    assert "Uitnodiging praktijkbezoek" in gefilterd  # the kind's label in the filter


def test_the_send_sites_record_the_message(world, client):
    adviseur = world.users["beleidsadviseur"]
    bezoek = PraktijkbezoekFactory(
        praktijk=world.praktijk_a1,
        gepland_op=timezone.now() + datetime.timedelta(days=3),
        bezoekers=[adviseur],
    )
    ontvangers = bezoek_services.bezoek_uitnodiging_versturen(bezoek=bezoek, door=adviseur)
    bericht = Bericht.objects.get(soort="bezoek_uitnodiging")
    assert bericht.aan == ontvangers and bericht.namens == adviseur
    assert bericht.link == reverse("monitoring:bezoek-detail", args=[bezoek.pk])
    assert world.users["praktijkmedewerker"] in bericht.ontvangers.all()

    rapport = Rapportage.objects.create(
        scope="regio",
        status="gereed",
        periode_van=datetime.date(2025, 1, 1),
        periode_tot=datetime.date(2025, 12, 31),
        definitief_op=timezone.now(),
        gedeeld_op=timezone.now(),
    )
    rapportage_services.rapportage_gedeeld_mailen(rapportage_id=rapport.pk)
    rapportage_services.rapportage_gedeeld_mailen(
        rapportage_id=rapport.pk
    )  # once: a second run sends nothing
    gedeeld = Bericht.objects.filter(soort="rapportage_gedeeld")
    assert gedeeld.count() == 3 == len([m for m in mail.outbox if "gedeeld" in m.subject])
    client.force_login(world.users["gebiedsmanager"])
    tekst = client.get(reverse("berichten")).content.decode()
    assert reverse("rapportage:detail", args=[rapport.pk]) in tekst
    assert "Uitnodiging" not in tekst  # the practice's invitation is not the gebiedsmanager's
