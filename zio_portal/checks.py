"""The production secret key: required to serve and to run the worker, not to make migrations.

Without ``DJANGO_SECRET_KEY`` (and without ``DJANGO_DEBUG=1``) the settings still load, so commands
that sign nothing run in a bare shell (``makemigrations --check``, ``collectstatic``). The web
application and the Celery worker refuse to start, and ``check --deploy`` reports it as an error.
"""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

GEEN_SLEUTEL = (
    "DJANGO_SECRET_KEY ontbreekt: zet deze omgevingsvariabele op een lange, geheime waarde "
    "(alleen met DJANGO_DEBUG=1 geldt een onveilige ontwikkelsleutel)."
)


def sleutel_ontbreekt() -> bool:
    try:
        return not settings.DEBUG and not settings.SECRET_KEY
    except ImproperlyConfigured:  # Django refuses to hand out an empty SECRET_KEY
        return True


def eis_geheime_sleutel() -> None:
    """Called where the portal starts serving or working (wsgi.py, the Celery worker)."""
    if sleutel_ontbreekt():
        raise ImproperlyConfigured(GEEN_SLEUTEL)


@checks.register(checks.Tags.security, deploy=True)
def geheime_sleutel(app_configs, **kwargs) -> list[checks.CheckMessage]:
    return [checks.Error(GEEN_SLEUTEL, id="zio_portal.E001")] if sleutel_ontbreekt() else []
