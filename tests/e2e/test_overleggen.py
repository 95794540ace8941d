"""A gebiedsmanager runs a WSV-overleg in the browser: plan (with a mistake), the pre-filled agenda,
attendance, notulen and an actiepunt, the notulen PDF made by the real Celery worker, and the
actiepunt on the next meeting's agenda."""

import datetime
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from portaal.demo import DEMO_WACHTWOORD
from samenwerking.constants import ActiepuntStatus, OverlegStatus, VerbandSoort
from samenwerking.models import Actiepunt, Overleg, Samenwerkingsverband

from .conftest import bekijk, login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ACTIE = "Wijkverpleging en apotheek spreken een vaste belronde af"
NOTULEN = "Casus van een kwetsbare oudere besproken; de huisarts en de wijkverpleging stemmen af."


def test_gebiedsmanager_runs_a_wsv_meeting(page, axe, celery_worker_process):
    call_command("demodata", verbosity=0)
    wsv = (
        Samenwerkingsverband.objects.filter(
            soort=VerbandSoort.MULTIDISCIPLINAIR,
            wijk__gebied__gebiedsmanagers__username="gebiedsmanager",
            afgevaardigden__einde_op__isnull=True,
            actiepunten__status=ActiepuntStatus.OPEN,
        )
        .distinct()
        .order_by("pk")
        .first()
    )
    open_actie = (
        Actiepunt.objects.filter(verband=wsv, status=ActiepuntStatus.OPEN).order_by("deadline").first()
    )
    vandaag = timezone.localdate()

    login(page, "gebiedsmanager", DEMO_WACHTWOORD)
    page.wait_for_url("**/")
    page.goto(f"/verbanden/{wsv.pk}/")
    page.get_by_role("link", name="Overleg plannen").click()
    page.wait_for_url(f"**/verbanden/{wsv.pk}/overleggen/plannen/")

    # A mistake first: the end before the start, no location for a physical meeting.
    page.get_by_label("Datum").fill(vandaag.isoformat())
    page.get_by_label("Starttijd").fill("16:00")
    page.get_by_label("Eindtijd").fill("15:00")
    page.get_by_label("Overlegvorm").select_option("fysiek")
    page.get_by_label("Locatie").fill("")
    page.get_by_role("button", name="Overleg plannen").click()
    expect(page.locator("#error_1_id_eindtijd")).to_have_text("De eindtijd moet na de starttijd liggen.")
    expect(page.locator("#error_1_id_locatie")).to_contain_text("Vul de locatie in")
    assert page.get_by_label("Starttijd").input_value() == "16:00", "the input is kept"
    bekijk(page, axe, "overleggen-plannen-fout")

    page.get_by_label("Eindtijd").fill("17:30")
    page.get_by_label("Locatie").fill(f"Wijkcentrum {wsv.wijk.naam}")
    page.get_by_role("button", name="Overleg plannen").click()
    page.wait_for_url(re.compile(r".*/overleggen/\d+/$"))
    overleg = Overleg.objects.get(verband=wsv, datum=vandaag, starttijd=datetime.time(16, 0))

    # The pre-filled agenda: the standing item, the open actions and the open knelpunten.
    agenda = page.locator("#agenda")
    expect(agenda.locator("li").first).to_contain_text("Patiëntgerichte zorg")
    expect(agenda).to_contain_text(open_actie.omschrijving[:40])
    bekijk(page, axe, "overleggen-overleg-gepland")

    # Add an item with htmx and move it up.
    page.get_by_label("Nieuw agendapunt").fill("Samenwerking met de apotheek")
    page.get_by_role("button", name="Toevoegen", exact=True).click()
    expect(agenda).to_contain_text("Samenwerking met de apotheek")
    aantal = overleg.agendapunten.count()
    page.locator("#agenda li").nth(aantal - 1).get_by_role("button", name="Omhoog").click()
    expect(page.locator("#agenda li").nth(aantal - 2)).to_contain_text("Samenwerking met de apotheek")

    # Attendance: everyone present; notulen at the standing item.
    for label in page.locator("#aanwezigheid label.btn", has_text="Aanwezig").all():
        label.click()
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    page.wait_for_url("**#aanwezigheid")
    assert (
        overleg.aanwezigheid.filter(status="aanwezig").count()
        == wsv.afgevaardigden.filter(einde_op__isnull=True).count()
    )
    page.get_by_label("1. Patiëntgerichte zorg").fill(NOTULEN)
    page.get_by_role("button", name="Notulen opslaan").click()
    page.wait_for_url("**#notulen")
    expect(page.get_by_label("1. Patiëntgerichte zorg")).to_have_value(NOTULEN)

    # A new actiepunt with owner and deadline.
    page.locator("#actiepunten summary", has_text="Actiepunt toevoegen").click()
    page.locator("#actie_omschrijving").fill(ACTIE)
    page.get_by_label("Eigenaar").select_option(index=1)
    page.get_by_label("Deadline").fill((vandaag + datetime.timedelta(days=42)).isoformat())
    page.get_by_role("button", name="Actiepunt toevoegen").click()
    page.wait_for_url("**#actiepunten")
    expect(page.locator("#actiepunten")).to_contain_text(ACTIE)
    bekijk(page, axe, "overleggen-overleg-vastgelegd")

    # Final notulen: the real worker renders the PDF; the page polls until the download is there.
    page.get_by_role("button", name="Notulen definitief maken en mailen").click()
    download_knop = page.get_by_role("link", name="Download de notulen (PDF)")
    expect(download_knop).to_be_visible(timeout=90_000)
    with page.expect_download() as download:
        download_knop.click()
    pdf = Path(download.value.path())
    tekst = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert f"Notulen {wsv.naam}" in tekst and NOTULEN[:40] in tekst and ACTIE[:40] in tekst
    overleg.refresh_from_db()
    overleg.notulen_pdf.bestand.delete(save=False)  # the private file of this run
    bekijk(page, axe, "overleggen-overleg-definitief")

    # The action is on the agenda of the next meeting (reached through the gebied overview).
    volgend = (
        Overleg.objects.filter(verband=wsv, status=OverlegStatus.GEPLAND, datum__gt=vandaag)
        .order_by("datum")
        .first()
    )
    page.goto(f"/gebieden/{wsv.wijk.gebied_id}/")
    bekijk(page, axe, "overleggen-gebied-overzicht")
    # The overview lists one row per WSV; its card with the next meeting opens on demand.
    page.get_by_role("link", name=wsv.naam, exact=True).first.click()
    page.locator(f"a[href='/overleggen/{volgend.pk}/']").first.click()
    page.wait_for_url(f"**/overleggen/{volgend.pk}/")
    expect(page.locator("#agenda")).to_contain_text(ACTIE[:40])
    page.goto(f"/verbanden/{wsv.pk}/overleggen/")
    expect(page.locator("table")).to_contain_text(vandaag.strftime("%Y")[:2])
    bekijk(page, axe, "overleggen-overleggen-lijst")
