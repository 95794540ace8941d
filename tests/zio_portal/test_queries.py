"""Home, wijk and praktijk pages read in a constant number of queries, pinned at 1x and 10x the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijken.models import Praktijk, Wijk
from zio_portal.cache import verhoog
from zio_portal.models import User

pytestmark = pytest.mark.django_db

ROLLEN = ["beheerder", "beleidsadviseur", "projectleider", "gebiedsmanager", "praktijkmanager", "huisarts"]
# The ceilings (session, user, page data); a new query per row breaks the pins below at 10x.
MAX_QUERIES = {"home": 21, "wijk-list": 8, "wijk-detail": 14, "praktijk-detail": 14}
# The number of queries per role and page: the same at 1x and at 10x (the wijk list counts its rows
# for the pager).
PINNED = {
    "beheerder": {"home": 15, "wijk-list": 4, "wijk-detail": 8, "praktijk-detail": 10},
    # The beleidsadviseur's home adds the radar (visits, evaluations, WSVs against the norm, rounds).
    "beleidsadviseur": {"home": 20, "wijk-list": 4, "wijk-detail": 8, "praktijk-detail": 10},
    "projectleider": {"home": 15, "wijk-list": 4, "wijk-detail": 8, "praktijk-detail": 10},
    # The gebiedsmanager's home adds the overdue actiepunten and counts them and the WSVs (first ten shown).
    "gebiedsmanager": {"home": 8, "wijk-list": 4, "wijk-detail": 9, "praktijk-detail": 11},
    # Practice staff: one query more on every page, for the menu (is this user a praktijkmanager, who
    # may have reports shared with them?).
    "praktijkmanager": {"home": 12, "wijk-list": 7, "wijk-detail": 11, "praktijk-detail": 14},
    "huisarts": {"home": 12, "wijk-list": 7, "wijk-detail": 11, "praktijk-detail": 14},
}


def _pages(username: str) -> dict[str, str]:
    user = User.objects.get(username=username)
    wijk = Wijk.objects.zichtbaar_voor(user).order_by("pk").first()
    praktijk = Praktijk.objects.zichtbaar_voor(user).order_by("pk").first()
    return {
        "home": reverse("home"),
        "wijk-list": reverse("wijken:wijk-list"),
        "wijk-detail": reverse("wijken:wijk-detail", args=[wijk.pk]),
        "praktijk-detail": reverse("wijken:praktijk-detail", args=[praktijk.pk]),
    }


def _count(client, username: str) -> dict[str, int]:
    client.force_login(User.objects.get(username=username))
    counts = {}
    for name, url in _pages(username).items():
        # The home page keeps its key figures and the radar in the cache (portaal/selectors.py); the
        # pin counts a request that computes them (what a request costs after any change of the data).
        verhoog("wijken")
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, (username, url)
        counts[name] = len(ctx.captured_queries)
    return counts


def test_query_counts_are_pinned_and_do_not_grow_with_the_data(client, regio):
    assert Praktijk.objects.count() >= 8 * regio.schaal, "the data grows with the scale"
    counts = {username: _count(client, username) for username in ROLLEN}
    print(f"query counts {regio.schaal}x:", counts)
    for username in ROLLEN:
        for page, count in counts[username].items():
            assert count <= MAX_QUERIES[page], f"{username} {page}: {count} queries"
    assert counts == PINNED, f"at {regio.schaal}x: {counts}"
