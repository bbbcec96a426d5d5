"""The language switch in the header: English pages pass axe-core too, and the choice sticks."""

from __future__ import annotations

import pytest
from e2e_support import check_page, new_page, sign_in
from playwright.sync_api import Browser, expect

pytestmark = pytest.mark.e2e

ENGLISH_PAGES = [
    "/handlaggare",
    "/handlaggare/sok",
    "/handlaggare/oversikt",
    "/handlaggare/import",
    "/utforare/bestall/laslogg",
]


def test_the_officer_switches_to_english_and_back(browser: Browser, server: object) -> None:
    context, page = new_page(browser, server.url)  # type: ignore[attr-defined]
    sign_in(page, "handlaggare")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Case queue")
    for path in ENGLISH_PAGES:
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("lang", "en")
        check_page(page, f"en{path.replace('/', '_')}")
    page.get_by_role("button", name="Svenska").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("button", name="English")).to_be_visible()
    context.close()
