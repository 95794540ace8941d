from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self) -> None:
        from zio_portal.cache import volg_wijzigingen

        # Every change moves the version "monitoring" of the cached figures (the dashboard); the reports
        # themselves (a background file and its schedule) and the mail bookkeeping do not.
        volg_wijzigingen(self, behalve=["Rapportage", "RapportagePlanning", "BezoekVerzending"])
