"""Monitoring views: filling in, results as aggregates, import, visits; IDOR and query counts."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from monitoring.bezoeken.tasks import bezoek_uitnodiging_task
from monitoring.constants import ResponsBron, ResponsStatus, VraagType
from monitoring.models import Antwoord, Respons
from monitoring.vragenlijsten.services import respons_opslaan, vragenlijst_kopieren
from tests.monitoring.factories import (
    PraktijkbezoekFactory,
    ResponsFactory,
    RondeFactory,
    SectieFactory,
    VraagFactory,
    VragenlijstFactory,
)
from tests.wijken.factories import PraktijkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ronde(world):
    """An open round this year with one question of each type, and last year's round (copied)."""
    vandaag = timezone.localdate()
    vorig = VragenlijstFactory(jaar=vandaag.year - 1)
    sectie = SectieFactory(vragenlijst=vorig, titel="Samenwerking")
    VraagFactory(sectie=sectie, code="SW01", type=VraagType.SCHAAL)
    VraagFactory(sectie=sectie, code="SW02", type=VraagType.JA_NEE, tekst="Heeft u een waarneemregeling?")
    VraagFactory(
        sectie=sectie,
        code="SW03",
        type=VraagType.MEERKEUZE,
        opties=["Wekelijks", "Maandelijks"],
        tekst="Hoe vaak?",
    )
    VraagFactory(sectie=sectie, code="ALG01", type=VraagType.GETAL, tekst="Aantal patiënten?")
    VraagFactory(sectie=sectie, code="OPEN1", type=VraagType.OPEN, tekst="Opmerkingen?", verplicht=False)
    vorige = RondeFactory(vragenlijst=vorig)
    dit = vragenlijst_kopieren(vragenlijst=vorig, jaar=vandaag.year)
    nu = RondeFactory(
        vragenlijst=dit,
        opent_op=vandaag - datetime.timedelta(days=5),
        sluit_op=vandaag + datetime.timedelta(days=5),
    )
    nu.vorige = vorige
    return nu


def _antwoorden(**extra):
    data = {"SW01": "4", "SW02": "ja", "SW03": "Maandelijks", "ALG01": "2100", "OPEN1": ""}
    data.update(extra)
    return data


def test_vragenlijst_kopieren_keeps_the_codes(ronde):
    codes = set(ronde.vragenlijst.vragen.values_list("code", flat=True))
    assert codes == set(ronde.vorige.vragenlijst.vragen.values_list("code", flat=True))
    assert ronde.vragenlijst.gebaseerd_op == ronde.vorige.vragenlijst


def test_practice_saves_a_draft_then_submits_and_it_becomes_read_only(world, ronde, client):
    client.force_login(world.users["praktijkmedewerker"])
    url = reverse("monitoring:respons-invullen", args=[ronde.pk, world.praktijk_a1.pk])
    # A draft may be incomplete; an invalid number is reported next to the field and the input kept.
    response = client.post(url, {"SW01": "3", "ALG01": "veel", "actie": "opslaan"})
    assert response.status_code == 200
    assert "Vul een getal in" in response.content.decode()
    assert 'value="veel"' in response.content.decode()
    assert not Respons.objects.exists()

    response = client.post(url, {"SW01": "3", "actie": "opslaan"})
    assert response.status_code == 302
    respons = Respons.objects.get()
    assert respons.status == ResponsStatus.CONCEPT
    assert respons.antwoorden.get().getal == 3

    # Submitting with required questions missing fails, per question, and saves nothing new.
    response = client.post(url, {"SW01": "5", "actie": "indienen"})
    assert response.status_code == 200
    assert response.content.decode().count("Deze vraag is verplicht.") == 3
    respons.refresh_from_db()
    assert respons.status == ResponsStatus.CONCEPT and respons.antwoorden.get().getal == 3

    response = client.post(url, {**_antwoorden(), "actie": "indienen"})
    assert response.status_code == 302
    respons.refresh_from_db()
    assert (
        respons.status == ResponsStatus.INGEDIEND
        and respons.ingediend_door == world.users["praktijkmedewerker"]
    )
    assert respons.antwoorden.count() == 4

    assert client.post(url, {**_antwoorden(SW01="1"), "actie": "opslaan"}).status_code == 403
    assert respons.antwoorden.get(vraag__code="SW01").getal == 4
    assert "Indienen" not in client.get(url).content.decode()


def test_last_years_answer_is_shown_beside_this_years(world, ronde, client):
    vorig = ResponsFactory(ronde=ronde.vorige, praktijk=world.praktijk_a1, ingediend=True)
    Antwoord.objects.create(
        respons=vorig, vraag=ronde.vorige.vragenlijst.vragen.get(code="SW03"), tekst="Wekelijks"
    )
    client.force_login(world.users["praktijkmedewerker"])
    html = client.get(
        reverse("monitoring:respons-invullen", args=[ronde.pk, world.praktijk_a1.pk])
    ).content.decode()
    assert f"Uw antwoord in {ronde.vorige.vragenlijst.jaar}" in html
    assert "Wekelijks" in html.split("SW03")[-1]


def test_idor_another_practices_respons_and_bezoek(world, ronde, client):
    """Staff of the neighbouring practice (same wijk) and of another wijk cannot reach A1's data."""
    respons = ResponsFactory(ronde=ronde, praktijk=world.praktijk_a1)
    bezoek = PraktijkbezoekFactory(praktijk=world.praktijk_a1, gehouden=True, gedeeld_op=timezone.now())
    client.force_login(world.users["praktijkmedewerker_buur"])
    assert client.get(reverse("monitoring:respons-detail", args=[respons.pk])).status_code == 404
    assert client.get(reverse("monitoring:bezoek-detail", args=[bezoek.pk])).status_code == 404
    assert client.post(reverse("monitoring:bezoek-gezien", args=[bezoek.pk])).status_code == 404
    # the practice is visible to its wijk neighbour, but only its own staff fill in: 403
    url = reverse("monitoring:respons-invullen", args=[ronde.pk, world.praktijk_a1.pk])
    assert client.post(url, {**_antwoorden(), "actie": "opslaan"}).status_code == 403
    client.force_login(world.users["praktijkmedewerker_ander_gebied"])
    assert client.get(url).status_code == 404
    bezoek.refresh_from_db()
    assert bezoek.gezien_op is None and respons.antwoorden.count() == 0


def _ingediend(ronde, praktijk, sw01: int):
    return respons_opslaan(
        ronde=ronde,
        praktijk=praktijk,
        waarden={
            v: w
            for v in ronde.vragenlijst.vragen.all()
            if (w := {"SW01": sw01, "SW02": True, "SW03": "Wekelijks", "ALG01": 1000}.get(v.code)) is not None
        }
        | dict.fromkeys(ronde.vragenlijst.vragen.filter(code="OPEN1")),
        indienen=True,
        door=None,
    )


def test_results_are_aggregates_and_practice_sees_own_answers(world, ronde, client):
    _ingediend(ronde, world.praktijk_a1, 5)
    _ingediend(ronde, world.praktijk_a1_buur, 1)
    _ingediend(ronde, world.praktijk_b1, 3)
    client.force_login(world.users["praktijkmedewerker"])
    html = client.get(reverse("monitoring:resultaten", args=[ronde.pk])).content.decode()
    assert "<svg" in html and "<title>SW01" in html
    assert "Uw praktijk" in html
    # wijk A1 has only two submitted responses: its totals are held back, the neighbour's "1" stays hidden
    assert "minder dan drie praktijken" in html
    assert "Praktijk Oranjeplein" not in html
    assert "Regio " in html


def test_response_rate_counts_each_practice_once_whatever_its_earlier_rounds(world, ronde):
    """A practice that also answered last year's round is one practice, not two."""
    from monitoring.vragenlijsten.selectors import resultaten
    from wijken.models import Praktijk

    vorige = ronde.vorige
    for praktijk in (world.praktijk_a1, world.praktijk_a1_buur):
        _ingediend(vorige, praktijk, 3)
    _ingediend(ronde, world.praktijk_a1, 4)
    uitslag = resultaten(user=world.users["beleidsadviseur"], ronde=ronde, met_grafieken=False)
    assert uitslag.regio_respons["praktijken"] == Praktijk.objects.filter(actief=True).count()
    assert uitslag.regio_respons["ingediend"] == 1
    wijk_a1 = next(r for r in uitslag.respons_per_wijk if r["wijk"] == world.wijk_a1)
    assert (wijk_a1["praktijken"], wijk_a1["ingediend"]) == (
        Praktijk.objects.filter(actief=True, wijk=world.wijk_a1).count(),
        1,
    )


def test_results_are_kept_in_the_cache_until_the_data_changes(world, ronde, client):
    """A second request reads the results from the cache (no aggregate queries); a new response, a
    renamed wijk, show at once; every gebiedsmanager keeps their own entry (their own wijken)."""
    _ingediend(ronde, world.praktijk_a1, 4)
    url = reverse("monitoring:resultaten", args=[ronde.pk])
    client.force_login(world.users["beleidsadviseur"])
    with CaptureQueriesContext(connection) as eerste:
        assert client.get(url).context["r"].regio_respons["ingediend"] == 1
    with CaptureQueriesContext(connection) as tweede:
        response = client.get(url)
    assert response.context["r"].regio_respons["ingediend"] == 1
    assert not any("monitoring_antwoord" in q["sql"] for q in tweede.captured_queries)
    assert len(tweede.captured_queries) < len(eerste.captured_queries)
    # The projectleider (another region role) shares the entry; the figures are the same.
    client.force_login(world.users["projectleider"])
    assert client.get(url).context["r"].regio_respons["ingediend"] == 1
    # A new response and a renamed wijk: the next request computes again.
    _ingediend(ronde, world.praktijk_b1, 3)
    world.wijk_b1.naam = "Malberg-Noord"
    world.wijk_b1.save()
    r = client.get(url).context["r"]
    assert r.regio_respons["ingediend"] == 2
    assert "Malberg-Noord" in {rij["wijk"].naam for rij in r.respons_per_wijk}
    # Each gebiedsmanager: the wijken of their own gebied, never those of the other one's entry.
    for rol, gebied in (("gebiedsmanager", world.gebied_a), ("gebiedsmanager_b", world.gebied_b)):
        client.force_login(world.users[rol])
        r = client.get(url).context["r"]
        assert {w.gebied_id for w in r.wijken} == {gebied.pk}, rol


def test_results_export_is_an_excel_workbook(world, ronde, client):
    _ingediend(ronde, world.praktijk_a1, 4)
    client.force_login(world.users["beleidsadviseur"])
    response = client.get(reverse("monitoring:resultaten-export", args=[ronde.pk]))
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames[:3] == ["Respons", "Verdeling", "Getallen"]
    rijen = list(wb["Verdeling"].iter_rows(values_only=True))
    assert ("SW01", rijen[1][1], f"Regio {ronde.vragenlijst.jaar}", "4", 1) in rijen


@pytest.mark.parametrize("schaal", [1, 10])
def test_results_and_planning_queries_do_not_grow(
    world, ronde, client, django_assert_max_num_queries, schaal
):
    praktijken = [PraktijkFactory(wijk=world.wijk_b2) for _ in range(5 * schaal)]
    for n, praktijk in enumerate(praktijken):
        _ingediend(ronde, praktijk, n % 5 + 1)
        PraktijkbezoekFactory(praktijk=praktijk, gehouden=True)
    client.force_login(world.users["beleidsadviseur"])
    with django_assert_max_num_queries(14):
        assert (
            client.get(
                reverse("monitoring:resultaten", args=[ronde.pk]) + f"?wijk={world.wijk_b2.pk}"
            ).status_code
            == 200
        )
    with django_assert_max_num_queries(8):
        assert client.get(reverse("monitoring:bezoek-list")).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("monitoring:index")).status_code == 200


def _xlsx(rijen) -> bytes:
    wb = Workbook()
    for rij in rijen:
        wb.active.append(rij)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_import_reports_every_bad_cell_and_imports_all_or_nothing(world, ronde, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world.users["beleidsadviseur"])
    url = reverse("monitoring:import", args=[ronde.pk])
    a1, b1 = world.praktijk_a1.agb_code, world.praktijk_b1.agb_code
    slecht = f"agb_code;SW01;SW02;ALG01;XX9\n{a1};4;ja;2000;x\n99999999;3;nee;1;\n{b1};7;misschien;veel;\n"
    response = client.post(url, {"bestand": SimpleUploadedFile("export.csv", slecht.encode())})
    html = response.content.decode()
    assert "onbekend: kies hieronder" in html and "Onbekende AGB-code" in html
    assert "ligt niet op de schaal" in html and "geen ja of nee" in html and "geen getal" in html
    assert "Importeren bevestigen" not in html
    assert not Respons.objects.exists()

    goed = _xlsx(
        [
            ["agb_code", "SW01", "SW02", "SW03", "ALG01"],
            [a1, 4, "ja", "Wekelijks", 2000],
            [b1, 2, "nee", "", 1500],
        ]
    )
    response = client.post(url, {"bestand": SimpleUploadedFile("export.xlsx", goed)})
    assert "Importeren bevestigen" in response.content.decode()
    assert not Respons.objects.exists(), "a preview saves nothing"
    token = client.session["monitoring_import"]["token"]
    assert client.post(url, {"actie": "bevestigen", "token": "fout"}).status_code == 302
    assert not Respons.objects.exists()
    response = client.post(url, {"actie": "bevestigen", "token": token})
    assert response.status_code == 302
    assert set(Respons.objects.values_list("bron", "status")) == {
        (ResponsBron.IMPORT, ResponsStatus.INGEDIEND)
    }
    assert Respons.objects.get(praktijk=world.praktijk_b1).antwoorden.get(vraag__code="SW01").getal == 2


def test_visit_is_planned_reported_shared_and_seen(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.users["beleidsadviseur"])
    moment = timezone.localtime() + datetime.timedelta(days=7)
    response = client.post(
        reverse("monitoring:bezoek-plannen", args=[world.praktijk_a1.pk]),
        {"gepland_op": moment.strftime("%Y-%m-%dT%H:%M"), "bezoekers": [world.users["beleidsadviseur"].pk]},
    )
    bezoek = world.praktijk_a1.bezoeken.get()
    assert response.status_code == 302
    ics = client.get(reverse("monitoring:bezoek-ics", args=[bezoek.pk])).content.decode()
    assert "METHOD:REQUEST" in ics and f"UID:praktijkbezoek-{bezoek.pk}@" in ics
    assert "DTSTAMP:" in ics and "TZID=Europe/Amsterdam" in ics
    with django_capture_on_commit_callbacks() as taken:
        client.post(reverse("monitoring:bezoek-uitnodigen", args=[bezoek.pk]))
    assert len(taken) == 1 and not mail.outbox, "queued for the worker, not sent in the request"
    assert bezoek_uitnodiging_task.apply(args=[bezoek.pk, 0]).get() >= 1
    assert mail.outbox[-1].attachments[0][0] == "praktijkbezoek.ics"

    verslag = client.get(reverse("monitoring:bezoek-verslag", args=[bezoek.pk]))
    thema = world.afspraak_a1.thema
    assert verslag.context["form"].initial["themas"] == [thema.pk], "pre-filled from the SMART-afspraken"
    response = client.post(
        reverse("monitoring:bezoek-verslag", args=[bezoek.pk]),
        {
            "gehouden_op": timezone.localdate().isoformat(),
            "wat_gaat_goed": "Waarneming loopt.",
            "uitdagingen": "Vacatures.",
            "themas": [thema.pk],
            "ondersteuning_personeel": "Hulp bij werving.",
            "terugkoppeling": "Dank voor het gesprek.",
        },
    )
    assert response.status_code == 302
    bezoek.refresh_from_db()
    assert bezoek.status == "gehouden" and bezoek.ondersteuningsbehoeften.get().categorie == "personeel"

    client.force_login(world.users["praktijkmedewerker"])
    assert (
        "Dank voor het gesprek."
        not in client.get(reverse("monitoring:bezoek-detail", args=[bezoek.pk])).content.decode()
    )

    client.force_login(world.users["beleidsadviseur"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("monitoring:bezoek-delen", args=[bezoek.pk]))
    bezoek.refresh_from_db()
    assert bezoek.gedeeld_op is not None
    assert reverse("monitoring:bezoek-detail", args=[bezoek.pk]) in mail.outbox[-1].body

    client.force_login(world.users["praktijkmedewerker"])
    assert (
        "Dank voor het gesprek."
        in client.get(reverse("monitoring:bezoek-detail", args=[bezoek.pk])).content.decode()
    )
    client.post(reverse("monitoring:bezoek-gezien", args=[bezoek.pk]), {"reactie": "Dank, we pakken het op."})
    bezoek.refresh_from_db()
    assert bezoek.gezien_door == world.users["praktijkmedewerker"] and bezoek.reactie_praktijk


def test_response_shows_the_gebied_totals_and_pages_the_wijken(world, ronde, client):
    """The totals per gebied stay whole; the wijken under them come 20 at a time, optionally of one gebied."""
    from monitoring.vragenlijsten.views import ResultatenView
    from tests.wijken.factories import WijkFactory
    from wijken.models import Wijk

    for i in range(ResultatenView.wijken_per_pagina):
        WijkFactory(gebied=world.gebied_b, naam=f"Extra wijk {i:02d}")
    _ingediend(ronde, world.praktijk_a1, 4)
    client.force_login(world.users["beleidsadviseur"])
    url = reverse("monitoring:resultaten", args=[ronde.pk])
    response = client.get(url)
    r = response.context["r"]
    assert [g["gebied"] for g in r.respons_per_gebied] == sorted(world.gebieden, key=lambda g: g.naam)
    a = next(g for g in r.respons_per_gebied if g["gebied"] == world.gebied_a)
    assert (a["wijken"], a["ingediend"]) == (Wijk.objects.filter(gebied=world.gebied_a).count(), 1)
    assert sum(g["praktijken"] for g in r.respons_per_gebied) == r.regio_respons["praktijken"]
    pagina = response.context["respons_wijken"]
    assert len(pagina) == ResultatenView.wijken_per_pagina and pagina.paginator.num_pages == 2
    html = response.content.decode()
    assert "Respons per gebied" in html and "Pagina 1 van 2" in html
    # One gebied's wijken: only those, with a way back to all gebieden.
    response = client.get(url, {"gebied": world.gebied_a.pk})
    assert {rij["wijk"].gebied for rij in response.context["respons_wijken"]} == {world.gebied_a}
    assert "alle gebieden" in response.content.decode()
    # A gebied the user does not know is ignored, not a 500.
    assert client.get(url, {"gebied": 999999}).context["respons_wijken"].paginator.count == len(
        r.respons_per_wijk
    )
