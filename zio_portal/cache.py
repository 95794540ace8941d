"""Figures worth keeping between requests, kept under a version that moves when their data changes.

A *version* is a number in the cache under a name, one per app whose data a cached figure is made
from (``wijken``, ``samenwerking``, ``monitoring``). Each of those apps calls :func:`volg_wijzigingen`
in its ``ready()``: every save, delete and many-to-many change of one of its models bumps the app's
version, and the services that write with ``update()`` or ``bulk_create()`` (which send no signals)
call :func:`verhoog` themselves. A cached value is stored under a key that holds the versions it was
made at (:func:`onthouden`), so a change makes the next request compute it again; the old entry is
never read again and expires after its timeout.

Why the bump happens twice: once at once (a request in the same transaction, or a test, sees the
change) and once when the transaction commits. Without the second bump a request that read the
version between the first bump and the commit would store figures of the old data under the new
version, and they would be served until the next change.

A version that is missing (a fresh cache, an evicted key) starts at the current time in microseconds,
never at 1, so an old entry stored under a low number is not mistaken for a current one.

The cache is ``settings.CACHES["default"]``: Redis in production (shared by the web workers and the
Celery worker, so a change made by a background job is seen by every web worker), the local-memory
cache under ``make run`` without ``REDIS_URL``: per process, so there a value lives at most a minute
(a change made by the worker reaches the web server that late).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from typing import Any

from django.apps import AppConfig
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from zio_portal.permissions import heeft_regio_rol

VERSIE_PREFIX = "versie:"
WAARDE_PREFIX = "onthouden:"
LOKAAL_MAXIMUM = 60  # seconds a value stays in a per-process cache (see onthouden)


def _versie_sleutel(naam: str) -> str:
    return f"{VERSIE_PREFIX}{naam}"


def _begin() -> int:
    return time.time_ns() // 1000


def versies(*namen: str) -> tuple[int, ...]:
    """The current versions of these names, in one round trip to the cache."""
    sleutels = [_versie_sleutel(n) for n in namen]
    gevonden = cache.get_many(sleutels)
    uit = []
    for sleutel in sleutels:
        waarde = gevonden.get(sleutel)
        if waarde is None:
            cache.add(sleutel, _begin(), timeout=None)  # another process may have set it first
            waarde = cache.get(sleutel)
        uit.append(int(waarde))
    return tuple(uit)


def versie(naam: str) -> int:
    """The current version of ``naam``."""
    return versies(naam)[0]


def _ophogen(naam: str) -> None:
    sleutel = _versie_sleutel(naam)
    try:
        cache.incr(sleutel)
    except ValueError:  # not in the cache (yet, or evicted): start fresh, past every old number
        cache.set(sleutel, _begin(), timeout=None)


def verhoog(naam: str) -> None:
    """Mark the data behind ``naam`` as changed: now, and again when the transaction commits."""
    _ophogen(naam)
    if transaction.get_connection().in_atomic_block:

        def na_commit() -> None:
            _ophogen(naam)

        na_commit.cache_versie = naam  # recognised by the tests that count the queued work
        transaction.on_commit(na_commit)


def gedeeld() -> bool:
    """Whether every process reads the same cache (Redis), so a bump made by the Celery worker is seen
    by the web server. The local-memory cache (``make run`` without ``REDIS_URL``) is per process."""
    return not isinstance(caches["default"], LocMemCache)


def scope_sleutel(user) -> str:
    """The part of a cache key for a value computed from what ``user`` may see: the region roles (and
    the superuser) see the same and share one entry; anyone else gets their own, under their role too
    (a role is not data under a version, so a changed role must not read the old role's entry)."""
    if heeft_regio_rol(user):
        return "regio"
    return f"{user.rol}:{user.pk}"


def onthouden[T](sleutel_delen: Iterable[Any], maker: Callable[[], T], timeout: int) -> T:
    """The value for this key from the cache, else ``maker()`` stored for ``timeout`` seconds.

    ``sleutel_delen`` must name everything the value depends on: what it is, its parameters (scope,
    period) and the versions of the data it is made from (:func:`versies`). The parts are joined
    with their ``repr`` and hashed, so any JSON-like value (numbers, strings, dates, tuples) fits.

    In a per-process cache a change made in another process (a task in the worker) does not bump this
    process's version, so there a value is kept at most ``LOKAAL_MAXIMUM`` seconds.
    """
    tekst = "|".join(repr(deel) for deel in sleutel_delen)
    sleutel = WAARDE_PREFIX + hashlib.sha256(tekst.encode()).hexdigest()
    waarde = cache.get(sleutel)
    if waarde is None:
        waarde = maker()
        cache.set(sleutel, waarde, timeout=timeout if gedeeld() else min(timeout, LOKAAL_MAXIMUM))
    return waarde


def volg_wijzigingen(app_config: AppConfig, *, behalve: Iterable[str] = ()) -> None:
    """Bump the version named after the app (its label) on every save, delete and many-to-many
    change of its models, the history tables and the models named in ``behalve`` excepted.

    Writes with ``QuerySet.update()`` and ``bulk_create()`` send no signals: the services that use
    them on data behind a cached figure call :func:`verhoog` themselves."""
    naam = app_config.label
    overslaan = set(behalve)
    onbekend = overslaan - {m.__name__ for m in app_config.get_models()}
    if onbekend:
        raise LookupError(f"{naam} heeft geen model(len) {', '.join(sorted(onbekend))}")

    def gewijzigd(sender, **kwargs) -> None:
        verhoog(naam)

    def m2m_gewijzigd(sender, action: str, **kwargs) -> None:
        if action.startswith("post_"):
            verhoog(naam)

    for model in app_config.get_models():
        if model.__name__ in overslaan or model.__name__.startswith("Historical"):
            continue
        uid = f"zio_portal.cache:{naam}:{model._meta.label}"
        post_save.connect(gewijzigd, sender=model, weak=False, dispatch_uid=f"{uid}:save")
        post_delete.connect(gewijzigd, sender=model, weak=False, dispatch_uid=f"{uid}:delete")
        for veld in model._meta.local_many_to_many:
            m2m_changed.connect(
                m2m_gewijzigd, sender=veld.remote_field.through, weak=False, dispatch_uid=f"{uid}:{veld.name}"
            )
