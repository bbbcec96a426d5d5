"""The main flow in a real browser: a provider orders a lock log with a field missing, the officer
asks for the supplement, the provider completes it, the officer produces and delivers the extract,
and the provider downloads it. axe-core checks every page on the way."""

from __future__ import annotations

import re

import pytest
from e2e_support import PERSONNUMMER, check_page, new_page, sign_in
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.e2e


def _fill_lock_log_without_personnummer(page: Page) -> None:
    page.get_by_label("Hos en brukare").check()
    page.get_by_label("Orsak till begäran").fill("Oro för att dörren lämnats olåst efter besök")
    page.get_by_label("Första dag").fill("2026-10-01")
    page.get_by_label("Sista dag").fill("2026-10-31")
    page.get_by_label("Brukarens namn").fill("Greta Testsson")


def test_a_lock_log_goes_from_order_to_download(browser: Browser, server: object) -> None:
    base = server.url  # type: ignore[attr-defined]
    provider_context, provider = new_page(browser, base)
    officer_context, officer = new_page(browser, base)

    # The provider follows the service-desk path and orders a lock log, leaving out a field.
    sign_in(provider, "chef.omsorg")
    provider.get_by_role("link", name="Beställ loggutdrag").first.click()
    expect(provider.get_by_role("navigation", name="Sökväg")).to_contain_text("Välfärdsteknik")
    provider.get_by_role("link", name="Låslogg (digital nyckelhantering)").click()
    _fill_lock_log_without_personnummer(provider)
    missing = provider.locator("#missing")
    expect(missing).to_contain_text("Brukarens personnummer")  # shown while filling in (htmx)
    expect(missing).not_to_contain_text("Periodens första dag")
    check_page(provider, "flode_1_bestallning_saknar_personnummer")
    provider.get_by_role("button", name="Skicka beställningen").click()
    expect(provider.get_by_role("heading", level=1)).to_contain_text("Ärende VÄN 2026-")
    diary_number = provider.get_by_role("heading", level=1).inner_text().removeprefix("Ärende ")
    expect(provider.locator("dl.facts")).to_contain_text("väntar på komplettering")
    check_page(provider, "flode_2_arende_vantar")

    # The officer sees it in the queue and has the supplement text ready to send.
    sign_in(officer, "handlaggare")
    officer.get_by_role("link", name=diary_number).click()
    expect(officer.get_by_label("Svar till beställaren")).to_have_value(re.compile("personnummer"))
    check_page(officer, "flode_3_handlaggare_begar_komplettering")

    # The provider completes the request on the case page.
    provider.reload()
    provider.get_by_label("Brukarens personnummer").fill(PERSONNUMMER)
    expect(provider.locator("#missing")).to_contain_text("Allt som behövs är ifyllt")
    provider.get_by_role("button", name="Skicka kompletteringen").click()
    expect(provider.get_by_role("status")).to_contain_text("Kompletteringen är mottagen")
    expect(provider.locator("dl.facts")).to_contain_text("klar att handläggas")
    check_page(provider, "flode_4_kompletterad")

    # The officer previews, produces and delivers the extract.
    officer.reload()
    officer.get_by_role("link", name="Förhandsgranska").click()
    expect(officer.get_by_role("heading", name=re.compile("Förhandsgranskning"))).to_be_visible()
    check_page(officer, "flode_5_forhandsgranskning")
    officer.get_by_label("Format").select_option("pdf")
    officer.get_by_role("button", name="Ta fram loggutdrag").click()
    expect(officer.locator("dl.facts")).to_contain_text("loggutdrag framtaget")
    officer.get_by_label("bifogad fil i Lindesk").check()
    check_page(officer, "flode_6_leverera")
    officer.get_by_role("button", name="Leverera loggutdraget").click()
    expect(officer.locator("dl.facts")).to_contain_text("levererad")

    # The provider downloads the delivered extract.
    provider.reload()
    check_page(provider, "flode_7_levererat")
    with provider.expect_download() as download_info:
        provider.get_by_role("link", name=re.compile(r"\.pdf$")).click()
    download = download_info.value
    path = download.path()
    assert path is not None
    assert path.read_bytes()[:5] == b"%PDF-"

    # Another provider's manager cannot reach the case.
    other_context, other = new_page(browser, base)
    sign_in(other, "chef.privat")
    response = other.goto(provider.url)
    assert response is not None and response.status == 403
    for context in (provider_context, officer_context, other_context):
        context.close()
