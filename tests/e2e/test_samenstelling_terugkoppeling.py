"""The gebiedsmanager keeps a WSV's composition and reports to the projectleider; the projectleider
takes a line to the RESV. In the browser, on the demo region, with the real Celery worker."""

import datetime
import time

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from portaal.demo import DEMO_WACHTWOORD
from samenwerking.constants import TerugkoppelingStatus, VerbandSoort
from samenwerking.models import Afgevaardigde, GebiedTerugkoppeling, Knelpunt, Samenwerkingsverband
from samenwerking.samenstelling import selectors
from samenwerking.terugkoppeling.services import TERUGKOPPELING_MAIL_SOORT
from wijken.models import Gebied
from zio_portal.models import VerzondenHerinnering

from .conftest import bekijk, login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EIGEN_BEVINDING = "De wijkverpleging is sinds oktober beter bereikbaar via het vaste teamnummer."
RESV_UITKOMST = "Het RESV neemt de bereikbaarheid van de wijkverpleging regionaal op."


def _kwartaal_terug(dag: datetime.date, terug: int) -> tuple[datetime.date, datetime.date]:
    """The full quarter ``terug`` quarters before the one ``dag`` is in."""
    van = datetime.date(dag.year, 3 * ((dag.month - 1) // 3) + 1, 1)
    for _ in range(terug):
        tot = van - datetime.timedelta(days=1)
        van = datetime.date(tot.year, 3 * ((tot.month - 1) // 3) + 1, 1)
    return van, tot


def _wsv_met_vacature() -> tuple[Samenwerkingsverband, str, str]:
    """A WSV of the demo gebiedsmanager with a vacant beroepsgroep that has candidates in the wijk,
    and a beroepsgroep whose delegate can be replaced by a second candidate."""
    for wsv in Samenwerkingsverband.objects.filter(
        soort=VerbandSoort.MULTIDISCIPLINAIR, wijk__gebied__gebiedsmanagers__username="gebiedsmanager"
    ).order_by("pk"):
        kandidaten = selectors.kandidaten_per_beroepsgroep(verband=wsv)
        regels = selectors.samenstelling(verband=wsv)
        vacant = [r.groep for r in regels if not r.actief and kandidaten.get(r.groep)]
        vervangbaar = [
            r.groep
            for r in regels
            if r.actief and any(c.pk != r.actief.contactpersoon_id for c in kandidaten.get(r.groep, []))
        ]
        if vacant and vervangbaar:
            return wsv, vacant[0], vervangbaar[0]
    pytest.fail("The demo region has no WSV with a vacancy for the gebiedsmanager")


def _wacht_op(conditie, seconden: float = 30) -> bool:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if conditie():
            return True
        time.sleep(0.3)
    return False


def test_samenstelling_and_terugkoppeling_to_the_resv(page, axe, celery_worker_process):
    call_command("demodata", verbosity=0)
    vandaag = timezone.localdate()
    wsv, vacant, vervangbaar = _wsv_met_vacature()
    nieuw = selectors.kandidaten_per_beroepsgroep(verband=wsv)[vacant][0]
    huidig = Afgevaardigde.objects.get(verband=wsv, beroepsgroep=vervangbaar, einde_op__isnull=True)
    opvolger = next(
        c
        for c in selectors.kandidaten_per_beroepsgroep(verband=wsv)[vervangbaar]
        if c.pk != huidig.contactpersoon_id
    )

    # --- Samenstelling: appoint a delegate for the vacant beroepsgroep ---
    login(page, "gebiedsmanager", DEMO_WACHTWOORD)
    page.wait_for_url("**/")
    page.goto(f"/verbanden/{wsv.pk}/samenstelling/")
    rij = page.locator(f"#groep-{vacant}")
    expect(rij).to_contain_text("Vacant")
    bekijk(page, axe, "terugkoppeling-samenstelling")

    rij.get_by_role("link", name="Benoemen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Afgevaardigde benoemen")
    page.get_by_label("Afgevaardigde").select_option(str(nieuw.pk))
    page.get_by_label("Gemandateerd op").fill("")
    page.get_by_role("button", name="Benoemen").click()
    expect(page.locator(".invalid-feedback").first).to_be_visible()
    assert page.get_by_label("Afgevaardigde").input_value() == str(nieuw.pk), "the choice is kept"
    assert not Afgevaardigde.objects.filter(verband=wsv, beroepsgroep=vacant).exists()
    bekijk(page, axe, "terugkoppeling-benoemen-fout")

    page.get_by_label("Gemandateerd op").fill(vandaag.isoformat())
    page.get_by_role("button", name="Benoemen").click()
    page.wait_for_url(f"**/verbanden/{wsv.pk}/samenstelling/")
    expect(page.get_by_role("status").first).to_contain_text("is gemandateerd afgevaardigde")
    expect(page.locator(f"#groep-{vacant}")).to_contain_text(nieuw.naam)
    assert (
        Afgevaardigde.objects.get(verband=wsv, beroepsgroep=vacant, einde_op__isnull=True).contactpersoon
        == nieuw
    )

    # --- Replace a delegate: the former one stays visible in the history ---
    page.locator(f"#groep-{vervangbaar}").get_by_role("link", name="Vervangen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Afgevaardigde vervangen")
    page.get_by_label("Nieuwe afgevaardigde").select_option(str(opvolger.pk))
    page.get_by_label("Vervangen per").fill(vandaag.isoformat())
    page.get_by_label("Reden").fill("Vertrokken naar een andere organisatie")
    bekijk(page, axe, "terugkoppeling-vervangen")
    page.get_by_role("button", name="Vervangen").click()
    page.wait_for_url(f"**/verbanden/{wsv.pk}/samenstelling/")
    expect(page.locator(f"#groep-{vervangbaar}")).to_contain_text(opvolger.naam)
    eerder = page.locator(f"#groep-{vervangbaar} ~ tr.samenstelling-eerder").filter(
        has_text=huidig.contactpersoon.naam
    )
    expect(eerder).to_contain_text("Vertrokken naar een andere organisatie")
    huidig.refresh_from_db()
    assert huidig.einde_op == vandaag

    # --- Terugkoppeling: compile for a period, a mistake first ---
    gebied = Gebied.objects.get(naam=wsv.wijk.gebied.naam)
    page.goto("/terugkoppelingen/")
    bekijk(page, axe, "terugkoppeling-lijst")
    page.get_by_role("link", name="Nieuwe terugkoppeling").click()
    page.get_by_label("Gebied").select_option(label=gebied.naam)
    # The demo already holds this gebied's terugkoppeling over the last quarter.
    bestaand = GebiedTerugkoppeling.objects.filter(gebied=gebied).order_by("-periode_tot").first()
    page.get_by_label("Periode van").fill(bestaand.periode_van.isoformat())
    page.get_by_label("Periode tot en met").fill(bestaand.periode_tot.isoformat())
    page.get_by_role("button", name="Concept opstellen").click()
    expect(page.get_by_text("bestaat al een terugkoppeling over deze periode")).to_be_visible()
    bekijk(page, axe, "terugkoppeling-opstellen-fout")

    van, tot = _kwartaal_terug(vandaag, 2)
    assert not GebiedTerugkoppeling.objects.filter(gebied=gebied, periode_van=van, periode_tot=tot).exists()
    page.get_by_label("Periode van").fill(van.isoformat())
    page.get_by_label("Periode tot en met").fill(tot.isoformat())
    page.get_by_role("button", name="Concept opstellen").click()
    page.wait_for_url("**/terugkoppelingen/*/")
    terugkoppeling = GebiedTerugkoppeling.objects.get(gebied=gebied, periode_van=van, periode_tot=tot)
    regel = terugkoppeling.regels.get(verband=wsv)
    expect(page.locator(f"#regel-{regel.pk}")).to_contain_text("Overleggen:")
    bekijk(page, axe, "terugkoppeling-concept")

    # --- Edit one line ---
    page.get_by_role("link", name=f"Wijzigen {wsv.naam}").click()
    bevindingen = page.get_by_label("Bevindingen")
    bevindingen.fill(bevindingen.input_value() + "\n" + EIGEN_BEVINDING)
    bekijk(page, axe, "terugkoppeling-regel-wijzigen")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/terugkoppelingen/{terugkoppeling.pk}/*")
    expect(page.locator(f"#regel-{regel.pk}")).to_contain_text(EIGEN_BEVINDING)

    # --- Send: read-only afterwards, knelpunten passed on, the worker mails the projectleider ---
    page.get_by_role("link", name="Verzenden naar de projectleider").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("verzenden?")
    bekijk(page, axe, "terugkoppeling-verzenden-bevestigen")
    page.get_by_role("button", name="Verzenden naar de projectleider").click()
    expect(page.get_by_role("status").first).to_contain_text("is verzonden")
    expect(page.get_by_role("link", name=f"Wijzigen {wsv.naam}")).to_have_count(0)
    terugkoppeling.refresh_from_db()
    assert terugkoppeling.status == TerugkoppelingStatus.VERZONDEN
    assert not Knelpunt.objects.filter(
        verband__wijk__gebied=gebied, gemeld_op__range=(van, tot), naar_projectleider_op__isnull=True
    ).exists(), "the knelpunten of the period are now with the projectleider"
    assert _wacht_op(
        lambda: VerzondenHerinnering.objects.filter(
            soort=TERUGKOPPELING_MAIL_SOORT,
            sleutel=str(terugkoppeling.pk),
            ontvanger__username="projectleider",
        ).exists()
    ), "the Celery worker mailed the projectleider"
    page.get_by_role("button", name="Uitloggen").click()

    # --- The projectleider: side by side, a line to the RESV with date and outcome ---
    login(page, "projectleider", DEMO_WACHTWOORD)
    page.wait_for_url("**/")
    page.goto("/terugkoppelingen/naast-elkaar/")
    page.get_by_label("Periode").select_option(f"{van.isoformat()}_{tot.isoformat()}")
    page.get_by_role("button", name="Tonen").click()
    kaart = page.get_by_role("region", name=gebied.naam)
    expect(kaart).to_contain_text(wsv.naam)
    bekijk(page, axe, "terugkoppeling-naast-elkaar")

    kaart.get_by_role("button", name=f"Naar het RESV {wsv.naam}").click()
    expect(page.locator(f"#regel-{regel.pk}")).to_contain_text("Nog niet besproken in het RESV")
    regel.refresh_from_db()
    assert regel.naar_resv
    # With a line marked the page shows "Niet naar het RESV" (its contrast was 3.56:1): axe stays clean.
    expect(kaart.get_by_role("button", name=f"Niet naar het RESV {wsv.naam}")).to_be_visible()
    bekijk(page, axe, "terugkoppeling-naast-elkaar-gemarkeerd")
    page.locator(f"#regel-{regel.pk}").get_by_role("link", name="Datum en uitkomst vastleggen").click()
    page.get_by_label("Besproken in het RESV op").fill(vandaag.isoformat())
    page.get_by_label("Uitkomst in het RESV").fill(RESV_UITKOMST)
    bekijk(page, axe, "terugkoppeling-resv")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/terugkoppelingen/naast-elkaar/**")
    expect(page.locator(f"#regel-{regel.pk}")).to_contain_text(RESV_UITKOMST)
    expect(page.locator(f"#regel-{regel.pk}")).to_contain_text("Besproken in het RESV op")
    bekijk(page, axe, "terugkoppeling-naast-elkaar-besproken")
    regel.refresh_from_db()
    assert regel.resv_besproken_op == vandaag and regel.resv_uitkomst == RESV_UITKOMST
