"""Walk every URL of the portal for every role.

Every named URL must have a declared expectation per role: anonymous users go to the login page, roles
outside the object's scope get 403 or 404, allowed roles get 200. The cases live beside each app's
tests (``tests/<app>/url_cases.py``); a new page without a case fails
``test_every_url_has_a_declared_expectation``.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from portaal.zoeken import SOORTEN as ZOEK_SOORTEN
from tests.monitoring.rapportage.url_cases import CASES as RAPPORTAGE_CASES
from tests.monitoring.url_cases import CASES as MONITORING_CASES
from tests.monitoring.wijkplannen.url_cases import CASES as WIJKPLAN_CASES
from tests.samenwerking.url_cases import CASES as SAMENWERKING_CASES
from tests.url_cases import ADMIN_LOGIN, LOGIN, REGIO_200, ROLLEN, Case, everyone
from tests.zio_portal.url_cases import CASES as BEVEILIGING_CASES

pytestmark = pytest.mark.django_db

BASE_CASES = [
    Case("home", everyone(200)),
    Case("login", everyone(302, anoniem=200)),
    Case("logout", everyone(405)),  # logging out is a POST
    Case("health", everyone(200, anoniem=200)),
    Case("hallo", everyone(200)),  # the benchmark's baseline (scripts/benchmark_paginas.py)
    # Search-as-you-type (portaal/zoeken.py): every signed-in user, answers scoped to what they see
    # (tests/zio_portal/test_zoeken.py); an unknown kind is a 404.
    *[Case("zoeken", everyone(200), args=lambda w, s=soort: [s], label=soort) for soort in ZOEK_SOORTEN],
    Case("zoeken", everyone(404), args=lambda w: ["geheim"], label="unknown kind"),
    Case("wijken:wijk-list", everyone(200)),
    Case("berichten", everyone(200)),
    Case(
        "wijken:gebied-overzicht",
        label="gebied A",
        args=lambda w: [w.gebied_a.pk],
        # Practice staff see their own gebied exists, but the overview of all its WSVs is not theirs.
        expect=everyone(
            404, **REGIO_200, gebiedsmanager=200, praktijkmedewerker=403, praktijkmedewerker_andere_wijk=403
        ),
    ),
    Case(
        "wijken:wijk-detail",
        label="wijk A1",
        args=lambda w: [w.wijk_a1.pk],
        expect=everyone(404, **REGIO_200, gebiedsmanager=200, praktijkmedewerker=200),
    ),
    Case(
        "wijken:wijk-detail",
        label="wijk B1",
        args=lambda w: [w.wijk_b1.pk],
        expect=everyone(404, **REGIO_200, praktijkmedewerker_ander_gebied=200),
    ),
    Case(
        "wijken:sociale-kaart",
        label="wijk A1",
        args=lambda w: [w.wijk_a1.pk],
        expect=everyone(404, **REGIO_200, gebiedsmanager=200, praktijkmedewerker=200),
    ),
    Case(
        "wijken:sociale-kaart-export",
        label="wijk B1",
        args=lambda w: [w.wijk_b1.pk],
        expect=everyone(404, **REGIO_200, praktijkmedewerker_ander_gebied=200),
    ),
    Case(
        "wijken:wijk-inventarisatie",
        label="wijk A1",
        args=lambda w: [w.wijk_a1.pk],
        expect=everyone(404, **REGIO_200, gebiedsmanager=200, praktijkmedewerker=403),
    ),
    Case(
        "wijken:praktijk-inventarisatie",
        label="own practice of praktijkmedewerker",
        args=lambda w: [w.praktijk_a1.pk],
        expect=everyone(404, **REGIO_200, gebiedsmanager=200, praktijkmedewerker=200),
    ),
    Case(
        "wijken:praktijk-inventarisatie",
        label="neighbour practice in the same wijk",
        args=lambda w: [w.praktijk_a1_buur.pk],
        # Staff of another practice in the wijk see that practice, not its inventory.
        expect=everyone(404, **REGIO_200, gebiedsmanager=200, praktijkmedewerker=403),
    ),
    Case(
        "wijken:praktijk-inventarisatie",
        label="POST: only the practice itself (or the beheerder) saves",
        method="post",
        args=lambda w: [w.praktijk_a1_buur.pk],
        data=lambda w: {"form-TOTAL_FORMS": "0", "form-INITIAL_FORMS": "0"},
        expect=everyone(
            404,
            beheerder=302,
            beleidsadviseur=403,
            projectleider=403,
            gebiedsmanager=403,
            praktijkmedewerker=403,
        ),
    ),
    Case(
        "wijken:praktijk-detail",
        label="praktijk in A1",
        args=lambda w: [w.praktijk_a1.pk],
        expect=everyone(404, **REGIO_200, gebiedsmanager=200, praktijkmedewerker=200),
    ),
    Case(
        "wijken:praktijk-detail",
        label="praktijk in B1",
        args=lambda w: [w.praktijk_b1.pk],
        expect=everyone(404, **REGIO_200, praktijkmedewerker_ander_gebied=200),
    ),
    # The wijkindeling: the beheerder and the beleidsadviseur; a practice outside one's scope is a 404.
    Case(
        "wijken:wijk-toewijzen",
        label="praktijk in A1",
        args=lambda w: [w.praktijk_a1.pk],
        expect=everyone(
            404,
            beheerder=200,
            beleidsadviseur=200,
            projectleider=403,
            gebiedsmanager=403,
            praktijkmedewerker=403,
        ),
    ),
    Case(
        "wijken:grenspraktijken",
        label="gebied A",
        args=lambda w: [w.gebied_a.pk],
        expect=everyone(403, beheerder=200, beleidsadviseur=200, praktijkmedewerker_ander_gebied=404),
    ),
    Case("admin:index", everyone(302, anoniem=ADMIN_LOGIN, beheerder=200)),
]


def _named_urls(resolver: URLResolver | None = None, namespace: str = "") -> set[str]:
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if pattern.namespace == "admin":
                names.add("admin:index")  # Django's own admin is covered as one entry
                continue
            names |= _named_urls(pattern, ns)
        elif isinstance(pattern, URLPattern):
            assert pattern.name, f"URL {pattern.pattern} has no name, so it cannot be checked"
            names.add(f"{namespace}{pattern.name}")
    return names


CASES = BASE_CASES + SAMENWERKING_CASES + MONITORING_CASES + RAPPORTAGE_CASES + BEVEILIGING_CASES
CASES += WIJKPLAN_CASES


def test_every_url_has_a_declared_expectation():
    declared = {case.name for case in CASES}
    missing = _named_urls() - declared
    assert not missing, f"URLs without a per-role expectation (tests/<app>/url_cases.py): {sorted(missing)}"
    for case in CASES:
        assert set(case.expect) == set(ROLLEN), f"{case.name}: declare every role"


ENGELS = ("- Select an option -", "---------", 'lang="en"', "Username", "This field is required")


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.name} {c.label}".strip())
def test_url_answers_each_role_as_declared(case, world, client):
    """Also: every page is Dutch for a browser that asks for English (no English empty choice either)."""
    url = reverse(case.name, args=case.args(world))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en-US,en;q=0.9"
    failures = []
    for rol in ROLLEN:
        client.logout()
        if rol != "anoniem":
            client.force_login(world.users[rol])
        response = client.post(url, case.data(world)) if case.method == "post" else client.get(url)
        expected = case.expect[rol]
        if expected == LOGIN:
            ok = response.status_code == 302 and response["Location"].startswith(reverse("login"))
        elif expected == ADMIN_LOGIN:
            ok = response.status_code == 302 and "/beheer/login/" in response["Location"]
        else:
            ok = response.status_code == expected
        if not ok:
            failures.append(f"{rol}: expected {expected}, got {response.status_code}")
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            html = response.content.decode()
            failures += [f"{rol}: English {tekst!r} on the page" for tekst in ENGELS if tekst in html]
    assert not failures, f"{url}: " + "; ".join(failures)
