"""The samenwerking pages read in a constant number of queries, pinned at 1x and 10x the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenwerking.models import Afspraak, Samenwerkingsverband
from zio_portal.models import User

pytestmark = pytest.mark.django_db

ROLLEN = ["beheerder", "gebiedsmanager", "praktijkmanager", "huisarts"]
MAX_QUERIES = {
    "mijn-praktijk": 12,
    "afspraak-list": 14,
    "verband-list": 13,
    "verband-detail": 13,  # +1 since the PDCA step plan shows its history (issue 11)
    "afspraak-detail": 14,
}
# The number of queries per role and page: the same at 1x and at 10x.
PINNED = {
    "beheerder": {"afspraak-list": 9, "verband-list": 4, "verband-detail": 9, "afspraak-detail": 10},
    "gebiedsmanager": {"afspraak-list": 9, "verband-list": 4, "verband-detail": 8, "afspraak-detail": 10},
    "praktijkmanager": {
        "mijn-praktijk": 12,
        "afspraak-list": 12,
        "verband-list": 7,
        "verband-detail": 13,
        "afspraak-detail": 14,
    },
    "huisarts": {
        "mijn-praktijk": 12,
        "afspraak-list": 12,
        "verband-list": 7,
        "verband-detail": 13,
        "afspraak-detail": 14,
    },
}


def _pages(user: User) -> dict[str, str]:
    # The first verband and agreement the user can see: in the first wijk, which grows with the scale.
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


def test_samenwerking_query_counts_are_pinned_at_1x_and_10x(client, regio):
    assert Afspraak.objects.count() >= 8 * regio.schaal, "the data grows with the scale"
    counts = {username: _count(client, username) for username in ROLLEN}
    print(f"query counts {regio.schaal}x:", counts)
    for username in ROLLEN:
        for page, count in counts[username].items():
            assert count <= MAX_QUERIES[page], f"{username} {page}: {count} queries"
    assert counts == PINNED, f"at {regio.schaal}x: {counts}"
