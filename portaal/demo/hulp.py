"""Small helpers of the demo builders: seeded randomness, names, addresses and dates."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace
from typing import Any

from django.utils import timezone
from simple_history.models import HistoricalRecords

from portaal.demo.teksten.mensen import ACHTERNAMEN, VOORNAMEN_M, VOORNAMEN_V

SEED = 2025


POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"


def rng_voor(*sleutel: object) -> random.Random:
    """A generator of its own per row, seeded from 2025 and the row's natural key."""
    return random.Random("/".join([str(SEED), *map(str, sleutel)]))


def slug_van(tekst: str) -> str:
    ascii_tekst = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_tekst).strip("-")


def postcode_in(rng: random.Random, cijfers: str) -> str:
    while True:
        letters = rng.choice(POSTCODE_LETTERS) + rng.choice(POSTCODE_LETTERS)
        if letters not in {"SA", "SD", "SS"}:
            return f"{cijfers} {letters}"


def telefoonnummer(rng: random.Random) -> str:
    return f"043 {rng.randint(300, 699)} {rng.randint(10, 99)} {rng.randint(10, 99)}"


def mobielnummer(rng: random.Random) -> str:
    return f"06 {rng.randint(10000000, 99999999)}"


def willekeurig_persoon(rng: random.Random, vrouw: float = 0.6) -> tuple[str, str]:
    voornaam = rng.choice(VOORNAMEN_V if rng.random() < vrouw else VOORNAMEN_M)
    return voornaam, rng.choice(ACHTERNAMEN)


def emailadres(voornaam: str, achternaam: str, domein: str) -> str:
    return f"{slug_van(voornaam)[:1]}.{slug_van(achternaam).replace('-', '')}@{domein}"


def kwamen_bijeen(aantal: int) -> str:
    """'kwam 1 WSV bij elkaar' / 'kwamen 3 WSV's bij elkaar'."""
    return "kwam 1 WSV bij elkaar" if aantal == 1 else f"kwamen {aantal} WSV's bij elkaar"


def moment_op(dag: date, uur: int = 10, minuut: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time(uur, minuut)))


def dag_tussen(rng: random.Random, van: date, tot: date) -> date:
    """A random day from van to tot inclusive (van when the range is empty)."""
    if tot <= van:
        return van
    return van + timedelta(days=rng.randint(0, (tot - van).days))


def werkdag_vanaf(dag: date, weekdag: int) -> date:
    return dag + timedelta(days=(weekdag - dag.weekday()) % 7)


def kwartaal_van(dag: date, terug: int) -> tuple[date, date]:
    maand = 3 * ((dag.month - 1) // 3) + 1 - 3 * terug
    jaar = dag.year + (maand - 1) // 12
    maand = (maand - 1) % 12 + 1
    van = date(jaar, maand, 1)
    volgende = date(jaar + (maand + 2) // 12, (maand + 2) % 12 + 1, 1)
    return van, volgende - timedelta(days=1)


def kies_optie(rng: random.Random, opties: list[str], gewichten: list[int]) -> dict | None:
    """A multiple-choice answer; the weights apply when they match the options."""
    if not opties:
        return None
    return {"tekst": rng.choices(opties, gewichten if len(gewichten) == len(opties) else None)[0]}


@contextmanager
def historie_door(gebruiker: Any) -> Iterator[None]:
    """Rows saved one by one inside get ``gebruiker`` in their history, as if the request were theirs."""
    vorige = getattr(HistoricalRecords.context, "request", None)
    HistoricalRecords.context.request = SimpleNamespace(user=gebruiker)
    try:
        yield
    finally:
        if vorige is None:
            del HistoricalRecords.context.request
        else:
            HistoricalRecords.context.request = vorige
