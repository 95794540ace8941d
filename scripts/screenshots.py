"""Screenshots of portal pages as a given demo user, for looking at the screens as a user would.

Usage: python scripts/screenshots.py BASE_URL USERNAME OUT_DIR PATH [PATH ...]
(the portal must be running, e.g. with `make run`; the demo password is used).
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-sync",
    "--lang=nl-NL",
]


def main() -> None:
    base, username, out, *paths = sys.argv[1:]
    Path(out).mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for breedte in (1280, 390):
            page = browser.new_page(base_url=base, viewport={"width": breedte, "height": 900}, locale="nl-NL")
            page.goto("/inloggen/")
            page.get_by_label("Gebruikersnaam").fill(username)
            page.get_by_label("Wachtwoord").fill("wijksamenwerking")
            page.get_by_role("button", name="Inloggen").click()
            page.wait_for_url("**/")
            for path in paths:
                page.goto(path)
                naam = path.strip("/").replace("/", "_").replace("?", "_") or "home"
                page.screenshot(path=f"{out}/{username}-{naam}-{breedte}.png", full_page=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
