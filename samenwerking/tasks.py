"""Celery tasks of the samenwerking app."""

from celery import shared_task

from . import services


@shared_task(acks_late=True, soft_time_limit=300, time_limit=360)
def afspraak_herinneringen_task() -> int:
    """Daily: one digest per owner of agreements to evaluate; a rerun sends nothing (the service claims)."""
    return services.afspraak_herinneringen_versturen()


# --- Actiepunt-herinneringen en terugkoppeling ------------------------------------------------------
@shared_task(acks_late=True, soft_time_limit=300, time_limit=360)
def actiepunt_herinneringen_task() -> int:
    """Daily: one digest per action owner about actions due soon or just past due; a rerun sends nothing."""
    return services.actiepunt_herinneringen_versturen()


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90)
def terugkoppeling_verzonden_mail_task(terugkoppeling_id: int) -> int:
    """Tell the projectleider a terugkoppeling arrived; each projectleider is mailed once (claimed)."""
    return services.terugkoppeling_mail_versturen(terugkoppeling_id=terugkoppeling_id)
