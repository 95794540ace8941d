"""Sessions: idle timeout, absolute lifetime, a browser-session cookie, all ended on deactivation."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from tests.factories import WACHTWOORD
from tests.zio_portal.inloggen import inloggen
from zio_portal.beveiliging.constants import Gebeurtenis
from zio_portal.beveiliging.models import Toegangsregel

pytestmark = pytest.mark.django_db


def test_the_session_cookie_lives_as_long_as_the_browser(users, client):
    response = inloggen(client, "gebiedsmanager")
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["expires"] and not cookie["max-age"]
    assert cookie["httponly"]


def test_idle_timeout(users, client):
    start = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as reis:
        inloggen(client, "gebiedsmanager")
        reis.shift(datetime.timedelta(minutes=settings.ZIO_SESSIE_INACTIEF_MINUTEN - 1))
        assert client.get(reverse("home")).status_code == 200
        reis.shift(datetime.timedelta(minutes=settings.ZIO_SESSIE_INACTIEF_MINUTEN - 1))
        assert client.get(reverse("home")).status_code == 200  # activity moved the clock on
        reis.shift(datetime.timedelta(minutes=settings.ZIO_SESSIE_INACTIEF_MINUTEN + 1))
        response = client.get(reverse("home"))
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
        assert "niet actief" in client.get(response["Location"]).content.decode()
    assert (
        Toegangsregel.objects.filter(gebeurtenis=Gebeurtenis.SESSIE_VERLOPEN, omschrijving="inactief").count()
        == 1
    )


def test_absolute_lifetime(users, client):
    start = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as reis:
        inloggen(client, "gebiedsmanager")
        stap = datetime.timedelta(minutes=settings.ZIO_SESSIE_INACTIEF_MINUTEN - 5)
        verstreken = datetime.timedelta()
        while verstreken + stap < datetime.timedelta(hours=settings.ZIO_SESSIE_MAX_UREN):
            reis.shift(stap)
            verstreken += stap
            assert client.get(reverse("home")).status_code == 200
        reis.shift(
            datetime.timedelta(hours=settings.ZIO_SESSIE_MAX_UREN)
            - verstreken
            + datetime.timedelta(minutes=1)
        )
        response = client.get(reverse("home"))  # active all along, but past the lifetime
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
        assert "langer dan" in client.get(response["Location"]).content.decode()


def test_deactivation_ends_every_session(users, client, django_user_model):
    tweede = type(client)()
    inloggen(client, "praktijkmedewerker")
    inloggen(tweede, "praktijkmedewerker", ip="10.1.1.1")
    assert client.get(reverse("home")).status_code == 200
    user = users["praktijkmedewerker"]
    user.is_active = False
    user.save()
    for c in (client, tweede):
        response = c.get(reverse("home"))
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    from django.contrib.sessions.models import Session

    assert not [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user.pk)]


def test_a_new_password_ends_the_other_sessions(users, client):
    ander = type(client)()
    inloggen(client, "gebiedsmanager")
    inloggen(ander, "gebiedsmanager", ip="10.1.1.2")
    response = client.post(
        reverse("beveiliging:wachtwoord-wijzigen"),
        {
            "old_password": WACHTWOORD,
            "new_password1": "Nieuw-Wachtwoord-Sterk-9",
            "new_password2": "Nieuw-Wachtwoord-Sterk-9",
        },
    )
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200
    assert ander.get(reverse("home")).status_code == 302
