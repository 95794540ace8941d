"""Portal-wide background tasks."""

import socket

from celery import shared_task

from wijken.models import Praktijk


@shared_task(ignore_result=False, acks_late=True)
def werker_controle() -> dict:
    """Answer from the worker with what it sees in the database: proves broker, worker and database agree."""
    return {"werker": socket.gethostname(), "praktijken": Praktijk.objects.count()}
