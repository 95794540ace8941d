"""The afspraken workflow via the views: validation, locking, implementation, evaluation, IDOR, exports."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from samenwerking.constants import AfspraakStatus, Implementatiestatus, StapStatus
from samenwerking.models import Afspraak, AfspraakPraktijk, PdcaStap, StapVoortgang
from tests.samenwerking.factories import AfspraakFactory

pytestmark = pytest.mark.django_db


def _form_data(world, **overrides):
    vandaag = timezone.localdate()
    data = {
        "titel": "Gezamenlijke griepprik-avond",
        "thema": world.afspraak_a1.thema_id,
        "specifiek": "De praktijken organiseren één gezamenlijke griepprik-avond in de wijk.",
        "meetbaar": "Percentage gevaccineerde 60-plussers.",
        "indicator": "Vaccinatiegraad 60+",
        "streefwaarde": "75%",
        "acceptabel": "Beide praktijkhouders stemden in op 3 oktober.",
        "praktijken": [world.praktijk_a1.pk, world.praktijk_a1_buur.pk],
        "realistisch": "Elke praktijk levert twee assistenten.",
        "tijdgebonden": (vandaag + datetime.timedelta(days=120)).isoformat(),
        "evaluatie_op": (vandaag + datetime.timedelta(days=60)).isoformat(),
        "eigenaar": world.users["praktijkmedewerker"].pk,
    }
    data.update(overrides)
    return data


def test_create_with_t_in_the_past_shows_dutch_message_next_to_the_field_and_keeps_input(world, client):
    client.force_login(world.users["praktijkmedewerker"])
    url = reverse("samenwerking:afspraak-create", args=[world.verband_a1.pk])
    gisteren = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = client.post(url, _form_data(world, tijdgebonden=gisteren, evaluatie_op=""))
    assert response.status_code == 200
    form = response.context["form"]
    assert "Deze datum ligt in het verleden" in form.errors["tijdgebonden"][0]
    assert "Kies wanneer" in form.errors["evaluatie_op"][0]
    html = response.content.decode()
    assert 'id="error_1_id_tijdgebonden"' in html or "invalid-feedback" in html
    assert "Gezamenlijke griepprik-avond" in html, "the input is kept"
    assert not Afspraak.objects.filter(titel="Gezamenlijke griepprik-avond").exists()


def test_meetbaar_without_number_or_yes_no_is_refused(world, client):
    client.force_login(world.users["praktijkmedewerker"])
    url = reverse("samenwerking:afspraak-create", args=[world.verband_a1.pk])
    response = client.post(
        url,
        _form_data(world, meetbaar="We kijken of het goed gaat.", indicator="Tevredenheid", streefwaarde=""),
    )
    assert "Maak de afspraak meetbaar" in response.context["form"].errors["meetbaar"][0]
    assert "streefwaarde" in response.context["form"].errors
    ok = client.post(url, _form_data(world, meetbaar="Wordt de avond gehouden: ja/nee", streefwaarde="ja"))
    assert ok.status_code == 302


def test_owner_and_practices_must_belong_to_the_verband(world, client):
    client.force_login(world.users["praktijkmedewerker"])
    url = reverse("samenwerking:afspraak-create", args=[world.verband_a1.pk])
    response = client.post(
        url,
        _form_data(
            world,
            eigenaar=world.users["praktijkmedewerker_ander_gebied"].pk,
            praktijken=[world.praktijk_b1.pk],
        ),
    )
    errors = response.context["form"].errors
    assert "eigenaar" in errors and "praktijken" in errors


def test_create_stores_the_afspraak_and_its_practices(world, client):
    client.force_login(world.users["praktijkmedewerker"])
    response = client.post(
        reverse("samenwerking:afspraak-create", args=[world.verband_a1.pk]), _form_data(world)
    )
    afspraak = Afspraak.objects.get(titel="Gezamenlijke griepprik-avond")
    assert response["Location"] == reverse("samenwerking:afspraak-detail", args=[afspraak.pk])
    assert set(afspraak.uitvoering.values_list("praktijk_id", flat=True)) == {
        world.praktijk_a1.pk,
        world.praktijk_a1_buur.pk,
    }
    assert afspraak.history.first().history_user == world.users["praktijkmedewerker"]


def test_second_save_of_the_same_revision_is_refused_with_a_link_and_input_kept(world, client):
    afspraak = world.afspraak_a1
    url = reverse("samenwerking:afspraak-update", args=[afspraak.pk])
    client.force_login(world.users["praktijkmedewerker"])
    eerste = _form_data(world, titel="Eerste wijziging", revisie=afspraak.revisie)
    tweede = _form_data(world, titel="Tweede wijziging", revisie=afspraak.revisie)
    assert client.post(url, eerste).status_code == 302
    client.force_login(world.users["praktijkmedewerker_buur"])
    response = client.post(url, tweede)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Iemand anders heeft deze afspraak intussen gewijzigd" in html
    assert reverse("samenwerking:afspraak-detail", args=[afspraak.pk]) in html
    assert "Tweede wijziging" in html, "the input is kept"
    afspraak.refresh_from_db()
    assert afspraak.titel == "Eerste wijziging"
    assert afspraak.revisie == 2


def test_implementation_only_for_own_practice(world, client):
    eigen = AfspraakPraktijk.objects.get(afspraak=world.afspraak_a1, praktijk=world.praktijk_a1)
    buur = AfspraakPraktijk.objects.get(afspraak=world.afspraak_a1, praktijk=world.praktijk_a1_buur)
    client.force_login(world.users["praktijkmedewerker"])
    data = {
        "implementatie": Implementatiestatus.INGEVOERD,
        "medewerkers_geinformeerd": "on",
        "toelichting": "Ok",
    }
    assert client.post(reverse("samenwerking:uitvoering-update", args=[eigen.pk]), data).status_code == 302
    eigen.refresh_from_db()
    assert eigen.implementatie == Implementatiestatus.INGEVOERD and eigen.medewerkers_geinformeerd
    # IDOR: the neighbour practice's row in the same verband is visible but not ours to change.
    assert client.post(reverse("samenwerking:uitvoering-update", args=[buur.pk]), data).status_code == 403
    # IDOR: a row of another wijk's agreement is not even visible.
    ander = AfspraakPraktijk.objects.get(afspraak=world.afspraak_b1)
    assert client.post(reverse("samenwerking:uitvoering-update", args=[ander.pk]), data).status_code == 404
    buur.refresh_from_db()
    ander.refresh_from_db()
    assert buur.implementatie == ander.implementatie == Implementatiestatus.NIET_GESTART


def test_another_wijks_afspraak_is_404_for_every_action(world, client):
    client.force_login(world.users["praktijkmedewerker"])
    pk = world.afspraak_b1.pk
    for name in ("afspraak-detail", "afspraak-update", "afspraak-evalueren"):
        assert client.get(reverse(f"samenwerking:{name}", args=[pk])).status_code == 404, name
    response = client.post(
        reverse("samenwerking:afspraak-evalueren", args=[pk]),
        {"datum": timezone.localdate().isoformat(), "nageleefd": "ja", "besluit": "borgen"},
    )
    assert response.status_code == 404
    world.afspraak_b1.refresh_from_db()
    assert world.afspraak_b1.status == AfspraakStatus.ACTIEF


def test_read_only_neighbour_wijk_staff_get_403_on_edit(world, client):
    # praktijk A1's staff read wijk A1; the buur practice reads the same wijk but is a member too,
    # so use the gebiedsmanager: visible, not editable.
    client.force_login(world.users["gebiedsmanager"])
    assert client.get(reverse("samenwerking:afspraak-detail", args=[world.afspraak_a1.pk])).status_code == 200
    assert client.get(reverse("samenwerking:afspraak-update", args=[world.afspraak_a1.pk])).status_code == 403


def test_evaluation_aanscherpen_makes_a_new_version_and_keeps_the_old(world, client):
    client.force_login(world.users["praktijkmedewerker"])
    oud = world.afspraak_a1
    response = client.post(
        reverse("samenwerking:afspraak-evalueren", args=[oud.pk]),
        {
            "datum": timezone.localdate().isoformat(),
            "nageleefd": "deels",
            "wat_gaat_goed": "Overdag loopt het goed.",
            "wat_kan_beter": "De overdracht 's avonds.",
            "besluit": "aanscherpen",
        },
    )
    nieuw = Afspraak.objects.get(vorige_versie=oud)
    assert response["Location"] == reverse("samenwerking:afspraak-update", args=[nieuw.pk])
    oud.refresh_from_db()
    assert oud.status == AfspraakStatus.VERVANGEN
    assert nieuw.versie == 2 and nieuw.status == AfspraakStatus.ACTIEF
    assert nieuw.uitvoering.count() == oud.uitvoering.count() == 2
    detail = client.get(reverse("samenwerking:afspraak-detail", args=[nieuw.pk]))
    html = detail.content.decode()
    assert "Versie 1" in html and "Versie 2" in html and "Overdag loopt het goed." in html
    oude_pagina = client.get(reverse("samenwerking:afspraak-detail", args=[oud.pk])).content.decode()
    assert "U bekijkt een oudere versie" in oude_pagina


def test_evaluation_beeindigen_needs_a_reason(world, client):
    client.force_login(world.users["praktijkmedewerker"])
    url = reverse("samenwerking:afspraak-evalueren", args=[world.afspraak_a1.pk])
    data = {"datum": timezone.localdate().isoformat(), "nageleefd": "nee", "besluit": "beeindigen"}
    response = client.post(url, data)
    assert "Geef de reden" in response.context["form"].errors["reden_beeindiging"][0]
    assert client.post(url, {**data, "reden_beeindiging": "Niet effectief."}).status_code == 302
    world.afspraak_a1.refresh_from_db()
    assert world.afspraak_a1.status == AfspraakStatus.BEEINDIGD
    assert world.afspraak_a1.reden_beeindiging == "Niet effectief."


def test_step_recorded_with_note_and_new_cycle_after_borging(world, client):
    client.force_login(world.users["praktijkmedewerker"])
    verband = world.verband_a1
    stappen = list(PdcaStap.objects.filter(soort=verband.soort).order_by("nummer"))
    url = reverse("samenwerking:verband-stap", args=[verband.pk, stappen[0].pk])
    client.post(url, {"status": "gestart", "notitie": "Startbijeenkomst 12 maart"})
    voortgang = StapVoortgang.objects.get(cyclus__verband=verband, stap=stappen[0])
    assert (
        voortgang.status == StapStatus.GESTART
        and voortgang.bijgewerkt_door == world.users["praktijkmedewerker"]
    )
    cyclus_url = reverse("samenwerking:verband-cyclus", args=[verband.pk])
    client.post(cyclus_url, {"themas": [world.afspraak_a1.thema_id]})
    assert verband.cycli.count() == 1, "no new cycle before borging"
    client.post(
        reverse("samenwerking:verband-stap", args=[verband.pk, stappen[-1].pk]), {"status": "afgerond"}
    )
    client.post(cyclus_url, {"themas": [world.afspraak_a1.thema_id]})
    cycli = list(verband.cycli.order_by("nummer"))
    assert [(c.nummer, c.afgerond_op is None) for c in cycli] == [(1, False), (2, True)]
    page = client.get(reverse("samenwerking:verband-detail", args=[verband.pk])).content.decode()
    assert "cyclus 2" in page


def test_csv_export_opens_in_excel_and_neutralises_formulas(world, client):
    AfspraakFactory(
        verband=world.verband_a1,
        titel='=HYPERLINK("http://x")',
        specifiek="@SUM(1)",
        thema=world.afspraak_a1.thema,
    )
    client.force_login(world.users["praktijkmedewerker"])
    response = client.get(reverse("samenwerking:afspraak-export-csv"), {"verband": world.verband_a1.pk})
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rijen = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rijen[0][0] == "Afspraak" and "Volgende evaluatie" in rijen[0]
    titels = [r[0] for r in rijen[1:]]
    assert '\'=HYPERLINK("http://x")' in titels
    assert all(not cel.startswith(("=", "+", "-", "@")) for rij in rijen for cel in rij)
    assert len(rijen) == 3, "only the filtered verband"


def test_xlsx_export_has_dutch_headers_and_real_dates(world, client):
    client.force_login(world.users["beheerder"])
    response = client.get(reverse("samenwerking:afspraak-export-xlsx"))
    blad = load_workbook(io.BytesIO(response.content)).active
    koppen = [c.value for c in blad[1]]
    assert koppen[0] == "Afspraak" and "Tijdgebonden" in koppen
    t = blad.cell(row=2, column=koppen.index("Tijdgebonden") + 1).value
    assert isinstance(t, datetime.datetime)
    assert blad.max_row == 1 + len(world.afspraken)


def test_list_filters_by_evaluation_due(world, client):
    vandaag = timezone.localdate()
    Afspraak.objects.update(evaluatie_op=vandaag + datetime.timedelta(days=90))
    Afspraak.objects.filter(pk=world.afspraak_a1.pk).update(evaluatie_op=vandaag - datetime.timedelta(days=3))
    Afspraak.objects.filter(pk=world.afspraak_a2.pk).update(evaluatie_op=vandaag + datetime.timedelta(days=5))
    client.force_login(world.users["beheerder"])
    url = reverse("samenwerking:afspraak-list")
    verlopen = client.get(url, {"evaluatie": "verlopen"}).context["table"].data
    binnenkort = client.get(url, {"evaluatie": "binnenkort"}).context["table"].data
    assert [a.pk for a in verlopen] == [world.afspraak_a1.pk]
    assert [a.pk for a in binnenkort] == [world.afspraak_a2.pk]
    wijk = client.get(url, {"wijk": world.wijk_b1.pk}).context["table"].data
    assert [a.pk for a in wijk] == [world.afspraak_b1.pk]


def test_a_replaced_version_cannot_be_edited(world, client):
    client.force_login(world.users["praktijkmedewerker"])
    oud = world.afspraak_a1
    Afspraak.objects.filter(pk=oud.pk).update(status=AfspraakStatus.VERVANGEN)
    url = reverse("samenwerking:afspraak-update", args=[oud.pk])
    response = client.post(url, _form_data(world, titel="Overschreven", revisie=oud.revisie))
    assert response["Location"] == reverse("samenwerking:afspraak-detail", args=[oud.pk])
    oud.refresh_from_db()
    assert oud.titel != "Overschreven"


def test_tables_write_lowercase_dutch_month_abbreviations(world, client):
    Afspraak.objects.filter(pk=world.afspraak_a1.pk).update(
        tijdgebonden=datetime.date(2026, 12, 31), evaluatie_op=datetime.date(2026, 5, 4)
    )
    client.force_login(world.users["beheerder"])
    html = client.get(reverse("samenwerking:afspraak-list")).content.decode()
    assert "31 dec 2026" in html and "4 mei 2026" in html
    assert "Dec 2026" not in html and "Mei 2026" not in html


def test_afspraken_filter_bar_is_kept_per_scope_and_follows_the_data(world, client):
    """The rendered filter bar comes from the cache (no query for its choices the second time), per
    user scope: another practice's staff never get a bar with this wijk's choices; a renamed wijk shows
    its new name at once."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    url = reverse("samenwerking:afspraak-list")
    client.force_login(world.users["praktijkmedewerker"])
    optie = f'<option value="{world.wijk_a1.pk}">Wittevrouwenveld</option>'
    assert optie in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    assert not [q for q in ctx.captured_queries if 'FROM "wijken_wijk"' in q["sql"].split("WHERE")[0]]

    world.wijk_a1.naam = "Wittevrouwenveld-Noord"
    world.wijk_a1.save()
    assert ">Wittevrouwenveld-Noord</option>" in client.get(url).content.decode()

    client.force_login(world.users["praktijkmedewerker_ander_gebied"])
    bar = client.get(url).content.decode()
    assert ">Malberg</option>" in bar and "Wittevrouwenveld" not in bar
