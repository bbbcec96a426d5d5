"""axe-core on every page, for the role that sees it; keyboard use; no console (CSP) errors."""

from __future__ import annotations

import pytest
from e2e_support import check_page, new_page, sign_in
from playwright.sync_api import Browser, expect

pytestmark = pytest.mark.e2e

PAGES = {
    None: ["/", "/logga-in"],
    "chef.omsorg": [
        "/utforare",
        "/utforare/bestall/aktiva-larmkunder",
        "/utforare/bestall/eskalerade-larmanrop",
        "/utforare/bestall/laslogg",
        "/utforare/bestall/tillsyn",
        "/utforare/arenden",
    ],
    "personal.omsorg": ["/utforare/bestall/tillsyn", "/handlaggare"],  # refused: an error page
    "vof.rep": ["/utforare/bestall/laslogg"],
    "handlaggare": [
        "/handlaggare",
        "/handlaggare/sok",
        "/handlaggare/oversikt",
        "/handlaggare/import",
        "/handlaggare/import/karantan",
    ],
    "admin": ["/admin/granskning", "/admin/granskning/kontroll"],
}


@pytest.mark.parametrize("username", list(PAGES), ids=lambda u: u or "anonym")
def test_every_page_passes_axe_core(browser: Browser, server: object, username: str | None) -> None:
    context, page = new_page(browser, server.url)  # type: ignore[attr-defined]
    if username:
        sign_in(page, username)
    for path in PAGES[username]:
        page.goto(path)
        check_page(page, f"{username or 'anonym'}{path.replace('/', '_') or '_start'}")
    context.close()


def test_the_sign_in_works_with_the_keyboard_alone(browser: Browser, server: object) -> None:
    context, page = new_page(browser, server.url)  # type: ignore[attr-defined]
    page.goto("/logga-in")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Hoppa till innehållet")).to_be_focused()
    page.get_by_label("Användarnamn").focus()
    page.keyboard.type("handlaggare")
    page.keyboard.press("Tab")
    page.keyboard.type("ett-långt-testlösenord")
    page.keyboard.press("Enter")
    page.wait_for_url("**/handlaggare")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ärendekö")
    context.close()


def test_search_and_audit_filters_keep_the_personnummer_out_of_the_url(
    browser: Browser, server: object
) -> None:
    context, page = new_page(browser, server.url)  # type: ignore[attr-defined]
    sign_in(page, "handlaggare")
    page.goto("/handlaggare/sok")
    page.get_by_label("Brukarens personnummer").fill("19400101-1230")
    page.get_by_role("button", name="Sök").click()
    page.wait_for_load_state()
    assert "1230" not in page.url
    check_page(page, "handlaggare_sok_resultat")
    context.close()
