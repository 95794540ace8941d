from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SamenwerkingConfig(AppConfig):
    name = "samenwerking"
    verbose_name = _("Samenwerking")

    def ready(self) -> None:
        from zio_portal.cache import volg_wijzigingen

        # Every change moves the version "samenwerking" of the cached figures (the dashboard); the
        # bookkeeping of background files and mails does not.
        volg_wijzigingen(self, behalve=["NotulenPdf", "OverlegVerzending", "ActiepuntHerinnering"])
