from django.apps import AppConfig


class ZioPortalConfig(AppConfig):
    name = "zio_portal"
    verbose_name = "Portaal: gebruikers en rollen"

    def ready(self) -> None:
        from . import checks, permissions  # noqa: F401  (register the system check and the rules)
        from .invoer import datums_begrenzen, stuurtekens_weigeren

        stuurtekens_weigeren()
        datums_begrenzen()
