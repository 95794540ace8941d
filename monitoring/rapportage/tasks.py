"""Celery tasks of the regionale rapportage. They take ids and call the services; the claim in
``rapportage_genereren`` makes a task that runs twice do the work once."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.signals import worker_process_init, worker_ready
from django.db import InterfaceError, OperationalError, close_old_connections

from . import services

logger = logging.getLogger(__name__)

_opgewarmd = False


@worker_process_init.connect  # each prefork child
@worker_ready.connect  # the solo pool (the worker process itself)
def _opwarmen(**kwargs) -> None:
    global _opgewarmd
    if _opgewarmd:
        return
    _opgewarmd = True
    try:
        from .pdf import opwarmen

        opwarmen()
    except Exception:  # never keep a worker from starting: the first report is then just slower
        logger.exception("Opwarmen van de PDF-rendering mislukt")


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    max_retries=services.MAX_POGINGEN - 1,
    retry_backoff=5,
    retry_backoff_max=30,
    retry_jitter=False,
)
def rapportage_genereren_task(self, rapportage_id: int) -> None:
    """Make one report (time limits from settings). The task id is the claim: delivered again after its
    worker died, it takes its own job over. A transient database error gives the job back and retries
    (bounded, with backoff); after the last try the report is marked failed with the cause."""
    task_id = self.request.id or ""
    try:
        services.rapportage_genereren(rapportage_id=rapportage_id, task_id=task_id)
    except (OperationalError, InterfaceError) as fout:
        close_old_connections()
        laatste = self.request.retries >= self.max_retries
        try:
            if laatste:
                services.rapportage_mislukt(
                    rapportage_id=rapportage_id,
                    oorzaak=f"De database was niet bereikbaar ({self.max_retries + 1} pogingen): {fout}",
                )
            else:
                services.rapportage_teruggeven(rapportage_id=rapportage_id, task_id=task_id)
        except (OperationalError, InterfaceError):
            logger.exception("Rapportage %s: database onbereikbaar; de opruimtaak pakt dit op", rapportage_id)
        if laatste:
            logger.error(
                "Rapportage %s mislukt na %s pogingen: %s", rapportage_id, self.max_retries + 1, fout
            )
            return
        raise


@shared_task(acks_late=True)
def rapportages_opruimen_task() -> dict[str, int]:
    """Every few minutes: reports stuck in "bezig" after their worker died are requeued or failed."""
    return services.rapportages_opruimen()


@shared_task(acks_late=True)
def geplande_rapportages_task() -> list[int]:
    """Daily: if today is the planned day, start the yearly (or quarterly) region report, once."""
    return [r.pk for r in services.geplande_rapportages_maken()]


@shared_task(acks_late=True)
def rapportage_gedeeld_mailen_task(rapportage_id: int) -> int:
    """After sharing: mail each new reader of the report once, with a link to it."""
    return services.rapportage_gedeeld_mailen(rapportage_id=rapportage_id)
