"""Ending a user's sessions (deactivation, new password) and the session clock."""

from __future__ import annotations

from importlib import import_module

from django.conf import settings

from .models import Sessiekoppeling


def sessie_koppelen(*, user, sessiesleutel: str | None) -> None:
    """Remember that ``user`` has the session ``sessiesleutel`` open."""
    if sessiesleutel:
        Sessiekoppeling.objects.get_or_create(sessiesleutel=sessiesleutel, defaults={"gebruiker": user})


def sessies_beeindigen(*, user) -> int:
    """End every session of ``user``; the next request of each is a logged-out one."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    sleutels = list(Sessiekoppeling.objects.filter(gebruiker=user).values_list("sessiesleutel", flat=True))
    for sleutel in sleutels:
        store(session_key=sleutel).delete()
    Sessiekoppeling.objects.filter(gebruiker=user).delete()
    return len(sleutels)
