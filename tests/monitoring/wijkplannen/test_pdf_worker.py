"""The wijkplan PDF through the real Redis broker and the real worker process, on the test database:
asked for as on the plan page, made by the worker, read back with pypdf (text and tags).

transactional_db: the rows are committed, so the worker's own connection sees them; the flushed
reference data is seeded again afterwards (``opnieuw_zaaien``)."""

from __future__ import annotations

import datetime
import io
import time

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from monitoring.models import WijkplanPdf
from monitoring.wijkplannen.tasks import wijkplan_pdfs_opruimen_task
from tests.pdf_controle import pdf_tags
from zio_portal import achtergrond

from .pdf_data import plan_voor_pdf

pytestmark = pytest.mark.worker


def _wacht(wijkplan_id: int, seconden: float = 90) -> WijkplanPdf:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        pdf = WijkplanPdf.objects.get(wijkplan_id=wijkplan_id)
        if pdf.status in (achtergrond.Status.GEREED, achtergrond.Status.MISLUKT):
            return pdf
        time.sleep(0.1)
    pytest.fail(f"wijkplan-PDF {wijkplan_id} bleef {pdf.status}")


def test_the_worker_makes_the_pdf_the_reader_downloads_it(
    opnieuw_zaaien,  # noqa: F811
    celery_worker_process,
    transactional_db,
    world,
    client,
):
    plan = plan_voor_pdf(world)
    client.force_login(world.users["gebiedsmanager"])
    assert client.post(reverse("monitoring:wijkplan-pdf-maken", args=[plan.pk])).status_code == 302
    pdf = _wacht(plan.pk)
    try:
        assert pdf.status == achtergrond.Status.GEREED, pdf.foutmelding
        assert pdf.pogingen == 1 and pdf.snapshot["jaar"] == plan.jaar
        client.force_login(world.users["praktijkmedewerker"])  # a reader in the wijk
        response = client.get(reverse("monitoring:wijkplan-pdf", args=[plan.pk]))
        assert response.status_code == 200
        inhoud = b"".join(response.streaming_content)
        lezer = PdfReader(io.BytesIO(inhoud))
        tekst = "\n".join(p.extract_text() for p in lezer.pages)
        assert f"Wijkplan {plan.wijk.naam} {plan.jaar}" in tekst
        assert "3. Prioriteiten, doelen en acties" in tekst
        assert "Eenzame ouderen eerder in beeld" in tekst
        assert "Verwijsroute welzijn op recept" in tekst
        assert "10.000" in tekst  # inhabitants of the wijk
        assert lezer.trailer["/Root"]["/MarkInfo"]["/Marked"]
        tags = pdf_tags(inhoud)
        assert tags.th_scopes and tags.los == []
    finally:
        pdf.bestand.storage.delete(pdf.bestand.name)


def test_a_job_whose_worker_died_is_requeued_by_the_cleanup_and_made_by_the_worker(
    opnieuw_zaaien,  # noqa: F811
    celery_worker_process,
    transactional_db,
    world,
):
    plan = plan_voor_pdf(world)
    WijkplanPdf.objects.create(
        wijkplan=plan,
        status=achtergrond.Status.BEZIG,
        claim="verloren-taak",
        pogingen=1,
        gestart_op=timezone.now() - achtergrond.tijdslimiet() - datetime.timedelta(minutes=1),
    )
    wijkplan_pdfs_opruimen_task.delay()
    pdf = _wacht(plan.pk)
    try:
        assert pdf.status == achtergrond.Status.GEREED, pdf.foutmelding
        assert pdf.pogingen == 2 and pdf.claim != "verloren-taak"
    finally:
        pdf.bestand.storage.delete(pdf.bestand.name)
