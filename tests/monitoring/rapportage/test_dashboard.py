"""The live region dashboard: scope per role, filters, the report's figures and charts, query count."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from monitoring.rapportage.snapshot import jaar_eerder
from samenwerking.constants import VerbandSoort
from samenwerking.models import Samenwerkingsverband, UitvalMelding
from tests.monitoring.wijkplannen.factories import PrioriteitFactory, WijkplanFactory
from tests.samenwerking.continuiteit.factories import (
    OpvangafspraakFactory,
    OpvangVerzoekFactory,
    UitvalMeldingFactory,
)
from wijken.models import Gebied, Praktijk, Wijk
from zio_portal.models import User

pytestmark = pytest.mark.django_db

URL = "rapportage:dashboard"
JAAR_2026 = {"van": "2026-01-01", "tot": "2026-12-31"}


def _get(client, user, **params):
    client.force_login(user)
    return client.get(reverse(URL), params)


def _wijk_rij(html: str, wijk: str) -> list[str]:
    """The cells of the wijk's row in the per-wijk table."""
    rij = re.search(rf"<tr><td>[^<]*</td><td>{wijk}</td>(.*?)</tr>", html, re.S)
    assert rij, wijk
    return re.findall(r"<td[^>]*>(.*?)</td>", rij.group(1))


def test_a_region_role_sees_every_wijk_with_the_figures_of_the_period(rapport_world, client):
    html = _get(client, rapport_world.users["beleidsadviseur"], **JAAR_2026).content.decode()
    for wijk in ("Wittevrouwenveld", "Nazareth", "Malberg", "Pottenberg"):
        assert f"<td>{wijk}</td>" in html
    # Wittevrouwenveld's WSV met three times in 2026 (not the 2025 meeting); the norm is four a year.
    assert _wijk_rij(html, "Wittevrouwenveld")[2] == "3 / 4"
    assert _wijk_rij(html, "Malberg")[2] == "1 / 4"
    assert "Regio Maastricht-Heuvelland" in html
    # The same server-side SVG charts as the report, inline, each with a title (the accessible name).
    assert html.count("<svg ") >= 2
    assert "<title>WSV-overleggen: gehouden tegenover de norm</title>" in html


def test_the_period_filter_changes_the_figures(rapport_world, client):
    html = _get(client, rapport_world.users["projectleider"], van="2025-01-01", tot="2025-12-31")
    assert _wijk_rij(html.content.decode(), "Wittevrouwenveld")[2] == "1 / 4"


def test_filter_by_gebied_and_by_wijk(rapport_world, client):
    w = rapport_world
    html = _get(client, w.users["beheerder"], gebied=w.gebied_b.pk, **JAAR_2026).content.decode()
    assert "<td>Malberg</td>" in html and "<td>Wittevrouwenveld</td>" not in html
    html = _get(client, w.users["beheerder"], wijk=w.wijk_a1.pk, **JAAR_2026).content.decode()
    assert "<td>Wittevrouwenveld</td>" in html and "<td>Nazareth</td>" not in html


def test_a_gebiedsmanager_sees_only_their_gebied(rapport_world, client):
    w = rapport_world
    html = _get(client, w.users["gebiedsmanager"], **JAAR_2026).content.decode()
    assert "<td>Wittevrouwenveld</td>" in html and "<td>Nazareth</td>" in html
    assert "Malberg" not in html and "Pottenberg" not in html  # not even in the filter's options
    assert "Maastricht-Noordoost" in html


@pytest.mark.parametrize("veld", ["gebied", "wijk"])
def test_a_gebiedsmanager_cannot_filter_on_another_gebied(rapport_world, client, veld):
    """IDOR: the id of gebied B (or a wijk in it) is not a valid choice; nothing of it is shown."""
    w = rapport_world
    doel = w.gebied_b.pk if veld == "gebied" else w.wijk_b1.pk
    response = _get(client, w.users["gebiedsmanager"], **{veld: doel})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Selecteer een geldige keuze" in html
    assert "Malberg" not in html and "Pottenberg" not in html


def test_bad_period_gives_a_dutch_message_next_to_the_field_and_keeps_the_input(world, client):
    response = _get(client, world.users["beleidsadviseur"], van="2026-06-01", tot="2026-01-01")
    assert response.status_code == 200
    html = response.content.decode()
    assert "De einddatum ligt vóór de begindatum." in html
    assert 'value="2026-06-01"' in html and 'value="2026-01-01"' in html
    response = _get(client, world.users["beleidsadviseur"], van="niet-een-datum")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Voer een geldige datum in." in html and 'value="niet-een-datum"' in html


def test_a_wijk_outside_the_chosen_gebied_is_refused(world, client):
    response = _get(client, world.users["beheerder"], gebied=world.gebied_a.pk, wijk=world.wijk_b1.pk)
    assert "Deze wijk ligt niet in het gekozen gebied." in response.content.decode()


@pytest.mark.parametrize(
    ("rol", "status"),
    [
        ("beheerder", 200),
        ("beleidsadviseur", 200),
        ("projectleider", 200),
        ("gebiedsmanager", 200),
        ("praktijkmedewerker", 403),
    ],
)
def test_dashboard_access_and_navigation_link(world, client, rol, status):
    client.force_login(world.users[rol])
    assert client.get(reverse(URL)).status_code == status
    home = client.get(reverse("home")).content.decode()
    assert (f'href="{reverse(URL)}"' in home) == (status == 200)


def _count(client, username: str, params: dict) -> int:
    client.force_login(User.objects.get(username=username))
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse(URL), params)
    assert response.status_code == 200
    assert 'class="invalid-feedback' not in response.content.decode()
    return len(ctx.captured_queries)


def _continuiteit_en_wijkplannen(regio) -> None:
    """Per wijk an opvangafspraak, a melding this year and one a year earlier (each confirmed by the
    neighbour), and a wijkplan for this year and last year with a priority: grows with the scale."""
    vandaag = timezone.localdate()
    for i, wijk in enumerate(regio.wijken):
        eerste, buur = Praktijk.objects.filter(wijk=wijk).order_by("pk")[:2]
        verband = Samenwerkingsverband.objects.get(wijk=wijk, soort=VerbandSoort.HUISARTSEN)
        OpvangafspraakFactory(verband=verband, overdragende_praktijk=eerste, overnemers=[buur])
        for jaren in (0, 1):
            van = jaar_eerder(vandaag, jaren) - datetime.timedelta(days=10)
            gemeld = timezone.now() - datetime.timedelta(days=10 + 365 * jaren)
            melding = UitvalMeldingFactory(praktijk=eerste, van=van, tot=van, gemeld_op=gemeld)
            OpvangVerzoekFactory(
                melding=melding,
                praktijk=buur,
                antwoord="bevestigd",
                zorgsoorten=melding.zorgsoorten,
                beantwoord_op=gemeld + datetime.timedelta(hours=2),
            )
            plan = WijkplanFactory(wijk=wijk, jaar=vandaag.year - jaren)
            PrioriteitFactory(wijkplan=plan, titel=f"Prioriteit {i % 3}")


# The number of queries per role (with its filter): the same at 1x and at 10x. The Continuïteit section
# adds seven (two periods' meldingen with their requests, the radar now and a year earlier, the practices;
# a period without meldingen skips its prefetch), the Wijkplannen section four.
PINNED_DASHBOARD = {"beleidsadviseur": 47, "projectleider": 41, "gebiedsmanager": 51, "beheerder": 49}


def test_dashboard_query_count_is_pinned_at_1x_and_10x(client, regio):
    _continuiteit_en_wijkplannen(regio)
    assert Wijk.objects.count() >= 4 * regio.schaal, "the data grows with the scale"
    assert UitvalMelding.objects.count() == 2 * len(regio.wijken)
    gebied = Gebied.objects.filter(gebiedsmanagers__username="gebiedsmanager").order_by("pk").first()
    cases = {
        "beleidsadviseur": {},
        "projectleider": {"van": "2025-01-01", "tot": "2025-12-31"},
        "gebiedsmanager": {},
        "beheerder": {"gebied": gebied.pk},
    }
    counts = {naam: _count(client, naam, params) for naam, params in cases.items()}
    print(f"dashboard query counts {regio.schaal}x:", counts)
    assert max(counts.values()) <= 55, counts  # the grouped aggregates of the report, once each
    assert counts == PINNED_DASHBOARD, f"at {regio.schaal}x: {counts}"


def test_the_lists_that_grow_with_the_region_are_cut_and_paged(rapport_world, client):
    """The table per wijk comes a page at a time; the practices without opvangafspraak and each wijkplan
    column show at most the first few, with the count and a link to the full page."""
    from monitoring.rapportage.views import DashboardView
    from tests.wijken.factories import PraktijkFactory, WijkFactory

    gebied = Gebied.objects.order_by("pk").first()
    for i in range(DashboardView.wijken_per_pagina):
        wijk = WijkFactory(gebied=gebied, naam=f"Nieuwbouwwijk {i:02d}")
        PraktijkFactory(wijk=wijk)
    response = _get(client, rapport_world.users["beleidsadviseur"], **JAAR_2026)
    wijken = response.context["wijken"]
    assert len(wijken) == DashboardView.wijken_per_pagina and wijken.paginator.num_pages == 2
    r, eerste = response.context["r"], response.context["eerste"]
    assert len(eerste["geen"]) == DashboardView.eerste < len(r.wijkplannen.geen)
    assert len(eerste["zonder_afspraak"]) == DashboardView.eerste < r.continuiteit.aantal_zonder_afspraak
    html = response.content.decode()
    assert f"De eerste {DashboardView.eerste} van {len(r.wijkplannen.geen)}." in html
    assert reverse("samenwerking:opvang-overzicht") + "#kop-radar" in html
    assert "Pagina 1 van 2" in html
    tweede = _get(client, rapport_world.users["beleidsadviseur"], page=2, **JAAR_2026)
    assert tweede.context["wijken"].number == 2
