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
    if sleutel_te_kort():
        raise ImproperlyConfigured(KORTE_SLEUTEL)


@checks.register(checks.Tags.security, deploy=True)
def geheime_sleutel(app_configs, **kwargs) -> list[checks.CheckMessage]:
    return [checks.Error(GEEN_SLEUTEL, id="zio_portal.E001")] if sleutel_ontbreekt() else []


MINIMALE_SLEUTELLENGTE = 50
KORTE_SLEUTEL = (
    "DJANGO_SECRET_KEY is korter dan 50 tekens: kies een lange, willekeurige waarde "
    "(bijvoorbeeld: python -c 'import secrets; print(secrets.token_urlsafe(60))')."
)


def sleutel_te_kort() -> bool:
    try:
        return not settings.DEBUG and 0 < len(settings.SECRET_KEY) < MINIMALE_SLEUTELLENGTE
    except ImproperlyConfigured:
        return False


@checks.register(checks.Tags.security, deploy=True)
def sterke_geheime_sleutel(app_configs, **kwargs) -> list[checks.CheckMessage]:
    return [checks.Error(KORTE_SLEUTEL, id="zio_portal.E002")] if sleutel_te_kort() else []
