"""Contract 1 on a database that was never initialised: a command that needs the database exits 2
with a Swedish message saying to run `loggutdrag init` (no traceback), and creates nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_subprocess import Cli
from factories_contract1 import write_world


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(f"sqlite:///{tmp_path / 'never_initialised.db'}", tmp_path / "work")


def test_extract_deliver_billing_and_case_show_ask_for_init_first(cli: Cli, tmp_path: Path) -> None:
    results = cli.many(
        [
            ("extract", "1", "--format", "json", "--json"),
            ("deliver", "1", "--method", "service-desk"),
            ("billing", "--date", "2026-10-15", "--json"),
            ("case", "show", "1", "--json"),
        ]
    )
    for result in results:
        assert result.code == 2, result.describe()
        assert "loggutdrag init" in result.stderr, result.describe()
        assert "Traceback" not in result.stderr, result.describe()
    assert not (tmp_path / "never_initialised.db").exists()


def test_import_into_a_database_that_was_never_initialised_creates_it(
    cli: Cli, tmp_path: Path
) -> None:
    world = write_world(tmp_path / "files")
    result = cli.run("import", "alarm-register", world.register, "--json")
    assert "Traceback" not in result.stderr, result.describe()
    assert result.code == 0, result.describe()
    assert result.json()["inserted"] > 0


def test_audit_verify_on_a_database_that_was_never_initialised_does_not_crash(cli: Cli) -> None:
    result = cli.run("audit", "verify")
    assert "Traceback" not in result.stderr, result.describe()
    assert result.code == 2, result.describe()
