"""A praktijkbezoek in the practice's calendars: the worker sends the invitation one message per
address; moving the visit re-sends it with the same UID and SEQUENCE+1, cancelling sends METHOD:CANCEL."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from monitoring.bezoeken.tasks import bezoek_uitnodiging_task
from monitoring.constants import BezoekStatus
from monitoring.models import Praktijkbezoek
from tests.agenda_mail import lees

pytestmark = pytest.mark.django_db


def _moment(dagen: int, uur: int) -> datetime.datetime:
    dag = timezone.localdate() + datetime.timedelta(days=dagen)
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(uur, 30)))


def _gepland_en_uitgenodigd(world, client, django_capture_on_commit_callbacks) -> Praktijkbezoek:
    praktijk = world.praktijk_a1
    praktijk.email = "info@huisartsen-wittevrouwenveld.example"
    praktijk.save()
    medewerker = world.users["praktijkmedewerker"]
    medewerker.email = "assistent@huisartsen-wittevrouwenveld.example"
    medewerker.save()
    adviseur = world.users["beleidsadviseur"]
    client.force_login(adviseur)
    client.post(
        reverse("monitoring:bezoek-plannen", args=[praktijk.pk]),
        {"gepland_op": _moment(10, 9).strftime("%Y-%m-%dT%H:%M"), "bezoekers": [adviseur.pk]},
    )
    bezoek = praktijk.bezoeken.get()
    with django_capture_on_commit_callbacks() as taken:
        response = client.post(reverse("monitoring:bezoek-uitnodigen", args=[bezoek.pk]))
    assert response.status_code == 302
    assert len(taken) == 1 and not mail.outbox, "queued for the worker, nothing sent in the request"
    assert bezoek_uitnodiging_task.apply(args=[bezoek.pk, 0]).get() == 2
    return bezoek


def test_visit_invitation_is_one_message_per_address_with_an_inline_request(
    world, client, django_capture_on_commit_callbacks
):
    bezoek = _gepland_en_uitgenodigd(world, client, django_capture_on_commit_callbacks)
    assert bezoek_uitnodiging_task.apply(args=[bezoek.pk, 0]).get() == 0, "the task ran twice"
    assert sorted(m.to for m in mail.outbox) == [
        ["assistent@huisartsen-wittevrouwenveld.example"],
        ["info@huisartsen-wittevrouwenveld.example"],
    ]
    for bericht in mail.outbox:
        gelezen = lees(bericht)
        assert gelezen.inline_methode == "REQUEST" and gelezen.kalender["method"] == "REQUEST"
        assert str(gelezen.event["uid"]) == f"praktijkbezoek-{bezoek.pk}@zio-wijksamenwerking"
        assert int(gelezen.event["sequence"]) == 0
        assert gelezen.bericht["Auto-Submitted"] == "auto-generated"
    bezoek.refresh_from_db()
    assert bezoek.uitnodiging_verzonden_op is not None


def test_moving_the_visit_resends_with_a_higher_sequence_and_the_same_uid(
    world, client, django_capture_on_commit_callbacks
):
    bezoek = _gepland_en_uitgenodigd(world, client, django_capture_on_commit_callbacks)
    eerste = {m.to[0]: lees(m) for m in mail.outbox}
    mail.outbox.clear()

    pagina = client.get(reverse("monitoring:bezoek-wijzigen", args=[bezoek.pk]))
    assert pagina.status_code == 200
    nieuw = _moment(12, 14)
    with django_capture_on_commit_callbacks() as taken:
        response = client.post(
            reverse("monitoring:bezoek-wijzigen", args=[bezoek.pk]),
            {
                "gepland_op": nieuw.strftime("%Y-%m-%dT%H:%M"),
                "bezoekers": [world.users["beleidsadviseur"].pk],
            },
        )
    assert response.status_code == 302 and len(taken) == 1
    bezoek.refresh_from_db()
    assert bezoek.uitnodiging_volgnummer == 1 and bezoek.gepland_op == nieuw

    assert bezoek_uitnodiging_task.apply(args=[bezoek.pk, 0]).get() == 0, "an outdated job sends nothing"
    assert bezoek_uitnodiging_task.apply(args=[bezoek.pk, 1]).get() == 2
    assert bezoek_uitnodiging_task.apply(args=[bezoek.pk, 1]).get() == 0
    assert len(mail.outbox) == 2
    for bericht in mail.outbox:
        tweede, oud = lees(bericht), eerste[bericht.to[0]]
        assert str(tweede.event["uid"]) == str(oud.event["uid"])
        assert int(oud.event["sequence"]) == 0 and int(tweede.event["sequence"]) == 1
        assert tweede.event["dtstart"].dt == nieuw and oud.event["dtstart"].dt.hour == 9
        assert "verzet" in tweede.tekst


def test_a_moment_in_the_past_is_refused_next_to_the_field(world, client, django_capture_on_commit_callbacks):
    bezoek = _gepland_en_uitgenodigd(world, client, django_capture_on_commit_callbacks)
    response = client.post(
        reverse("monitoring:bezoek-wijzigen", args=[bezoek.pk]),
        {"gepland_op": "2020-01-01T10:00", "bezoekers": [world.users["beleidsadviseur"].pk]},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["gepland_op"] == ["Kies een moment in de toekomst."]
    bezoek.refresh_from_db()
    assert bezoek.uitnodiging_volgnummer == 0 and bezoek.gepland_op == _moment(10, 9)


def test_cancelling_the_visit_sends_method_cancel(world, client, django_capture_on_commit_callbacks):
    bezoek = _gepland_en_uitgenodigd(world, client, django_capture_on_commit_callbacks)
    uid = str(lees(mail.outbox[0]).event["uid"])
    mail.outbox.clear()

    pagina = client.get(reverse("monitoring:bezoek-annuleren", args=[bezoek.pk]))
    assert pagina.status_code == 200 and "Weet u zeker" in pagina.content.decode()
    with django_capture_on_commit_callbacks() as taken:
        client.post(reverse("monitoring:bezoek-annuleren", args=[bezoek.pk]))
    assert len(taken) == 1
    bezoek.refresh_from_db()
    assert bezoek.status == BezoekStatus.GEANNULEERD and bezoek.uitnodiging_volgnummer == 1

    assert bezoek_uitnodiging_task.apply(args=[bezoek.pk, 1]).get() == 2
    assert bezoek_uitnodiging_task.apply(args=[bezoek.pk, 1]).get() == 0
    for bericht in mail.outbox:
        gelezen = lees(bericht)
        assert gelezen.inline_methode == "CANCEL" and gelezen.kalender["method"] == "CANCEL"
        assert str(gelezen.event["uid"]) == uid and int(gelezen.event["sequence"]) == 1
        assert gelezen.event["status"] == "CANCELLED"

    client.post(reverse("monitoring:bezoek-uitnodigen", args=[bezoek.pk]))
    assert bezoek_uitnodiging_task.apply(args=[bezoek.pk, 1]).get() == 0, "no invitation to a cancelled visit"


def test_only_zio_may_move_or_cancel_a_visit(world, client):
    adviseur = world.users["beleidsadviseur"]
    client.force_login(adviseur)
    client.post(
        reverse("monitoring:bezoek-plannen", args=[world.praktijk_a1.pk]),
        {"gepland_op": _moment(10, 9).strftime("%Y-%m-%dT%H:%M"), "bezoekers": [adviseur.pk]},
    )
    bezoek = world.praktijk_a1.bezoeken.get()
    client.force_login(world.users["praktijkmedewerker"])
    assert client.post(reverse("monitoring:bezoek-annuleren", args=[bezoek.pk])).status_code == 403
    assert client.get(reverse("monitoring:bezoek-wijzigen", args=[bezoek.pk])).status_code == 403
    bezoek.refresh_from_db()
    assert bezoek.status == BezoekStatus.GEPLAND
