"""Celery tasks of the praktijkbezoeken. The service claims every reminder
(zio_portal.services.herinnering_claimen), so a job that runs twice sends nothing twice."""

from celery import shared_task

from . import services


@shared_task(name="monitoring.tasks.bezoek_herinneringen_task", acks_late=True)
def bezoek_herinneringen_task() -> int:
    """Weekly: tell the beleidsadviseurs which practices will miss this year's visit."""
    return services.bezoek_herinneringen_versturen()


@shared_task(acks_late=True, reject_on_worker_lost=True)
def bezoek_uitnodiging_task(bezoek_id: int, volgnummer: int) -> int:
    """Mail this version of a visit's invitation (or cancellation), one message per address; the
    addresses that had it already are skipped."""
    return services.bezoek_uitnodiging_mailen(bezoek_id=bezoek_id, volgnummer=volgnummer)
