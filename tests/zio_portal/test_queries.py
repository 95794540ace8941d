"""Home, wijk and praktijk pages read in a constant number of queries, whatever the amount of data."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijken.models import Praktijk, Wijk
from zio_portal.models import User

pytestmark = pytest.mark.django_db

ROLLEN = ["beheerder", "beleidsadviseur", "projectleider", "gebiedsmanager", "praktijkmanager", "huisarts"]
# The pinned ceilings (session, user, page data). A new query per row breaks these at 2x data.
MAX_QUERIES = {"home": 16, "wijk-list": 8, "wijk-detail": 14, "praktijk-detail": 14}


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
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, (username, url)
        counts[name] = len(ctx.captured_queries)
    return counts


def test_query_counts_are_pinned_and_do_not_grow_with_the_data(client):
    call_command("demodata", verbosity=0)
    before = {username: _count(client, username) for username in ROLLEN}
    praktijken_before = Praktijk.objects.count()

    call_command("demodata", schaal=2, verbosity=0)
    assert Praktijk.objects.count() >= 2 * praktijken_before - 2, "the data really doubled"
    after = {username: _count(client, username) for username in ROLLEN}

    for username in ROLLEN:
        for page, count in before[username].items():
            assert count <= MAX_QUERIES[page], f"{username} {page}: {count} queries"
        assert after[username] == before[username], f"{username}: {before[username]} -> {after[username]}"
