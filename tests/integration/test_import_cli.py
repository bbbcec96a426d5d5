"""`loggutdrag import` (contract 1): JSON counts, exit codes 0/1/2, quarantine, retry, profiles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factories_import import LOCK_HEADER, PNR_A, lock_event, write_csv
from loggutdrag.cli import app
from loggutdrag.config import get_settings


@pytest.fixture
def runner(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("LOGGUTDRAG_DATABASE_URL", database_url)
    monkeypatch.setenv("LOGGUTDRAG_DATA_DIR", str(tmp_path / "var"))
    get_settings.cache_clear()
    yield CliRunner()  # type: ignore[misc]
    get_settings.cache_clear()


def _json(runner: CliRunner, *args: str, code: int | None = None) -> Any:
    result = runner.invoke(app, [*args, "--json"])
    if code is not None:
        assert result.exit_code == code, result.output
    return json.loads(result.stdout)


def test_a_clean_file_exits_0_and_a_reimport_inserts_nothing(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "locks.csv", LOCK_HEADER, [lock_event("E1"), lock_event("E2")])
    first = _json(runner, "import", "lock-events", str(path), code=0)
    assert {k: first[k] for k in ("read", "inserted", "duplicates", "rejected")} == {
        "read": 2, "inserted": 2, "duplicates": 0, "rejected": 0
    }  # fmt: skip
    assert first["rejections"] == []
    second = _json(runner, "import", "lock-events", str(path), code=0)
    assert (second["read"], second["inserted"], second["duplicates"]) == (2, 0, 2)


def test_rejected_rows_exit_1_and_wait_in_the_quarantine_until_a_fixed_profile_lets_them_in(
    runner: CliRunner, tmp_path: Path
) -> None:
    rows = [
        lock_event("E1"),
        lock_event("E2", event="Öppnad"),
        lock_event("E3", "31/12/2025 10:00"),
    ]
    path = write_csv(tmp_path / "locks.csv", LOCK_HEADER, rows, delimiter=";")
    report = _json(runner, "import", "lock-events", str(path), code=1)
    assert report["read"] == report["inserted"] + report["duplicates"] + report["rejected"] == 3
    assert [(r["line"], r["id"]) for r in report["rejections"]] == [(3, "E2"), (4, "E3")]
    listed = _json(runner, "import", "quarantine", "--source", "lock-events", code=0)
    assert listed["total"] == 2
    assert listed["rows"][0]["raw"]["event"] == "Öppnad"

    still = _json(runner, "import", "retry", code=1)
    assert (still["read"], still["inserted"], still["rejected"]) == (2, 0, 2)

    profile = tmp_path / "fixad.toml"
    profile.write_text(
        'name = "fixad"\nsource = "lock-events"\n[time]\nformats = ["%d/%m/%Y %H:%M"]\n'
        "[columns]\n"
        + "".join(f'{name} = "{name}"\n' for name in LOCK_HEADER)
        + '[values.event]\n"Öppnad" = "unlock"\n'
    )
    fixed = _json(runner, "import", "retry", "--profile", str(profile), code=0)
    assert (fixed["read"], fixed["inserted"], fixed["rejected"]) == (2, 2, 0)
    assert _json(runner, "import", "quarantine", code=0)["total"] == 0


def test_an_unreadable_file_exits_2_with_a_swedish_reason(
    runner: CliRunner, tmp_path: Path
) -> None:
    missing = runner.invoke(app, ["import", "lock-events", str(tmp_path / "saknas.csv")])
    assert missing.exit_code == 2
    assert "finns inte" in missing.output
    no_time = write_csv(
        tmp_path / "no_time.csv", [h for h in LOCK_HEADER if h != "occurred_at"], []
    )
    result = runner.invoke(app, ["import", "lock-events", str(no_time), "--json"])
    assert result.exit_code == 2
    assert "occurred_at" in json.loads(result.stdout)["error"]["message_sv"]
    wrong_source = runner.invoke(app, ["import", "locks", str(no_time)])
    assert wrong_source.exit_code == 2
    assert "okänd källa" in wrong_source.output
    (tmp_path / "latin1.csv").write_bytes(
        ",".join(LOCK_HEADER).encode()
        + b"\nE1,2025-01-01T10:00:00,L,"
        + PNR_A.encode()
        + b",HT01,u,\xc5sa,unlock,app\n"
    )
    latin1 = runner.invoke(app, ["import", "lock-events", str(tmp_path / "latin1.csv")])
    assert latin1.exit_code == 2
    assert "teckenkodning" in latin1.output


def test_without_json_the_summary_is_in_swedish(runner: CliRunner, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "locks.csv", LOCK_HEADER, [lock_event("E1"), lock_event("E2", event="??")]
    )
    result = runner.invoke(app, ["import", "lock-events", str(path)])
    assert result.exit_code == 1
    assert "lästa rader:  2" in result.stdout
    assert "avvisade:     1" in result.stdout
    assert "rad 3 id E2" in result.stdout


def test_the_profiles_are_listed(runner: CliRunner) -> None:
    profiles = _json(runner, "import", "profiles", "--source", "lock-events", code=0)
    names = [p["name"] for p in profiles]
    assert names[0] == "native"
    assert "laslogg-sv-csv" in names
    assert {p["source"] for p in profiles} == {"lock-events"}
