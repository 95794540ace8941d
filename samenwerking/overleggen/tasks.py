"""Celery tasks of the WSV-overleggen: they take ids and call the services, which claim first, so a
task that runs twice does the work (and sends each mail) once."""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError

from . import herinneringen, services

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=120,
    time_limit=180,
    autoretry_for=(OperationalError, InterfaceError),
    max_retries=2,
    retry_backoff=5,
)
def notulen_pdf_task(self, overleg_id: int) -> None:
    """Render the notulen PDF of one meeting (and mail it when the notulen are final)."""
    try:
        services.notulen_pdf_maken(overleg_id=overleg_id)
    except (OperationalError, InterfaceError):
        if self.request.retries >= self.max_retries:
            services.notulen_pdf_mislukt(overleg_id=overleg_id, oorzaak="De database was niet bereikbaar.")
            return
        # give the claimed job back so the retry can take it again
        from ..constants import PdfStatus
        from ..models import Overleg

        Overleg.objects.filter(pk=overleg_id, pdf_status=PdfStatus.BEZIG).update(
            pdf_status=PdfStatus.IN_WACHTRIJ
        )
        raise


@shared_task(acks_late=True, reject_on_worker_lost=True, soft_time_limit=120, time_limit=180)
def uitnodiging_task(overleg_id: int, volgnummer: int) -> int:
    """Mail the invitation (.ics attached) to the delegates; already-mailed addresses are skipped."""
    return services.uitnodiging_mailen(overleg_id=overleg_id, volgnummer=volgnummer)


# The name is the one in the beat schedule (CELERY_BEAT_SCHEDULE), from before the workflows had packages.
@shared_task(
    name="samenwerking.tasks.actiepunt_herinneringen_task",
    acks_late=True,
    soft_time_limit=300,
    time_limit=360,
)
def actiepunt_herinneringen_task() -> int:
    """Daily: one digest per action owner about actions due soon or just past due; a rerun sends nothing."""
    return herinneringen.actiepunt_herinneringen_versturen()
