"""Pages of the rapportage: the private download per role, the self-refreshing status, the request."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from monitoring.models import Rapportage
from tests.url_cases import ROLLEN

from .conftest import TOT, VAN

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7 test\n%%EOF"


@pytest.fixture
def met_bestand(world):
    """A ready report of gebied A (with a file), first unshared."""
    r = Rapportage.objects.create(
        periode_van=VAN, periode_tot=TOT, scope="gebied", gebied=world.gebied_a, status="gereed"
    )
    r.bestand.save(f"rapportage-{r.pk}-test.pdf", ContentFile(PDF), save=True)
    yield r
    r.bestand.storage.delete(r.bestand.name)


@pytest.mark.parametrize("gedeeld", [False, True])
def test_download_for_every_role(world, client, met_bestand, gedeeld):
    if gedeeld:
        Rapportage.objects.filter(pk=met_bestand.pk).update(
            definitief_op=timezone.now(), gedeeld_op=timezone.now()
        )
    url = reverse("rapportage:download", args=[met_bestand.pk])
    # The practice users are praktijkmanagers, but this report was not shared with them.
    verwacht = {rol: 404 for rol in ROLLEN if rol.startswith("praktijkmedewerker")}
    verwacht |= {"anoniem": 302, "beheerder": 200, "beleidsadviseur": 200}
    # the projectleider and gebied A's manager only once it is shared
    verwacht["projectleider"] = verwacht["gebiedsmanager"] = 200 if gedeeld else 404
    for rol in ROLLEN:
        client.logout()
        if rol != "anoniem":
            client.force_login(world.users[rol])
        response = client.get(url)
        assert response.status_code == verwacht[rol], rol
        if response.status_code == 200:
            assert b"".join(response.streaming_content) == PDF
            assert response["Content-Type"] == "application/pdf"
            assert "attachment" in response["Content-Disposition"]
            assert "no-store" in response["Cache-Control"]
    client.force_login(world.users["gebiedsmanager_b"])
    assert client.get(url).status_code == 404  # another gebied's manager
    assert met_bestand.bestand.name not in client.get(reverse("rapportage:list")).content.decode()


def test_status_partial_polls_while_running_and_stops_when_done(world, client):
    r = Rapportage.objects.create(periode_van=VAN, periode_tot=TOT, scope="regio", status="bezig")
    client.force_login(world.users["beleidsadviseur"])
    url = reverse("rapportage:detail", args=[r.pk])
    volledig = client.get(url).content.decode()
    assert 'hx-trigger="every 1s"' in volledig and "<html" in volledig
    deel = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert 'id="rapportage-status"' in deel and "<html" not in deel and "every 1s" in deel
    Rapportage.objects.filter(pk=r.pk).update(
        status="mislukt", foutmelding="Fout bij het maken van de PDF: x"
    )
    deel = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "every 1s" not in deel and "Fout bij het maken van de PDF: x" in deel


def test_request_form_creates_one_job_and_redirects(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.users["beleidsadviseur"])
    data = {"periode_soort": "jaar", "jaar": 2026, "scope": "wijk", "wijk": world.wijk_b1.pk}
    with django_capture_on_commit_callbacks() as taken:
        response = client.post(reverse("rapportage:aanvragen"), data)
        client.post(reverse("rapportage:aanvragen"), data)
    r = Rapportage.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("rapportage:detail", args=[r.pk])
    assert (r.periode_van, r.periode_tot, r.wijk, r.gebied) == (VAN, TOT, world.wijk_b1, None)
    assert len(taken) == 1
    fout = client.post(reverse("rapportage:aanvragen"), {"periode_soort": "vrij", "scope": "gebied"})
    assert fout.status_code == 200 and "Kies het gebied" in fout.content.decode()


def test_when_ready_the_polled_part_brings_the_download_and_the_review(world, client):
    """The page updates itself: the partial that replaces the status also holds the review form."""
    r = Rapportage.objects.create(periode_van=VAN, periode_tot=TOT, scope="regio", status="bezig")
    client.force_login(world.users["beleidsadviseur"])
    url = reverse("rapportage:detail", args=[r.pk])
    assert "Beoordelen en delen" not in client.get(url, headers={"HX-Request": "true"}).content.decode()
    Rapportage.objects.filter(pk=r.pk).update(status="gereed")
    deel = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "every 1s" not in deel
    assert reverse("rapportage:download", args=[r.pk]) in deel
    assert "Beoordelen en delen" in deel and reverse("rapportage:beoordelen", args=[r.pk]) in deel


def test_a_report_whose_file_is_gone_gives_a_dutch_404_page_to_make_it_again(world, client, caplog):
    r = Rapportage.objects.create(
        periode_van=VAN, periode_tot=TOT, scope="regio", status="gereed", snapshot={"versie": 1}
    )
    r.bestand.save(f"rapportage-{r.pk}-weg.pdf", ContentFile(PDF), save=True)
    r.bestand.storage.delete(r.bestand.name)  # removed from disk behind the portal's back
    url = reverse("rapportage:download", args=[r.pk])
    opnieuw = reverse("rapportage:opnieuw", args=[r.pk])
    client.force_login(world.users["beleidsadviseur"])
    with caplog.at_level("ERROR"):
        response = client.get(url)
    assert response.status_code == 404
    tekst = response.content.decode()
    assert "Bestand niet beschikbaar" in tekst and "Laat het opnieuw maken" in tekst
    assert f'action="{opnieuw}"' in tekst and 'method="post"' in tekst
    assert any(
        "ontbreekt" in rec.getMessage() and r.bestand.name in rec.getMessage() for rec in caplog.records
    )
    # The projectleider may read reports but not make them: the page says so, without a button.
    client.force_login(world.users["projectleider"])
    response = client.get(url)
    assert response.status_code == 404 and opnieuw not in response.content.decode()
    # The button's action queues the report again (rendered from its stored data).
    client.force_login(world.users["beleidsadviseur"])
    assert client.post(opnieuw).status_code == 302
    r.refresh_from_db()
    assert r.status == "in_wachtrij"


def test_the_status_page_says_the_job_is_being_retried(world, client):
    r = Rapportage.objects.create(
        periode_van=VAN, periode_tot=TOT, scope="regio", status="bezig", pogingen=2, gestart_op=timezone.now()
    )
    client.force_login(world.users["beleidsadviseur"])
    tekst = client.get(reverse("rapportage:detail", args=[r.pk]), headers={"HX-Request": "true"}).content
    assert "Opnieuw geprobeerd, poging 2 van 3" in tekst.decode()
    Rapportage.objects.filter(pk=r.pk).update(pogingen=1)
    tekst = client.get(reverse("rapportage:detail", args=[r.pk])).content.decode()
    assert "Opnieuw geprobeerd" not in tekst
