"""The portal's mail headers, read back from the sent message as a mail client would."""

import datetime
import email.policy
from email import message_from_bytes

import pytest
from django.test import override_settings
from icalendar import Calendar

from zio_portal.ics import AMSTERDAM, Afspraakverzoek, ics_maken
from zio_portal.mail import agendabericht, portaalbericht


@override_settings(PORTAL_BASE_URL="https://wijksamenwerking.zio.nl")
def test_message_id_on_the_portal_domain_and_auto_submitted():
    bericht = portaalbericht(onderwerp="Herinnering", tekst="Tekst", aan=["pm@example.org"])
    ontvangen = message_from_bytes(bericht.message().as_bytes())
    assert ontvangen["Message-ID"].endswith("@wijksamenwerking.zio.nl>")
    assert ontvangen["Auto-Submitted"] == "auto-generated"
    assert ontvangen["To"] == "pm@example.org"


def test_a_personal_message_is_not_marked_automatic():
    bericht = portaalbericht(onderwerp="Vraag", tekst="Tekst", aan=["pm@example.org"], automatisch=False)
    assert "Auto-Submitted" not in message_from_bytes(bericht.message().as_bytes())


@override_settings(PORTAL_BASE_URL="https://wijksamenwerking.zio.nl")
def test_a_cancellation_is_text_inline_calendar_and_attachment_with_method_cancel():
    start = datetime.datetime(2026, 12, 8, 16, 0, tzinfo=AMSTERDAM)
    ics = ics_maken(
        Afspraakverzoek(
            uid="x-1@zio",
            start=start,
            eind=start + datetime.timedelta(hours=1),
            onderwerp="Overleg",
            volgnummer=3,
            methode="CANCEL",
        )
    )
    bericht = agendabericht(
        onderwerp="Geannuleerd", tekst="Gaat niet door.", aan="a@example.org", ics=ics, methode="CANCEL"
    )
    ontvangen = message_from_bytes(bericht.message().as_bytes(), policy=email.policy.default)
    assert ontvangen["To"] == "a@example.org" and ontvangen["Auto-Submitted"] == "auto-generated"
    soorten = [(d.get_content_type(), d.get_content_disposition()) for d in ontvangen.walk()]
    assert soorten == [
        ("multipart/mixed", None),
        ("multipart/alternative", None),
        ("text/plain", None),
        ("text/calendar", None),
        ("text/calendar", "attachment"),
    ]
    inline = [d for d in ontvangen.walk() if d.get_content_type() == "text/calendar"][0]
    assert inline.get_param("method") == "CANCEL"
    event = next(iter(Calendar.from_ical(inline.get_content()).walk("VEVENT")))
    assert event["status"] == "CANCELLED" and int(event["sequence"]) == 3


def test_an_unknown_itip_method_is_refused():

    start = datetime.datetime(2026, 12, 8, 16, 0, tzinfo=AMSTERDAM)
    with pytest.raises(ValueError):
        ics_maken(Afspraakverzoek(uid="x", start=start, eind=start, onderwerp="x", methode="PUBLISH"))
