"""Browser tests: Playwright drives the system's headless Chromium against pytest-django's live server."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make are still
# synchronous and outside that loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--lang=nl-NL",  # Dutch date inputs (dd-mm-jjjj), as the users see them
]


def _chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if candidate and shutil.which(candidate):
            return candidate
    pytest.fail("Chromium ontbreekt: make test installeert het Debian-pakket 'chromium'.")


@pytest.fixture(scope="session")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=_chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server) -> Iterator:
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()


def ernstige_schendingen(axe: Axe, page) -> list[str]:
    """axe-core violations of impact serious or critical on the current page, as readable lines."""
    results = axe.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v.get("impact") in {"serious", "critical"}
    ]


def screenshot(page, naam: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{naam}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def bekijk(page, axe, naam: str) -> None:
    """No serious or critical axe violations; screenshots at laptop and phone width, no sideways scroll."""
    screenshot(page, naam)
    assert ernstige_schendingen(axe, page) == [], naam
    page.set_viewport_size({"width": 390, "height": 844})
    breedte = page.evaluate("document.documentElement.scrollWidth")
    te_breed = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391)"
        ".slice(0, 5).map(e => e.tagName + '.' + e.className)"
    )
    assert breedte <= 390, f"{naam}: horizontal scroll on a phone ({breedte}px): {te_breed}"
    screenshot(page, f"{naam}-telefoon")
    page.set_viewport_size({"width": 1280, "height": 900})


def login(page, username: str, password: str) -> None:
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
