"""Celery tasks of the monitoring: weekly reminders. Each calls a service that claims every reminder
(zio_portal.services.herinnering_claimen), so a job that runs twice sends nothing twice."""

from celery import shared_task

from . import services


@shared_task(acks_late=True, soft_time_limit=300, time_limit=360)
def bezoek_herinneringen_task() -> int:
    """Weekly: tell the beleidsadviseurs which practices will miss this year's visit."""
    return services.bezoek_herinneringen_versturen()


@shared_task(acks_late=True, soft_time_limit=300, time_limit=360)
def vragenlijst_herinneringen_task() -> int:
    """Weekly while a round is open: remind the staff of practices that have not submitted."""
    return services.vragenlijst_herinneringen_versturen()
