"""The import page in a real browser: an officer uploads a native CSV with one bad row, sees the
counts and the rejection, and finds the row in the quarantine. axe-core checks each page."""

from __future__ import annotations

from pathlib import Path

import pytest
from e2e_support import check_page, new_page, sign_in
from playwright.sync_api import Browser, expect

from factories_import import LOCK_HEADER, bad_check_digit, lock_event, write_csv
from loggutdrag.domain.personnummer import with_check_digit

pytestmark = pytest.mark.e2e

PNR = with_check_digit("19380404321")  # made up, not the other tests' recipient


def test_an_officer_imports_a_file_and_finds_the_bad_row_in_the_quarantine(
    browser: Browser, server: object, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "laslogg-e2e.csv",
        LOCK_HEADER,
        [
            lock_event("WEB-1", personnummer=PNR),
            lock_event("WEB-2", personnummer=PNR, event="lock"),
            lock_event("WEB-BAD", personnummer=bad_check_digit(PNR)),
        ],
    )
    context, page = new_page(browser, server.url)  # type: ignore[attr-defined]
    sign_in(page, "handlaggare")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Import").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Importera loggar")
    page.get_by_label("Källa").select_option(label="Låshändelser (digital nyckelhantering)")
    page.get_by_label("Fil", exact=True).set_input_files(str(path))
    page.get_by_role("button", name="Importera").click()

    expect(page.get_by_role("status")).to_contain_text(
        "3 rader lästes: 2 nya, 0 dubbletter, 1 avvisad."
    )
    rejected = page.get_by_role("table", name="Avvisade rader")
    expect(rejected.get_by_role("row")).to_have_count(2)  # header and the one bad row
    expect(rejected).to_contain_text("WEB-BAD")
    expect(rejected).to_contain_text("personnumret")
    check_page(page, "import_resultat")

    page.get_by_role("link", name="Visa karantänen").click()
    expect(page.get_by_label("Källa")).to_have_value("lock-events")
    quarantine = page.get_by_role("table", name="Avvisade rader")
    expect(quarantine.get_by_role("row").filter(has_text="WEB-BAD")).to_have_count(1)
    expect(quarantine).to_contain_text("laslogg-e2e.csv")
    check_page(page, "import_karantan")

    page.get_by_role("button", name="Försök igen").click()
    expect(page.get_by_role("heading", name="Resultat av nytt försök")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("0 nya")
    check_page(page, "import_forsok_igen")
    context.close()
