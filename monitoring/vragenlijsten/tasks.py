"""Celery tasks of the vragenlijsten. The service claims every reminder
(zio_portal.services.herinnering_claimen), so a job that runs twice sends nothing twice."""

from celery import shared_task

from . import services


@shared_task(name="monitoring.tasks.vragenlijst_herinneringen_task", acks_late=True)
def vragenlijst_herinneringen_task() -> int:
    """Weekly while a round is open: remind the staff of practices that have not submitted."""
    return services.vragenlijst_herinneringen_versturen()


@shared_task(
    name="monitoring.tasks.imports_opruimen_task",
    acks_late=True,
)
def imports_opruimen_task() -> int:
    """Hourly: remove uploaded exports whose preview was never confirmed (older than a day)."""
    return services.imports_opruimen()
