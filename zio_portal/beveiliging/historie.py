"""History (django-simple-history) on models whose own module does not declare it.

The project names them in ``settings.ZIO_HISTORIE_MODELLEN`` ("app_label.Model"), so the kernel
imports none of the apps; each historical table lives in the model's own app and its migrations.
"""

import contextlib

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.signals import post_init
from simple_history import register
from simple_history.exceptions import MultipleRegistrationsError
from simple_history.models import HistoricalRecords

# Fields of the user that change without a decision: not a reason for a history row.
USER_UITGESLOTEN = ["password", "last_login"]


def _stand(instance, velden: list[str]) -> tuple | None:
    """The values as loaded (None when a field was deferred: then we cannot tell, so we record)."""
    waarden = []
    for veld in velden:
        if veld not in instance.__dict__:
            return None
        waarden.append(instance.__dict__[veld])
    return tuple(waarden)


class AlleenWijzigingen(HistoricalRecords):
    """A history row only when a tracked field changed: saving the same values again (a re-seed, a
    re-import of identical answers) records nothing. Compares with the values as loaded, no query."""

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if sender is not self.cls:
            return
        uitgesloten = set(self.excluded_fields)
        velden = [f.attname for f in sender._meta.concrete_fields if f.name not in uitgesloten]

        def onthouden(instance, **kw):
            instance._historie_stand = _stand(instance, velden)

        self._velden = velden
        post_init.connect(
            onthouden, sender=sender, weak=False, dispatch_uid=f"historie_stand_{sender._meta.label}"
        )

    def post_save(self, instance, created, using=None, **kwargs):
        nu = _stand(instance, self._velden)
        vorige = instance.__dict__.get("_historie_stand")
        instance._historie_stand = nu
        if not created and vorige is not None and vorige == nu:
            return
        super().post_save(instance, created, using=using, **kwargs)


def registreren() -> None:
    """Register the user model and the configured models once (idempotent across test reloads)."""
    user_model = get_user_model()
    modellen = [(user_model, {"excluded_fields": USER_UITGESLOTEN})]
    modellen += [(apps.get_model(label), {}) for label in getattr(settings, "ZIO_HISTORIE_MODELLEN", [])]
    for model, opties in modellen:
        if hasattr(model._meta, "simple_history_manager_attribute"):
            continue
        with contextlib.suppress(MultipleRegistrationsError):
            register(model, app=model._meta.app_label, records_class=AlleenWijzigingen, **opties)
