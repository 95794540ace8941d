"""The portal's outgoing mail: one place for the headers every message carries.

Automatic messages (reminders, invitations, notifications) say so with ``Auto-Submitted`` (RFC 3834),
so that out-of-office replies are not sent back; the Message-ID names the portal's own domain (from
``PORTAL_BASE_URL``) instead of the worker's host name.

A calendar invitation (``agendabericht``) goes to one address per message and is multipart: the text,
the invitation inline as ``text/calendar; method=REQUEST`` (or CANCEL), which Outlook/Exchange and
Gmail turn into accept/decline buttons, and the same .ics as an attachment for clients that need a file.
"""

from __future__ import annotations

import email.policy
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives


def portaal_domein() -> str:
    """The host name of the portal as its users reach it."""
    return urlsplit(settings.PORTAL_BASE_URL).hostname or "localhost"


def _koppen(*, automatisch: bool, headers: dict[str, str] | None) -> dict[str, str]:
    kop = {"Message-ID": make_msgid(domain=portaal_domein())}
    if automatisch:
        kop["Auto-Submitted"] = "auto-generated"
    kop.update(headers or {})
    return kop


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
    kop = _koppen(automatisch=automatisch, headers=headers)
    bericht = EmailMultiAlternatives(subject=onderwerp, body=tekst, to=list(aan), headers=kop)
    if html:
        bericht.attach_alternative(html, "text/html")
    return bericht


class Agendabericht(EmailMultiAlternatives):
    """A message with a calendar invitation: every ``text/calendar`` part carries the iTIP method."""

    def __init__(self, *args, methode: str = "REQUEST", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.methode = methode

    def message(self, *, policy=email.policy.default) -> EmailMessage:
        msg = super().message(policy=policy)
        for deel in msg.walk():
            if deel.get_content_type() == "text/calendar":
                deel.set_param("method", self.methode)
        return msg


def agendabericht(
    *,
    onderwerp: str,
    tekst: str,
    aan: str,
    ics: bytes,
    methode: str = "REQUEST",
    bestandsnaam: str = "uitnodiging.ics",
) -> Agendabericht:
    """An automatic invitation (or cancellation) to one address: text, inline calendar, .ics file."""
    bericht = Agendabericht(
        subject=onderwerp,
        body=tekst,
        to=[aan],
        headers=_koppen(automatisch=True, headers=None),
        methode=methode,
    )
    agenda = ics.decode("utf-8")
    bericht.attach_alternative(agenda, "text/calendar")
    bericht.attach(bestandsnaam, agenda, "text/calendar")
    return bericht
