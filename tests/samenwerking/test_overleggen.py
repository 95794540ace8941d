"""WSV-overleggen: planning with a pre-filled agenda, recording, carry-over, PDF, .ics, mails, IDOR."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from samenwerking.constants import (
    VAST_AGENDAPUNT,
    Aanwezig,
    ActiepuntStatus,
    KnelpuntSoort,
    KnelpuntStatus,
    OverlegStatus,
)
from samenwerking.models import Aanwezigheid, Actiepunt, Agendapunt, NotulenPdf, Overleg, OverlegVerzending
from samenwerking.overleggen import services
from samenwerking.overleggen.ics import overleg_ics
from samenwerking.overleggen.tasks import notulen_pdf_task, uitnodiging_task
from tests.samenwerking.factories import (
    ActiepuntFactory,
    AfgevaardigdeFactory,
    KnelpuntFactory,
    OverlegFactory,
)
from wijken.constants import Beroepsgroep
from zio_portal.achtergrond import Status as PdfStatus

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


def _plan_data(**over) -> dict:
    data = {
        "datum": (VANDAAG + datetime.timedelta(days=14)).isoformat(),
        "starttijd": "16:00",
        "eindtijd": "17:30",
        "overlegvorm": "fysiek",
        "locatie": "Wijkcentrum Wittevrouwenveld",
        "link": "",
    }
    data.update(over)
    return data


def _held(world, **kw) -> Overleg:
    defaults = {
        "verband": world.wsv_a1,
        "datum": VANDAAG - datetime.timedelta(days=7),
        "status": OverlegStatus.GEHOUDEN,
    }
    return OverlegFactory(**{**defaults, **kw})


@pytest.mark.parametrize(
    ("over", "veld", "melding"),
    [
        ({"locatie": ""}, "locatie", "Vul de locatie in"),
        ({"overlegvorm": "online", "locatie": ""}, "link", "Vul de link in"),
        ({"overlegvorm": "hybride", "locatie": ""}, "locatie", "Vul de locatie in"),
        ({"overlegvorm": "hybride"}, "link", "Vul de link in"),
        ({"eindtijd": "15:00"}, "eindtijd", "De eindtijd moet na de starttijd liggen."),
        ({"datum": ""}, "datum", "Vul de datum van het overleg in."),
        ({"overlegvorm": "online", "link": "vergaderen"}, "link", "Vul een volledige link in"),
    ],
)
def test_plan_form_gives_dutch_messages_and_saves_nothing(world, client, over, veld, melding):
    client.force_login(world.users["gebiedsmanager"])
    response = client.post(reverse("samenwerking:overleg-create", args=[world.wsv_a1.pk]), _plan_data(**over))
    assert response.status_code == 200
    assert melding in " ".join(response.context["form"].errors[veld])
    assert melding in response.content.decode()
    assert 'value="16:00"' in response.content.decode()  # input kept
    assert not Overleg.objects.exists()


def test_planning_prefills_the_agenda_with_standing_item_open_actions_and_open_knelpunten(
    world, client, django_capture_on_commit_callbacks
):
    vorig = _held(world)
    open_actie = ActiepuntFactory(verband=world.wsv_a1, overleg=vorig, omschrijving="Sociale kaart bijwerken")
    ActiepuntFactory(
        verband=world.wsv_a1,
        overleg=vorig,
        status=ActiepuntStatus.AFGEROND,
        afgerond_op=VANDAAG,
        omschrijving="Klaar",
    )
    knelpunt = KnelpuntFactory(verband=world.wsv_a1, overleg=vorig, omschrijving="Wachttijd wijkverpleging")
    KnelpuntFactory(
        verband=world.wsv_a1, overleg=vorig, status=KnelpuntStatus.OPGELOST, omschrijving="Opgelost"
    )
    KnelpuntFactory(
        verband=world.wsv_a1, overleg=vorig, soort=KnelpuntSoort.INZICHT, omschrijving="Een inzicht"
    )
    ActiepuntFactory(verband=world.wsv_b1, omschrijving="Van een ander verband")

    client.force_login(world.users["gebiedsmanager"])
    with django_capture_on_commit_callbacks() as taken:
        response = client.post(
            reverse("samenwerking:overleg-create", args=[world.wsv_a1.pk]), _plan_data(uitnodigen="on")
        )
    overleg = Overleg.objects.get(datum=VANDAAG + datetime.timedelta(days=14))
    assert response.status_code == 302 and response["Location"] == reverse(
        "samenwerking:overleg-detail", args=[overleg.pk]
    )
    assert len(taken) == 1  # the invitation, queued after the commit
    punten = list(overleg.agendapunten.order_by("volgorde"))
    assert [p.titel for p in punten] == [
        str(VAST_AGENDAPUNT),
        "Actiepunt: Sociale kaart bijwerken",
        "Knelpunt: Wachttijd wijkverpleging",
    ]
    assert punten[0].vast and punten[1].actiepunt == open_actie and punten[2].knelpunt == knelpunt

    pagina = client.get(reverse("samenwerking:overleg-detail", args=[overleg.pk])).content.decode()
    assert "Patiëntgerichte zorg" in pagina and "Sociale kaart bijwerken" in pagina


def test_agenda_items_are_added_removed_and_reordered_with_htmx(world, client):
    overleg = services.overleg_plannen(
        verband=world.wsv_a1, data=_plan_data(datum=VANDAAG), door=world.users["gebiedsmanager"]
    )
    client.force_login(world.users["gebiedsmanager"])
    url = reverse("samenwerking:overleg-agenda", args=[overleg.pk])
    antwoord = client.post(url, {"wat": "toevoegen", "titel": "Rondvraag"}, HTTP_HX_REQUEST="true")
    assert antwoord.status_code == 200 and "Rondvraag" in antwoord.content.decode()
    assert "<html" not in antwoord.content.decode()  # only the agenda partial
    leeg = client.post(url, {"wat": "toevoegen", "titel": ""}, HTTP_HX_REQUEST="true")
    assert "Geef het agendapunt een titel." in leeg.content.decode()
    rondvraag = overleg.agendapunten.get(titel="Rondvraag")
    client.post(url, {"wat": "omhoog", "agendapunt": rondvraag.pk})
    assert list(overleg.agendapunten.order_by("volgorde").values_list("titel", flat=True)) == [
        "Rondvraag",
        str(VAST_AGENDAPUNT),
    ]
    client.post(url, {"wat": "verwijderen", "agendapunt": rondvraag.pk})
    assert list(overleg.agendapunten.values_list("titel", "volgorde")) == [(str(VAST_AGENDAPUNT), 1)]
    # An item of another meeting cannot be touched through this one (IDOR).
    ander = OverlegFactory(verband=world.wsv_a1)
    vreemd = Agendapunt.objects.create(overleg=ander, titel="Vreemd", volgorde=1)
    weg = client.post(url, {"wat": "verwijderen", "agendapunt": vreemd.pk}, HTTP_HX_REQUEST="true")
    assert "Dit agendapunt staat niet (meer) op de agenda." in weg.content.decode()
    assert Agendapunt.objects.filter(pk=vreemd.pk).exists()


def test_meeting_is_recorded_and_open_actions_carry_over_until_done(world, client):
    gm = world.users["gebiedsmanager"]
    fysio = AfgevaardigdeFactory(verband=world.wsv_a1, beroepsgroep=Beroepsgroep.FYSIOTHERAPEUT)
    overleg = services.overleg_plannen(verband=world.wsv_a1, data=_plan_data(datum=VANDAAG), door=gm)
    client.force_login(gm)
    r = client.post(
        reverse("samenwerking:overleg-aanwezigheid", args=[overleg.pk]),
        {f"aanwezig-{world.afgevaardigde_a1.pk}": "aanwezig", f"aanwezig-{fysio.pk}": "afgemeld"},
    )
    assert r.status_code == 302
    assert dict(overleg.aanwezigheid.values_list("afgevaardigde_id", "status")) == {
        world.afgevaardigde_a1.pk: Aanwezig.AANWEZIG,
        fysio.pk: Aanwezig.AFGEMELD,
    }
    client.post(
        reverse("samenwerking:overleg-deelnemer", args=[overleg.pk]),
        {"naam": "Gast GGD", "status": "aanwezig"},
    )
    assert overleg.aanwezigheid.filter(naam="Gast GGD").exists()
    vast = overleg.agendapunten.get()
    client.post(
        reverse("samenwerking:overleg-notulen", args=[overleg.pk]),
        {f"notulen-{vast.pk}": "Casus besproken.", "algemeen": "Geen rondvraag."},
    )
    vast.refresh_from_db()
    assert vast.notulen == "Casus besproken."
    client.post(
        reverse("samenwerking:overleg-besluit", args=[overleg.pk]),
        {"tekst": "We delen casussen.", "agendapunt": vast.pk},
    )
    assert overleg.besluiten.get().agendapunt == vast
    # Bad input: message next to the field, input kept, nothing saved.
    fout = client.post(
        reverse("samenwerking:overleg-actiepunt", args=[overleg.pk]),
        {"omschrijving": "Folder maken", "eigenaar": f"u{gm.pk}", "deadline": ""},
    )
    assert fout.status_code == 200 and "Vul de deadline in." in fout.content.decode()
    assert "Folder maken" in fout.content.decode() and not Actiepunt.objects.exists()
    deadline = (VANDAAG + datetime.timedelta(days=30)).isoformat()
    client.post(
        reverse("samenwerking:overleg-actiepunt", args=[overleg.pk]),
        {"omschrijving": "Folder maken", "eigenaar": f"c{fysio.contactpersoon_id}", "deadline": deadline},
    )
    actie = Actiepunt.objects.get()
    assert actie.eigenaar_contact == fysio.contactpersoon and actie.overleg == overleg
    client.post(
        reverse("samenwerking:overleg-knelpunt", args=[overleg.pk]),
        {"soort": "inzicht", "omschrijving": "Korte lijnen werken"},
    )
    assert overleg.knelpunten.get().soort == KnelpuntSoort.INZICHT
    client.post(reverse("samenwerking:overleg-gehouden", args=[overleg.pk]))
    overleg.refresh_from_db()
    assert overleg.status == OverlegStatus.GEHOUDEN

    # The next meeting carries the open action; once done, the meeting after that does not.
    volgend = services.overleg_plannen(
        verband=world.wsv_a1, data=_plan_data(datum=VANDAAG + datetime.timedelta(days=80)), door=gm
    )
    assert volgend.agendapunten.filter(actiepunt=actie).exists()
    client.post(reverse("samenwerking:actiepunt-afronden", args=[actie.pk]), {"terug": volgend.pk})
    actie.refresh_from_db()
    assert actie.status == ActiepuntStatus.AFGEROND and actie.afgerond_op == VANDAAG
    daarna = services.overleg_plannen(
        verband=world.wsv_a1, data=_plan_data(datum=VANDAAG + datetime.timedelta(days=170)), door=gm
    )
    assert not daarna.agendapunten.filter(actiepunt=actie).exists()


def test_new_action_also_lands_on_an_already_planned_next_meeting(world):
    gm = world.users["gebiedsmanager"]
    nu = services.overleg_plannen(verband=world.wsv_a1, data=_plan_data(datum=VANDAAG), door=gm)
    later = services.overleg_plannen(
        verband=world.wsv_a1, data=_plan_data(datum=VANDAAG + datetime.timedelta(days=90)), door=gm
    )
    actie = services.actiepunt_toevoegen(
        overleg=nu,
        omschrijving="Afspraken apotheek",
        deadline=VANDAAG + datetime.timedelta(days=20),
        eigenaar=gm,
    )
    assert later.agendapunten.filter(actiepunt=actie).count() == 1


def test_final_notulen_lock_the_record(world, client, django_capture_on_commit_callbacks):
    overleg = _held(world)
    client.force_login(world.users["gebiedsmanager"])
    with django_capture_on_commit_callbacks() as taken:
        client.post(reverse("samenwerking:overleg-definitief", args=[overleg.pk]))
        client.post(reverse("samenwerking:overleg-definitief", args=[overleg.pk]))  # twice: one job
    assert len(taken) == 1
    overleg.refresh_from_db()
    assert overleg.notulen_definitief_op and overleg.notulen_pdf.status == PdfStatus.IN_WACHTRIJ
    r = client.post(
        reverse("samenwerking:overleg-knelpunt", args=[overleg.pk]),
        {"soort": "knelpunt", "omschrijving": "Te laat"},
    )
    assert r.status_code == 302 and not overleg.knelpunten.exists()
    assert client.get(reverse("samenwerking:overleg-update", args=[overleg.pk])).status_code == 302


def test_notulen_pdf_is_made_once_and_mailed_to_the_delegates_once(
    world, client, django_capture_on_commit_callbacks
):
    overleg = _held(world)
    punt = Agendapunt.objects.create(
        overleg=overleg, volgorde=1, titel=str(VAST_AGENDAPUNT), vast=True, notulen="Casus mevrouw B."
    )
    Aanwezigheid.objects.create(
        overleg=overleg, afgevaardigde=world.afgevaardigde_a1, status=Aanwezig.AANWEZIG
    )
    ActiepuntFactory(verband=world.wsv_a1, overleg=overleg, omschrijving="Overdracht regelen")
    assert punt.pk
    with django_capture_on_commit_callbacks():
        services.notulen_definitief_maken(overleg=overleg, door=world.users["gebiedsmanager"])
    notulen_pdf_task.apply(args=[overleg.pk])
    notulen_pdf_task.apply(args=[overleg.pk])  # a second delivery is skipped by the claim
    pdf = NotulenPdf.objects.get(overleg=overleg)
    assert pdf.status == PdfStatus.GEREED, pdf.foutmelding
    try:
        with pdf.bestand.open("rb") as f:
            tekst = "\n".join(p.extract_text() for p in PdfReader(f).pages)
        assert "Notulen WSV Wittevrouwenveld" in tekst and "Casus mevrouw B." in tekst
        assert "Overdracht regelen" in tekst and "Concept" not in tekst
        assert len(mail.outbox) == 1
        bericht = mail.outbox[0]
        assert bericht.to == [world.afgevaardigde_a1.contactpersoon.email]
        assert bericht.attachments[0][2] == "application/pdf"
        # Download: the delegate's practice staff read it; another gebied gets 404.
        client.force_login(world.users["praktijkmedewerker"])
        download = client.get(reverse("samenwerking:overleg-notulen-pdf", args=[overleg.pk]))
        assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
        assert download["Cache-Control"] == "private, no-store"
        client.force_login(world.users["praktijkmedewerker_ander_gebied"])
        assert client.get(reverse("samenwerking:overleg-notulen-pdf", args=[overleg.pk])).status_code == 404
    finally:
        pdf.bestand.delete(save=False)


def test_invitation_ics_opens_in_outlook_and_is_mailed_once_per_version(
    world, client, django_capture_on_commit_callbacks
):
    gm = world.users["gebiedsmanager"]
    gm.email = "anna@zio.nl"
    gm.save()
    overleg = services.overleg_plannen(verband=world.wsv_a1, data=_plan_data(), door=gm)
    ics = overleg_ics(overleg)
    assert b"\r\n" in ics and b"METHOD:REQUEST" in ics
    event = next(c for c in Calendar.from_ical(ics).walk("VEVENT"))
    assert str(event["uid"]) == f"wsv-overleg-{overleg.pk}@zio-wijksamenwerking"
    assert event["dtstart"].params["TZID"] == "Europe/Amsterdam"
    assert event["dtstart"].dt.hour == 16 and int(event["sequence"]) == 0
    assert "MAILTO:anna@zio.nl" in str(event["organizer"])
    deelnemers = event["attendee"] if isinstance(event["attendee"], list) else [event["attendee"]]
    assert [str(d) for d in deelnemers] == [f"MAILTO:{world.afgevaardigde_a1.contactpersoon.email}"]

    client.force_login(gm)
    with django_capture_on_commit_callbacks() as taken:
        client.post(reverse("samenwerking:overleg-uitnodiging", args=[overleg.pk]))
        client.post(reverse("samenwerking:overleg-uitnodiging", args=[overleg.pk]))
    assert len(taken) == 2  # both clicks queue a job: the claims make the second send nothing
    assert uitnodiging_task.apply(args=[overleg.pk, 0]).get() == 1
    assert uitnodiging_task.apply(args=[overleg.pk, 0]).get() == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].attachments[0][0] == "uitnodiging.ics"
    assert OverlegVerzending.objects.count() == 1

    # Moving the meeting raises SEQUENCE; the new invitation goes out once more.
    overleg.refresh_from_db()
    services.overleg_wijzigen(
        overleg=overleg,
        data={
            **_plan_data(starttijd="15:00"),
            "datum": overleg.datum,
            "starttijd": datetime.time(15),
            "eindtijd": datetime.time(16, 30),
        },
        door=gm,
    )
    overleg.refresh_from_db()
    assert overleg.uitnodiging_volgnummer == 1
    assert b"SEQUENCE:1" in overleg_ics(overleg)
    assert uitnodiging_task.apply(args=[overleg.pk, 1]).get() == 1
    assert uitnodiging_task.apply(args=[overleg.pk, 0]).get() == 0  # an outdated job sends nothing
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    ("rol", "verwacht"),
    [
        ("gebiedsmanager_b", 404),
        ("praktijkmedewerker_ander_gebied", 404),
        ("praktijkmedewerker", 403),
        ("projectleider", 403),
    ],
)
def test_idor_other_roles_cannot_change_a_meeting(world, client, rol, verwacht):
    overleg = services.overleg_plannen(
        verband=world.wsv_a1, data=_plan_data(datum=VANDAAG), door=world.users["gebiedsmanager"]
    )
    actie = ActiepuntFactory(verband=world.wsv_a1, overleg=overleg)
    client.force_login(world.users[rol])
    pogingen = [
        ("overleg-agenda", overleg.pk, {"wat": "toevoegen", "titel": "Inbraak"}),
        ("overleg-notulen", overleg.pk, {"algemeen": "Overschreven"}),
        ("overleg-actiepunt", overleg.pk, {"omschrijving": "x", "eigenaar": "u1", "deadline": "2030-01-01"}),
        ("overleg-definitief", overleg.pk, {}),
        ("overleg-uitnodiging", overleg.pk, {}),
        ("actiepunt-afronden", actie.pk, {}),
    ]
    for naam, pk, data in pogingen:
        assert client.post(reverse(f"samenwerking:{naam}", args=[pk]), data).status_code == verwacht, naam
    overleg.refresh_from_db()
    actie.refresh_from_db()
    assert overleg.notulen == "" and overleg.agendapunten.count() == 1
    assert not overleg.notulen_definitief_op and actie.status == ActiepuntStatus.OPEN


def test_a_huisartsen_verband_has_no_wsv_meeting_pages(world, client):
    client.force_login(world.users["beheerder"])
    assert client.get(reverse("samenwerking:overleg-create", args=[world.verband_a1.pk])).status_code == 404
    assert client.get(reverse("samenwerking:overleg-list", args=[world.verband_a1.pk])).status_code == 404


# Who holds the overleg permissions on a meeting of WSV A1 and of WSV B1 (the superuser always).
REGIO = {"beheerder", "beleidsadviseur", "projectleider"}
OVERLEG_RECHTEN = [
    (
        "samenwerking.view_overleg",
        "wsv_a1",
        REGIO | {"gebiedsmanager", "praktijkmedewerker", "praktijkmedewerker_buur"},
    ),
    ("samenwerking.view_overleg", "wsv_b1", REGIO | {"gebiedsmanager_b", "praktijkmedewerker_ander_gebied"}),
    ("samenwerking.change_overleg", "wsv_a1", {"beheerder", "gebiedsmanager"}),
    ("samenwerking.change_overleg", "wsv_b1", {"beheerder", "gebiedsmanager_b"}),
]


@pytest.mark.parametrize(("perm", "wsv", "houders"), OVERLEG_RECHTEN)
def test_overleg_permissions_per_role(world, perm, wsv, houders):
    overleg = OverlegFactory(verband=getattr(world, wsv))
    assert {k for k, u in world.users.items() if u.has_perm(perm, overleg)} == houders
    zichtbaar = {
        k for k, u in world.users.items() if Overleg.objects.zichtbaar_voor(u).filter(pk=overleg.pk).exists()
    }
    if perm == "samenwerking.view_overleg":
        assert zichtbaar == houders  # the list pages and the rule agree


def test_a_meeting_of_a_huisartsen_verband_is_not_changed_here(world):
    overleg = OverlegFactory(verband=world.verband_a1)
    assert not world.users["praktijkmedewerker"].has_perm("samenwerking.change_overleg", overleg)


def test_readers_may_have_the_pdf_of_final_notulen_made_but_not_of_a_concept(
    world, client, django_capture_on_commit_callbacks
):
    concept = _held(world)
    definitief = _held(world, notulen_definitief_op=timezone.now())
    client.force_login(world.users["praktijkmedewerker"])
    assert client.post(reverse("samenwerking:overleg-pdf", args=[concept.pk])).status_code == 403
    with django_capture_on_commit_callbacks() as taken:
        assert client.post(reverse("samenwerking:overleg-pdf", args=[definitief.pk])).status_code == 302
        assert client.post(reverse("samenwerking:overleg-pdf", args=[definitief.pk])).status_code == 302
    assert len(taken) == 1  # the second request finds the job queued
    assert NotulenPdf.objects.get(overleg=definitief).status == PdfStatus.IN_WACHTRIJ


def test_a_notulen_pdf_whose_file_is_gone_gives_a_dutch_404_page_to_make_it_again(world, client, caplog):
    from django.core.files.base import ContentFile

    overleg = _held(world, notulen_definitief_op=timezone.now())
    pdf = NotulenPdf(overleg=overleg, status=PdfStatus.GEREED, gereed_op=timezone.now())
    pdf.bestand.save(f"notulen-{overleg.pk}-weg.pdf", ContentFile(b"%PDF-1.4"), save=True)
    pdf.bestand.storage.delete(pdf.bestand.name)
    url = reverse("samenwerking:overleg-notulen-pdf", args=[overleg.pk])
    opnieuw = reverse("samenwerking:overleg-pdf", args=[overleg.pk])
    client.force_login(world.users["praktijkmedewerker"])  # a reader: final notulen may be made again
    with caplog.at_level("ERROR"):
        response = client.get(url)
    assert response.status_code == 404
    tekst = response.content.decode()
    assert "Bestand niet beschikbaar" in tekst and "Laat het opnieuw maken" in tekst
    assert f'action="{opnieuw}"' in tekst
    assert any("ontbreekt" in rec.getMessage() for rec in caplog.records)
    assert client.post(opnieuw).status_code == 302
    pdf.refresh_from_db()
    assert pdf.status == PdfStatus.IN_WACHTRIJ and pdf.pogingen == 0


def test_a_concept_pdf_whose_file_is_gone_offers_no_button_to_a_reader(world, client):
    from django.core.files.base import ContentFile

    overleg = _held(world)
    pdf = NotulenPdf(overleg=overleg, status=PdfStatus.GEREED, gereed_op=timezone.now())
    pdf.bestand.save(f"notulen-{overleg.pk}-weg.pdf", ContentFile(b"%PDF-1.4"), save=True)
    pdf.bestand.storage.delete(pdf.bestand.name)
    client.force_login(world.users["praktijkmedewerker"])
    response = client.get(reverse("samenwerking:overleg-notulen-pdf", args=[overleg.pk]))
    assert response.status_code == 404
    assert reverse("samenwerking:overleg-pdf", args=[overleg.pk]) not in response.content.decode()


def test_the_meeting_page_says_the_pdf_is_being_retried(world, client):
    overleg = _held(world)
    NotulenPdf.objects.create(overleg=overleg, status=PdfStatus.BEZIG, pogingen=2, gestart_op=timezone.now())
    client.force_login(world.users["gebiedsmanager"])
    tekst = client.get(reverse("samenwerking:overleg-detail", args=[overleg.pk])).content.decode()
    assert "Opnieuw geprobeerd, poging 2 van 3" in tekst
