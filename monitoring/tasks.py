"""The monitoring's Celery tasks under the names the beat schedule uses (``monitoring.tasks.*``); each
lives with its workflow and registers under that name there. The worker imports this module through
Celery's autodiscovery, which registers them."""

from .bezoeken.tasks import bezoek_herinneringen_task
from .vragenlijsten.tasks import imports_opruimen_task, vragenlijst_herinneringen_task

__all__ = ["bezoek_herinneringen_task", "imports_opruimen_task", "vragenlijst_herinneringen_task"]
