"""The portal's outgoing mail: one place for the headers every message carries.

Automatic messages (reminders, invitations, notifications) say so with ``Auto-Submitted`` (RFC 3834),
so that out-of-office replies are not sent back; the Message-ID names the portal's own domain (from
``PORTAL_BASE_URL``) instead of the worker's host name.
"""

from __future__ import annotations

from collections.abc import Sequence
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives


def portaal_domein() -> str:
    """The host name of the portal as its users reach it."""
    return urlsplit(settings.PORTAL_BASE_URL).hostname or "localhost"


def portaalbericht(
    *,
    onderwerp: str,
    tekst: str,
    aan: Sequence[str],
    automatisch: bool = True,
    html: str | None = None,
    headers: dict[str, str] | None = None,
) -> EmailMultiAlternatives:
    """A message from the portal to ``aan`` with the portal's headers; the caller attaches and sends."""
    kop = {"Message-ID": make_msgid(domain=portaal_domein())}
    if automatisch:
        kop["Auto-Submitted"] = "auto-generated"
    kop.update(headers or {})
    bericht = EmailMultiAlternatives(subject=onderwerp, body=tekst, to=list(aan), headers=kop)
    if html:
        bericht.attach_alternative(html, "text/html")
    return bericht
