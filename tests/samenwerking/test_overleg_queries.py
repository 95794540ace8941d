"""The WSV-overleggen pages read in a constant number of queries, pinned at 1x and 10x the rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenwerking.constants import Aanwezig, OverlegStatus
from samenwerking.models import Aanwezigheid, Agendapunt, Besluitvorming
from tests.samenwerking.factories import (
    ActiepuntFactory,
    AfgevaardigdeFactory,
    KnelpuntFactory,
    OverlegFactory,
)
from wijken.constants import Beroepsgroep

pytestmark = pytest.mark.django_db

MAX_QUERIES = {"overleg-list": 7, "overleg-detail": 15, "verband-detail": 12, "gebied-overzicht": 8}
GROEPEN = [
    Beroepsgroep.APOTHEKER,
    Beroepsgroep.DIETIST,
    Beroepsgroep.WIJKVERPLEEGKUNDIGE,
    Beroepsgroep.SOCIAAL_DOMEIN,
]


def _vul(world, n: int):
    """n held meetings of WSV A1, each with n agenda items, attendance, besluiten, actions, knelpunten;
    the last one gets the carried-over actions on its agenda."""
    wsv = world.wsv_a1
    bestaand = set(wsv.afgevaardigden.values_list("beroepsgroep", flat=True))
    for groep in GROEPEN[: min(n, len(GROEPEN))]:
        if groep not in bestaand:
            AfgevaardigdeFactory(verband=wsv, beroepsgroep=groep)
    laatste = None
    for i in range(n):
        laatste = OverlegFactory(
            verband=wsv,
            datum=datetime.date(2025, 1, 6) + datetime.timedelta(days=30 * i),
            status=OverlegStatus.GEHOUDEN,
        )
        for j in range(n):
            punt = Agendapunt.objects.create(
                overleg=laatste, volgorde=j + 1, titel=f"Punt {j}", notulen="Besproken."
            )
            Besluitvorming.objects.create(overleg=laatste, agendapunt=punt, tekst=f"Besluit {j}")
            actie = ActiepuntFactory(verband=wsv, overleg=laatste)
            KnelpuntFactory(verband=wsv, overleg=laatste)
            Agendapunt.objects.create(overleg=laatste, volgorde=n + j + 1, titel="Actie", actiepunt=actie)
        for a in wsv.afgevaardigden.all():
            Aanwezigheid.objects.create(overleg=laatste, afgevaardigde=a, status=Aanwezig.AANWEZIG)
        Aanwezigheid.objects.create(overleg=laatste, naam=f"Gast {i}", status=Aanwezig.AANWEZIG)
    return laatste


def _tel(client, world, laatste, rol: str) -> dict[str, int]:
    urls = {
        "overleg-list": reverse("samenwerking:overleg-list", args=[world.wsv_a1.pk]),
        "overleg-detail": reverse("samenwerking:overleg-detail", args=[laatste.pk]),
        "verband-detail": reverse("samenwerking:verband-detail", args=[world.wsv_a1.pk]),
        "gebied-overzicht": reverse("wijken:gebied-overzicht", args=[world.gebied_a.pk]),
    }
    if rol == "praktijkmedewerker":  # the gebied overview is not theirs (403)
        del urls["gebied-overzicht"]
    uit = {}
    for naam, url in urls.items():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, naam
        uit[naam] = len(ctx.captured_queries)
    return uit


@pytest.mark.parametrize("rol", ["gebiedsmanager", "praktijkmedewerker"])
def test_overleg_pages_query_counts_do_not_grow(world, client, rol):
    client.force_login(world.users[rol])
    een = _tel(client, world, _vul(world, 1), rol)
    tien = _tel(client, world, _vul(world, 10), rol)
    assert set(een) == set(tien)
    for naam in een:
        pin = MAX_QUERIES[naam]
        assert een[naam] == tien[naam], (naam, een[naam], tien[naam])
        assert tien[naam] <= pin, (naam, tien[naam])
