"""Contract 1 on the command line: `extract CASE [--format] [--out]`, `deliver CASE --method`,
`billing [--provider] [--date] [--out] [--json]`, with their exit codes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from factories_extracts import (
    PNR_ASTRID,
    PNR_GORAN,
    astrid_lock_world,
    lock_log_request,
    recipient_own_request,
)
from loggutdrag.cli import app
from loggutdrag.config import get_settings


@pytest.fixture
def runner(database_url: str, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("LOGGUTDRAG_DATABASE_URL", database_url)
    get_settings.cache_clear()
    with engine.begin() as connection:
        w = astrid_lock_world(connection)
        w.alarm("A1", "trygghetslarm", "VAST", PNR_ASTRID, date(2025, 1, 1))
        w.alarm("A2", "trygghetslarm", "VAST", PNR_GORAN, date(2025, 1, 1))
        w.alarm("A3", "akutlarm", "VAST", None, date(2025, 1, 1))
        w.alarm("B1", "akutlarm", "OST", None, date(2025, 1, 1))
    return CliRunner()


def _submit(
    runner: CliRunner, tmp_path: Path, data: dict[str, object], exit_code: int = 0
) -> dict[str, object]:
    path = tmp_path / "request.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(app, ["request", "submit", str(path), "--json"])
    assert result.exit_code == exit_code, result.output
    submitted: dict[str, object] = json.loads(result.stdout)
    return submitted


def test_extract_prints_the_json_extract_and_writes_files_on_request(
    runner: CliRunner, tmp_path: Path
) -> None:
    case = str(_submit(runner, tmp_path, lock_log_request())["case_id"])
    result = runner.invoke(app, ["extract", case, "--format", "json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert (body["kind"], body["scope"], len(body["rows"])) == ("lock_log", "recipient", 4)
    assert body["summary"]["events"] == 4
    out = tmp_path / "ut" / "utdrag.csv"
    result = runner.invoke(app, ["extract", case, "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 1 + 4
    pdf = tmp_path / "utdrag.pdf"
    result = runner.invoke(app, ["extract", case, "--out", str(pdf)])
    assert result.exit_code == 0, result.output
    assert pdf.read_bytes().startswith(b"%PDF")


def test_an_incomplete_case_exits_3_and_a_bad_format_exits_2(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = lock_log_request()
    del data["period"]
    case = str(_submit(runner, tmp_path, data, exit_code=3)["case_id"])
    assert runner.invoke(app, ["extract", case, "--format", "json"]).exit_code == 3
    result = runner.invoke(app, ["extract", case, "--format", "docx"])
    assert result.exit_code == 2
    assert "docx" in result.output


def test_deliver_follows_the_requester_and_exits_4_otherwise(
    runner: CliRunner, tmp_path: Path
) -> None:
    case = str(_submit(runner, tmp_path, lock_log_request())["case_id"])
    assert (
        runner.invoke(
            app, ["extract", case, "--format", "pdf", "--out", str(tmp_path / "x.pdf")]
        ).exit_code
        == 0
    )
    refused = runner.invoke(app, ["deliver", case, "--method", "in-person"])
    assert refused.exit_code == 4
    result = runner.invoke(app, ["deliver", case, "--method", "service-desk", "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["method"] == "service_desk"
    assert len(body["sha256"]) == 64


def test_deliver_in_person_writes_the_receipt(runner: CliRunner, tmp_path: Path) -> None:
    case = str(_submit(runner, tmp_path, recipient_own_request())["case_id"])
    out = tmp_path / "papper"
    result = runner.invoke(app, ["deliver", case, "--method", "in-person", "--out", str(out)])
    assert result.exit_code == 0, result.output
    (receipt,) = out.iterdir()
    assert "kvittens" in receipt.name
    assert receipt.read_bytes().startswith(b"%PDF")


def test_billing_prints_each_providers_counts_as_json(runner: CliRunner) -> None:
    result = runner.invoke(app, ["billing", "--date", "2026-11-02", "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    by_provider = {line["provider"]: line for line in body}
    assert by_provider["VAST"] | {"files": []} == {
        "provider": "VAST",
        "provider_name": "Hemtjänst Väst AB",
        "as_of": "2026-11-02",
        "total": 3,
        "trygghetslarm": 2,
        "akutlarm": 1,
        "billable": 2,
        "files": [],
    }
    assert (by_provider["OST"]["total"], by_provider["OST"]["billable"]) == (1, 0)
    one = runner.invoke(app, ["billing", "--provider", "OST", "--date", "2026-11-02", "--json"])
    assert [line["provider"] for line in json.loads(one.stdout)] == ["OST"]


def test_billing_refuses_a_date_that_is_not_a_working_day(runner: CliRunner) -> None:
    for day in ("2026-11-01", "2026-12-24", "2026-06-19"):  # Sunday, Julafton, Midsommarafton
        result = runner.invoke(app, ["billing", "--date", day])
        assert result.exit_code == 2, day
        assert "helgfri vardag" in result.output


def test_billing_writes_one_extract_per_provider_and_a_summary(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "faktura"
    result = runner.invoke(
        app,
        [
            "billing",
            "--date",
            "2026-11-02",
            "--out",
            str(out),
            "--format",
            "pdf",
            "--format",
            "xlsx",
        ],
    )
    assert result.exit_code == 0, result.output
    names = sorted(path.name for path in out.iterdir())
    assert names == [
        "OST_aktiva_larmkunder_2026-11-02.pdf",
        "OST_aktiva_larmkunder_2026-11-02.xlsx",
        "VAST_aktiva_larmkunder_2026-11-02.pdf",
        "VAST_aktiva_larmkunder_2026-11-02.xlsx",
        "sammanstallning_aktiva_larmkunder_2026-11-02.csv",
        "sammanstallning_aktiva_larmkunder_2026-11-02.json",
        "sammanstallning_aktiva_larmkunder_2026-11-02.pdf",
    ]
    summary = json.loads((out / "sammanstallning_aktiva_larmkunder_2026-11-02.json").read_text())
    assert summary["summary"]["total"] == 4
    assert summary["summary"]["billable"] == 2
    assert "Summa" in result.output
