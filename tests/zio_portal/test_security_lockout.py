"""Brute force: django-axes locks an account per address, the beheerder unlocks it in the portal."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse

from tests.zio_portal.inloggen import inloggen
from zio_portal.beveiliging.constants import Gebeurtenis
from zio_portal.beveiliging.models import Toegangsregel

pytestmark = pytest.mark.django_db


def _mislukken(client, username: str, ip: str, aantal: int) -> None:
    for _ in range(aantal):
        response = inloggen(client, username, "fout-wachtwoord", ip=ip)
        assert response.status_code in (200, 429)


def test_lockout_after_the_limit_for_that_account_and_address_only(users, client):
    limiet = settings.AXES_FAILURE_LIMIT
    _mislukken(client, "beleidsadviseur", "10.0.0.5", limiet)

    geblokkeerd = inloggen(client, "beleidsadviseur", ip="10.0.0.5")  # the right password
    assert geblokkeerd.status_code == 429
    tekst = geblokkeerd.content.decode()
    assert "Account tijdelijk geblokkeerd" in tekst
    assert "Probeer het over 30 minuten opnieuw" in tekst
    assert "_auth_user_id" not in client.session

    # Another account behind the same (shared NAT) address still logs in.
    assert inloggen(client, "projectleider", ip="10.0.0.5").status_code == 302
    client.logout()
    # The same account from elsewhere is not locked out by an attacker at 10.0.0.5.
    assert inloggen(client, "beleidsadviseur", ip="10.0.0.9").status_code == 302

    assert (
        Toegangsregel.objects.filter(
            gebeurtenis=Gebeurtenis.GEBLOKKEERD, gebruikersnaam="beleidsadviseur"
        ).count()
        == 1
    )
    assert (
        Toegangsregel.objects.filter(
            gebeurtenis=Gebeurtenis.INLOGGEN_MISLUKT, gebruikersnaam="beleidsadviseur", ip_adres="10.0.0.5"
        ).count()
        == limiet + 1
    )


def test_below_the_limit_the_right_password_works_and_resets_the_count(users, client):
    _mislukken(client, "gebiedsmanager", "10.0.0.6", settings.AXES_FAILURE_LIMIT - 1)
    assert inloggen(client, "gebiedsmanager", ip="10.0.0.6").status_code == 302
    assert not AccessAttempt.objects.filter(username="gebiedsmanager").exists()


def test_admin_login_is_locked_out_too(users, client):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/beheer/login/", {"username": "beheerder", "password": "fout"}, REMOTE_ADDR="10.0.0.7")
    response = client.post(
        "/beheer/login/",
        {"username": "beheerder", "password": "wachtwoord-voor-tests-123"},
        REMOTE_ADDR="10.0.0.7",
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_beheerder_unlocks_the_account_and_it_is_logged(users, client):
    _mislukken(client, "projectleider", "10.0.0.8", settings.AXES_FAILURE_LIMIT)
    assert inloggen(client, "projectleider", ip="10.0.0.8").status_code == 429

    beheer = type(client)()
    beheer.force_login(users["beheerder"])
    lijst = beheer.get(reverse("beveiliging:gebruiker-list"))
    assert "geblokkeerd" in lijst.content.decode()
    response = beheer.post(reverse("beveiliging:gebruiker-ontgrendelen", args=[users["projectleider"].pk]))
    assert response.status_code == 302

    assert inloggen(client, "projectleider", ip="10.0.0.8").status_code == 302
    regel = Toegangsregel.objects.get(gebeurtenis=Gebeurtenis.ONTGRENDELD)
    assert regel.gebruiker == users["beheerder"]
    assert regel.object_id == str(users["projectleider"].pk)


def test_only_the_beheerder_unlocks(users, client):
    client.force_login(users["beleidsadviseur"])
    response = client.post(reverse("beveiliging:gebruiker-ontgrendelen", args=[users["projectleider"].pk]))
    assert response.status_code == 403
    assert not Toegangsregel.objects.filter(gebeurtenis=Gebeurtenis.ONTGRENDELD).exists()
