"""`loggutdrag demo-data` on the command line (contract 1), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from loggutdrag.cli import app
from loggutdrag.config import get_settings


@pytest.fixture
def runner(database_url: str, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("LOGGUTDRAG_DATABASE_URL", database_url)
    get_settings.cache_clear()
    return CliRunner()


def test_demo_data_fills_an_initialised_database_once(runner: CliRunner) -> None:
    assert runner.invoke(app, ["init"]).exit_code == 0
    result = runner.invoke(app, ["demo-data", "--scale", "0.01", "--seed", "3", "--json"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.output)
    assert counts["recipients"] == 10
    assert counts["users"] == 6
    assert counts["lock_events"] > 1000

    skipped = runner.invoke(app, ["demo-data", "--scale", "0.01", "--if-empty"])
    assert skipped.exit_code == 0
    assert "redan data" in skipped.output

    refused = runner.invoke(app, ["demo-data", "--scale", "0.01"])
    assert refused.exit_code == 2
    assert "Fel: databasen har redan data" in refused.output
    assert "Traceback" not in refused.output


def test_a_scale_of_zero_is_bad_input(runner: CliRunner) -> None:
    result = runner.invoke(app, ["demo-data", "--scale", "0"])
    assert result.exit_code == 2
    assert "skalan" in result.output


def test_demo_data_csv_writes_the_import_files_and_leaves_the_database_empty(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["demo-data", "--scale", "0.01", "--csv", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.output)) == {
        "alarm-register.csv",
        "alarm-calls.csv",
        "lock-events.csv",
        "supervision-orders.csv",
        "supervision-lookins.csv",
    }
    assert (tmp_path / "lock-events.csv").stat().st_size > 0
    # Nothing went to the database: a real load afterwards is still allowed.
    again = runner.invoke(app, ["demo-data", "--scale", "0.01", "--if-empty", "--json"])
    assert again.exit_code == 0
    assert json.loads(again.output)["recipients"] == 10
