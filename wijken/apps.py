from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WijkenConfig(AppConfig):
    name = "wijken"
    verbose_name = _("Wijkindeling en sociale kaart")

    def ready(self) -> None:
        from zio_portal.cache import volg_wijzigingen

        # Every change to the wijkindeling moves the version "wijken" of the cached figures (the dashboard).
        volg_wijzigingen(self)
