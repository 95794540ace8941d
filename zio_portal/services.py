"""Cross-cutting writes: claiming a reminder before it is mailed."""

import datetime

from django.db import IntegrityError, transaction

from .models import User, VerzondenHerinnering


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
