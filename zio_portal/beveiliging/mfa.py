"""The second factor (django-otp): a TOTP app with single-use recovery codes.

A user with a confirmed TOTP device always gives a code after the password; a user whose role is in
``ZIO_MFA_ROLLEN`` must set one up first when ``ZIO_MFA_VERPLICHT`` is on (default: when DEBUG is
off). The recovery codes are a django-otp static device.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

AANTAL_HERSTELCODES = 10
TOTP_NAAM = "authenticator-app"
HERSTEL_NAAM = "herstelcodes"


def mfa_verplicht(user) -> bool:
    """The user's role must use a second factor (while the setting is on)."""
    if not getattr(settings, "ZIO_MFA_VERPLICHT", False) or not user.is_authenticated:
        return False
    return user.is_superuser or user.rol in settings.ZIO_MFA_ROLLEN


def heeft_mfa(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def mfa_nodig(user) -> bool:
    """After the password this user must give a code (or set up the app first)."""
    return mfa_verplicht(user) or heeft_mfa(user)


@transaction.atomic
def totp_voorbereiden(*, user) -> TOTPDevice:
    """An unconfirmed TOTP device for the setup page (a fresh secret each time setup starts)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=TOTP_NAAM, confirmed=False)


@transaction.atomic
def totp_bevestigen(*, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the device with a first code; returns the new recovery codes, or None if the code is wrong."""
    if not device.verify_token(code):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return herstelcodes_maken(user=device.user)


@transaction.atomic
def herstelcodes_maken(*, user) -> list[str]:
    """Replace the user's recovery codes with ten new single-use ones (shown once)."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=HERSTEL_NAAM, defaults={"confirmed": True})
    device.token_set.all().delete()
    # 3 x 4 hex digits (48 bits): fits django-otp's 16-character token, easy to type.
    codes = ["-".join(secrets.token_hex(2) for _ in range(3)) for _ in range(AANTAL_HERSTELCODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def mfa_verwijderen(*, user) -> None:
    """Remove the app and the recovery codes (the user sets up a new one at the next login)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def code_controleren(*, user, code: str):
    """The device that accepts ``code``: six digits go to the app, anything else is a recovery code
    (used up when it matches). Each kind is only tried with its own codes, so a mistyped app code does
    not start django-otp's back-off on the recovery codes."""
    code = "".join(code.split())
    if code.isdigit():
        apparaten = TOTPDevice.objects.filter(user=user, confirmed=True)
    else:
        apparaten = StaticDevice.objects.filter(user=user, confirmed=True)
    for device in apparaten:
        if device.verify_is_allowed()[0] and device.verify_token(code):
            return device
    return None
