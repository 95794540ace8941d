"""Cross-cutting writes: claiming a reminder before it is mailed, recording a mail that was sent."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from .models import Bericht, User, VerzondenHerinnering


def herinnering_claimen(*, ontvanger: User, soort: str, sleutel: str) -> bool:
    """Record that this reminder goes out; False when it went out before (or another worker has it).

    Call inside the transaction that sends the mail: if sending fails, the claim rolls back with it.
    """
    try:
        with transaction.atomic():
            VerzondenHerinnering.objects.create(ontvanger=ontvanger, soort=soort, sleutel=sleutel)
    except IntegrityError:
        return False
    return True


def week_sleutel(datum: datetime.date) -> str:
    """The ISO week of a date as the key of a weekly reminder, e.g. ``2026-W07``."""
    jaar, week, _dag = datum.isocalendar()
    return f"{jaar}-W{week:02d}"


BERICHT_SOORTEN = {
    "rapportage_klaar": _("Rapportage klaar"),
    "rapportage_mislukt": _("Rapportage mislukt"),
    "rapportage_gedeeld": _("Rapportage gedeeld"),
    "bezoek_uitnodiging": _("Uitnodiging praktijkbezoek"),
    "bezoek_terugkoppeling": _("Terugkoppeling praktijkbezoek"),
    "bezoek_herinnering": _("Herinnering praktijkbezoeken"),
    "vragenlijst_herinnering": _("Herinnering vragenlijst"),
    "overleg_uitnodiging": _("Uitnodiging overleg"),
    "overleg_notulen": _("Notulen overleg"),
    "overleg_herinnering": _("Herinnering overleg"),
    "afspraak_herinnering": _("Herinnering afspraken"),
    "terugkoppeling": _("Terugkoppeling"),
}


def bericht_vastleggen(
    *, soort: str, onderwerp: str, aan: list[str], link: str = "", namens: User | None = None
) -> Bericht:
    """Record a mail the portal sent (call it where the mail is sent, in the same transaction): the
    recipients who are users of the portal see it under "Berichten", as does ``namens``."""
    adressen = [a for a in aan if a]
    basis = settings.PORTAL_BASE_URL
    if link.startswith(basis):
        link = link[len(basis) :] or "/"  # the portal's own path, so the link works on every host
    bericht = Bericht.objects.create(
        soort=soort, onderwerp=str(onderwerp)[:300], aan=adressen, link=link[:500], namens=namens
    )
    if adressen:
        bericht.ontvangers.set(User.objects.filter(email__in=adressen))
    return bericht
