"""Cross-cutting writes: claiming a reminder before it is mailed."""

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
