from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WijkenConfig(AppConfig):
    name = "wijken"
    verbose_name = _("Wijkindeling en sociale kaart")

    def ready(self) -> None:
        # A user's page in the kernel shows their gebieden and practices over time, without the kernel
        # importing this app.
        from zio_portal.history import GEBRUIKER_BRONNEN

        from .selectors import gebruiker_scope_wijzigingen

        if gebruiker_scope_wijzigingen not in GEBRUIKER_BRONNEN:
            GEBRUIKER_BRONNEN.append(gebruiker_scope_wijzigingen)

        from zio_portal.cache import volg_wijzigingen

        # Every change to the wijkindeling moves the version "wijken" of the cached figures (the dashboard).
        volg_wijzigingen(self)
