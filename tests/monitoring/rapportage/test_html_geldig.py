"""Valid HTML: no duplicate ids (inline SVG charts) and no errors of the Nu HTML Checker on the main page
of every workflow, charts included."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.html_controle import dubbele_ids, vnu_fouten
from tests.monitoring.test_views import _ingediend, ronde  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def met_resultaten(rapport_world, ronde):  # noqa: F811
    """Submitted answers in three practices, so the results page draws every chart."""
    w = rapport_world
    for praktijk, score in ((w.praktijk_a1, 5), (w.praktijk_a1_buur, 1), (w.praktijk_b1, 3)):
        _ingediend(ronde, praktijk, score)
    return ronde


def _hoofdpaginas(w, ronde_) -> dict[str, str]:
    return {
        "home": reverse("home"),
        "wijken": reverse("wijken:wijk-list"),
        "sociale kaart": reverse("wijken:sociale-kaart", args=[w.wijk_a1.pk]),
        "verbanden": reverse("samenwerking:verband-list"),
        "afspraken": reverse("samenwerking:afspraak-list"),
        "overleggen": reverse("samenwerking:overleg-list", args=[w.wsv_a1.pk]),
        "samenstelling": reverse("samenwerking:samenstelling", args=[w.wsv_a1.pk]),
        "terugkoppelingen": reverse("samenwerking:terugkoppeling-list"),
        "monitoring": reverse("monitoring:index"),
        "resultaten": reverse("monitoring:resultaten", args=[ronde_.pk]),
        "bezoeken": reverse("monitoring:bezoek-list"),
        "rapportages": reverse("rapportage:list"),
        "dashboard": reverse("rapportage:dashboard") + "?van=2026-01-01&tot=2026-12-31",
    }


def _html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_results_page_and_dashboard_have_unique_ids(rapport_world, met_resultaten, client):
    client.force_login(rapport_world.users["beleidsadviseur"])
    resultaten = _html(client, reverse("monitoring:resultaten", args=[met_resultaten.pk]))
    dashboard = _html(client, reverse("rapportage:dashboard") + "?van=2026-01-01&tot=2026-12-31")
    assert resultaten.count("<svg") >= 4 and dashboard.count("<svg") >= 2
    assert dubbele_ids(resultaten) == {}
    assert dubbele_ids(dashboard) == {}
    for html in (resultaten, dashboard):
        assert "<metadata" not in html and "rdf:RDF" not in html


def test_main_page_of_every_workflow_passes_the_nu_html_checker(rapport_world, met_resultaten, client):
    client.force_login(rapport_world.users["beheerder"])
    paginas = {naam: _html(client, url) for naam, url in _hoofdpaginas(rapport_world, met_resultaten).items()}
    client.logout()
    paginas["login"] = _html(client, reverse("login"))
    fouten = vnu_fouten(paginas)
    print("Nu HTML Checker errors per page:", {naam: len(f) for naam, f in fouten.items()})
    assert {naam: f for naam, f in fouten.items() if f} == {}
