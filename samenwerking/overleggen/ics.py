"""The invitation to a WSV-overleg as an iCalendar file (the portal's shared zio_portal.ics)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.urls import reverse

from zio_portal.ics import AMSTERDAM, Afspraakverzoek, ics_maken

from ..constants import OverlegStatus
from ..models import Overleg
from .selectors import ontvangers


def overleg_ics(overleg: Overleg, *, methode: str | None = None) -> bytes:
    """METHOD:REQUEST (CANCEL for a cancelled meeting), UID stable per meeting, SEQUENCE raised when
    the meeting changes."""
    methode = methode or ("CANCEL" if overleg.status == OverlegStatus.GEANNULEERD else "REQUEST")
    start_tijd = overleg.starttijd or datetime.time(9, 0)
    eind_tijd = overleg.eindtijd or datetime.time(10, 30)
    start = datetime.datetime.combine(overleg.datum, start_tijd, tzinfo=AMSTERDAM)
    eind = datetime.datetime.combine(overleg.datum, eind_tijd, tzinfo=AMSTERDAM)
    link = settings.PORTAL_BASE_URL + reverse("samenwerking:overleg-detail", args=[overleg.pk])
    waar = [overleg.locatie] if overleg.locatie else []
    if overleg.link:
        waar.append(overleg.link)
    agenda = "\n".join(f"{p.volgorde}. {p.titel}" for p in overleg.agendapunten.order_by("volgorde", "pk"))
    beschrijving = (
        f"{overleg.get_soort_display()} van het {overleg.verband.naam}"
        f" ({overleg.get_overlegvorm_display().lower()}).\n"
        + (f"Doelgroep: {overleg.doelgroep}\n" if overleg.doelgroep else "")
        + (f"Online deelnemen: {overleg.link}\n" if overleg.link else "")
        + (f"\nAgenda:\n{agenda}\n" if agenda else "")
        + f"\nAgenda en stukken in het portaal: {link}"
    )
    gm = next((u for u in overleg.verband.wijk.gebied.gebiedsmanagers.order_by("pk") if u.email), None)
    return ics_maken(
        Afspraakverzoek(
            uid=f"wsv-overleg-{overleg.pk}@zio-wijksamenwerking",
            start=start,
            eind=eind,
            onderwerp=f"{overleg.soort_naam}: {overleg.verband.naam}",
            beschrijving=beschrijving,
            locatie=" / ".join(waar),
            url=overleg.link,
            volgnummer=overleg.uitnodiging_volgnummer,
            methode=methode,
            organisator=(str(gm), gm.email) if gm else None,
            deelnemers=ontvangers(overleg=overleg),
            prodid="-//ZIO wijksamenwerking//WSV-overleg//NL",
        )
    )
