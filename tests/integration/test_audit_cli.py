"""`loggutdrag audit verify`: exit 0 when intact, else nonzero naming the wrong entries (--json)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, delete, update
from typer.testing import CliRunner

from loggutdrag.audit.trail import record
from loggutdrag.cli import app
from loggutdrag.config import get_settings
from loggutdrag.domain.audit import AuditAction, AuditEntry
from loggutdrag.store.tables import audit_events


@pytest.fixture
def runner(database_url: str, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("LOGGUTDRAG_DATABASE_URL", database_url)
    get_settings.cache_clear()
    return CliRunner()


def _entries(engine: Engine, n: int) -> list[int]:
    at = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    with engine.begin() as connection:
        return [
            record(connection, AuditEntry(at, "handlaggare", AuditAction.SIGN_IN)) for _ in range(n)
        ]


def test_an_intact_trail_exits_zero(runner: CliRunner, engine: Engine) -> None:
    _entries(engine, 3)
    result = runner.invoke(app, ["audit", "verify"])
    assert result.exit_code == 0, result.output
    assert "hel (3 poster)" in result.output


def test_an_empty_trail_is_intact(runner: CliRunner) -> None:
    assert runner.invoke(app, ["audit", "verify"]).exit_code == 0


def test_a_changed_entry_exits_nonzero_and_says_which(runner: CliRunner, engine: Engine) -> None:
    ids = _entries(engine, 3)
    with engine.begin() as connection:
        connection.execute(
            update(audit_events).where(audit_events.c.id == ids[0]).values(actor="x")
        )
    result = runner.invoke(app, ["audit", "verify"])
    assert result.exit_code == 5
    assert f"post {ids[0]}: innehållet har ändrats" in result.output


def test_json_lists_every_problem(runner: CliRunner, engine: Engine) -> None:
    ids = _entries(engine, 4)
    with engine.begin() as connection:
        connection.execute(delete(audit_events).where(audit_events.c.id == ids[3]))
    result = runner.invoke(app, ["audit", "verify", "--json"])
    assert result.exit_code == 5
    report = json.loads(result.stdout)
    assert report["intact"] is False
    assert report["entries"] == 3
    assert [problem["id"] for problem in report["problems"]] == [ids[3]]
