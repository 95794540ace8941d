"""The Celery app of the portal: report jobs, reminders and other background work."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zio_portal.settings")

app = Celery("zio_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Packages inside an app whose tasks live deeper than <app>.tasks.
app.autodiscover_tasks(["monitoring.rapportage"])
app.autodiscover_tasks(["samenwerking.overleggen"])
