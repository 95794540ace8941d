"""Helpers of the security tests: log in through the real login page, and the code of a TOTP device."""

from django.urls import reverse
from django_otp.oath import totp

from tests.factories import WACHTWOORD


def inloggen(client, username: str, wachtwoord: str = WACHTWOORD, ip: str = "127.0.0.1"):
    """POST the portal's login form as a browser at address ``ip`` would."""
    return client.post(reverse("login"), {"username": username, "password": wachtwoord}, REMOTE_ADDR=ip)


def totp_code(device) -> str:
    """The code the authenticator app shows now for ``device``."""
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    return f"{code:0{device.digits}d}"
