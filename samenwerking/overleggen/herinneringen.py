"""Writes of the daily actiepunt reminders: one digest per owner, each reminder claimed once."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zio_portal.mail import portaalbericht
from zio_portal.services import bericht_vastleggen

from ..constants import (
    ActiepuntStatus,
)
from ..models import (
    Actiepunt,
    ActiepuntHerinnering,
)

# The fields of an agreement a user edits; the rest is kept by the services.


ACTIEPUNT_DAGEN_VOORAF = 3
# After the deadline: only actions that passed it recently, so a first run does not mail about
# actions forgotten long ago (those stay on the next meeting's agenda).
ACTIEPUNT_DAGEN_ACHTERAF = 30


def _actiepunt_link(actiepunt: Actiepunt) -> str:
    """Straight to the meeting where the action was agreed (or the verband, for an action without one)."""
    if actiepunt.overleg_id:
        try:
            return settings.PORTAL_BASE_URL + reverse(
                "samenwerking:overleg-detail", args=[actiepunt.overleg_id]
            )
        except NoReverseMatch:  # the meeting pages are built in parallel; until then the verband
            pass
    return settings.PORTAL_BASE_URL + reverse("samenwerking:verband-detail", args=[actiepunt.verband_id])


def actiepunt_herinneringen_versturen(*, vandaag: datetime.date | None = None) -> int:
    """Mail each action owner one digest: open actions due within 3 days, and those just past due.

    Each action gets at most one reminder before and one after its deadline: every item is claimed
    (``ActiepuntHerinnering``) in the transaction that sends the mail, so a second run sends nothing
    and a failed mail rolls its claims back. Returns the number of mails sent.
    """
    vandaag = vandaag or timezone.localdate()
    acties = (
        Actiepunt.objects.filter(
            status=ActiepuntStatus.OPEN,
            deadline__lte=vandaag + datetime.timedelta(days=ACTIEPUNT_DAGEN_VOORAF),
            deadline__gte=vandaag - datetime.timedelta(days=ACTIEPUNT_DAGEN_ACHTERAF),
        )
        .select_related("verband__wijk", "overleg", "eigenaar", "eigenaar_contact")
        .order_by("deadline", "pk")
    )
    per_adres: dict[str, dict] = {}
    for actie in acties:
        if actie.eigenaar and actie.eigenaar.is_active and actie.eigenaar.email:
            adres, naam = actie.eigenaar.email, actie.eigenaar.first_name or str(actie.eigenaar)
        elif actie.eigenaar_contact and actie.eigenaar_contact.email:
            adres, naam = actie.eigenaar_contact.email, actie.eigenaar_contact.naam
        else:
            continue  # nobody to mail; the action stays on the next agenda
        soort = (
            ActiepuntHerinnering.Soort.NA_DEADLINE
            if actie.deadline < vandaag
            else ActiepuntHerinnering.Soort.VOOR_DEADLINE
        )
        per_adres.setdefault(adres.lower(), {"naam": naam, "adres": adres, "items": []})["items"].append(
            (actie, soort)
        )
    verstuurd = 0
    for ontvanger in per_adres.values():
        with transaction.atomic():
            regels = []
            for actie, soort in ontvanger["items"]:
                try:
                    with transaction.atomic():
                        ActiepuntHerinnering.objects.create(
                            actiepunt=actie, soort=soort, email=ontvanger["adres"]
                        )
                except IntegrityError:
                    continue  # this reminder went out before
                regels.append(
                    {
                        "actie": actie,
                        "verlopen": soort == ActiepuntHerinnering.Soort.NA_DEADLINE,
                        "url": _actiepunt_link(actie),
                    }
                )
            if not regels:
                continue
            portaalbericht(
                onderwerp=_("ZIO: herinnering aan %(aantal)s actiepunt(en)") % {"aantal": len(regels)},
                tekst=render_to_string(
                    "samenwerking/mail/actiepunt_herinnering.txt",
                    {"naam": ontvanger["naam"], "regels": regels, "vandaag": vandaag},
                ),
                aan=[ontvanger["adres"]],
            ).send()
            bericht_vastleggen(
                soort="overleg_herinnering",
                onderwerp=_("Herinnering actiepunten"),
                aan=[ontvanger["adres"]],
                link=regels[0]["url"] if len(regels) == 1 else "",
            )
            verstuurd += 1
    return verstuurd
