"""In the browser: while a form's request runs its submit button is disabled and a second submit
does not leave the page, for an ordinary form and for an htmx form."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samenwerking.models import Besluitvorming
from tests.factories import WACHTWOORD
from tests.samenwerking.factories import OverlegFactory

from .conftest import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _wacht_op(page, vastgehouden: list, aantal: int = 1) -> None:
    for _ in range(200):
        if len(vastgehouden) >= aantal:
            return
        page.wait_for_timeout(25)
    raise AssertionError("the form's request never left the browser")


def test_submit_button_is_disabled_while_the_besluit_is_saved(page, world):
    overleg = OverlegFactory(verband=world.wsv_a1, datum=timezone.localdate())
    login(page, "gebiedsmanager", WACHTWOORD)
    page.goto(f"/overleggen/{overleg.pk}/")

    vastgehouden = []  # the server is "slow": the POST is held until the test lets it go
    page.route(f"**/overleggen/{overleg.pk}/besluiten/", lambda route: vastgehouden.append(route))

    page.get_by_text("Besluit vastleggen", exact=True).first.click()  # opens the <details>
    form = page.locator(f"form[action='/overleggen/{overleg.pk}/besluiten/']")
    form.get_by_label("Besluit").fill("We delen casussen in de wijk.")
    # While the page navigates Playwright cannot look at it, so the page reports what it sees: 50 ms
    # after the submit, is the button disabled, and does a second submit (Enter, a script) leave?
    berichten = []
    page.on("console", lambda bericht: berichten.append(bericht.text))
    page.evaluate(
        """() => document.addEventListener("submit", (e) => {
            if (window.__gemeten) return;
            window.__gemeten = true;
            setTimeout(() => {
                const knop = e.target.querySelector("button[type=submit]");
                const bezig = e.target.getAttribute("aria-busy");
                console.log("knop-disabled=" + knop.disabled + " aria-busy=" + bezig);
                e.target.requestSubmit();
                console.log("tweede-poging-gedaan");
            }, 50);
        })"""
    )
    form.get_by_role("button", name="Besluit vastleggen").click(no_wait_after=True)
    _wacht_op(page, vastgehouden)
    _wacht_op(page, berichten, 2)
    assert berichten[:2] == ["knop-disabled=true aria-busy=true", "tweede-poging-gedaan"]
    page.wait_for_timeout(300)
    assert len(vastgehouden) == 1, "the second submit left the browser"

    vastgehouden[0].continue_()
    page.wait_for_load_state("load")
    expect(page.get_by_text("We delen casussen in de wijk.").first).to_be_visible()
    assert Besluitvorming.objects.filter(overleg=overleg).count() == 1
    # The new page has a working button again.
    expect(page.locator(f"form[action='/overleggen/{overleg.pk}/besluiten/'] button")).to_be_enabled()


def test_htmx_form_button_is_disabled_while_the_request_runs_and_usable_after(page, world):
    overleg = OverlegFactory(verband=world.wsv_a1, datum=timezone.localdate())
    login(page, "gebiedsmanager", WACHTWOORD)
    page.goto(f"/overleggen/{overleg.pk}/")

    vastgehouden = []
    page.route(f"**/overleggen/{overleg.pk}/agenda/", lambda route: vastgehouden.append(route))
    form = page.locator("form.card[hx-post]").first
    form.locator("input[name=titel]").fill("Rondvraag")
    knop = form.get_by_role("button", name="Toevoegen")
    knop.click()
    _wacht_op(page, vastgehouden)
    expect(knop).to_be_disabled()
    assert vastgehouden[0].request.headers.get("hx-request") == "true"
    vastgehouden[0].continue_()
    expect(page.locator("#agenda").get_by_text("Rondvraag").first).to_be_visible()
    assert overleg.agendapunten.filter(titel="Rondvraag").count() == 1
    expect(page.locator("form.card[hx-post]").first.get_by_role("button", name="Toevoegen")).to_be_enabled()
