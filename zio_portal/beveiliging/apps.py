from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BeveiligingConfig(AppConfig):
    name = "zio_portal.beveiliging"
    label = "beveiliging"
    verbose_name = _("Beveiliging en toegangslog")

    def ready(self) -> None:
        from . import historie, permissions, signals  # noqa: F401  (rules, login/logout signals)

        historie.registreren()
