"""Celery tasks of the WSV-overleggen: they take ids and call the services, which claim first, so a
task that runs twice does the work (and sends each mail) once."""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError, close_old_connections

from zio_portal import achtergrond

from . import herinneringen, services

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    max_retries=achtergrond.MAX_POGINGEN - 1,
    retry_backoff=5,
    retry_backoff_max=30,
)
def notulen_pdf_task(self, overleg_id: int) -> None:
    """Render the notulen PDF of one meeting (and mail it when the notulen are final). The task id is
    the claim, so the same message delivered again after its worker died takes its own job over."""
    task_id = self.request.id or ""
    try:
        services.notulen_pdf_maken(overleg_id=overleg_id, task_id=task_id)
    except (OperationalError, InterfaceError):
        close_old_connections()
        if self.request.retries >= self.max_retries:
            services.notulen_pdf_mislukt(overleg_id=overleg_id, oorzaak="De database was niet bereikbaar.")
            return
        services.notulen_pdf_teruggeven(overleg_id=overleg_id, task_id=task_id)
        raise


@shared_task(acks_late=True)
def notulen_pdfs_opruimen_task() -> dict[str, int]:
    """Every few minutes: PDF jobs stuck in "bezig" whose message was lost are requeued or failed."""
    return services.notulen_pdfs_opruimen()


@shared_task(acks_late=True, reject_on_worker_lost=True)
def uitnodiging_task(overleg_id: int, volgnummer: int) -> int:
    """Mail the invitation (.ics attached) to the delegates; already-mailed addresses are skipped."""
    return services.uitnodiging_mailen(overleg_id=overleg_id, volgnummer=volgnummer)


# The name is the one in the beat schedule (CELERY_BEAT_SCHEDULE), from before the workflows had packages.
@shared_task(name="samenwerking.tasks.actiepunt_herinneringen_task", acks_late=True)
def actiepunt_herinneringen_task() -> int:
    """Daily: one digest per action owner about actions due soon or just past due; a rerun sends nothing."""
    return herinneringen.actiepunt_herinneringen_versturen()
