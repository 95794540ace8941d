"""Celery tasks of the continuïteit workflow: they take ids and call the services, which claim first,
so a task that runs twice mails once."""

from __future__ import annotations

from celery import shared_task

from . import services


@shared_task(acks_late=True, reject_on_worker_lost=True)
def opvangverzoek_mailen_task(verzoek_id: int) -> int:
    """Mail one asked practice about a melding (with the .ics); once per period version."""
    return services.opvangverzoek_mailen(verzoek_id=verzoek_id)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def opvang_einde_mailen_task(verzoek_id: int) -> int:
    """Tell one asked practice the melding has ended; once."""
    return services.opvang_einde_mailen(verzoek_id=verzoek_id)


@shared_task(acks_late=True)
def opvang_escaleren_task() -> int:
    """Every quarter of an hour: alert about meldingen without full confirmed opvang in time; once each."""
    return services.meldingen_escaleren()
