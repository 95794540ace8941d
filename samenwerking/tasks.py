"""Celery tasks of the samenwerking app."""

from celery import shared_task

from . import services


@shared_task(acks_late=True, soft_time_limit=300, time_limit=360)
def afspraak_herinneringen_task() -> int:
    """Daily: one digest per owner of agreements to evaluate; a rerun sends nothing (the service claims)."""
    return services.afspraak_herinneringen_versturen()
