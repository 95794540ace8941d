"""Second factor: setup, login with a code or a recovery code, required roles, reset by the beheerder."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.zio_portal.inloggen import inloggen, totp_code
from zio_portal.beveiliging import mfa
from zio_portal.beveiliging.constants import Gebeurtenis
from zio_portal.beveiliging.models import Toegangsregel

pytestmark = pytest.mark.django_db


def _instellen(client) -> tuple[TOTPDevice, list[str]]:
    """Walk the setup page: scan (read the device), give the first code, get the recovery codes."""
    pagina = client.get(reverse("beveiliging:mfa-instellen"))
    assert pagina.status_code == 200
    assert "<svg" in pagina.content.decode()  # the QR code, inline
    device = TOTPDevice.objects.get(user=pagina.wsgi_request.user, confirmed=False)
    response = client.post(reverse("beveiliging:mfa-instellen"), {"code": totp_code(device)})
    assert response.status_code == 200
    codes = re.findall(r"<li>([0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4})</li>", response.content.decode())
    device.refresh_from_db()
    assert device.confirmed
    return device, codes


@override_settings(ZIO_MFA_VERPLICHT=True)
def test_required_role_is_refused_without_a_code(users, client):
    assert inloggen(client, "beleidsadviseur").status_code == 302
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("beveiliging:mfa-verifieren"))
    # Without a device the code page sends one to set it up; no page of the portal opens meanwhile.
    assert client.get(reverse("beveiliging:mfa-verifieren"))["Location"].startswith(
        reverse("beveiliging:mfa-instellen")
    )
    assert client.get(reverse("samenwerking:afspraak-list")).status_code == 302
    assert client.get(reverse("rapportage:list")).status_code == 302


@override_settings(ZIO_MFA_VERPLICHT=True)
def test_setup_then_login_with_a_code(users, client):
    inloggen(client, "beheerder")
    device, codes = _instellen(client)
    assert len(codes) == 10
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("logout"))

    inloggen(client, "beheerder")
    assert client.get(reverse("home")).status_code == 302
    fout = client.post(reverse("beveiliging:mfa-verifieren"), {"code": "000000"})
    assert fout.status_code == 200
    assert "Deze code klopt niet" in fout.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # the wrong code started django-otp's back-off
    device.last_t = -1
    device.save()
    goed = client.post(reverse("beveiliging:mfa-verifieren"), {"code": totp_code(device), "next": "/wijken/"})
    assert goed.status_code == 302 and goed["Location"] == "/wijken/"
    assert client.get(reverse("home")).status_code == 200

    soorten = list(
        Toegangsregel.objects.filter(gebruiker=users["beheerder"]).values_list("gebeurtenis", flat=True)
    )
    assert soorten.count(Gebeurtenis.MFA_INGESTELD) == 1
    assert soorten.count(Gebeurtenis.MFA_MISLUKT) == 1
    assert soorten.count(Gebeurtenis.MFA_GELUKT) == 1


@override_settings(ZIO_MFA_VERPLICHT=True)
def test_login_with_a_recovery_code_that_works_once(users, client):
    inloggen(client, "projectleider")
    _device, codes = _instellen(client)
    client.post(reverse("logout"))

    inloggen(client, "projectleider")
    response = client.post(reverse("beveiliging:mfa-verifieren"), {"code": codes[0]})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200
    assert StaticToken.objects.filter(device__user=users["projectleider"]).count() == 9
    client.post(reverse("logout"))

    inloggen(client, "projectleider")
    opnieuw = client.post(reverse("beveiliging:mfa-verifieren"), {"code": codes[0]})
    assert opnieuw.status_code == 200
    assert client.get(reverse("home")).status_code == 302
    assert Toegangsregel.objects.filter(gebeurtenis=Gebeurtenis.MFA_HERSTELCODE).count() == 1


@override_settings(ZIO_MFA_VERPLICHT=True)
def test_a_password_alone_cannot_replace_the_device(users, client):
    inloggen(client, "beheerder")
    _instellen(client)
    client.post(reverse("logout"))
    inloggen(client, "beheerder")
    response = client.get(reverse("beveiliging:mfa-instellen"))
    assert response["Location"] == reverse("beveiliging:mfa-verifieren")


@override_settings(ZIO_MFA_VERPLICHT=True)
def test_other_roles_are_offered_mfa_and_then_asked_for_it(users, client):
    inloggen(client, "gebiedsmanager")
    assert client.get(reverse("home")).status_code == 200  # not required
    assert "Tweede factor instellen" in client.get(reverse("beveiliging:account")).content.decode()
    _instellen(client)
    client.post(reverse("logout"))
    inloggen(client, "gebiedsmanager")
    assert client.get(reverse("home")).status_code == 302  # set up, so asked


@override_settings(ZIO_MFA_VERPLICHT=True)
def test_beheerder_resets_a_lost_device_logged(users, client):
    inloggen(client, "beleidsadviseur")
    _instellen(client)
    client.post(reverse("logout"))

    beheer = type(client)()
    inloggen(beheer, "beheerder")
    _instellen(beheer)  # the beheerder too must have given a code
    response = beheer.post(reverse("beveiliging:gebruiker-mfa-resetten", args=[users["beleidsadviseur"].pk]))
    assert response.status_code == 302
    assert not mfa.heeft_mfa(users["beleidsadviseur"])
    regel = Toegangsregel.objects.get(gebeurtenis=Gebeurtenis.MFA_GERESET)
    assert regel.gebruiker == users["beheerder"] and regel.object_id == str(users["beleidsadviseur"].pk)

    # The next login sets up a new device (still required).
    inloggen(client, "beleidsadviseur")
    assert client.get(reverse("beveiliging:mfa-verifieren"))["Location"].startswith(
        reverse("beveiliging:mfa-instellen")
    )


@override_settings(ZIO_MFA_VERPLICHT=False, DEBUG=True)
def test_demo_login_says_the_second_factor_is_off(users, client):
    response = client.get(reverse("login"))
    assert "de demogebruikers loggen in zonder tweede factor" in response.content.decode()
    inloggen(client, "beheerder")
    assert client.get(reverse("home")).status_code == 200


@override_settings(ZIO_MFA_VERPLICHT=True)
def test_production_login_page_has_no_demo_notice(client, db):
    assert "zonder tweede factor" not in client.get(reverse("login")).content.decode()


@override_settings(ZIO_MFA_VERPLICHT=True)
def test_no_menu_between_password_and_code(users, client):
    """The code page shows no menu: its links would only lead back to the code page."""
    inloggen(client, "beheerder")
    device, _codes = _instellen(client)
    client.post(reverse("logout"))
    inloggen(client, "beheerder")
    pagina = client.get(reverse("beveiliging:mfa-verifieren")).content.decode()
    assert reverse("samenwerking:afspraak-list") not in pagina
    assert reverse("berichten") not in pagina
    assert reverse("logout") in pagina  # leaving stays possible
    device.refresh_from_db()
    device.last_t = -1  # the setup used this time step's code already
    device.save()
    client.post(reverse("beveiliging:mfa-verifieren"), {"code": totp_code(device)})
    assert reverse("samenwerking:afspraak-list") in client.get(reverse("home")).content.decode()
