"""The Celery app of the portal: report jobs, reminders and other background work."""

import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portaal.settings")

app = Celery("portaal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Packages inside an app whose tasks live deeper than <app>.tasks.
app.autodiscover_tasks(["monitoring.rapportage"])
app.autodiscover_tasks(["samenwerking.overleggen"])
app.autodiscover_tasks(["monitoring.wijkplannen"])
app.autodiscover_tasks(["samenwerking.continuiteit"])


@signals.worker_init.connect
def _geheime_sleutel_vereist(**kwargs) -> None:
    """A production worker without DJANGO_SECRET_KEY stops at once, like the web application (Celery
    logs and swallows an exception from a signal handler, so this exits)."""
    from django.core.exceptions import ImproperlyConfigured

    from zio_portal.checks import eis_geheime_sleutel

    try:
        eis_geheime_sleutel()
    except ImproperlyConfigured as fout:
        raise SystemExit(str(fout)) from fout
