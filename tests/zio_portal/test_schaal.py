"""Pages do not grow with the region: every list page of the URL matrix, for each role of
``tests/regio.py``, rendered with a region of the demo region's shape (5 gebieden of 4 wijken, two of
them led by the gebiedsmanager: ``bouw_regio(2, gebieden=5)``) and with ten times as many wijken
(``bouw_regio(20, gebieden=5)``), as ``scripts/benchmark_paginas.py`` compares ``demodata --schaal 1``
and ``--schaal 10``.

No page renders a ``<select>`` with more than 100 options (a long choice is searched as you type,
zio_portal/widgets.py), each page reads the same number of queries at 1x and 10x, and no page at 10x
is more than 1.2x the bytes it was at 1x (paginated, or folded with details on demand). The regions
are built in one test (1x rolled back to a savepoint), so the figures are compared directly.
"""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from monitoring.models import Ronde
from tests.regio import RegioOpSchaal, bouw_regio
from tests.url_cases import Case
from tests.zio_portal.test_urls import CASES
from wijken.models import Gebied
from zio_portal.models import User

pytestmark = pytest.mark.django_db

ROLLEN = ["beheerder", "beleidsadviseur", "projectleider", "gebiedsmanager", "praktijkmanager", "huisarts"]
MAX_OPTIES = 100
MAX_GROEI = 1.2
GEBIEDEN = 5
NIET_HTML = ("export", "ics", "sjabloon", "logout", "login", "health", "hallo", "zoeken", "admin:")
# Pages that still grow, each with its reason: issue 15 is not done for them. The test fails when one
# of them stops growing, so this list stays true.
GROEIT_NOG: dict[str, str] = {}
# Queries that depend on the data, not on its size: the wijk's figures are only read (3 queries) once
# the wijk has enough submitted responses to be shown without identifying a practice (MINIMUM_GROEP).
QUERIES_PER_DREMPEL = {("praktijkmanager", "monitoring:resultaten"), ("huisarts", "monitoring:resultaten")}


def _lijstpaginas() -> list[str]:
    """The GET pages of the URL matrix that take no arguments: the lists and overviews."""
    zonder_args = Case("", {}).args  # the default: a page that takes no arguments
    namen = []
    for case in CASES:
        if case.method != "get" or any(woord in case.name for woord in NIET_HTML):
            continue
        if case.args is zonder_args and case.name not in namen:
            namen.append(case.name)
    return namen


def _paginas(user: User) -> dict[str, str]:
    urls = {naam: reverse(naam) for naam in _lijstpaginas()}
    gebied = Gebied.objects.zichtbaar_voor(user).order_by("naam").first()
    if gebied is not None:
        urls["wijken:gebied-overzicht"] = reverse("wijken:gebied-overzicht", args=[gebied.pk])
    ronde = Ronde.objects.order_by("pk").first()
    urls["monitoring:resultaten"] = reverse("monitoring:resultaten", args=[ronde.pk])
    return urls


def _grootste_select(html: str) -> int:
    return max((blok.count("<option") for blok in re.findall(r"<select.*?</select>", html, re.S)), default=0)


def _meet(client, regio: RegioOpSchaal) -> dict[tuple[str, str], tuple[int, int, int]]:
    """(role, page) -> (bytes, largest select, queries) for every page that answers 200 with HTML."""
    cache.clear()
    uitkomst = {}
    for rol in ROLLEN:
        user = regio.users[rol]
        client.force_login(user)
        for naam, url in _paginas(user).items():
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(url)
            if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
                continue
            html = response.content.decode()
            uitkomst[rol, naam] = (len(response.content), _grootste_select(html), len(ctx.captured_queries))
    return uitkomst


def _gemeten(client, schaal: int, terugdraaien: bool) -> dict:
    if not terugdraaien:
        return _meet(client, bouw_regio(schaal, gebieden=GEBIEDEN))
    with transaction.atomic():
        uitkomst = _meet(client, bouw_regio(schaal, gebieden=GEBIEDEN))
        transaction.set_rollback(True)
    return uitkomst


def test_pages_do_not_grow_with_the_region(client):
    een = _gemeten(client, 2, terugdraaien=True)
    tien = _gemeten(client, 20, terugdraaien=False)
    assert len(tien) >= 40, f"only {len(tien)} pages measured"
    assert set(een) == set(tien)
    fouten = []
    groeit = set()
    for sleutel in sorted(tien):
        rol, naam = sleutel
        (bytes_1, select_1, queries_1), (bytes_10, select_10, queries_10) = een[sleutel], tien[sleutel]
        grootste = max(select_1, select_10)
        if grootste > MAX_OPTIES:
            fouten.append(f"{rol} {naam}: <select> with {grootste} options")
        if bytes_10 > MAX_GROEI * bytes_1:
            groeit.add(naam)
            if naam not in GROEIT_NOG:
                fouten.append(f"{rol} {naam}: {bytes_1} -> {bytes_10} bytes ({bytes_10 / bytes_1:.2f}x)")
        if queries_10 != queries_1 and sleutel not in QUERIES_PER_DREMPEL:
            fouten.append(f"{rol} {naam}: {queries_1} queries at 1x, {queries_10} at 10x")
    fouten += [f"{naam} no longer grows: take it out of GROEIT_NOG" for naam in set(GROEIT_NOG) - groeit]
    print("\n".join(f"{r} {n}: {een[r, n]} {tien[r, n]}" for r, n in sorted(tien)))
    assert not fouten, "\n".join(fouten)
