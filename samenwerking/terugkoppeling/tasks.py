"""Celery tasks of the terugkoppeling to the projectleider."""

from celery import shared_task

from . import services


# The name stays the one queued messages carry (from before the workflows had packages).
@shared_task(name="samenwerking.tasks.terugkoppeling_verzonden_mail_task", acks_late=True)
def terugkoppeling_verzonden_mail_task(terugkoppeling_id: int) -> int:
    """Tell the projectleider a terugkoppeling arrived; each projectleider is mailed once (claimed)."""
    return services.terugkoppeling_mail_versturen(terugkoppeling_id=terugkoppeling_id)
