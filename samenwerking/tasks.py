"""The Celery tasks of the samenwerking app, found here by ``autodiscover_tasks``; each is defined in
its workflow's ``tasks.py`` and keeps its registered name ``samenwerking.tasks.<name>`` (the beat
schedule and queued messages use it)."""

from .afspraken.tasks import afspraak_herinneringen_task
from .overleggen.tasks import actiepunt_herinneringen_task
from .terugkoppeling.tasks import terugkoppeling_verzonden_mail_task

__all__ = [
    "actiepunt_herinneringen_task",
    "afspraak_herinneringen_task",
    "terugkoppeling_verzonden_mail_task",
]
