"""Celery tasks of the wijkplannen: they take ids and call the services, which claim first, so a task
that runs twice makes the PDF once."""

from __future__ import annotations

from celery import shared_task
from django.db import InterfaceError, OperationalError, close_old_connections

from zio_portal import achtergrond

from . import services


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    max_retries=achtergrond.MAX_POGINGEN - 1,
    retry_backoff=5,
    retry_backoff_max=30,
)
def wijkplan_pdf_task(self, wijkplan_id: int) -> None:
    """Make the PDF of one wijkplan. The task id is the claim, so the same message delivered again
    after its worker died takes its own job over."""
    task_id = self.request.id or ""
    try:
        services.wijkplan_pdf_maken(wijkplan_id=wijkplan_id, task_id=task_id)
    except (OperationalError, InterfaceError):
        close_old_connections()
        if self.request.retries >= self.max_retries:
            services.wijkplan_pdf_mislukt(wijkplan_id=wijkplan_id, oorzaak="De database was niet bereikbaar.")
            return
        services.wijkplan_pdf_teruggeven(wijkplan_id=wijkplan_id, task_id=task_id)
        raise


@shared_task(acks_late=True)
def wijkplan_pdfs_opruimen_task() -> dict[str, int]:
    """Every few minutes: PDF jobs stuck in "bezig" whose message was lost are requeued or failed."""
    return services.wijkplan_pdfs_opruimen()
