"""History (django-simple-history) on models whose own module does not declare it.

The project names them in ``settings.ZIO_HISTORIE_MODELLEN`` ("app_label.Model"), so the kernel
imports none of the apps; each historical table lives in the model's own app and its migrations.
"""

import contextlib

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from simple_history import register
from simple_history.exceptions import MultipleRegistrationsError

# Fields of the user that change without a decision: not a reason for a history row.
USER_UITGESLOTEN = ["password", "last_login"]


def registreren() -> None:
    """Register the user model and the configured models once (idempotent across test reloads)."""
    user_model = get_user_model()
    modellen = [(user_model, {"excluded_fields": USER_UITGESLOTEN})]
    modellen += [(apps.get_model(label), {}) for label in getattr(settings, "ZIO_HISTORIE_MODELLEN", [])]
    for model, opties in modellen:
        if hasattr(model._meta, "simple_history_manager_attribute"):
            continue
        with contextlib.suppress(MultipleRegistrationsError):
            register(model, app=model._meta.app_label, **opties)
