"""Check/Act: drafting, editing and sending a terugkoppeling; the projectleider's RESV choice; reminders."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samenwerking.constants import ActiepuntStatus, KnelpuntStatus, OverlegStatus, TerugkoppelingStatus
from samenwerking.models import ActiepuntHerinnering, Besluitvorming, GebiedTerugkoppeling
from samenwerking.overleggen import herinneringen
from samenwerking.tasks import actiepunt_herinneringen_task, terugkoppeling_verzonden_mail_task
from samenwerking.terugkoppeling import services
from tests.samenwerking.factories import ActiepuntFactory, KnelpuntFactory, OverlegFactory, WsvFactory
from tests.wijken.factories import ContactpersoonFactory, GebiedFactory, WijkFactory

pytestmark = pytest.mark.django_db

VAN, TOT = datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)


@pytest.fixture
def concept(world, users):
    overleg = OverlegFactory(
        verband=world.wsv_a1, datum=datetime.date(2026, 2, 10), status=OverlegStatus.GEHOUDEN
    )
    Besluitvorming.objects.create(overleg=overleg, tekst="Vaste contactpersoon wijkverpleging per praktijk.")
    ActiepuntFactory(verband=world.wsv_a1, overleg=overleg, omschrijving="Sociale kaart delen")
    KnelpuntFactory(verband=world.wsv_a1, overleg=overleg, omschrijving="Wachttijd wijkverpleging")
    KnelpuntFactory(verband=world.wsv_b1, overleg=None, omschrijving="Knelpunt in gebied B")
    return services.terugkoppeling_opstellen(
        gebied=world.gebied_a, periode_van=VAN, periode_tot=TOT, door=users["gebiedsmanager"]
    )


def test_draft_has_a_line_per_wsv_from_meetings_and_knelpunten(world, concept):
    regel = concept.regels.get()
    assert regel.verband == world.wsv_a1
    assert "10-02-2026" in regel.bevindingen and "Wachttijd wijkverpleging" in regel.bevindingen
    assert "Vaste contactpersoon" in regel.acties and "Sociale kaart delen" in regel.acties
    assert "gebied B" not in regel.bevindingen
    assert concept.status == TerugkoppelingStatus.CONCEPT


def test_same_period_twice_is_a_form_error(world, users, concept):
    with pytest.raises(ValidationError) as fout:
        services.terugkoppeling_opstellen(
            gebied=world.gebied_a, periode_van=VAN, periode_tot=TOT, door=users["gebiedsmanager"]
        )
    assert "periode_van" in fout.value.message_dict


def test_edit_add_remove_then_send_makes_it_read_only_and_mails_once(
    world, users, concept, django_capture_on_commit_callbacks
):
    gm = users["gebiedsmanager"]
    users["projectleider"].email = "pl@example.nl"
    users["projectleider"].save()
    regel = concept.regels.get()
    services.terugkoppelingregel_wijzigen(regel=regel, bevindingen="Eigen tekst", acties="", door=gm)
    with pytest.raises(ValidationError):
        services.terugkoppelingregel_wijzigen(regel=regel, bevindingen=" ", acties="", door=gm)
    services.terugkoppelingregel_verwijderen(regel=regel, door=gm)
    with pytest.raises(ValidationError):
        services.terugkoppeling_verzenden(terugkoppeling=concept, door=gm)  # no lines
    services.terugkoppelingregel_toevoegen(
        terugkoppeling=concept, verband=world.wsv_a1, bevindingen="Terug", acties="Actie", door=gm
    )
    with pytest.raises(ValidationError) as fout:
        services.terugkoppelingregel_toevoegen(
            terugkoppeling=concept, verband=world.wsv_b1, bevindingen="x", acties="", door=gm
        )
    assert "verband" in fout.value.message_dict
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.terugkoppeling_verzenden(terugkoppeling=concept, door=gm)
    assert len(callbacks) == 1, "the mail task is queued after the commit"
    # What the worker runs: the task itself (the real worker is exercised in tests/zio_portal/test_celery.py).
    assert terugkoppeling_verzonden_mail_task.apply(args=[concept.pk]).get() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["pl@example.nl"]
    assert reverse("samenwerking:terugkoppeling-detail", args=[concept.pk]) in mail.outbox[0].body
    assert terugkoppeling_verzonden_mail_task.apply(args=[concept.pk]).get() == 0, "the task ran twice"
    assert len(mail.outbox) == 1
    with pytest.raises(ValidationError):
        services.terugkoppelingregel_wijzigen(
            regel=concept.regels.get(), bevindingen="Later", acties="", door=gm
        )
    assert not users["gebiedsmanager"].has_perm(
        "samenwerking.change_gebiedterugkoppeling", concept.__class__.objects.get(pk=concept.pk)
    )


def test_sending_marks_the_knelpunten_it_carries_as_passed_to_the_projectleider(world, users):
    gm = users["gebiedsmanager"]
    knelpunt_nu = KnelpuntFactory(verband=world.wsv_a1, gemeld_op=datetime.date(2026, 2, 1))
    oud_open = KnelpuntFactory(verband=world.wsv_a1, overleg=None, gemeld_op=datetime.date(2025, 6, 1))
    al_gemeld = KnelpuntFactory(
        verband=world.wsv_a1,
        overleg=None,
        gemeld_op=datetime.date(2026, 1, 5),
        naar_projectleider_op=datetime.date(2026, 1, 20),
    )
    oud_opgelost = KnelpuntFactory(
        verband=world.wsv_a1,
        overleg=None,
        gemeld_op=datetime.date(2025, 6, 1),
        status=KnelpuntStatus.OPGELOST,
    )
    later = KnelpuntFactory(verband=world.wsv_a1, overleg=None, gemeld_op=datetime.date(2026, 4, 2))
    ander_gebied = KnelpuntFactory(verband=world.wsv_b1, overleg=None, gemeld_op=datetime.date(2026, 2, 1))
    concept = services.terugkoppeling_opstellen(
        gebied=world.gebied_a, periode_van=VAN, periode_tot=TOT, door=gm
    )
    assert knelpunt_nu.omschrijving in concept.regels.get().bevindingen
    knelpunt_nu.refresh_from_db()
    assert knelpunt_nu.naar_projectleider_op is None, "a concept passes nothing on yet"

    services.terugkoppeling_verzenden(terugkoppeling=concept, door=gm)
    vandaag = timezone.localdate()
    for knelpunt in (knelpunt_nu, oud_open, al_gemeld, oud_opgelost, later, ander_gebied):
        knelpunt.refresh_from_db()
    assert knelpunt_nu.naar_projectleider_op == vandaag
    assert oud_open.naar_projectleider_op == vandaag, "an older knelpunt still open goes along"
    assert al_gemeld.naar_projectleider_op == datetime.date(2026, 1, 20), "the first time counts"
    assert oud_opgelost.naar_projectleider_op is None
    assert later.naar_projectleider_op is None and ander_gebied.naar_projectleider_op is None
    assert knelpunt_nu.history.first().history_user == gm


def test_sending_does_not_mark_knelpunten_of_a_removed_line(world, users):
    gm = users["gebiedsmanager"]
    knelpunt = KnelpuntFactory(verband=world.wsv_a1, gemeld_op=datetime.date(2026, 2, 1))
    tweede = WsvFactory(wijk=world.wsv_a1.wijk, naam="WSV tweede")
    blijft = KnelpuntFactory(verband=tweede, gemeld_op=datetime.date(2026, 2, 1))
    concept = services.terugkoppeling_opstellen(
        gebied=world.gebied_a, periode_van=VAN, periode_tot=TOT, door=gm
    )
    services.terugkoppelingregel_verwijderen(regel=concept.regels.get(verband=world.wsv_a1), door=gm)
    services.terugkoppeling_verzenden(terugkoppeling=concept, door=gm)
    knelpunt.refresh_from_db()
    blijft.refresh_from_db()
    assert knelpunt.naar_projectleider_op is None
    assert blijft.naar_projectleider_op == timezone.localdate()


def test_resv_choice_only_after_sending_and_by_the_projectleider(world, users, concept, client):
    regel = concept.regels.get()
    pl = users["projectleider"]
    with pytest.raises(ValidationError):
        services.terugkoppelingregel_resv_bijwerken(
            regel=regel, naar_resv=True, resv_besproken_op=None, resv_uitkomst="", door=pl
        )
    services.terugkoppeling_verzenden(terugkoppeling=concept, door=users["gebiedsmanager"])
    client.force_login(users["gebiedsmanager"])
    url = reverse("samenwerking:terugkoppelingregel-resv", args=[regel.pk])
    assert client.post(url, {"naar_resv": "on"}).status_code == 403
    client.force_login(pl)
    response = client.post(url, {"resv_besproken_op": "2026-05-12", "resv_uitkomst": "Besproken"})
    assert response.status_code == 200 and "Markeer de regel" in response.content.decode()
    resv_dag = timezone.localdate() + datetime.timedelta(days=7)
    response = client.post(
        url,
        {"naar_resv": "on", "resv_besproken_op": resv_dag.isoformat(), "resv_uitkomst": "Regionale aanpak"},
    )
    assert response.status_code == 302
    regel.refresh_from_db()
    assert regel.naar_resv and regel.resv_besproken_op == resv_dag
    export = client.get(reverse("samenwerking:resv-export") + f"?periode={VAN}_{TOT}")
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxml")


PER_OBJECT = [
    # (permission, status, holders among the world's users)
    ("samenwerking.view_gebiedterugkoppeling", "concept", {"beheerder", "gebiedsmanager"}),
    (
        "samenwerking.view_gebiedterugkoppeling",
        "verzonden",
        {"beheerder", "beleidsadviseur", "projectleider", "gebiedsmanager"},
    ),
    ("samenwerking.change_gebiedterugkoppeling", "concept", {"beheerder", "gebiedsmanager"}),
    (
        "samenwerking.change_gebiedterugkoppeling",
        "verzonden",
        {"beheerder"},
    ),  # superuser; the service refuses
    ("samenwerking.resv_gebiedterugkoppeling", "concept", {"beheerder"}),
    ("samenwerking.resv_gebiedterugkoppeling", "verzonden", {"beheerder", "projectleider"}),
]


@pytest.mark.parametrize(("perm", "status", "houders"), PER_OBJECT)
def test_terugkoppeling_permissions_per_role(world, users, perm, status, houders):
    t = GebiedTerugkoppeling.objects.create(
        gebied=world.gebied_a, periode_van=VAN, periode_tot=TOT, status=status
    )
    alle = {**users, "anoniem": AnonymousUser()}
    assert {k for k, u in alle.items() if u.has_perm(perm, t)} == houders
    zichtbaar = {
        k for k, u in alle.items() if GebiedTerugkoppeling.objects.zichtbaar_voor(u).filter(pk=t.pk).exists()
    }
    if perm.endswith("view_gebiedterugkoppeling"):
        assert zichtbaar == houders


def test_idor_gebiedsmanager_b_cannot_open_or_edit_gebied_a(world, users, concept, client):
    client.force_login(users["gebiedsmanager_b"])
    regel = concept.regels.get()
    assert client.get(reverse("samenwerking:terugkoppeling-detail", args=[concept.pk])).status_code == 404
    assert (
        client.post(
            reverse("samenwerking:terugkoppelingregel-update", args=[regel.pk]), {"bevindingen": "x"}
        ).status_code
        == 404
    )
    assert client.post(reverse("samenwerking:terugkoppeling-verzenden", args=[concept.pk])).status_code == 404
    concept.refresh_from_db()
    assert concept.status == TerugkoppelingStatus.CONCEPT


def test_sending_and_removing_a_line_ask_for_confirmation_first(world, users, concept, client):
    client.force_login(users["gebiedsmanager"])
    regel = concept.regels.get()
    detail = client.get(reverse("samenwerking:terugkoppeling-detail", args=[concept.pk])).content.decode()
    verzenden = reverse("samenwerking:terugkoppeling-verzenden", args=[concept.pk])
    verwijderen = reverse("samenwerking:terugkoppelingregel-delete", args=[regel.pk])
    assert f'href="{verzenden}"' in detail and f'href="{verwijderen}"' in detail, "links, not direct POSTs"

    pagina = client.get(verzenden).content.decode()
    assert f"Terugkoppeling {world.gebied_a.naam} verzenden?" in pagina and "met 1 regel." in pagina
    pagina = client.get(verwijderen).content.decode()
    assert f"Regel van {world.wsv_a1.naam} verwijderen?" in pagina
    concept.refresh_from_db()
    assert concept.status == TerugkoppelingStatus.CONCEPT and concept.regels.filter(pk=regel.pk).exists()

    assert client.post(verwijderen).status_code == 302
    assert not concept.regels.exists()


def _gebied_met_verzonden_terugkoppeling(regio_gemeente, n: int):
    gebied = GebiedFactory(gemeente=regio_gemeente)
    t = GebiedTerugkoppeling.objects.create(
        gebied=gebied,
        periode_van=VAN,
        periode_tot=TOT,
        status="verzonden",
        verzonden_op=datetime.datetime(2026, 4, 10, tzinfo=datetime.UTC),
        samenvatting="S",
    )
    for _i in range(n):
        wsv = WsvFactory(wijk=WijkFactory(gebied=gebied))
        t.regels.create(verband=wsv, bevindingen="B", acties="A")


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_side_by_side_and_composition_pages_query_counts_are_constant(world, users, client):
    client.force_login(users["projectleider"])
    _gebied_met_verzonden_terugkoppeling(world.gemeente, 1)
    overzicht = reverse("samenwerking:terugkoppeling-overzicht")
    lijst = reverse("samenwerking:terugkoppeling-list")
    samenstelling = reverse("samenwerking:samenstelling", args=[world.wsv_a1.pk])
    een = [_queries(client, u) for u in (overzicht, lijst, samenstelling)]
    for _i in range(9):
        _gebied_met_verzonden_terugkoppeling(world.gemeente, 3)
    from tests.samenwerking.factories import AfgevaardigdeFactory
    from wijken.constants import Beroepsgroep

    for groep in (Beroepsgroep.APOTHEKER, Beroepsgroep.DIETIST, Beroepsgroep.GGZ):
        AfgevaardigdeFactory(verband=world.wsv_a1, beroepsgroep=groep, einde_op=datetime.date(2025, 6, 1))
        AfgevaardigdeFactory(verband=world.wsv_a1, beroepsgroep=groep, mandaat_op=datetime.date(2025, 6, 1))
    tien = [_queries(client, u) for u in (overzicht, lijst, samenstelling)]
    assert een == tien, f"1x {een} vs 10x {tien}"
    assert max(tien) <= 12, tien


def test_actiepunt_reminders_once_before_and_once_after_the_deadline(world, users):
    vandaag = datetime.date(2026, 5, 10)
    gm = users["gebiedsmanager"]
    gm.email = "gm@example.nl"
    gm.save()
    contact = ContactpersoonFactory(
        praktijk=world.praktijk_a1, email="delegate@example.nl", naam="Fysio Fien"
    )
    overleg = OverlegFactory(
        verband=world.wsv_a1, datum=datetime.date(2026, 4, 1), status=OverlegStatus.GEHOUDEN
    )
    binnenkort = ActiepuntFactory(
        verband=world.wsv_a1, overleg=overleg, eigenaar=gm, deadline=vandaag + datetime.timedelta(days=3)
    )
    verlopen = ActiepuntFactory(
        verband=world.wsv_a1, overleg=overleg, eigenaar=gm, deadline=vandaag - datetime.timedelta(days=1)
    )
    ActiepuntFactory(
        verband=world.wsv_a1, overleg=overleg, eigenaar=None, eigenaar_contact=contact, deadline=vandaag
    )
    ActiepuntFactory(
        verband=world.wsv_a1, overleg=overleg, eigenaar=gm, deadline=vandaag + datetime.timedelta(days=10)
    )
    ActiepuntFactory(
        verband=world.wsv_a1,
        overleg=overleg,
        eigenaar=gm,
        deadline=vandaag,
        status=ActiepuntStatus.AFGEROND,
        afgerond_op=vandaag,
    )

    assert herinneringen.actiepunt_herinneringen_versturen(vandaag=vandaag) == 2, "a digest per person"
    per_adres = {m.to[0]: m for m in mail.outbox}
    assert set(per_adres) == {"gm@example.nl", "delegate@example.nl"}
    body = per_adres["gm@example.nl"].body
    assert binnenkort.omschrijving in body and verlopen.omschrijving in body and "verstreken" in body
    assert body.count("http") == 2, "only the two due, open actions of this owner"
    assert all(m.extra_headers["Auto-Submitted"] == "auto-generated" for m in mail.outbox)

    assert herinneringen.actiepunt_herinneringen_versturen(vandaag=vandaag) == 0, (
        "the job ran twice: no second mail"
    )
    assert len(mail.outbox) == 2
    # After the deadlines passed, the actions reminded "before" get their one "after" reminder (the
    # gebiedsmanager's and the delegate's); the action already reminded "after" is not repeated.
    assert (
        herinneringen.actiepunt_herinneringen_versturen(
            vandaag=binnenkort.deadline + datetime.timedelta(days=1)
        )
        == 2
    )
    assert ActiepuntHerinnering.objects.filter(actiepunt=binnenkort).count() == 2


def test_reminder_task_runs_the_service(world, users):
    """The beat entry's task: with nothing due it sends nothing, and it is scheduled daily."""
    from django.conf import settings

    assert actiepunt_herinneringen_task.apply().get() == 0
    entry = settings.CELERY_BEAT_SCHEDULE["actiepunt-herinneringen"]
    assert entry["task"] == "samenwerking.tasks.actiepunt_herinneringen_task"
