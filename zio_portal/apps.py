from django.apps import AppConfig


class ZioPortalConfig(AppConfig):
    name = "zio_portal"
    verbose_name = "Portaal: gebruikers en rollen"

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the rules)
