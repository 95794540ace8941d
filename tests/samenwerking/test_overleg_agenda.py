"""A WSV overleg in the invitees' calendars: moving it, changing its agenda or cancelling it reaches
every invitee with the same UID and a higher SEQUENCE, one message each, sent by the worker once."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from samenwerking.constants import OverlegStatus
from samenwerking.models import Overleg
from samenwerking.overleggen import services
from samenwerking.overleggen.tasks import uitnodiging_task
from tests.agenda_mail import lees
from tests.samenwerking.factories import AfgevaardigdeFactory
from wijken.constants import Beroepsgroep

pytestmark = pytest.mark.django_db

DATUM = timezone.localdate() + datetime.timedelta(days=21)
PORTAAL = "https://portaal.zio-wijksamenwerking.example"


@pytest.fixture
def portaal(settings):
    settings.PORTAL_BASE_URL = PORTAAL


def _form(**over) -> dict:
    data = {
        "datum": DATUM.isoformat(),
        "starttijd": "16:00",
        "eindtijd": "17:30",
        "overlegvorm": "fysiek",
        "locatie": "Wijkcentrum Wittevrouwenveld",
        "link": "",
    }
    return {**data, **over}


def _gepland_en_uitgenodigd(world, client, django_capture_on_commit_callbacks) -> Overleg:
    gm = world.users["gebiedsmanager"]
    gm.email = "anna@zio.nl"
    gm.save()
    AfgevaardigdeFactory(verband=world.wsv_a1, beroepsgroep=Beroepsgroep.FYSIOTHERAPEUT)
    data = {**_form(), "datum": DATUM, "starttijd": datetime.time(16), "eindtijd": datetime.time(17, 30)}
    overleg = services.overleg_plannen(verband=world.wsv_a1, data=data, door=gm)
    client.force_login(gm)
    with django_capture_on_commit_callbacks() as taken:
        client.post(reverse("samenwerking:overleg-uitnodiging", args=[overleg.pk]))
    assert len(taken) == 1 and not mail.outbox, "queued for the worker, nothing sent in the request"
    assert uitnodiging_task.apply(args=[overleg.pk, 0]).get() == 2
    return overleg


def test_invitation_is_one_multipart_message_per_delegate_with_an_inline_request(
    world, client, django_capture_on_commit_callbacks, portaal
):
    overleg = _gepland_en_uitgenodigd(world, client, django_capture_on_commit_callbacks)
    assert uitnodiging_task.apply(args=[overleg.pk, 0]).get() == 0, "the task ran twice: nothing twice"
    assert len(mail.outbox) == 2
    assert all(len(m.to) == 1 for m in mail.outbox)
    assert len({m.to[0] for m in mail.outbox}) == 2, "each delegate their own message"
    for bericht in mail.outbox:
        gelezen = lees(bericht)
        assert gelezen.inline_methode == "REQUEST"
        assert gelezen.kalender["method"] == "REQUEST" and gelezen.bijlage["method"] == "REQUEST"
        assert str(gelezen.event["uid"]) == f"wsv-overleg-{overleg.pk}@zio-wijksamenwerking"
        assert int(gelezen.event["sequence"]) == 0
        assert gelezen.event["dtstart"].dt.hour == 16
        assert gelezen.bericht["Auto-Submitted"] == "auto-generated"
        assert gelezen.bericht["Message-ID"].strip("<>").endswith("@portaal.zio-wijksamenwerking.example")
        assert "uitgenodigd" in gelezen.tekst


def test_moving_the_meeting_resends_with_a_higher_sequence_and_the_same_uid(
    world, client, django_capture_on_commit_callbacks
):
    overleg = _gepland_en_uitgenodigd(world, client, django_capture_on_commit_callbacks)
    eerste = {m.to[0]: lees(m) for m in mail.outbox}
    mail.outbox.clear()

    # Through the page: its ModelForm puts the new time on the instance before the service runs.
    with django_capture_on_commit_callbacks() as taken:
        response = client.post(
            reverse("samenwerking:overleg-update", args=[overleg.pk]),
            _form(starttijd="15:00", eindtijd="16:30"),
        )
    assert response.status_code == 302
    assert len(taken) == 1, "the update is queued by itself"
    overleg.refresh_from_db()
    assert overleg.uitnodiging_volgnummer == 1 and overleg.starttijd == datetime.time(15)

    assert uitnodiging_task.apply(args=[overleg.pk, 0]).get() == 0, "an outdated job sends nothing"
    assert uitnodiging_task.apply(args=[overleg.pk, 1]).get() == 2
    assert uitnodiging_task.apply(args=[overleg.pk, 1]).get() == 0
    assert len(mail.outbox) == 2
    for bericht in mail.outbox:
        tweede = lees(bericht)
        oud = eerste[bericht.to[0]]
        assert tweede.inline_methode == "REQUEST"
        assert str(tweede.event["uid"]) == str(oud.event["uid"])
        assert int(oud.event["sequence"]) == 0 and int(tweede.event["sequence"]) == 1
        assert tweede.event["dtstart"].dt.hour == 15 and oud.event["dtstart"].dt.hour == 16
        assert bericht.subject.startswith("Gewijzigd:")

    # Saving the page without a change raises nothing and sends nothing.
    with django_capture_on_commit_callbacks() as taken:
        client.post(
            reverse("samenwerking:overleg-update", args=[overleg.pk]),
            _form(starttijd="15:00", eindtijd="16:30"),
        )
    overleg.refresh_from_db()
    assert overleg.uitnodiging_volgnummer == 1 and not taken


def test_changing_the_place_or_the_agenda_also_updates_the_invitation(
    world, client, django_capture_on_commit_callbacks
):
    overleg = _gepland_en_uitgenodigd(world, client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks() as taken:
        client.post(
            reverse("samenwerking:overleg-update", args=[overleg.pk]), _form(locatie="Huis van de Wijk")
        )
    overleg.refresh_from_db()
    assert overleg.uitnodiging_volgnummer == 1 and len(taken) == 1

    with django_capture_on_commit_callbacks() as taken:
        client.post(
            reverse("samenwerking:overleg-agenda", args=[overleg.pk]),
            {"wat": "toevoegen", "titel": "Rondvraag"},
        )
    overleg.refresh_from_db()
    assert overleg.uitnodiging_volgnummer == 2 and len(taken) == 1
    mail.outbox.clear()
    assert uitnodiging_task.apply(args=[overleg.pk, 2]).get() == 2
    gelezen = lees(mail.outbox[0])
    assert int(gelezen.event["sequence"]) == 2
    assert "Rondvraag" in str(gelezen.event["description"]) and "Huis van de Wijk" in str(
        gelezen.event["location"]
    )


def test_a_change_before_any_invitation_went_out_raises_nothing(world, django_capture_on_commit_callbacks):
    gm = world.users["gebiedsmanager"]
    data = {**_form(), "datum": DATUM, "starttijd": datetime.time(16), "eindtijd": datetime.time(17, 30)}
    overleg = services.overleg_plannen(verband=world.wsv_a1, data=data, door=gm)
    with django_capture_on_commit_callbacks() as taken:
        services.overleg_wijzigen(overleg=overleg, data={**data, "starttijd": datetime.time(14)}, door=gm)
    overleg.refresh_from_db()
    assert overleg.uitnodiging_volgnummer == 0 and not taken


def test_cancelling_asks_for_confirmation_and_sends_method_cancel_to_the_invitees(
    world, client, django_capture_on_commit_callbacks
):
    overleg = _gepland_en_uitgenodigd(world, client, django_capture_on_commit_callbacks)
    uitgenodigd = sorted(m.to[0] for m in mail.outbox)
    uid = str(lees(mail.outbox[0]).event["uid"])
    mail.outbox.clear()

    pagina = client.get(reverse("samenwerking:overleg-annuleren", args=[overleg.pk]))
    assert pagina.status_code == 200 and "Weet u zeker" in pagina.content.decode()
    overleg.refresh_from_db()
    assert overleg.status == OverlegStatus.GEPLAND, "the confirmation page changes nothing"

    with django_capture_on_commit_callbacks() as taken:
        response = client.post(reverse("samenwerking:overleg-annuleren", args=[overleg.pk]))
    assert response.status_code == 302 and len(taken) == 1
    overleg.refresh_from_db()
    assert overleg.status == OverlegStatus.GEANNULEERD and overleg.uitnodiging_volgnummer == 1

    assert uitnodiging_task.apply(args=[overleg.pk, 1]).get() == 2
    assert uitnodiging_task.apply(args=[overleg.pk, 1]).get() == 0
    assert sorted(m.to[0] for m in mail.outbox) == uitgenodigd
    for bericht in mail.outbox:
        gelezen = lees(bericht)
        assert gelezen.inline_methode == "CANCEL" and gelezen.kalender["method"] == "CANCEL"
        assert str(gelezen.event["uid"]) == uid and int(gelezen.event["sequence"]) == 1
        assert gelezen.event["status"] == "CANCELLED"
        assert "gaat niet door" in gelezen.tekst

    # A cancelled meeting is not moved or invited to any more.
    response = client.post(
        reverse("samenwerking:overleg-update", args=[overleg.pk]), _form(starttijd="10:00")
    )
    assert response.status_code == 200 and "geannuleerd" in response.content.decode()
    overleg.refresh_from_db()
    assert overleg.starttijd == datetime.time(16)


def test_cancelling_is_only_for_who_may_change_the_meeting(world, client):
    overleg = services.overleg_plannen(
        verband=world.wsv_a1,
        data={**_form(), "datum": DATUM, "starttijd": datetime.time(16), "eindtijd": datetime.time(17, 30)},
        door=world.users["gebiedsmanager"],
    )
    for rol, verwacht in (("praktijkmedewerker", 403), ("beleidsadviseur", 403), ("gebiedsmanager_b", 404)):
        client.force_login(world.users[rol])
        assert (
            client.post(reverse("samenwerking:overleg-annuleren", args=[overleg.pk])).status_code == verwacht
        )
    overleg.refresh_from_db()
    assert overleg.status == OverlegStatus.GEPLAND
