"""Reminders of the monitoring: the right people, and never twice (the claim in VerzondenHerinnering)."""

import datetime
import email.policy
from email import message_from_bytes

import pytest
from django.core import mail
from django.utils import timezone

from monitoring.tasks import bezoek_herinneringen_task, vragenlijst_herinneringen_task
from tests.monitoring.factories import PraktijkbezoekFactory, ResponsFactory, RondeFactory

pytestmark = pytest.mark.django_db


def _automatisch_van_het_portaal(bericht) -> None:
    """Auto-Submitted (no out-of-office replies back) and a Message-ID on the portal's own domain."""
    kop = message_from_bytes(bericht.message().as_bytes(), policy=email.policy.default)
    assert kop["Auto-Submitted"] == "auto-generated"
    assert kop["Message-ID"].strip("<>").endswith("@portaal.zio.example")


def test_beleidsadviseur_hears_weekly_which_practices_miss_the_visit(world, settings):
    settings.PORTAL_BASE_URL = "https://portaal.zio.example"
    vandaag = timezone.localdate()
    for praktijk in world.praktijken[1:]:
        PraktijkbezoekFactory(
            praktijk=praktijk,
            gepland_op=timezone.now() + datetime.timedelta(days=3),
            bezoekers=[world.users["beleidsadviseur"]],
        )
    assert bezoek_herinneringen_task() == 1
    assert mail.outbox[0].to == [world.users["beleidsadviseur"].email]
    assert world.praktijk_a1.naam in mail.outbox[0].body
    assert world.praktijk_b1.naam not in mail.outbox[0].body
    assert str(vandaag.year) in mail.outbox[0].body
    _automatisch_van_het_portaal(mail.outbox[0])
    assert bezoek_herinneringen_task() == 0, "a second run in the same week sends nothing"
    assert len(mail.outbox) == 1


def test_practices_with_an_unanswered_open_round_are_reminded_once(world, settings):
    settings.PORTAL_BASE_URL = "https://portaal.zio.example"
    vandaag = timezone.localdate()
    ronde = RondeFactory(
        opent_op=vandaag - datetime.timedelta(days=3), sluit_op=vandaag + datetime.timedelta(days=9)
    )
    for praktijk in world.praktijken[1:]:
        ResponsFactory(ronde=ronde, praktijk=praktijk, ingediend=True)
    ResponsFactory(
        ronde=RondeFactory(
            opent_op=vandaag - datetime.timedelta(days=60), sluit_op=vandaag - datetime.timedelta(days=1)
        ),
        praktijk=world.praktijk_b1,
    )
    assert vragenlijst_herinneringen_task() == 1
    assert mail.outbox[0].to == [world.users["praktijkmedewerker"].email]
    assert f"/monitoring/rondes/{ronde.pk}/praktijken/{world.praktijk_a1.pk}/" in mail.outbox[0].body
    _automatisch_van_het_portaal(mail.outbox[0])
    assert vragenlijst_herinneringen_task() == 0
