"""Reading sent invitations back as a mail client does: the MIME parts, and the calendar parsed with
the ``icalendar`` package."""

from __future__ import annotations

import email.policy
from dataclasses import dataclass
from email import message_from_bytes
from email.message import EmailMessage

from icalendar import Calendar


@dataclass
class Agendamail:
    """One sent message as its receiver sees it."""

    bericht: EmailMessage
    tekst: str
    inline_methode: str
    kalender: Calendar
    bijlage: Calendar

    @property
    def event(self):
        return next(iter(self.kalender.walk("VEVENT")))


def lees(django_bericht) -> Agendamail:
    """Parse a message from ``mail.outbox``: text part, inline text/calendar part, .ics attachment."""
    bericht = message_from_bytes(django_bericht.message().as_bytes(), policy=email.policy.default)
    tekst = [d for d in bericht.walk() if d.get_content_type() == "text/plain"]
    kalenders = [d for d in bericht.walk() if d.get_content_type() == "text/calendar"]
    inline = [d for d in kalenders if d.get_content_disposition() != "attachment"]
    bijlagen = [d for d in kalenders if d.get_content_disposition() == "attachment"]
    assert len(tekst) == 1 and len(inline) == 1 and len(bijlagen) == 1, [
        d.get_content_type() for d in bericht.walk()
    ]
    alternatief = next(d for d in bericht.walk() if d.get_content_type() == "multipart/alternative")
    assert inline[0] in list(alternatief.iter_parts()), "the calendar is an alternative of the text"
    return Agendamail(
        bericht=bericht,
        tekst=tekst[0].get_content(),
        inline_methode=inline[0].get_param("method"),
        kalender=Calendar.from_ical(inline[0].get_content()),
        bijlage=Calendar.from_ical(bijlagen[0].get_content()),
    )
