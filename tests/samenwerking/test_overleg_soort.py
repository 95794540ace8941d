"""The kinds of meeting (WSV-overleg, MDO with its doelgroep, FTO, DTO, intervisie): the form with the
message next to the field, the pages, the invitation (.ics read back with icalendar), the mails and the
counts of the regional report."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from monitoring.rapportage.presenter import RapportagePresenter
from monitoring.rapportage.snapshot import kerncijfers
from samenwerking.constants import OverlegSoort, OverlegStatus
from samenwerking.models import Overleg
from samenwerking.overleggen.ics import overleg_ics
from samenwerking.overleggen.tasks import uitnodiging_task
from tests.samenwerking.factories import AfgevaardigdeFactory, OverlegFactory

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


def _plan_data(**over) -> dict:
    data = {
        "soort": "mdo",
        "doelgroep": "kwetsbare ouderen",
        "datum": (VANDAAG + datetime.timedelta(days=14)).isoformat(),
        "starttijd": "16:00",
        "eindtijd": "17:30",
        "overlegvorm": "fysiek",
        "locatie": "Wijkcentrum Wittevrouwenveld",
        "link": "",
    }
    data.update(over)
    return data


def test_an_mdo_without_doelgroep_gets_the_message_next_to_the_field_and_nothing_is_saved(world, client):
    client.force_login(world.users["gebiedsmanager"])
    url = reverse("samenwerking:overleg-create", args=[world.wsv_a1.pk])
    response = client.post(url, _plan_data(doelgroep="  "))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vul de doelgroep van het MDO in" in html
    assert 'id="id_doelgroep"' in html and "is-invalid" in html.split('id="id_doelgroep"')[0][-300:]
    assert 'value="Wijkcentrum Wittevrouwenveld"' in html  # input kept
    assert 'data-toon-bij="soort=mdo"' in html
    assert not Overleg.objects.exists()


def test_an_mdo_is_planned_with_its_doelgroep_and_shown_on_the_pages(world, client):
    client.force_login(world.users["gebiedsmanager"])
    response = client.post(
        reverse("samenwerking:overleg-create", args=[world.wsv_a1.pk]), _plan_data(uitnodigen="")
    )
    overleg = Overleg.objects.get()
    assert response.status_code == 302
    assert (overleg.soort, overleg.doelgroep) == (OverlegSoort.MDO, "kwetsbare ouderen")
    detail = client.get(reverse("samenwerking:overleg-detail", args=[overleg.pk])).content.decode()
    assert "MDO kwetsbare ouderen van" in detail  # the heading
    assert "MDO (multidisciplinair overleg)" in detail
    lijst = client.get(reverse("samenwerking:overleg-list", args=[world.wsv_a1.pk])).content.decode()
    assert "MDO kwetsbare ouderen" in lijst


def test_another_kind_keeps_no_doelgroep(world, client):
    client.force_login(world.users["gebiedsmanager"])
    client.post(
        reverse("samenwerking:overleg-create", args=[world.wsv_a1.pk]),
        _plan_data(soort="fto", doelgroep="restje van een MDO"),
    )
    overleg = Overleg.objects.get()
    assert (overleg.soort, overleg.doelgroep) == (OverlegSoort.FTO, "")
    # The rule is the model's: clean() names the field, the database refuses it too.
    overleg.doelgroep = "ouderen"
    with pytest.raises(ValidationError) as fout:
        overleg.full_clean()
    assert "doelgroep" in fout.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        Overleg.objects.filter(pk=overleg.pk).update(doelgroep="ouderen")
    with pytest.raises(IntegrityError), transaction.atomic():
        Overleg.objects.filter(pk=overleg.pk).update(soort=OverlegSoort.MDO)


def test_a_post_without_kind_plans_a_wsv_overleg(world, client):
    client.force_login(world.users["gebiedsmanager"])
    data = _plan_data()
    del data["soort"], data["doelgroep"]
    client.post(reverse("samenwerking:overleg-create", args=[world.wsv_a1.pk]), data)
    assert Overleg.objects.get().soort == OverlegSoort.WSV


def test_the_invitation_names_the_kind_in_summary_description_and_mail(world, settings):
    settings.PORTAL_BASE_URL = "https://portaal.example"
    AfgevaardigdeFactory(verband=world.wsv_a1, contactpersoon__email="wijkverpleging@example.nl")
    overleg = OverlegFactory(
        verband=world.wsv_a1,
        datum=VANDAAG + datetime.timedelta(days=10),
        soort=OverlegSoort.MDO,
        doelgroep="mensen met dementie",
    )
    event = next(c for c in Calendar.from_ical(overleg_ics(overleg)).walk("VEVENT"))
    assert str(event["SUMMARY"]) == f"MDO mensen met dementie: {world.wsv_a1.naam}"
    beschrijving = str(event["DESCRIPTION"])
    assert beschrijving.startswith(f"MDO (multidisciplinair overleg) van het {world.wsv_a1.naam}")
    assert "Doelgroep: mensen met dementie" in beschrijving

    fto = OverlegFactory(verband=world.wsv_a1, datum=VANDAAG + datetime.timedelta(days=20), soort="fto")
    event = next(c for c in Calendar.from_ical(overleg_ics(fto)).walk("VEVENT"))
    assert str(event["SUMMARY"]) == f"FTO: {world.wsv_a1.naam}"
    assert "Doelgroep" not in str(event["DESCRIPTION"])

    uitnodiging_task.apply(args=[overleg.pk, 0])
    (bericht,) = [m for m in mail.outbox if "wijkverpleging@example.nl" in m.to]
    assert bericht.subject.startswith("Uitnodiging: MDO mensen met dementie ")
    assert "Doelgroep: mensen met dementie" in bericht.body


def test_the_report_counts_the_held_meetings_per_kind(world):
    van, tot = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
    gehouden = {"status": OverlegStatus.GEHOUDEN, "datum": datetime.date(2026, 3, 10)}
    OverlegFactory(verband=world.wsv_a1, **gehouden)
    OverlegFactory(verband=world.wsv_a1, **gehouden)
    OverlegFactory(verband=world.wsv_a1, soort="mdo", doelgroep="kwetsbare ouderen", **gehouden)
    OverlegFactory(verband=world.wsv_a1, soort="fto", **gehouden)
    OverlegFactory(verband=world.wsv_a1, soort="fto", datum=datetime.date(2026, 4, 1))  # gepland
    OverlegFactory(
        verband=world.wsv_a1, soort="dto", status=OverlegStatus.GEHOUDEN, datum=datetime.date(2025, 3, 1)
    )
    wijk_ids = [world.wijk_a1.pk]
    nu = kerncijfers(van=van, tot=tot, wijk_ids=wijk_ids)
    vorig = kerncijfers(van=datetime.date(2025, 1, 1), tot=datetime.date(2025, 12, 31), wijk_ids=wijk_ids)
    assert nu["overleggen_wsv"] == 4
    assert nu["overleggen_per_soort"] == {"wsv": 2, "mdo": 1, "fto": 1, "dto": 0, "intervisie": 0}
    assert vorig["overleggen_per_soort"]["dto"] == 1

    snapshot = {
        "periode": {
            "van": "2026-01-01",
            "tot": "2026-12-31",
            "vorige_van": "2025-01-01",
            "vorige_tot": "2025-12-31",
        },
        "scope": {"naam": "Regio"},
        "gebieden": [],
        "kerncijfers": nu,
        "kerncijfers_vorige": vorig,
    }
    rijen = {k.label: (k.nu, k.vorige) for k in RapportagePresenter(snapshot).kerncijfers}
    assert rijen["Overleggen van de WSV's"] == ("4", "1")
    assert rijen["waarvan WSV-overleg"] == ("2", "0")
    assert rijen["waarvan MDO"] == ("1", "0")
    assert rijen["waarvan FTO"] == ("1", "0")
    assert rijen["waarvan DTO"] == ("0", "1")
    # A snapshot from before the kinds keeps its rows as they were.
    for k in ("kerncijfers", "kerncijfers_vorige"):
        snapshot[k] = {s: v for s, v in snapshot[k].items() if s != "overleggen_per_soort"}
    assert not [k for k in RapportagePresenter(snapshot).kerncijfers if k.label.startswith("waarvan")]
