"""The wijkplan PDF: asked for from the plan page, its status there, the download for every reader of the
plan and for nobody else, a stale claim handled like the other background files, and the document itself
(text and tags read back with pypdf). The round trip through the real worker is in test_pdf_worker.py."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from monitoring.models import WijkplanPdf
from monitoring.wijkplannen import services
from monitoring.wijkplannen.pdf import pdf_maken, snapshot_maken
from monitoring.wijkplannen.tasks import wijkplan_pdf_task, wijkplan_pdfs_opruimen_task
from tests.pdf_controle import pdf_tags
from zio_portal import achtergrond

from .pdf_data import plan_voor_pdf

pytestmark = pytest.mark.django_db


def _pdf_tekst(inhoud: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(inhoud)).pages)


def test_the_pdf_has_the_plan_the_figures_and_is_tagged(world):
    plan = plan_voor_pdf(world)
    snapshot = snapshot_maken(wijkplan_id=plan.pk)
    inhoud = pdf_maken(snapshot=snapshot)
    assert pdf_maken(snapshot=snapshot) == inhoud  # the same snapshot, the same bytes
    tekst = _pdf_tekst(inhoud)
    for kop in (
        "Wijkplan",
        "1. Wijkscan: de cijfers",
        "2. Wat de wijk weet",
        "3. Prioriteiten, doelen en acties",
    ):
        assert kop in tekst
    assert "Eenzame ouderen eerder in beeld" in tekst  # the goal
    assert "Verwijsroute welzijn op recept" in tekst  # the action
    assert "10.000" in tekst and "25,0%" in tekst  # inhabitants and the 65+ share of the wijk
    assert "20,0%" in tekst  # the gemeente's 65+ share: 24.000 of 120.000
    assert "Alleenwonende ouderen" in tekst
    lezer = PdfReader(io.BytesIO(inhoud))
    assert lezer.trailer["/Root"]["/MarkInfo"]["/Marked"]
    assert lezer.trailer["/Root"]["/Lang"] == "nl"
    tags = pdf_tags(inhoud)
    assert tags.th_scopes and all(s in ("/Column", "/Row") for s in tags.th_scopes)
    assert tags.los == [] and tags.paginering > 0
    # The charts: the wijk against the gemeente and the region, with the values as alt text.
    assert "Regio" in snapshot["regio"] or snapshot["regio"]
    figuren = [e.get_object() for e in _structuur(lezer) if e.get_object().get("/S") == "/Figure"]
    assert len(figuren) == 2
    assert all("Gemeente Maastricht" in str(f.get("/Alt", "")) for f in figuren)


def _structuur(lezer):
    stapel = [lezer.trailer["/Root"]["/StructTreeRoot"]["/K"]]
    while stapel:
        knoop = stapel.pop()
        knoop = knoop.get_object() if hasattr(knoop, "get_object") else knoop
        if isinstance(knoop, list):
            stapel.extend(knoop)
        elif hasattr(knoop, "get") and "/S" in knoop:
            yield knoop
            if knoop.get("/K") is not None:
                stapel.append(knoop["/K"])


def test_asking_twice_queues_once_and_the_page_shows_the_status(
    world, client, django_capture_on_commit_callbacks
):
    plan = plan_voor_pdf(world)
    client.force_login(world.users["praktijkmedewerker"])  # a reader of the plan may ask for it
    url = reverse("monitoring:wijkplan-pdf-maken", args=[plan.pk])
    with django_capture_on_commit_callbacks() as taken:
        assert client.post(url).status_code == 302
        client.post(url)
    assert len(taken) == 1
    pagina = client.get(reverse("monitoring:wijkplan-detail", args=[plan.pk])).content.decode()
    assert "De PDF staat in de wachtrij" in pagina and "every 2s" in pagina
    deel = client.get(
        reverse("monitoring:wijkplan-detail", args=[plan.pk]) + "?deel=pdf", headers={"HX-Request": "true"}
    )
    assert deel.status_code == 200 and "<html" not in deel.content.decode()

    # Made (here in this process, as the worker would): the page offers the download.
    wijkplan_pdf_task.apply(args=[plan.pk], task_id="taak-1")
    pdf = WijkplanPdf.objects.get(wijkplan=plan)
    assert (
        pdf.status == achtergrond.Status.GEREED
        and pdf.pogingen == 1
        and pdf.snapshot["wijk"] == plan.wijk.naam
    )
    pagina = client.get(reverse("monitoring:wijkplan-detail", args=[plan.pk])).content.decode()
    assert "PDF downloaden" in pagina and "every 2s" not in pagina
    wijkplan_pdf_task.apply(args=[plan.pk], task_id="taak-2")  # a second delivery is skipped by the claim
    assert WijkplanPdf.objects.get(pk=pdf.pk).pogingen == 1
    download = client.get(reverse("monitoring:wijkplan-pdf", args=[plan.pk]))
    try:
        assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
        assert download["Cache-Control"] == "private, no-store"
        assert b"".join(download.streaming_content).startswith(b"%PDF")
    finally:
        pdf.bestand.storage.delete(pdf.bestand.name)


def test_a_failed_pdf_says_why_and_can_be_retried(world, client):
    plan = plan_voor_pdf(world)
    WijkplanPdf.objects.create(
        wijkplan=plan, status=achtergrond.Status.MISLUKT, foutmelding="Fout bij het maken van de PDF: kapot"
    )
    client.force_login(world.users["gebiedsmanager"])
    pagina = client.get(reverse("monitoring:wijkplan-detail", args=[plan.pk])).content.decode()
    assert "Het maken van de PDF is mislukt." in pagina and "kapot" in pagina and "Opnieuw proberen" in pagina
    assert client.get(reverse("monitoring:wijkplan-pdf", args=[plan.pk])).status_code == 404
    assert services.wijkplan_pdf_aanvragen(wijkplan=plan)
    assert WijkplanPdf.objects.get(wijkplan=plan).status == achtergrond.Status.IN_WACHTRIJ


def test_a_stale_claim_is_requeued_and_taken_over_out_of_attempts_it_fails(
    world, django_capture_on_commit_callbacks
):
    plan = plan_voor_pdf(world)
    lang_geleden = timezone.now() - achtergrond.tijdslimiet() - datetime.timedelta(minutes=1)
    pdf = WijkplanPdf.objects.create(
        wijkplan=plan,
        status=achtergrond.Status.BEZIG,
        claim="dode-worker",
        pogingen=1,
        gestart_op=lang_geleden,
    )
    # A live claim of another task is left alone.
    WijkplanPdf.objects.filter(pk=pdf.pk).update(gestart_op=timezone.now())
    services.wijkplan_pdf_maken(wijkplan_id=plan.pk, task_id="andere-taak")
    assert WijkplanPdf.objects.get(pk=pdf.pk).claim == "dode-worker"
    # Past the hard limit: the cleanup requeues it, and the next task takes it over as attempt 2.
    WijkplanPdf.objects.filter(pk=pdf.pk).update(gestart_op=lang_geleden)
    assert wijkplan_pdfs_opruimen_task.apply().get() == {"mislukt": 0, "opnieuw": 1}
    services.wijkplan_pdf_maken(wijkplan_id=plan.pk, task_id="nieuwe-taak")
    pdf.refresh_from_db()
    try:
        assert pdf.status == achtergrond.Status.GEREED and pdf.pogingen == 2 and pdf.claim == "nieuwe-taak"
    finally:
        pdf.bestand.storage.delete(pdf.bestand.name)
    # Out of attempts: failed with a message, not "bezig" forever.
    WijkplanPdf.objects.filter(pk=pdf.pk).update(
        status=achtergrond.Status.BEZIG, pogingen=achtergrond.MAX_POGINGEN, gestart_op=lang_geleden
    )
    assert services.wijkplan_pdfs_opruimen() == {"mislukt": 1, "opnieuw": 0}
    pdf.refresh_from_db()
    assert pdf.status == achtergrond.Status.MISLUKT and "afgebroken" in pdf.foutmelding


@pytest.mark.parametrize(
    ("rol", "maken", "downloaden"),
    [
        ("beheerder", 302, 200),
        ("beleidsadviseur", 302, 200),
        ("projectleider", 302, 200),
        ("gebiedsmanager", 302, 200),
        ("praktijkmedewerker", 302, 200),
        ("gebiedsmanager_b", 404, 404),
        ("praktijkmedewerker_ander_gebied", 404, 404),
        ("praktijkmedewerker_b2", 404, 404),
    ],
)
def test_rights_per_role(world, client, rol, maken, downloaden):
    plan = plan_voor_pdf(world)
    pdf = WijkplanPdf.objects.create(wijkplan=plan, status=achtergrond.Status.IN_WACHTRIJ)
    services.wijkplan_pdf_maken(wijkplan_id=plan.pk, task_id="taak")
    pdf.refresh_from_db()
    try:
        client.force_login(world.users[rol])
        assert client.get(reverse("monitoring:wijkplan-pdf", args=[plan.pk])).status_code == downloaden
        assert client.post(reverse("monitoring:wijkplan-pdf-maken", args=[plan.pk])).status_code == maken
    finally:
        pdf.bestand.storage.delete(pdf.bestand.name)
