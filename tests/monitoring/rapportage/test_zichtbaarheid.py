"""Who sees a regionale rapportage: concept / definitief / shared x region / gebied scope, per role; the
list, the detail page, the readers (mail and "Zichtbaar voor") agree; sharing mails the new readers once."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from monitoring.models import Rapportage
from monitoring.rapportage import selectors, services
from monitoring.rapportage.tasks import rapportage_gedeeld_mailen_task
from monitoring.rules import rapportage_lezers
from wijken.constants import Functie
from zio_portal.models import VerzondenHerinnering

PERIODE = {"periode_van": datetime.date(2025, 1, 1), "periode_tot": datetime.date(2025, 12, 31)}
ROLLEN = [
    "beheerder",
    "beleidsadviseur",
    "projectleider",
    "gebiedsmanager",  # gebied A
    "gebiedsmanager_b",
    "praktijkmedewerker",  # praktijkmanager in wijk A1
    "praktijkmedewerker_ander_gebied",  # praktijkmanager in wijk B1
]


def _rapport(world, *, staat: str, scope: str, praktijkmanagers: bool = False) -> Rapportage:
    nu = timezone.now()
    velden = {"definitief_op": nu if staat in ("definitief", "gedeeld") else None}
    velden["gedeeld_op"] = nu if staat == "gedeeld" else None
    velden["gedeeld_met_praktijkmanagers"] = praktijkmanagers
    if scope == "gebied":
        velden["gebied"] = world.gebied_a
    return Rapportage.objects.create(scope=scope, status="gereed", **PERIODE, **velden)


# (staat, scope, praktijkmanagers) -> the roles that see it
VERWACHT = {
    ("concept", "regio", False): {"beheerder", "beleidsadviseur"},
    ("concept", "gebied", False): {"beheerder", "beleidsadviseur"},
    ("definitief", "regio", False): {"beheerder", "beleidsadviseur"},
    ("definitief", "gebied", False): {"beheerder", "beleidsadviseur"},
    ("gedeeld", "regio", False): {
        "beheerder",
        "beleidsadviseur",
        "projectleider",
        "gebiedsmanager",
        "gebiedsmanager_b",
    },
    ("gedeeld", "gebied", False): {"beheerder", "beleidsadviseur", "projectleider", "gebiedsmanager"},
    ("gedeeld", "regio", True): {
        "beheerder",
        "beleidsadviseur",
        "projectleider",
        "gebiedsmanager",
        "gebiedsmanager_b",
        "praktijkmedewerker",
        "praktijkmedewerker_ander_gebied",
    },
    ("gedeeld", "gebied", True): {
        "beheerder",
        "beleidsadviseur",
        "projectleider",
        "gebiedsmanager",
        "praktijkmedewerker",
    },
}


@pytest.mark.parametrize(("staat", "scope", "praktijkmanagers"), list(VERWACHT))
def test_visibility_per_role(world, client, staat, scope, praktijkmanagers):
    rapport = _rapport(world, staat=staat, scope=scope, praktijkmanagers=praktijkmanagers)
    verwacht = VERWACHT[(staat, scope, praktijkmanagers)]
    lezers = set(rapportage_lezers(rapport))
    for rol in ROLLEN:
        user = world.users[rol]
        ziet = rol in verwacht
        assert selectors.rapportage_list(user=user).filter(pk=rapport.pk).exists() == ziet, rol
        assert user.has_perm("monitoring.view_rapportage", rapport) == ziet, rol
        assert (user in lezers) == ziet, rol  # the readers (mail, "Zichtbaar voor") follow the same rule
        client.force_login(user)
        antwoord = client.get(reverse("rapportage:detail", args=[rapport.pk]))
        assert antwoord.status_code == (200 if ziet else 404), rol
        lijst = client.get(reverse("rapportage:list"))
        assert (reverse("rapportage:detail", args=[rapport.pk]) in lijst.content.decode()) == ziet, rol


def test_a_huisarts_is_not_a_praktijkmanager(world):
    rol = world.users["praktijkmedewerker"].praktijkrollen.get()
    rol.functie = Functie.HUISARTS
    rol.save()
    rapport = _rapport(world, staat="gedeeld", scope="regio", praktijkmanagers=True)
    assert (
        not selectors.rapportage_list(user=world.users["praktijkmedewerker"]).filter(pk=rapport.pk).exists()
    )
    assert world.users["praktijkmedewerker"] not in rapportage_lezers(rapport)


def test_the_page_says_who_sees_it(world, client):
    rapport = _rapport(world, staat="concept", scope="gebied")
    client.force_login(world.users["beleidsadviseur"])
    tekst = client.get(reverse("rapportage:detail", args=[rapport.pk])).content.decode()
    assert "Zichtbaar voor" in tekst and "beleidsadviseurs, de beheerder</dd>" in tekst
    Rapportage.objects.filter(pk=rapport.pk).update(
        definitief_op=timezone.now(), gedeeld_op=timezone.now(), gedeeld_met_praktijkmanagers=True
    )
    tekst = client.get(reverse("rapportage:detail", args=[rapport.pk])).content.decode()
    assert "de projectleider, de gebiedsmanagers van Maastricht-Noordoost" in tekst
    assert "de praktijkmanagers in Maastricht-Noordoost" in tekst


def test_sharing_mails_the_new_readers_once(world, client, django_capture_on_commit_callbacks):
    rapport = _rapport(world, staat="definitief", scope="regio")
    client.force_login(world.users["beleidsadviseur"])
    with django_capture_on_commit_callbacks() as taken:
        antwoord = client.post(reverse("rapportage:delen", args=[rapport.pk]))
    assert antwoord.status_code == 302 and len(taken) == 1
    # the worker's job, run here; twice, as a retried or duplicated task would
    assert rapportage_gedeeld_mailen_task.run(rapport.pk) == 3
    assert rapportage_gedeeld_mailen_task.run(rapport.pk) == 0
    ontvangers = sorted(m.to[0] for m in mail.outbox)
    verwacht = sorted(world.users[r].email for r in ("projectleider", "gebiedsmanager", "gebiedsmanager_b"))
    assert ontvangers == verwacht
    link = reverse("rapportage:detail", args=[rapport.pk])
    assert all(link in m.body and m.extra_headers.get("Auto-Submitted") for m in mail.outbox)
    # sharing again (now with the praktijkmanagers) mails only the readers it adds
    with django_capture_on_commit_callbacks() as taken:
        client.post(reverse("rapportage:delen", args=[rapport.pk]), {"praktijkmanagers": "1"})
    assert len(taken) == 1
    rapportage_gedeeld_mailen_task.run(rapport.pk)
    rapport.refresh_from_db()
    assert rapport.gedeeld_met_praktijkmanagers
    nieuw = sorted(m.to[0] for m in mail.outbox[3:])
    managers = [u for k, u in world.users.items() if k.startswith("praktijkmedewerker")]
    assert nieuw == sorted(u.email for u in managers)
    assert VerzondenHerinnering.objects.filter(soort="rapportage_gedeeld").count() == 3 + len(managers)
    # a third share changes nothing and queues nothing
    with django_capture_on_commit_callbacks() as taken:
        client.post(reverse("rapportage:delen", args=[rapport.pk]), {"praktijkmanagers": "1"})
    assert taken == []


def test_a_concept_is_not_shared(world):
    rapport = _rapport(world, staat="concept", scope="regio")
    with pytest.raises(ValueError):
        services.rapportage_delen(rapportage=rapport)
    assert services.rapportage_gedeeld_mailen(rapportage_id=rapport.pk) == 0


def test_saving_commentary_keeps_the_form_and_says_a_new_pdf_is_made(
    world, client, django_capture_on_commit_callbacks
):
    rapport = _rapport(world, staat="concept", scope="regio")
    Rapportage.objects.filter(pk=rapport.pk).update(gereed_op=timezone.now())
    client.force_login(world.users["beleidsadviseur"])
    with django_capture_on_commit_callbacks() as taken:
        antwoord = client.post(
            reverse("rapportage:beoordelen", args=[rapport.pk]), {"commentaar": "Goed"}, follow=True
        )
    tekst = antwoord.content.decode()
    assert len(taken) == 1
    assert "Er wordt een nieuwe PDF met dit commentaar gemaakt" in tekst
    assert reverse("rapportage:beoordelen", args=[rapport.pk]) in tekst and "Goed</textarea>" in tekst
    assert reverse("rapportage:definitief", args=[rapport.pk]) not in tekst
    # a second comment while the PDF is still being made is accepted (the job renders the latest)
    with django_capture_on_commit_callbacks():
        client.post(reverse("rapportage:beoordelen", args=[rapport.pk]), {"commentaar": "Beter"})
    rapport.refresh_from_db()
    assert rapport.commentaar == "Beter" and rapport.status == "in_wachtrij"


@pytest.mark.parametrize(
    ("rol", "in_menu"),
    [
        ("beleidsadviseur", True),
        ("projectleider", True),
        ("gebiedsmanager", True),
        ("praktijkmedewerker", True),
    ],
)
def test_rapportages_in_the_menu(world, client, rol, in_menu):
    client.force_login(world.users[rol])
    tekst = client.get(reverse("home")).content.decode()
    assert (f'href="{reverse("rapportage:list")}"' in tekst) == in_menu


def test_no_rapportages_in_the_menu_of_a_huisarts(world, client):
    rol = world.users["praktijkmedewerker"].praktijkrollen.get()
    rol.functie = Functie.HUISARTS
    rol.save()
    client.force_login(world.users["praktijkmedewerker"])
    tekst = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("rapportage:list")}"' not in tekst
