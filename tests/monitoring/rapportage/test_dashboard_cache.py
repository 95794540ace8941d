"""The dashboard's figures and charts come from the cache (the real Redis under make test) per scope
and period, until the data under them changes: a save or delete of one of their models, or a service."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from monitoring.bezoeken import services as bezoek_services
from monitoring.constants import BezoekStatus
from monitoring.models import Praktijkbezoek
from monitoring.rapportage.selectors import DASHBOARD_BRONNEN
from samenwerking.constants import OverlegStatus
from samenwerking.models import Overleg
from tests.monitoring.factories import PraktijkbezoekFactory
from tests.samenwerking.factories import OverlegFactory
from zio_portal.cache import versies

from .test_dashboard import JAAR_2026, _wijk_rij

pytestmark = pytest.mark.django_db

URL = "rapportage:dashboard"


def _html(client, user, **params) -> str:
    """The page, without what differs on every request anyway (the CSRF token, the once-only form
    token, the CSP nonce)."""
    client.force_login(user)
    response = client.get(reverse(URL), params or JAAR_2026)
    assert response.status_code == 200
    html = response.content.decode()
    return re.sub(r'(name="(csrfmiddlewaretoken|_formulier)" value|nonce)="[^"]*"', "", html)


def _queries(client, user, **params) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse(URL), params or JAAR_2026).status_code == 200
    return len(ctx.captured_queries)


# Cold (the snapshot's aggregates) and warm (from the cache: session, user, the filter's gebieden and
# wijken, the menu). A gebiedsmanager's warm request still reads which wijken are theirs: that list is
# part of the key.
PINNED = {
    "beleidsadviseur": (38, 4),
    "gebiedsmanager": (42, 8),
}


@pytest.mark.parametrize("rol", sorted(PINNED))
def test_the_second_request_runs_none_of_the_aggregate_queries(rapport_world, client, rol):
    user = rapport_world.users[rol]
    eerste = _queries(client, user)
    tweede = _queries(client, user)
    print(f"dashboard {rol}: {eerste} queries cold, {tweede} warm")
    assert (eerste, tweede) == PINNED[rol]
    assert _html(client, user) == _html(client, user)  # and shows the same page


def test_the_cached_page_is_the_page_made_without_the_cache(rapport_world, client):
    user = rapport_world.users["beleidsadviseur"]
    warm = _html(client, user) and _html(client, user)
    cache.clear()
    koud = _html(client, user)
    assert warm == koud
    assert "<title>WSV-overleggen: gehouden tegenover de norm</title>" in warm
    assert 'id="grafiek-overleggen' in warm  # the charts keep their own ids from the cache


def test_a_meeting_saved_or_deleted_shows_on_the_next_request(rapport_world, client):
    w = rapport_world
    user = w.users["beleidsadviseur"]
    assert _wijk_rij(_html(client, user), "Wittevrouwenveld")[2] == "3 / 4"
    assert _wijk_rij(_html(client, user), "Wittevrouwenveld")[2] == "3 / 4"  # from the cache

    nieuw = OverlegFactory(verband=w.wsv_a1, datum=datetime.date(2026, 11, 2), status=OverlegStatus.GEHOUDEN)
    assert _wijk_rij(_html(client, user), "Wittevrouwenveld")[2] == "4 / 4"

    nieuw.delete()
    assert _wijk_rij(_html(client, user), "Wittevrouwenveld")[2] == "3 / 4"

    ander = Overleg.objects.filter(verband=w.wsv_a1, datum__year=2026).order_by("datum").first()
    ander.status = OverlegStatus.GEANNULEERD
    ander.save(update_fields=["status"])
    assert _wijk_rij(_html(client, user), "Wittevrouwenveld")[2] == "2 / 4"


def test_a_visit_report_through_the_service_shows_on_the_next_request(rapport_world, client):
    w = rapport_world
    user = w.users["beleidsadviseur"]
    assert _wijk_rij(_html(client, user), "Wittevrouwenveld")[5] == "1 / 2"
    bezoek = PraktijkbezoekFactory(praktijk=w.praktijk_a1_buur, bezoekers=[user])
    assert _wijk_rij(_html(client, user), "Wittevrouwenveld")[5] == "1 / 2"  # planned, not held

    bezoek_services.bezoek_verslag_opslaan(
        bezoek=bezoek,
        gehouden_op=datetime.date(2026, 6, 3),
        wat_gaat_goed="Korte lijnen met de wijkverpleging.",
        uitdagingen="",
        bouwstenen=[],
        themas=[],
        ondersteuning={"ict": "Hulp bij het koppelen van de agenda's."},
        terugkoppeling="",
    )
    assert Praktijkbezoek.objects.get(pk=bezoek.pk).status == BezoekStatus.GEHOUDEN
    assert _wijk_rij(_html(client, user), "Wittevrouwenveld")[5] == "2 / 2"


def test_a_practice_moved_to_another_wijk_shows_on_the_next_request(rapport_world, client):
    """A change in the wijkindeling (the app ``wijken``) moves the figures too."""
    w = rapport_world
    user = w.users["beleidsadviseur"]
    assert _wijk_rij(_html(client, user), "Nazareth")[0] == "1"
    w.praktijk_a1_buur.wijk = w.wijk_a2
    w.praktijk_a1_buur.save(update_fields=["wijk"])
    assert _wijk_rij(_html(client, user), "Nazareth")[0] == "2"


def test_scopes_never_see_each_others_figures(rapport_world, client):
    """The region's figures cached first, then each gebiedsmanager's (their own wijken), then the
    region again: each sees only their own scope, in either order."""
    w = rapport_world
    regio = _html(client, w.users["beleidsadviseur"])
    assert all(f"<td>{wijk}</td>" in regio for wijk in ("Wittevrouwenveld", "Malberg", "Pottenberg"))

    a = _html(client, w.users["gebiedsmanager"])
    assert "<td>Wittevrouwenveld</td>" in a and "<td>Nazareth</td>" in a
    assert "Malberg" not in a and "Pottenberg" not in a
    assert "Maastricht-Noordoost" in a and "Regio Maastricht-Heuvelland" not in a

    b = _html(client, w.users["gebiedsmanager_b"])
    assert "<td>Malberg</td>" in b and "<td>Pottenberg</td>" in b
    assert "Wittevrouwenveld" not in b and "Nazareth" not in b

    assert _html(client, w.users["gebiedsmanager"]) == a
    assert _html(client, w.users["beleidsadviseur"]) == regio


def test_a_gebiedsmanager_who_gets_another_gebied_sees_it_at_once(rapport_world, client):
    """The gebiedsmanager's wijken are part of the key, read on every request."""
    w = rapport_world
    gm = w.users["gebiedsmanager"]
    assert "Malberg" not in _html(client, gm)
    w.gebied_b.gebiedsmanagers.add(gm)
    html = _html(client, gm)
    assert "<td>Malberg</td>" in html and "<td>Wittevrouwenveld</td>" in html


def test_each_period_has_its_own_figures(rapport_world, client):
    user = rapport_world.users["projectleider"]
    assert _wijk_rij(_html(client, user), "Wittevrouwenveld")[2] == "3 / 4"
    vorig_jaar = _html(client, user, van="2025-01-01", tot="2025-12-31")
    assert _wijk_rij(vorig_jaar, "Wittevrouwenveld")[2] == "1 / 4"
    assert _wijk_rij(_html(client, user), "Wittevrouwenveld")[2] == "3 / 4"


def test_every_source_app_has_a_version(db):
    assert len(versies(*DASHBOARD_BRONNEN)) == 3
