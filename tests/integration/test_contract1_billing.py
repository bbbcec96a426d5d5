"""Acceptance, contract 1: `billing --json` and `deliver CASE --method ...` from our own data.

The municipality of tests/factories_contract1.py imported; the real commands run in child
processes (SQLite and PostgreSQL); every count is worked out by hand from the files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_subprocess import Cli, Findings, submit_all
from factories_contract1 import BILLING_2026_09_15, BILLING_2026_10_15, import_world
from factories_contract1_requests import ASTRID_HERSELF, BY_MAIL, EXTRACT_REQUESTS, astrid, request
from loggutdrag.services.context import AppContext


@pytest.fixture
def cli(database_url: str, ctx: AppContext, tmp_path: Path) -> Cli:
    import_world(ctx, tmp_path / "files")
    return Cli(database_url, tmp_path / "work")


def test_billing_and_delivery_follow_contract_1(cli: Cli) -> None:
    found = Findings()
    by_mail = request(
        "lock_log", "recipient", **astrid(), provider=None, requester=ASTRID_HERSELF,
        delivery=BY_MAIL,
    )  # fmt: skip
    cases = submit_all(
        cli,
        found,
        {
            "calls_ht01": EXTRACT_REQUESTS["calls_ht01"],
            "supervision_ht02": EXTRACT_REQUESTS["supervision_ht02"],
            "astrid_by_mail": by_mail,
        },
        due="2026-11-04",
    )
    found.assert_none()
    billing_dir, papers = cli.workdir / "billing", cli.workdir / "papers"
    october, september, saturday, desk, mail, wrong = cli.many(
        [
            ("billing", "--date", "2026-10-15", "--json", "--out", billing_dir),
            ("billing", "--date", "2026-09-15", "--json"),
            ("billing", "--date", "2026-10-17", "--json"),
            ("deliver", cases["calls_ht01"], "--method", "service-desk", "--json"),
            ("deliver", cases["astrid_by_mail"], "--method", "registered-mail", "--out", papers),
            ("deliver", cases["supervision_ht02"], "--method", "registered-mail", "--json"),
        ]
    )
    for label, result, wanted, as_of in (
        ("billing 2026-10-15", october, BILLING_2026_10_15, "2026-10-15"),
        ("billing 2026-09-15", september, BILLING_2026_09_15, "2026-09-15"),
    ):
        if found.code(label, result, 0):
            lines = result.json()
            counts = {p["provider"]: (p["total"], p["akutlarm"], p["billable"]) for p in lines}
            found.expect(label, counts, wanted)
            found.expect(f"{label} as_of", {line["as_of"] for line in lines}, {as_of})
    pdfs = sorted(billing_dir.glob("*.pdf")) if billing_dir.exists() else []
    found.expect("billing --out: a PDF per provider and a summary", len(pdfs) >= 3, True)
    if found.code("billing on a Saturday", saturday, 2):
        found.expect("billing on a Saturday: field", saturday.json()["error"]["field"], "date")
        found.expect("billing on a Saturday names --date", "--date" in saturday.stderr, True)
    if found.code("deliver service-desk", desk, 0):
        found.expect("service-desk method", desk.json().get("method"), "service_desk")
    if found.code("deliver registered-mail", mail, 0):
        letters = [p.read_bytes()[:4] for p in papers.iterdir()] if papers.exists() else []
        found.expect("a cover letter PDF", b"%PDF" in letters, True)
    found.code("a provider's extract by registered mail (R7)", wrong, 4)
    found.code("audit trail intact", cli.run("audit", "verify"), 0)
    found.assert_none()
