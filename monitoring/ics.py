"""The invitation to a praktijkbezoek as an iCalendar file that Outlook opens as a meeting request."""

from __future__ import annotations

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vCalAddress, vText

from .models import Praktijkbezoek

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
DUUR = datetime.timedelta(hours=1, minutes=30)


def _vtimezone() -> Timezone:
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


def bezoek_ics(bezoek: Praktijkbezoek) -> bytes:
    """METHOD:REQUEST with a stable UID per visit, so a re-sent invitation updates the same meeting."""
    cal = Calendar()
    cal.add("prodid", "-//ZIO wijksamenwerking//Praktijkbezoek//NL")
    cal.add("version", "2.0")
    cal.add("method", "REQUEST")
    cal.add_component(_vtimezone())
    start = timezone.localtime(bezoek.gepland_op, AMSTERDAM)
    event = Event()
    event.add("uid", f"praktijkbezoek-{bezoek.pk}@zio-wijksamenwerking")
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", start)
    event.add("dtend", start + DUUR)
    event.add("summary", f"Praktijkbezoek ZIO – {bezoek.praktijk.naam}")
    adres = ", ".join(d for d in (bezoek.praktijk.straat, bezoek.praktijk.plaats) if d)
    if adres:
        event.add("location", vText(adres))
    event.add(
        "description",
        "Jaarlijks praktijkbezoek van ZIO: voortgang en stand van zaken, ondersteuningsbehoefte, "
        "de bouwstenen en de afspraken met praktijken in de wijk.\n" + settings.PORTAL_BASE_URL,
    )
    event.add("sequence", 0)
    event.add("status", "CONFIRMED")
    for bezoeker in bezoek.bezoekers.all():
        if bezoeker.email:
            organizer = vCalAddress(f"MAILTO:{bezoeker.email}")
            organizer.params["cn"] = vText(str(bezoeker))
            event["organizer"] = organizer
            break
    for email in sorted({m.user.email for m in bezoek.praktijk.medewerkers.select_related("user")} - {""}):
        attendee = vCalAddress(f"MAILTO:{email}")
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["rsvp"] = vText("TRUE")
        event.add("attendee", attendee, encode=0)
    cal.add_component(event)
    return cal.to_ical()
