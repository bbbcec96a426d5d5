"""`loggutdrag user add`: the password comes from a prompt or standard input, never an argument."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from factories_web import make_provider
from loggutdrag.cli import app
from loggutdrag.config import get_settings
from loggutdrag.services import users
from loggutdrag.services.context import AppContext


@pytest.fixture
def runner(database_url: str, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("LOGGUTDRAG_DATABASE_URL", database_url)
    get_settings.cache_clear()
    return CliRunner()


def test_a_user_added_from_the_command_line_can_sign_in(
    runner: CliRunner, engine: Engine, ctx: AppContext
) -> None:
    make_provider(engine, "HT01")
    result = runner.invoke(
        app,
        [
            "user",
            "add",
            "chef.omsorg",
            "--role",
            "provider_manager",
            "--provider",
            "HT01",
            "--name",
            "Chef Omsorg",
        ],
        input="hemligt-lösenord-123\n",
    )
    assert result.exit_code == 0, result.output
    assert "hemligt" not in result.output
    assert users.sign_in(ctx, "chef.omsorg", "hemligt-lösenord-123").actor.provider_code == "HT01"
    listed = runner.invoke(app, ["user", "list", "--json"])
    assert json.loads(listed.stdout)[0]["role"] == "provider_manager"


def test_there_is_no_password_option(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["user", "add", "x.y", "--role", "officer", "--password", "hemligt-lösenord-123"]
    )
    assert result.exit_code != 0


def test_a_bad_role_or_missing_provider_is_a_swedish_error(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["user", "add", "p.q", "--role", "provider_staff"], input="hemligt-lösenord-123\n"
    )
    assert result.exit_code == 2
    assert "måste ha --provider" in result.output


def test_an_empty_password_on_standard_input_is_refused(runner: CliRunner) -> None:
    result = runner.invoke(app, ["user", "add", "a.b", "--role", "officer"], input="\n")
    assert result.exit_code == 2
    assert "inget lösenord" in result.output
