"""iCalendar invitations (.ics) that Outlook opens as a meeting request: METHOD:REQUEST (or CANCEL to
take the meeting out of the calendar), a stable UID per appointment (a re-sent invitation updates the
same meeting, SEQUENCE says which is newer), times
in Europe/Amsterdam with its VTIMEZONE, CRLF line endings (the icalendar package writes those)."""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import timezone
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vCalAddress, vText

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def vtimezone() -> Timezone:
    """Europe/Amsterdam with its DST rules, so Outlook shows the right local time."""
    tz = Timezone()
    tz.add("tzid", "Europe/Amsterdam")
    zomer = TimezoneDaylight()
    zomer.add("tzname", "CEST")
    zomer.add("dtstart", datetime.datetime(1970, 3, 29, 2, 0, 0))
    zomer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    zomer.add("tzoffsetfrom", datetime.timedelta(hours=1))
    zomer.add("tzoffsetto", datetime.timedelta(hours=2))
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("dtstart", datetime.datetime(1970, 10, 25, 3, 0, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    winter.add("tzoffsetfrom", datetime.timedelta(hours=2))
    winter.add("tzoffsetto", datetime.timedelta(hours=1))
    tz.add_component(zomer)
    tz.add_component(winter)
    return tz


@dataclass
class Afspraakverzoek:
    """What goes into one invitation; ``start``/``eind`` are aware datetimes (any zone)."""

    uid: str
    start: datetime.datetime
    eind: datetime.datetime
    onderwerp: str
    beschrijving: str = ""
    locatie: str = ""
    url: str = ""
    volgnummer: int = 0
    methode: str = "REQUEST"  # or "CANCEL": the meeting is called off
    organisator: tuple[str, str] | None = None  # (naam, e-mailadres)
    deelnemers: Iterable[tuple[str, str]] = field(default_factory=list)  # (naam, e-mailadres)
    prodid: str = "-//ZIO wijksamenwerking//Portaal//NL"


METHODEN = ("REQUEST", "CANCEL")


def ics_maken(verzoek: Afspraakverzoek) -> bytes:
    """The invitation (or its cancellation) as iCalendar bytes (CRLF), one VEVENT with the Amsterdam
    VTIMEZONE. A cancellation carries the same UID, a higher SEQUENCE and STATUS:CANCELLED."""
    if verzoek.methode not in METHODEN:
        raise ValueError(f"Onbekende iTIP-methode: {verzoek.methode}")
    cal = Calendar()
    cal.add("prodid", verzoek.prodid)
    cal.add("version", "2.0")
    cal.add("method", verzoek.methode)
    cal.add_component(vtimezone())
    event = Event()
    event.add("uid", verzoek.uid)
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", verzoek.start.astimezone(AMSTERDAM))
    event.add("dtend", verzoek.eind.astimezone(AMSTERDAM))
    event.add("summary", verzoek.onderwerp)
    if verzoek.locatie:
        event.add("location", vText(verzoek.locatie))
    if verzoek.url:
        event.add("url", verzoek.url)
    if verzoek.beschrijving:
        event.add("description", verzoek.beschrijving)
    event.add("sequence", verzoek.volgnummer)
    event.add("status", "CANCELLED" if verzoek.methode == "CANCEL" else "CONFIRMED")
    if verzoek.organisator:
        naam, email = verzoek.organisator
        organizer = vCalAddress(f"MAILTO:{email}")
        organizer.params["cn"] = vText(naam)
        event["organizer"] = organizer
    gezien = set()
    for naam, email in verzoek.deelnemers:
        if not email or email.lower() in gezien:
            continue
        gezien.add(email.lower())
        attendee = vCalAddress(f"MAILTO:{email}")
        if naam:
            attendee.params["cn"] = vText(naam)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["rsvp"] = vText("TRUE")
        event.add("attendee", attendee, encode=0)
    cal.add_component(event)
    return cal.to_ical()
