"""No-store on authenticated answers and exports, the secret key's length, Dutch error pages."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse
from django.views import defaults

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_authenticated_page_and_export_are_not_stored(world, client):
    client.force_login(world.users["beleidsadviseur"])
    for url in (
        reverse("home"),
        reverse("samenwerking:afspraak-export-xlsx"),
        reverse("wijken:sociale-kaart-export", args=[world.wijk_a1.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store", url


def test_dutch_403_and_404_in_the_portal_layout(world, client):
    client.force_login(world.users["gebiedsmanager"])
    verboden = client.get(reverse("beveiliging:toegangslog"))
    assert verboden.status_code == 403
    assert "Geen toegang" in verboden.content.decode() and "Mijn account" in verboden.content.decode()
    niet = client.get("/bestaat-niet/")
    assert niet.status_code == 404
    assert "Pagina niet gevonden" in niet.content.decode()


def test_dutch_500_without_the_database(rf, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = defaults.server_error(rf.get("/"))
    assert response.status_code == 500
    tekst = response.content.decode()
    assert "Er ging iets mis" in tekst and "wijksamenwerking" in tekst


def _check(secret: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="portaal.settings",
        DJANGO_SECRET_KEY=secret,
        DJANGO_ALLOWED_HOSTS="portaal.zio.nl",
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_short_secret_key_is_refused_when_debug_is_off():
    kort = _check("abcde")
    assert kort.returncode != 0 and "zio_portal.E002" in kort.stderr + kort.stdout
    lang = _check(secrets.token_urlsafe(60))
    assert "zio_portal.E002" not in lang.stderr + lang.stdout
