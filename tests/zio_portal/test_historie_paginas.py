"""The history of users, answers, questions, sections and PDCA steps shows on their pages: who changed
what and when, only for those who may see the object, in a constant number of queries."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from simple_history.models import HistoricalRecords

from monitoring.models import Antwoord
from monitoring.vragenlijsten import services as vragenlijst_services
from samenwerking.models import PdcaStap
from tests.monitoring.factories import VraagFactory
from tests.monitoring.url_cases import monitoring_world
from tests.wijken.factories import PraktijkmedewerkerFactory
from zio_portal.constants import Rol

pytestmark = pytest.mark.django_db


class _Verzoek:
    def __init__(self, user):
        self.user = user


def _als(user):
    """Rows saved in the block carry ``user`` in their history, as a request by that user would."""

    class _Blok:
        def __enter__(self):
            HistoricalRecords.context.request = _Verzoek(user)

        def __exit__(self, *exc):
            del HistoricalRecords.context.request

    return _Blok()


def _tekst(response) -> str:
    """The page's history section(s) as text, tags removed and spaces collapsed."""
    assert response.status_code == 200
    secties = re.findall(
        r'<section[^>]*id="wijzigingen[^"]*">(.*?)</section>', response.content.decode(), re.S
    )
    assert secties, "no history section on the page"
    zichtbaar = re.sub(r'<span class="visually-hidden">[^<]*</span>', "", " ".join(secties))
    tekst = re.sub(r"<[^>]+>", "", zichtbaar)
    return re.sub(r"\s+", " ", tekst)


def test_the_questionnaire_page_shows_who_added_and_changed_sections_and_questions(world, client):
    beleid = world.users["beleidsadviseur"]
    vraag = VraagFactory(code="patienten", tekst="Hoeveel patiënten?")
    vragenlijst = vraag.vragenlijst
    client.force_login(beleid)
    url = reverse("monitoring:vragenlijst-detail", args=[vragenlijst.pk])
    assert client.post(url, {"actie": "sectie", "titel": "Bereikbaarheid"}).status_code == 302
    vraag.tekst = "Hoeveel ingeschreven patiënten?"
    vraag._history_user = beleid
    vraag.save()

    tekst = _tekst(client.get(url))
    assert "Wijzigingen in secties en vragen" in tekst
    assert f"{beleid} aangemaakt: sectie „Bereikbaarheid”" in tekst
    assert f"{beleid} gewijzigd: vraag patienten (vraag: Hoeveel patiënten? → Hoeveel ingeschreven" in tekst

    # The page is the beheer's: practice staff and gebiedsmanagers get no page, so no history.
    for andere in ("praktijkmedewerker", "gebiedsmanager", "projectleider"):
        client.force_login(world.users[andere])
        assert client.get(url).status_code in (403, 404), andere


def test_an_import_over_submitted_answers_shows_the_old_values_and_who_imported(world, client):
    w = monitoring_world(world)
    vraag = w.ronde.vragenlijst.vragen.get()
    medewerker, beleid = world.users["praktijkmedewerker"], world.users["beleidsadviseur"]
    with _als(medewerker):
        vragenlijst_services.respons_opslaan(
            ronde=w.ronde, praktijk=w.praktijk_a1, waarden={vraag: 3}, indienen=False, door=medewerker
        )
    with _als(beleid):
        vragenlijst_services.responsen_importeren(ronde=w.ronde, rijen=[(w.praktijk_a1, {vraag: 6200})])
    assert Antwoord.objects.get(respons=w.respons_a1).getal == Decimal(6200)

    url = reverse("monitoring:respons-detail", args=[w.respons_a1.pk])
    client.force_login(medewerker)
    tekst = _tekst(client.get(url))
    assert "Wijzigingen in de antwoorden" in tekst
    assert f"{beleid} gewijzigd: antwoord op {vraag.code} (getal: 3 → 6200)" in tekst
    assert f"{medewerker} aangemaakt: antwoord op {vraag.code}" in tekst

    # Another practice's staff and a gebiedsmanager cannot open the answers, so not their history.
    for andere in ("praktijkmedewerker_buur", "gebiedsmanager", "projectleider"):
        client.force_login(world.users[andere])
        assert client.get(url).status_code == 404, andere


def test_the_answers_history_costs_the_same_queries_for_one_change_or_many(world, client):
    w = monitoring_world(world)
    vraag = w.ronde.vragenlijst.vragen.get()
    antwoord = Antwoord.objects.create(respons=w.respons_a1, vraag=vraag, getal=1)
    url = reverse("monitoring:respons-detail", args=[w.respons_a1.pk])
    client.force_login(world.users["praktijkmedewerker"])
    client.get(url)
    with CaptureQueriesContext(connection) as een:
        client.get(url)
    for getal in range(2, 12):
        antwoord.getal = getal
        antwoord.save()
    with CaptureQueriesContext(connection) as veel:
        tekst = _tekst(client.get(url))
    assert "(getal: 10 → 11)" in tekst
    assert len(veel) == len(een)


def test_the_verband_page_shows_who_changed_a_pdca_step(world, client):
    medewerker = world.users["praktijkmedewerker"]
    verband = world.verband_a1
    stap = PdcaStap.objects.filter(soort=verband.soort).order_by("nummer").first()
    client.force_login(medewerker)
    url = reverse("samenwerking:verband-stap", args=[verband.pk, stap.pk])
    client.post(url, {"status": "gestart", "notitie": "Startbijeenkomst"})
    client.post(url, {"status": "afgerond", "notitie": "Startbijeenkomst gehouden"})

    detail = reverse("samenwerking:verband-detail", args=[verband.pk])
    client.force_login(world.users["gebiedsmanager"])
    tekst = _tekst(client.get(detail))
    assert "Wijzigingen in het stappenplan" in tekst
    assert f"{medewerker} gewijzigd: stap {stap.nummer} (" in tekst
    assert "status: Gestart → Afgerond" in tekst

    # Outside the gebied the verband, and so its history, is not there.
    client.force_login(world.users["gebiedsmanager_b"])
    assert client.get(detail).status_code == 404


def test_the_user_page_shows_role_and_scope_changes_with_who_made_them(world, client):
    beheerder = world.users["beheerder"]
    gm = world.users["gebiedsmanager_b"]
    with _als(beheerder):
        gm.rol = Rol.PROJECTLEIDER
        gm.save()
        world.gebied_a.gebiedsmanagers.add(gm)
        world.gebied_b.gebiedsmanagers.remove(gm)
        PraktijkmedewerkerFactory(user=gm, praktijk=world.praktijk_b1)

    url = reverse("beveiliging:gebruiker-detail", args=[gm.pk])
    client.force_login(beheerder)
    tekst = _tekst(client.get(url))
    assert f"{beheerder} gewijzigd: Account (rol)" in tekst
    assert f"{beheerder} gewijzigd: gebied {world.gebied_a.naam} (gebiedsmanagers: zonder" in tekst
    assert (
        f"{beheerder} gewijzigd: gebied {world.gebied_b.naam} (gebiedsmanagers: met deze gebruiker → zonder"
        in tekst
    )
    assert f"{beheerder} aangemaakt: medewerker van {world.praktijk_b1.naam}" in tekst

    for andere in ("beleidsadviseur", "projectleider", "gebiedsmanager", "praktijkmedewerker"):
        client.force_login(world.users[andere])
        assert client.get(url).status_code == 403, andere


def test_a_step_date_reads_as_a_date():
    import datetime

    from zio_portal.history import als_tekst

    assert als_tekst(datetime.date(2026, 3, 12)) == "12 maart 2026"
    assert als_tekst(Decimal("6200.00")) == "6200"
    assert als_tekst(None) == "–"
