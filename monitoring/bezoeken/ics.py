"""The invitation to a praktijkbezoek as an iCalendar file that Outlook opens as a meeting request
(built by the portal's shared zio_portal.ics)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone

from zio_portal.ics import AMSTERDAM, Afspraakverzoek, ics_maken

from ..constants import BezoekStatus
from ..models import Praktijkbezoek

DUUR = datetime.timedelta(hours=1, minutes=30)


def bezoek_ics(bezoek: Praktijkbezoek, *, methode: str | None = None) -> bytes:
    """METHOD:REQUEST (CANCEL for a cancelled visit) with a stable UID per visit and the visit's
    SEQUENCE, so a re-sent invitation updates the same meeting."""
    methode = methode or ("CANCEL" if bezoek.status == BezoekStatus.GEANNULEERD else "REQUEST")
    start = timezone.localtime(bezoek.gepland_op, AMSTERDAM)
    organisator = next(
        ((str(b), b.email) for b in bezoek.bezoekers.all() if b.email),
        None,
    )
    emails = sorted({m.user.email for m in bezoek.praktijk.medewerkers.select_related("user")} - {""})
    return ics_maken(
        Afspraakverzoek(
            uid=f"praktijkbezoek-{bezoek.pk}@zio-wijksamenwerking",
            start=start,
            eind=start + DUUR,
            onderwerp=f"Praktijkbezoek ZIO – {bezoek.praktijk.naam}",
            locatie=", ".join(d for d in (bezoek.praktijk.straat, bezoek.praktijk.plaats) if d),
            beschrijving="Jaarlijks praktijkbezoek van ZIO: voortgang en stand van zaken, "
            "ondersteuningsbehoefte, de bouwstenen en de afspraken met praktijken in de wijk.\n"
            + settings.PORTAL_BASE_URL,
            volgnummer=bezoek.uitnodiging_volgnummer,
            methode=methode,
            organisator=organisator,
            deelnemers=[("", e) for e in emails],
            prodid="-//ZIO wijksamenwerking//Praktijkbezoek//NL",
        )
    )
