"""Run the real `loggutdrag` command line in a child process, as an outside user would.

The acceptance-style tests (tests/integration/test_contract1_*.py) know nothing of the product's
insides: they write files, run commands and read what comes back (exit code, stdout, files).
Start-up costs about a second per command, so independent commands can run side by side
(:meth:`Cli.many`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TIMEOUT_SECONDS = 120
PARALLEL = 3  # start-up is mostly CPU; a third process fills the gaps while others wait on I/O


@dataclass(frozen=True)
class CliResult:
    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        try:
            return json.loads(self.stdout)
        except json.JSONDecodeError as error:
            raise AssertionError(f"not JSON from {self.describe()}") from error

    def describe(self) -> str:
        return (
            f"loggutdrag {' '.join(self.args)} -> exit {self.code}\n"
            f"stdout:\n{self.stdout[-3000:]}\nstderr:\n{self.stderr[-3000:]}"
        )


def _command() -> list[str]:
    script = Path(sys.executable).parent / "loggutdrag"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "loggutdrag"]


class Cli:
    """`loggutdrag` against one database, run from ``workdir`` (where it may write files)."""

    def __init__(self, database_url: str, workdir: Path) -> None:
        self.workdir = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        self.env = {
            **os.environ,
            "LOGGUTDRAG_DATABASE_URL": database_url,
            "LOGGUTDRAG_DATA_DIR": str(workdir / "var"),
            "LOGGUTDRAG_MODE": "test",
            "LOGGUTDRAG_SECRET_KEY": "test-secret-key-not-for-production",
            "NO_COLOR": "1",
            "COLUMNS": "200",
        }

    def run(self, *args: str | Path, code: int | None = None) -> CliResult:
        """Run one command; with ``code``, assert its exit code (showing the output if not)."""
        result = self._run(tuple(str(arg) for arg in args))
        if code is not None:
            assert result.code == code, result.describe()
        return result

    def json(self, *args: str | Path, code: int = 0) -> Any:
        return self.run(*args, code=code).json()

    def many(self, calls: Sequence[Sequence[str | Path]]) -> list[CliResult]:
        """Run independent commands side by side; results in the order of ``calls``."""
        argument_lists = [tuple(str(arg) for arg in call) for call in calls]
        with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
            return list(pool.map(self._run, argument_lists))

    def _run(self, args: tuple[str, ...]) -> CliResult:
        completed = subprocess.run(
            [*_command(), *args],
            cwd=self.workdir,
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
        return CliResult(args, completed.returncode, completed.stdout, completed.stderr)


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


class Findings:
    """Soft assertions: every difference is collected, the test fails once with all of them."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def expect(self, what: str, actual: object, wanted: object) -> None:
        if actual != wanted:
            self.problems.append(f"{what}: got {actual!r}, expected {wanted!r}")

    def code(self, what: str, result: CliResult, wanted: int) -> bool:
        if result.code != wanted:
            self.problems.append(f"{what}: {result.describe()}")
            return False
        return True

    def assert_none(self) -> None:
        assert not self.problems, "\n".join(self.problems)


def submit_all(
    cli: Cli, found: Findings, requests: dict[str, dict[str, Any]], *, due: str
) -> dict[str, str]:
    """Submit the requests side by side (`request submit --json`); their case ids by name. Each
    must be complete and allowed, due on ``due``."""
    paths = [write_json(cli.workdir / f"{name}.json", data) for name, data in requests.items()]
    results = cli.many([("request", "submit", path, "--json") for path in paths])
    cases = {}
    for name, result in zip(requests, results, strict=True):
        if found.code(f"submit {name}", result, 0):
            submitted = result.json()
            found.expect(f"{name} due", submitted["verdict"]["due"], due)
            cases[name] = str(submitted["case_id"])
    return cases
