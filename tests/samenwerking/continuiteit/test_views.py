"""The continuïteit pages: the reporter's flow, the asked practice's answer, bad input, IDOR per role,
and the overview's query count pinned at 1x and 10x."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samenwerking.continuiteit.constants import Antwoord, Situatie, Zorgsoort
from samenwerking.models import Opvangafspraak, OpvangVerzoek, UitvalMelding
from tests.samenwerking.continuiteit.factories import (
    OpvangafspraakFactory,
    OpvangVerzoekFactory,
    UitvalMeldingFactory,
)

pytestmark = pytest.mark.django_db


def _login(client, user):
    client.force_login(user)
    return client


def test_report_ask_answer_and_see_it(world, client, mailoutbox, django_capture_on_commit_callbacks):
    OpvangafspraakFactory(
        verband=world.verband_a1, overdragende_praktijk=world.praktijk_a1, overnemers=[world.praktijk_a1_buur]
    )
    vandaag = timezone.localdate()
    _login(client, world.users["praktijkmedewerker"])
    response = client.post(
        reverse("samenwerking:opvang-melden"),
        {
            "praktijk": world.praktijk_a1.pk,
            "van": vandaag.isoformat(),
            "tot": (vandaag + datetime.timedelta(days=2)).isoformat(),
            "situatie": Situatie.UITVAL,
            "zorgsoorten": [Zorgsoort.ACUTE_ZORG, Zorgsoort.SPREEKUUR],
            "toelichting": "Huisarts ziek",
        },
    )
    melding = UitvalMelding.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(
        f"/continuiteit/meldingen/{melding.pk}/"
    )
    pagina = client.get(response["Location"]).content.decode()
    assert "Praktijk Oranjeplein" in pagina and "Deze praktijken vragen" in pagina
    with django_capture_on_commit_callbacks(execute=False):
        client.post(
            reverse("samenwerking:opvang-melding-vragen", args=[melding.pk]),
            {"praktijken": [world.praktijk_a1_buur.pk]},
        )
    verzoek = OpvangVerzoek.objects.get()
    assert verzoek.opvangafspraak is not None
    fragment = client.get(
        reverse("samenwerking:opvang-melding-antwoorden", args=[melding.pk])
    ).content.decode()
    assert "Nog geen antwoord" in fragment and 'hx-trigger="every' in fragment

    _login(client, world.users["praktijkmedewerker_buur"])
    assert client.get(reverse("samenwerking:opvang-melding-detail", args=[melding.pk])).status_code == 200
    response = client.post(
        reverse("samenwerking:opvang-verzoek-antwoord", args=[verzoek.pk]), {"antwoord": Antwoord.BEVESTIGD}
    )
    assert response.status_code == 302
    _login(client, world.users["praktijkmedewerker"])
    fragment = client.get(
        reverse("samenwerking:opvang-melding-antwoorden", args=[melding.pk])
    ).content.decode()
    assert "Opvang bevestigd" in fragment and "Alle gevraagde zorg is opgevangen" in fragment


def test_bad_input_kept_with_dutch_message(world, client):
    _login(client, world.users["praktijkmedewerker"])
    response = client.post(
        reverse("samenwerking:opvang-melden"),
        {
            "praktijk": world.praktijk_a1.pk,
            "van": "2026-03-05",
            "tot": "2026-03-04",
            "situatie": "uitval",
            "zorgsoorten": ["spreekuur"],
            "toelichting": "Mijn invoer",
        },
    )
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "De einddatum ligt vóór de begindatum." in inhoud and "Mijn invoer" in inhoud
    assert not UitvalMelding.objects.exists()


def test_refusal_needs_reason(world, client):
    melding = UitvalMeldingFactory(praktijk=world.praktijk_a1)
    verzoek = OpvangVerzoekFactory(melding=melding, praktijk=world.praktijk_a1_buur)
    _login(client, world.users["praktijkmedewerker_buur"])
    response = client.post(
        reverse("samenwerking:opvang-verzoek-antwoord", args=[verzoek.pk]), {"antwoord": "kan_niet"}
    )
    assert response.status_code == 200 and "Geef kort aan waarom het niet kan." in response.content.decode()


def test_arrangement_create_with_wijk_practice_and_history(world, client):
    _login(client, world.users["praktijkmedewerker"])
    url = reverse("samenwerking:opvang-afspraak-create", args=[world.verband_a1.pk])
    data = {
        "overdragende_praktijk": world.praktijk_a1.pk,
        "overnemers": [world.praktijk_a1_buur.pk],
        "vorm": "samen",
        "situaties": ["uitval", "drukte"],
        "zorgsoorten": [],
        "bereikbaarheid": "043 111 22 33",
        "geldig_van": "2026-01-01",
    }
    response = client.post(url, data)
    assert response.status_code == 200 and "Kies minstens één soort zorg" in response.content.decode()
    assert not Opvangafspraak.objects.exists()
    response = client.post(url, {**data, "zorgsoorten": ["spreekuur"]})
    assert response.status_code == 302
    afspraak = Opvangafspraak.objects.get()
    response = client.post(
        reverse("samenwerking:opvang-afspraak-update", args=[afspraak.pk]),
        {**data, "zorgsoorten": ["spreekuur", "visites"]},
    )
    assert response.status_code == 302
    assert afspraak.history.count() == 2


# --- IDOR ---------------------------------------------------------------------------------------------


def test_idor_answers_and_ending(world, client):
    melding = UitvalMeldingFactory(praktijk=world.praktijk_a1)
    verzoek = OpvangVerzoekFactory(melding=melding, praktijk=world.praktijk_a1_buur)
    antwoord = reverse("samenwerking:opvang-verzoek-antwoord", args=[verzoek.pk])
    einde = reverse("samenwerking:opvang-melding-beeindigen", args=[melding.pk])
    # the reporter cannot answer for the buddy; the buddy cannot end the reporter's melding
    _login(client, world.users["praktijkmedewerker"])
    assert client.post(antwoord, {"antwoord": "bevestigd"}).status_code == 403
    _login(client, world.users["praktijkmedewerker_buur"])
    assert client.post(einde).status_code == 403
    # outside the scope: not found
    for naam in ("praktijkmedewerker_andere_wijk", "praktijkmedewerker_ander_gebied", "gebiedsmanager_b"):
        _login(client, world.users[naam])
        assert client.post(antwoord, {"antwoord": "bevestigd"}).status_code == 404
        assert client.post(einde).status_code == 404
    for naam in ("beleidsadviseur", "projectleider", "gebiedsmanager"):
        _login(client, world.users[naam])
        assert client.post(einde).status_code == 403
    verzoek.refresh_from_db()
    melding.refresh_from_db()
    assert verzoek.antwoord == "open" and melding.is_open
    _login(client, world.users["praktijkmedewerker"])
    assert client.post(einde).status_code == 302
    melding.refresh_from_db()
    assert not melding.is_open


def test_idor_asking_other_gebied_practice_refused(world, client):
    melding = UitvalMeldingFactory(praktijk=world.praktijk_a1)
    _login(client, world.users["praktijkmedewerker"])
    response = client.post(
        reverse("samenwerking:opvang-melding-vragen", args=[melding.pk]),
        {"praktijken": [world.praktijk_b1.pk]},
    )
    assert response.status_code == 200
    assert not OpvangVerzoek.objects.exists()


def test_one_new_arrangement_button_with_a_choice_of_verband(world, client):
    """One 'Nieuwe opvangafspraak': straight to the form with one verband, else a choice of the verbanden
    the user may record in; a verband outside them gets a Dutch message and no redirect."""
    lijst = reverse("samenwerking:opvang-afspraak-list")
    _login(client, world.users["praktijkmedewerker"])
    response = client.get(lijst)
    enig = response.context["enig_verband"]
    assert enig == world.verband_a1
    assert reverse("samenwerking:opvang-afspraak-create", args=[enig.pk]) in response.content.decode()

    _login(client, world.users["beheerder"])
    response = client.get(lijst)
    assert response.context["enig_verband"] is None
    keuzes = set(response.context["nieuw_form"].fields["verband"].queryset)
    assert world.verband_a1 in keuzes and world.wsv_a1 not in keuzes  # no opvang in a WSV
    response = client.get(lijst, {"verband": world.verband_b1.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("samenwerking:opvang-afspraak-create", args=[world.verband_b1.pk])
    response = client.get(lijst, {"verband": world.wsv_a1.pk})
    assert response.status_code == 200
    assert "Kies een verband waarin u opvangafspraken mag maken." in response.content.decode()

    _login(client, world.users["gebiedsmanager"])
    response = client.get(lijst, {"verband": world.verband_a1.pk})
    assert response.status_code == 200 and response.context["nieuw_form"] is None
    assert "Nieuwe opvangafspraak" not in response.content.decode()


def test_arrangements_are_paged(world, client):
    from samenwerking.continuiteit.views import OpvangafspraakListView

    for _ in range(OpvangafspraakListView.per_pagina + 1):
        OpvangafspraakFactory(verband=world.verband_a1, overdragende_praktijk=world.praktijk_a1)
    _login(client, world.users["beheerder"])
    lijst = reverse("samenwerking:opvang-afspraak-list")
    eerste = client.get(lijst)
    assert len(eerste.context["afspraken"]) == OpvangafspraakListView.per_pagina
    assert "Pagina 1 van 2" in eerste.content.decode()
    assert len(client.get(lijst, {"page": 2}).context["afspraken"]) == 1


def test_overview_pages_the_practices_without_arrangement(world, client):
    from samenwerking.continuiteit.views import OpvangOverzichtView

    _login(client, world.users["beheerder"])
    response = client.get(reverse("samenwerking:opvang-overzicht"))
    zonder = response.context["overzicht"].zonder_afspraak
    pagina = response.context["zonder_afspraak"]
    assert pagina.paginator.count == len(zonder) and list(pagina) == zonder[: OpvangOverzichtView.per_pagina]
    assert f'<span class="badge text-bg-warning">{len(zonder)}</span>' in response.content.decode()


def test_overview_is_cached_per_scope_and_follows_changes(world, client):
    """The overview comes from the cache (no query for the meldingen the second time) until a melding
    changes; a gebiedsmanager's overview is not the region's."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    vandaag = timezone.localdate()
    melding = UitvalMeldingFactory(praktijk=world.praktijk_a1, van=vandaag, tot=vandaag)
    _login(client, world.users["beheerder"])
    url = reverse("samenwerking:opvang-overzicht")
    eerste = client.get(url)
    assert melding in eerste.context["overzicht"].lopend + eerste.context["overzicht"].open_gaten
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    assert not [q for q in ctx.captured_queries if "uitvalmelding" in q["sql"]]

    nieuw = UitvalMeldingFactory(
        praktijk=world.praktijk_a1_buur,
        van=vandaag + datetime.timedelta(days=3),
        tot=vandaag + datetime.timedelta(days=4),
    )
    daarna = client.get(url).context["overzicht"]
    assert nieuw in daarna.open_gaten + daarna.komend

    _login(client, world.users["gebiedsmanager"])
    eigen = client.get(url).context["overzicht"]
    eigen_gebieden = set(world.users["gebiedsmanager"].gebieden.values_list("pk", flat=True))
    assert eigen.zonder_afspraak and {p.wijk.gebied_id for p in eigen.zonder_afspraak} <= eigen_gebieden
    regio = {p.wijk.gebied_id for p in eerste.context["overzicht"].zonder_afspraak}
    assert regio - eigen_gebieden, "the region's overview has practices outside this gebied"
