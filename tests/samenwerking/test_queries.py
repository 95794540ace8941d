"""The samenwerking pages read in a constant number of queries, pinned at 1x and 10x the demo data."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenwerking.models import Afspraak, Samenwerkingsverband
from zio_portal.models import User

pytestmark = pytest.mark.django_db

ROLLEN = ["beheerder", "gebiedsmanager", "praktijkmanager", "huisarts"]
MAX_QUERIES = {
    "mijn-praktijk": 12,
    "afspraak-list": 12,
    "verband-list": 8,
    "verband-detail": 12,
    "afspraak-detail": 14,
}


def _pages(user: User) -> dict[str, str]:
    # The busiest verband and agreement the user can see, so the 10x run really has more rows.
    verband = Samenwerkingsverband.objects.zichtbaar_voor(user).order_by("pk").first()
    afspraak = Afspraak.objects.zichtbaar_voor(user).order_by("pk").first()
    return {
        "mijn-praktijk": reverse("home"),
        "afspraak-list": reverse("samenwerking:afspraak-list"),
        "verband-list": reverse("samenwerking:verband-list"),
        "verband-detail": reverse("samenwerking:verband-detail", args=[verband.pk]),
        "afspraak-detail": reverse("samenwerking:afspraak-detail", args=[afspraak.pk]),
    }


def _count(client, username: str) -> dict[str, int]:
    user = User.objects.get(username=username)
    client.force_login(user)
    counts = {}
    for name, url in _pages(user).items():
        if name == "mijn-praktijk" and user.rol != "praktijkmedewerker":
            continue
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, (username, url)
        counts[name] = len(ctx.captured_queries)
    return counts


def test_samenwerking_query_counts_are_pinned_at_1x_and_10x(client):
    call_command("demodata", verbosity=0)
    afspraken_1x = Afspraak.objects.count()
    before = {username: _count(client, username) for username in ROLLEN}

    call_command("demodata", schaal=10, verbosity=0)
    assert Afspraak.objects.count() >= 5 * afspraken_1x, "the data really grew"
    after = {username: _count(client, username) for username in ROLLEN}

    for username in ROLLEN:
        for page, count in before[username].items():
            assert count <= MAX_QUERIES[page], f"{username} {page}: {count} queries"
        assert after[username] == before[username], f"{username}: {before[username]} -> {after[username]}"
    print("query counts 1x:", before, "10x:", after)
