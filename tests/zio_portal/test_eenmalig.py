"""Every state-changing form is handled once: a repeated POST with the page's token does nothing twice."""

from __future__ import annotations

import datetime
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samenwerking.models import Afspraak, Besluitvorming
from tests.formulieren import formulier_naar, post_formulieren
from tests.samenwerking.factories import OverlegFactory
from zio_portal.eenmalig import TOKEN_VELD, FormulierVerzending, tokens_invoegen, verzendingen_opruimen

# No module-wide django_db mark: it would set the database up before opnieuw_zaaien in the transactional
# test at the end, and then flush after that fixture put the reference data back.


def _overleg(world):
    return OverlegFactory(verband=world.wsv_a1, datum=timezone.localdate())


@pytest.mark.django_db
def test_every_post_form_gets_its_own_token_and_get_forms_none():
    html = (
        b'<form method="get" action="/zoek/"></form>'
        b'<form method="post" action="/a/"></form>'
        b"<FORM METHOD=POST></FORM>"
        b'<form hx-post="/c/" hx-target="#x"></form>'
    )
    uit = tokens_invoegen(html).decode()
    assert uit.count(f'name="{TOKEN_VELD}"') == 3
    assert uit.startswith('<form method="get" action="/zoek/"></form>')
    tokens = [deel.split('"')[0] for deel in uit.split('value="')[1:]]
    assert len(set(tokens)) == 3 and all(len(t) >= 16 for t in tokens)


@pytest.mark.django_db
def test_double_post_of_a_besluit_creates_one(world, client):
    overleg = _overleg(world)
    client.force_login(world.users["gebiedsmanager"])
    detail = reverse("samenwerking:overleg-detail", args=[overleg.pk])
    pagina = client.get(detail)
    assert pagina.status_code == 200
    actie = reverse("samenwerking:overleg-besluit", args=[overleg.pk])
    form = formulier_naar(pagina.content.decode(), detail, actie)
    data = form.standaardwaarden() | {"tekst": ["We delen casussen in de wijk."]}
    assert data[TOKEN_VELD][0]

    eerste = client.post(actie, data)
    tweede = client.post(actie, data)
    derde = client.post(actie, data)

    assert Besluitvorming.objects.filter(overleg=overleg).count() == 1
    assert eerste.status_code == 302
    assert tweede.status_code == 303 and tweede["Location"] == eerste["Location"]
    assert derde.status_code == 303
    volgende = client.get(tweede["Location"])
    assert "Dit formulier is al verzonden" in volgende.content.decode()
    # The page after the first save has a fresh token: a second, intended besluit goes through.
    nieuw = formulier_naar(volgende.content.decode(), detail, actie)
    assert nieuw.veld(TOKEN_VELD).waarde != data[TOKEN_VELD][0]
    client.post(actie, nieuw.standaardwaarden() | {"tekst": ["Tweede besluit."]})
    assert Besluitvorming.objects.filter(overleg=overleg).count() == 2


@pytest.mark.django_db
def test_double_post_of_a_new_afspraak_creates_one(world, client):
    client.force_login(world.users["praktijkmedewerker"])
    url = reverse("samenwerking:afspraak-create", args=[world.verband_a1.pk])
    pagina = client.get(url)
    form = formulier_naar(pagina.content.decode(), url, url)
    vandaag = timezone.localdate()
    data = form.standaardwaarden() | {
        "titel": ["Gezamenlijke griepprik-avond"],
        "thema": [str(world.afspraak_a1.thema_id)],
        "specifiek": ["De praktijken organiseren één gezamenlijke griepprik-avond in de wijk."],
        "meetbaar": ["Percentage gevaccineerde 60-plussers."],
        "indicator": ["Vaccinatiegraad 60+"],
        "streefwaarde": ["75%"],
        "acceptabel": ["Beide praktijkhouders stemden in op 3 oktober."],
        "praktijken": [str(world.praktijk_a1.pk), str(world.praktijk_a1_buur.pk)],
        "realistisch": ["Elke praktijk levert twee assistenten."],
        "tijdgebonden": [(vandaag + datetime.timedelta(days=120)).isoformat()],
        "evaluatie_op": [(vandaag + datetime.timedelta(days=60)).isoformat()],
        "eigenaar": [str(world.users["praktijkmedewerker"].pk)],
    }
    eerste = client.post(url, data)
    tweede = client.post(url, data)
    assert Afspraak.objects.filter(titel="Gezamenlijke griepprik-avond").count() == 1
    afspraak = Afspraak.objects.get(titel="Gezamenlijke griepprik-avond")
    assert eerste["Location"] == reverse("samenwerking:afspraak-detail", args=[afspraak.pk])
    assert tweede.status_code == 303 and tweede["Location"] == eerste["Location"]


@pytest.mark.django_db
def test_a_refused_form_can_be_sent_again_with_a_new_token_and_the_view_sees_no_token(world, client):
    client.force_login(world.users["praktijkmedewerker"])
    url = reverse("samenwerking:afspraak-create", args=[world.verband_a1.pk])
    form = formulier_naar(client.get(url).content.decode(), url, url)
    fout = client.post(url, form.standaardwaarden() | {"titel": [""]})
    assert fout.status_code == 200 and fout.context["form"].errors
    assert TOKEN_VELD not in fout.wsgi_request.POST, "the view gets the fields it always got"
    opnieuw = formulier_naar(fout.content.decode(), url, url)
    assert opnieuw.veld(TOKEN_VELD).waarde != form.veld(TOKEN_VELD).waarde


@pytest.mark.django_db
def test_a_post_without_token_works_as_before_and_an_error_frees_the_token(world, client):
    overleg = _overleg(world)
    actie = reverse("samenwerking:overleg-besluit", args=[overleg.pk])
    client.force_login(world.users["gebiedsmanager"])
    client.post(actie, {"tekst": "Zonder token"})
    client.post(actie, {"tekst": "Zonder token"})
    assert Besluitvorming.objects.filter(overleg=overleg).count() == 2
    # Someone without the right gets 403; the token is not used up by that.
    token = "t" * 24
    client.force_login(world.users["praktijkmedewerker_ander_gebied"])
    assert client.post(actie, {"tekst": "Niet van mij", TOKEN_VELD: token}).status_code in (403, 404)
    assert not FormulierVerzending.objects.filter(token=token).exists()


@pytest.mark.django_db
def test_someone_else_replaying_a_token_gets_no_redirect_and_runs_nothing(world, client):
    overleg = _overleg(world)
    actie = reverse("samenwerking:overleg-besluit", args=[overleg.pk])
    client.force_login(world.users["gebiedsmanager"])
    token = "u" * 24
    client.post(actie, {"tekst": "Eerste", TOKEN_VELD: token})
    client.force_login(world.users["beheerder"])
    herhaald = client.post(actie, {"tekst": "Tweede", TOKEN_VELD: token}, HTTP_REFERER="http://evil.example/")
    assert herhaald.status_code == 409
    assert "Dit formulier is al verzonden" in herhaald.content.decode()
    assert "evil.example" not in herhaald.content.decode()
    assert Besluitvorming.objects.filter(overleg=overleg).count() == 1


@pytest.mark.django_db
def test_htmx_repeat_of_a_form_that_answered_with_a_page_swaps_nothing(world, client):
    overleg = _overleg(world)
    actie = reverse("samenwerking:overleg-agenda", args=[overleg.pk])
    client.force_login(world.users["gebiedsmanager"])
    data = {"wat": "toevoegen", "titel": "Rondvraag", TOKEN_VELD: "h" * 24}
    eerste = client.post(actie, data, HTTP_HX_REQUEST="true")
    tweede = client.post(actie, data, HTTP_HX_REQUEST="true")
    assert eerste.status_code == 200
    assert tweede.status_code == 204
    assert overleg.agendapunten.filter(titel="Rondvraag").count() == 1


@pytest.mark.django_db
def test_old_records_are_removed(world):
    oud = FormulierVerzending.objects.create(token="o" * 24, pad="/x/", status_code=302)
    FormulierVerzending.objects.filter(pk=oud.pk).update(aangemaakt_op=timezone.now() - timedelta(days=2))
    FormulierVerzending.objects.create(token="n" * 24, pad="/x/", status_code=302)
    assert verzendingen_opruimen() == 1
    assert list(FormulierVerzending.objects.values_list("token", flat=True)) == ["n" * 24]


def test_two_simultaneous_posts_with_one_token_create_one_besluit(opnieuw_zaaien, transactional_db, world):
    """Two threads, two connections: the unique token lets one through; the other waits for it."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrent connections need PostgreSQL")
    overleg = _overleg(world)
    actie = reverse("samenwerking:overleg-besluit", args=[overleg.pk])
    gm = world.users["gebiedsmanager"]
    detail = reverse("samenwerking:overleg-detail", args=[overleg.pk])
    c = Client()
    c.force_login(gm)
    form = post_formulieren(c.get(detail).content.decode(), detail)
    besluit_form = next(f for f in form if f.action == actie)
    data = besluit_form.standaardwaarden() | {"tekst": ["Gelijktijdig"]}
    start = threading.Barrier(2)
    antwoorden = []

    def versturen():
        client = Client()
        client.force_login(gm)
        start.wait()
        try:
            antwoorden.append(client.post(actie, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=versturen) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(antwoorden) == [302, 303]
    assert Besluitvorming.objects.filter(overleg=overleg, tekst="Gelijktijdig").count() == 1
