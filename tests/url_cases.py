"""Shared vocabulary of the per-role URL walk (tests/zio_portal/test_urls.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

ROLLEN = [
    "anoniem",
    "beheerder",
    "beleidsadviseur",
    "projectleider",
    "gebiedsmanager",  # gebied A (wijken A1, A2)
    "praktijkmedewerker",  # praktijk in wijk A1
    "praktijkmedewerker_andere_wijk",  # praktijk in wijk A2 (same gebied)
    "praktijkmedewerker_ander_gebied",  # praktijk in wijk B1
]
LOGIN = "login"  # a redirect to the login page
ADMIN_LOGIN = "admin-login"  # a redirect to the admin's login page


@dataclass
class Case:
    """GET ``reverse(name, args=args(world))`` as each role; ``expect`` maps role to status or LOGIN.

    ``method`` "post" sends ``data(world)`` instead (for pages that only accept POST).
    """

    name: str
    expect: dict[str, int | str]
    args: Callable = lambda world: []
    label: str = ""
    method: str = "get"
    data: Callable = field(default=lambda world: {})


def everyone(code, anoniem=LOGIN, **overrides) -> dict[str, int | str]:
    expect = dict.fromkeys(ROLLEN, code)
    expect["anoniem"] = anoniem
    expect.update(overrides)
    return expect


REGIO_200 = {"beheerder": 200, "beleidsadviseur": 200, "projectleider": 200}
