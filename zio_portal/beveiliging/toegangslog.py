"""Writing the NEN 7513 access log, and the registry of page reads that are logged.

A read of practice-level data is logged once per request by ``ToegangslogMiddleware``: the URL name
is looked up in ``settings.TOEGANGSLOG_LEZINGEN`` (the project declares which pages read what, so
the kernel names none of the apps), the practice is found from the URL's keyword arguments with at
most one query, and one row is inserted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone

from .constants import SESSIE_ORGANISATIE, Gebeurtenis
from .models import Toegangsregel
from .netwerk import client_ip


@dataclass(frozen=True)
class Lezing:
    """What a page reads: ``wat`` in words; the practice from the object ``model`` found by the URL
    keyword ``kwarg`` and its field ``praktijk`` (a foreign key to the practice), or straight from the
    URL keyword ``praktijk_kwarg``. ``gebeurtenis`` is ``gelezen`` or ``export``."""

    wat: str
    model: str = ""
    kwarg: str = "pk"
    praktijk: str = ""
    praktijk_kwarg: str = ""
    gebeurtenis: str = Gebeurtenis.GELEZEN


def lezing_voor(url_naam: str) -> Lezing | None:
    opgave = getattr(settings, "TOEGANGSLOG_LEZINGEN", {}).get(url_naam)
    return Lezing(**opgave) if opgave else None


def organisatie_van(user) -> str:
    """On whose behalf the user works: the practices, the gebieden or the region (read once at login)."""
    if user.is_superuser or user.heeft_regio_rol:
        return "ZIO regio"
    namen: list[str] = []
    for accessor, veld in (("praktijkrollen", "praktijk__naam"), ("gebieden", "naam")):
        related = getattr(user, accessor, None)
        if related is not None:
            namen += [str(n) for n in related.values_list(veld, flat=True)]
    return ", ".join(sorted(namen))[:300]


def toegangsregel_create(
    *,
    gebeurtenis: str,
    request: HttpRequest | None = None,
    user=None,
    gebruikersnaam: str = "",
    omschrijving: str = "",
    objecttype: str = "",
    object_id: object = "",
    praktijk_id: int | None = None,
    praktijk_naam: str = "",
) -> Toegangsregel:
    """Append one entry to the access log (one INSERT); who and from where come from the request."""
    if user is None and request is not None:
        user = getattr(request, "user", None)
    if user is False or (user is not None and not user.is_authenticated):
        user = None  # False: explicitly nobody (a failed login of an unknown name)
    sessie = getattr(request, "session", None) if request is not None else None
    organisatie = (sessie.get(SESSIE_ORGANISATIE, "") if sessie is not None else "") if user else ""
    regel = Toegangsregel(
        gebeurtenis=gebeurtenis,
        gebruiker=user,
        gebruikersnaam=(user.get_username() if user else gebruikersnaam)[:150],
        rol=("superuser" if user.is_superuser and not user.rol else user.rol) if user else "",
        organisatie=organisatie,
        omschrijving=str(omschrijving)[:300],
        objecttype=objecttype[:100],
        object_id=str(object_id)[:64],
        praktijk_id=praktijk_id,
        praktijk_naam=praktijk_naam[:200],
        pad=request.get_full_path()[:500] if request is not None else "",
        ip_adres=client_ip(request) if request is not None else None,
    )
    regel.save()
    return regel


def lezing_loggen(*, request: HttpRequest, url_naam: str, kwargs: dict) -> Toegangsregel | None:
    """Log the page-level read of ``url_naam`` if the registry names it: one SELECT at most, one INSERT."""
    lezing = lezing_voor(url_naam)
    if lezing is None:
        return None
    praktijk_id, praktijk_naam, objecttype, object_id = None, "", "", ""
    if lezing.model:
        model = apps.get_model(lezing.model)
        objecttype, object_id = model._meta.label, kwargs.get(lezing.kwarg, "")
        if lezing.praktijk and object_id != "":
            rij = (
                model._default_manager.filter(pk=object_id)
                .values_list(f"{lezing.praktijk}_id", f"{lezing.praktijk}__naam")
                .first()
            )
            if rij:
                praktijk_id, praktijk_naam = rij
    elif lezing.praktijk_kwarg and lezing.praktijk_kwarg in kwargs:
        praktijk_model = apps.get_model(settings.TOEGANGSLOG_PRAKTIJK_MODEL)
        praktijk_id = int(kwargs[lezing.praktijk_kwarg])
        objecttype, object_id = praktijk_model._meta.label, praktijk_id
        praktijk_naam = (
            praktijk_model._default_manager.filter(pk=praktijk_id).values_list("naam", flat=True).first()
            or ""
        )
    omschrijving = lezing.wat
    if lezing.gebeurtenis == Gebeurtenis.EXPORT and request.GET:
        omschrijving = f"{lezing.wat} (selectie: {request.GET.urlencode()})"
    return toegangsregel_create(
        gebeurtenis=lezing.gebeurtenis,
        request=request,
        omschrijving=omschrijving,
        objecttype=objecttype,
        object_id=object_id,
        praktijk_id=praktijk_id,
        praktijk_naam=praktijk_naam or "",
    )


OPRUIM_SQL = "DELETE FROM beveiliging_toegangsregel WHERE tijdstip < %s"


@transaction.atomic
def toegangslog_opruimen(*, nu=None) -> int:
    """Remove the entries older than the bewaartermijn; the only delete the database trigger allows."""
    grens = (nu or timezone.now()) - timedelta(days=settings.TOEGANGSLOG_BEWAARTERMIJN_DAGEN)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL zio.toegangslog_opruimen = 'aan'")
        cursor.execute(OPRUIM_SQL, [grens])
        return cursor.rowcount
