"""What every browser test does: sign in, check a page with axe-core, keep a screenshot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page

from factories_web import PASSWORD

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "e2e"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PERSONNUMMER = "194001011230"  # made up (valid check digit)

_axe = Axe()


def new_page(browser: Browser, base_url: str) -> tuple[BrowserContext, Page]:
    context = browser.new_context(base_url=base_url, locale="sv-SE", accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    # A refused page is itself a 403 (the browser logs that); anything else failing is an error:
    # a script or style refused by the CSP, a missing static file.
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on(
        "response",
        lambda r: (
            errors.append(f"{r.status} {r.url}")
            if r.status >= 400 and r.request.resource_type != "document"
            else None
        ),
    )
    page.console_errors = errors  # type: ignore[attr-defined]
    return context, page


def sign_in(page: Page, username: str, password: str = PASSWORD) -> None:
    page.goto("/logga-in")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state()
    assert "/logga-in" not in page.url, f"sign-in failed for {username}"


def check_page(page: Page, name: str) -> None:
    """axe-core finds no violations; the page made no console errors (e.g. CSP); screenshot."""
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    results = _axe.run(page)
    assert results.violations_count == 0, f"{name}: {results.generate_report()}"
    errors: list[Any] = page.console_errors  # type: ignore[attr-defined]
    assert errors == [], f"{name}: console errors {errors}"
