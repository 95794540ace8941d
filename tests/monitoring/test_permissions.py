"""The monitoring rules and scoping querysets per role, on a response and a visit of praktijk A1."""

import datetime

import pytest
from django.utils import timezone

from monitoring.models import Praktijkbezoek, Respons
from tests.monitoring.factories import PraktijkbezoekFactory, ResponsFactory, RondeFactory

pytestmark = pytest.mark.django_db

BEHEER = {"beheerder", "beleidsadviseur"}


@pytest.fixture
def objecten(world):
    vandaag = timezone.localdate()
    ronde = RondeFactory(
        opent_op=vandaag - datetime.timedelta(days=1), sluit_op=vandaag + datetime.timedelta(days=1)
    )
    respons = ResponsFactory(ronde=ronde, praktijk=world.praktijk_a1)
    bezoek = PraktijkbezoekFactory(praktijk=world.praktijk_a1, gehouden=True, gedeeld_op=timezone.now())
    return {"respons": respons, "bezoek": bezoek, "praktijk": world.praktijk_a1}


def _houders(world, perm, obj):
    import rules

    return {key for key, user in world.users.items() if rules.has_perm(perm, user, obj)}


@pytest.mark.parametrize(
    ("perm", "obj", "expected"),
    [
        ("monitoring.view_respons", "respons", BEHEER | {"praktijkmedewerker"}),
        ("monitoring.change_respons", "respons", {"praktijkmedewerker"}),
        ("monitoring.fill_respons", "praktijk", {"praktijkmedewerker"}),
        ("monitoring.view_praktijkbezoek", "bezoek", BEHEER | {"praktijkmedewerker"}),
        ("monitoring.change_praktijkbezoek", "bezoek", BEHEER),
        ("monitoring.acknowledge_praktijkbezoek", "bezoek", {"praktijkmedewerker"}),
    ],
)
def test_monitoring_rules_per_role(world, objecten, perm, obj, expected):
    assert _houders(world, perm, objecten[obj]) == expected


def test_submitted_or_closed_response_cannot_be_changed(world, objecten):
    import rules

    respons = objecten["respons"]
    pm = world.users["praktijkmedewerker"]
    respons.status, respons.ingediend_op = "ingediend", timezone.now()
    assert not rules.has_perm("monitoring.change_respons", pm, respons)
    respons.status = "concept"
    respons.ronde.sluit_op = timezone.localdate() - datetime.timedelta(days=1)
    respons.ronde.opent_op = respons.ronde.sluit_op - datetime.timedelta(days=10)
    assert not rules.has_perm("monitoring.change_respons", pm, respons)


def test_gebiedsmanager_and_projectleider_see_no_individual_answers(world, objecten):
    for key in ("gebiedsmanager", "projectleider", "praktijkmedewerker_buur"):
        assert not Respons.objects.zichtbaar_voor(world.users[key]).exists(), key
        assert not Praktijkbezoek.objects.zichtbaar_voor(world.users[key]).exists(), key
    assert Respons.objects.zichtbaar_voor(world.users["praktijkmedewerker"]).get() == objecten["respons"]
