"""Every demo role logs in through the real login page and sees its own home page."""

import pytest
from django.core.management import call_command

from portaal.demo import DEMO_WACHTWOORD

from .conftest import ernstige_schendingen, login, screenshot

# Serialized rollback like every transactional test here: a flush without it recreates the content
# types, and the next test's restore of the migrated data then collides with them.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# username -> text the home page of that role must show
VERWACHT = {
    "beheerder": "Regio Maastricht-Heuvelland",
    "beleidsadviseur": "Regio Maastricht-Heuvelland",
    "projectleider": "Regio Maastricht-Heuvelland",
    "gebiedsmanager": "Wijksamenwerkingsverbanden (WSV)",
    "gebiedsmanager2": "Wijksamenwerkingsverbanden (WSV)",
    "praktijkmanager": "Mijn samenwerkingsverbanden",
    "praktijkmanager2": "Mijn samenwerkingsverbanden",
    "huisarts": "Mijn samenwerkingsverbanden",
}


def test_login_page_is_accessible_and_rejects_a_wrong_password(page, axe):
    call_command("demodata", verbosity=0)
    page.goto("/")
    assert "/inloggen/" in page.url, "anonymous users are sent to the login page"
    assert ernstige_schendingen(axe, page) == []
    screenshot(page, "login")

    login(page, "praktijkmanager", "verkeerd-wachtwoord")
    assert page.get_by_role("alert").is_visible()
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Gebruikersnaam").input_value() == "praktijkmanager", "the input is kept"


def test_every_demo_role_logs_in_and_sees_its_home_page(page, axe):
    call_command("demodata", verbosity=0)
    for username, kop in VERWACHT.items():
        login(page, username, DEMO_WACHTWOORD)
        page.wait_for_url("**/")
        assert page.get_by_text(kop, exact=False).first.is_visible(), f"{username} sees '{kop}'"
        assert "Uitloggen" in page.content()
        assert ernstige_schendingen(axe, page) == [], username
        screenshot(page, f"home-{username}")
        page.get_by_role("button", name="Uitloggen").click()
        page.wait_for_url("**/inloggen/")


def test_home_page_on_a_phone(browser, live_server, axe):
    call_command("demodata", verbosity=0)
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    login(page, "praktijkmanager", DEMO_WACHTWOORD)
    page.wait_for_url("**/")
    assert page.get_by_role("button", name="Menu openen").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "no horizontal scrolling on a phone"
    assert ernstige_schendingen(axe, page) == []
    screenshot(page, "home-praktijkmanager-telefoon")
    context.close()


def test_beleidsadviseur_sets_up_and_uses_the_second_factor(page, axe, settings):
    """With the requirement on (as in production), the password alone opens nothing for this role."""
    import base64
    import re

    from django_otp.oath import totp

    settings.ZIO_MFA_VERPLICHT = True
    call_command("demodata", verbosity=0)
    login(page, "beleidsadviseur", DEMO_WACHTWOORD)
    page.wait_for_url("**/account/tweede-factor/**")
    assert page.get_by_role("heading", name="Tweede factor instellen").is_visible()
    assert "verplicht" in page.content()
    assert ernstige_schendingen(axe, page) == []
    screenshot(page, "mfa-instellen")
    page.goto("/")
    assert "/account/tweede-factor/" in page.url or "/inloggen/code/" in page.url, "no page before the code"
    if "/inloggen/code/" in page.url:
        page.goto("/account/tweede-factor/")

    sleutel = page.get_by_test_id("totp-sleutel").inner_text()
    code = totp(base64.b32decode(sleutel + "=" * (-len(sleutel) % 8)))
    page.get_by_label("Code").fill(f"{code:06d}")
    page.get_by_role("button", name="Bevestigen").click()
    codes = page.get_by_test_id("herstelcodes").inner_text().split()
    assert len(codes) == 10 and all(re.fullmatch(r"[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}", c) for c in codes)
    page.get_by_role("link", name="Ik heb de codes bewaard").click()
    page.wait_for_url("**/")
    assert page.get_by_text("Regio Maastricht-Heuvelland", exact=False).first.is_visible()
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/inloggen/")

    # Next login: the code page; a recovery code opens the portal once.
    login(page, "beleidsadviseur", DEMO_WACHTWOORD)
    page.wait_for_url("**/inloggen/code/**")
    assert ernstige_schendingen(axe, page) == []
    screenshot(page, "mfa-code")
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Controleren").click()
    assert "Deze code klopt niet" in page.content()
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_url("**/")
    assert "nog 9" in page.content()
