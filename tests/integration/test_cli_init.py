"""`loggutdrag init` creates or upgrades the database named by the settings (contract 1)."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect
from typer.testing import CliRunner

from loggutdrag.cli import app
from loggutdrag.config import get_settings
from loggutdrag.store.db import downgrade, make_engine


@pytest.fixture
def runner(database_url: str, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("LOGGUTDRAG_DATABASE_URL", database_url)
    get_settings.cache_clear()
    return CliRunner()


def test_init_creates_the_schema_on_an_empty_database(runner: CliRunner, database_url: str) -> None:
    engine = make_engine(database_url)
    downgrade(engine, "base")
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 0, result.output
    assert "Databasen är klar" in result.output
    assert "lock_events" in inspect(engine).get_table_names()
    engine.dispose()


def test_init_on_an_existing_database_is_harmless(runner: CliRunner) -> None:
    assert runner.invoke(app, ["init"]).exit_code == 0
    assert runner.invoke(app, ["init"]).exit_code == 0


def test_an_unsafe_setting_gives_a_swedish_message_not_a_traceback(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOGGUTDRAG_MODE", "production")
    monkeypatch.setenv("LOGGUTDRAG_SECRET_KEY", "change-me-development-only")
    get_settings.cache_clear()
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 2
    assert "LOGGUTDRAG_SECRET_KEY måste sättas" in result.output
    assert "Traceback" not in result.output
