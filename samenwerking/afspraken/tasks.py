"""Celery tasks of the SMART-afspraken."""

from celery import shared_task

from . import services


# The name is the one in the beat schedule (CELERY_BEAT_SCHEDULE), from before the workflows had packages.
@shared_task(name="samenwerking.tasks.afspraak_herinneringen_task", acks_late=True)
def afspraak_herinneringen_task() -> int:
    """Daily: one digest per owner of agreements to evaluate; a rerun sends nothing (the service claims)."""
    return services.afspraak_herinneringen_versturen()
