"""The live region dashboard: scope per role, filters, the report's figures and charts, query count."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijken.models import Gebied, Wijk
from zio_portal.models import User

pytestmark = pytest.mark.django_db

URL = "rapportage:dashboard"
JAAR_2026 = {"van": "2026-01-01", "tot": "2026-12-31"}


def _get(client, user, **params):
    client.force_login(user)
    return client.get(reverse(URL), params)


def _wijk_rij(html: str, wijk: str) -> list[str]:
    """The cells of the wijk's row in the per-wijk table."""
    rij = re.search(rf"<tr><td>[^<]*</td><td>{wijk}</td>(.*?)</tr>", html, re.S)
    assert rij, wijk
    return re.findall(r"<td[^>]*>(.*?)</td>", rij.group(1))


def test_a_region_role_sees_every_wijk_with_the_figures_of_the_period(rapport_world, client):
    html = _get(client, rapport_world.users["beleidsadviseur"], **JAAR_2026).content.decode()
    for wijk in ("Wittevrouwenveld", "Nazareth", "Malberg", "Pottenberg"):
        assert f"<td>{wijk}</td>" in html
    # Wittevrouwenveld's WSV met three times in 2026 (not the 2025 meeting); the norm is four a year.
    assert _wijk_rij(html, "Wittevrouwenveld")[2] == "3 / 4"
    assert _wijk_rij(html, "Malberg")[2] == "1 / 4"
    assert "Regio Maastricht-Heuvelland" in html
    # The same server-side SVG charts as the report, inline, each with a title (the accessible name).
    assert html.count("<svg ") >= 2
    assert "<title>WSV-overleggen: gehouden tegenover de norm</title>" in html


def test_the_period_filter_changes_the_figures(rapport_world, client):
    html = _get(client, rapport_world.users["projectleider"], van="2025-01-01", tot="2025-12-31")
    assert _wijk_rij(html.content.decode(), "Wittevrouwenveld")[2] == "1 / 4"


def test_filter_by_gebied_and_by_wijk(rapport_world, client):
    w = rapport_world
    html = _get(client, w.users["beheerder"], gebied=w.gebied_b.pk, **JAAR_2026).content.decode()
    assert "<td>Malberg</td>" in html and "<td>Wittevrouwenveld</td>" not in html
    html = _get(client, w.users["beheerder"], wijk=w.wijk_a1.pk, **JAAR_2026).content.decode()
    assert "<td>Wittevrouwenveld</td>" in html and "<td>Nazareth</td>" not in html


def test_a_gebiedsmanager_sees_only_their_gebied(rapport_world, client):
    w = rapport_world
    html = _get(client, w.users["gebiedsmanager"], **JAAR_2026).content.decode()
    assert "<td>Wittevrouwenveld</td>" in html and "<td>Nazareth</td>" in html
    assert "Malberg" not in html and "Pottenberg" not in html  # not even in the filter's options
    assert "Maastricht-Noordoost" in html


@pytest.mark.parametrize("veld", ["gebied", "wijk"])
def test_a_gebiedsmanager_cannot_filter_on_another_gebied(rapport_world, client, veld):
    """IDOR: the id of gebied B (or a wijk in it) is not a valid choice; nothing of it is shown."""
    w = rapport_world
    doel = w.gebied_b.pk if veld == "gebied" else w.wijk_b1.pk
    response = _get(client, w.users["gebiedsmanager"], **{veld: doel})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Selecteer een geldige keuze" in html
    assert "Malberg" not in html and "Pottenberg" not in html


def test_bad_period_gives_a_dutch_message_next_to_the_field_and_keeps_the_input(world, client):
    response = _get(client, world.users["beleidsadviseur"], van="2026-06-01", tot="2026-01-01")
    assert response.status_code == 200
    html = response.content.decode()
    assert "De einddatum ligt vóór de begindatum." in html
    assert 'value="2026-06-01"' in html and 'value="2026-01-01"' in html
    response = _get(client, world.users["beleidsadviseur"], van="niet-een-datum")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Voer een geldige datum in." in html and 'value="niet-een-datum"' in html


def test_a_wijk_outside_the_chosen_gebied_is_refused(world, client):
    response = _get(client, world.users["beheerder"], gebied=world.gebied_a.pk, wijk=world.wijk_b1.pk)
    assert "Deze wijk ligt niet in het gekozen gebied." in response.content.decode()


@pytest.mark.parametrize(
    ("rol", "status"),
    [
        ("beheerder", 200),
        ("beleidsadviseur", 200),
        ("projectleider", 200),
        ("gebiedsmanager", 200),
        ("praktijkmedewerker", 403),
    ],
)
def test_dashboard_access_and_navigation_link(world, client, rol, status):
    client.force_login(world.users[rol])
    assert client.get(reverse(URL)).status_code == status
    home = client.get(reverse("home")).content.decode()
    assert (f'href="{reverse(URL)}"' in home) == (status == 200)


def _count(client, username: str, params: dict) -> int:
    client.force_login(User.objects.get(username=username))
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse(URL), params)
    assert response.status_code == 200
    assert 'class="invalid-feedback' not in response.content.decode()
    return len(ctx.captured_queries)


# The number of queries per role (with its filter): the same at 1x and at 10x.
PINNED_DASHBOARD = {"beleidsadviseur": 36, "projectleider": 31, "gebiedsmanager": 40, "beheerder": 38}


def test_dashboard_query_count_is_pinned_at_1x_and_10x(client, regio):
    assert Wijk.objects.count() >= 4 * regio.schaal, "the data grows with the scale"
    gebied = Gebied.objects.filter(gebiedsmanagers__username="gebiedsmanager").order_by("pk").first()
    cases = {
        "beleidsadviseur": {},
        "projectleider": {"van": "2025-01-01", "tot": "2025-12-31"},
        "gebiedsmanager": {},
        "beheerder": {"gebied": gebied.pk},
    }
    counts = {naam: _count(client, naam, params) for naam, params in cases.items()}
    print(f"dashboard query counts {regio.schaal}x:", counts)
    assert max(counts.values()) <= 45, counts  # the grouped aggregates of the report, once each
    assert counts == PINNED_DASHBOARD, f"at {regio.schaal}x: {counts}"
