"""The daily reminder: one digest per owner, absolute links, nothing twice."""

import datetime
import email.policy
from email import message_from_bytes

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from samenwerking.constants import AfspraakStatus
from samenwerking.models import Afspraak
from samenwerking.tasks import afspraak_herinneringen_task
from tests.samenwerking.factories import AfspraakFactory

pytestmark = pytest.mark.django_db


def test_one_digest_per_owner_with_links_and_no_duplicates(world, settings):
    settings.PORTAL_BASE_URL = "https://portaal.zio.example"
    vandaag = timezone.localdate()
    eigenaar = world.users["praktijkmedewerker"]
    eigenaar.email = "pm@example.nl"
    eigenaar.save()
    Afspraak.objects.update(evaluatie_op=vandaag + datetime.timedelta(days=60))
    verlopen = world.afspraak_a1
    Afspraak.objects.filter(pk=verlopen.pk).update(evaluatie_op=vandaag - datetime.timedelta(days=2))
    binnenkort = AfspraakFactory(
        verband=world.verband_a1, eigenaar=eigenaar, evaluatie_op=vandaag + datetime.timedelta(days=10)
    )
    AfspraakFactory(
        verband=world.verband_a1,
        eigenaar=eigenaar,
        evaluatie_op=vandaag - datetime.timedelta(days=1),
        status=AfspraakStatus.GEBORGD,
    )

    assert afspraak_herinneringen_task.apply().get() == 1
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == ["pm@example.nl"]
    kop = message_from_bytes(bericht.message().as_bytes(), policy=email.policy.default)
    assert kop["Auto-Submitted"] == "auto-generated"
    assert kop["Message-ID"].strip("<>").endswith("@portaal.zio.example")
    for afspraak in (verlopen, binnenkort):
        url = settings.PORTAL_BASE_URL + reverse("samenwerking:afspraak-detail", args=[afspraak.pk])
        assert url in bericht.body
    assert "verlopen" in bericht.body
    assert bericht.body.count("http") == 2, "only the two due, active agreements"

    assert afspraak_herinneringen_task.apply().get() == 0, "the job ran twice: no second mail"
    assert len(mail.outbox) == 1


def test_beat_schedule_runs_the_reminders_daily_at_seven():
    entry = settings.CELERY_BEAT_SCHEDULE["afspraak-herinneringen"]
    assert entry["task"] == "samenwerking.tasks.afspraak_herinneringen_task"
    assert entry["schedule"].hour == {7} and entry["schedule"].minute == {0}
    assert settings.CELERY_TIMEZONE == "Europe/Amsterdam"
