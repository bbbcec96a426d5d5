"""Acceptance, contract 1: `loggutdrag import SOURCE FILE --json` with files in the native format.

Written from DESIGN.md only, black-box: the real command runs in a child process against the test
database (SQLite and PostgreSQL). The counts are worked out by hand in tests/factories_contract1.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cli_subprocess import Cli
from factories_contract1 import ANNA, ASTRID, LOCK_HEADER, LOCK_ROWS, lock, write_csv, write_world
from factories_contract1_requests import MANAGER_HT01, MANAGER_HT02, request
from loggutdrag.services.context import AppContext


def counts(report: dict[str, Any]) -> tuple[int, int, int, int]:
    """(read, inserted, duplicates, rejected); ``rejected`` may be a count or a list (DESIGN)."""
    rejected = report["rejected"]
    number = len(rejected) if isinstance(rejected, list) else rejected
    return report["read"], report["inserted"], report["duplicates"], number


def rejections(report: dict[str, Any]) -> list[dict[str, Any]]:
    listed = report["rejected"] if isinstance(report["rejected"], list) else report["rejections"]
    return list(listed)


@pytest.fixture
def cli(database_url: str, tmp_path: Path) -> Cli:
    return Cli(database_url, tmp_path / "work")


def test_the_five_sources_import_with_exact_counts_and_a_reimport_inserts_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    world = write_world(tmp_path / "files")
    # An overlapping export (`;`): L5-L9 are stored already, L20 is new and listed twice.
    new = lock("L20", "2026-10-28T07:00:00+01:00", ASTRID, ANNA, "unlock")
    overlap = write_csv(
        tmp_path / "locks_2.csv", LOCK_HEADER, (*LOCK_ROWS[4:9], new, new), delimiter=";"
    )
    expected = {
        world.register: (0, (11, 11, 0, 0)),
        world.locks: (1, (13, 9, 0, 4)),  # four bad rows
        world.orders: (0, (2, 2, 0, 0)),
        # `;`-separated snapshot that overlaps the first: T1 and T5 known, T5 at HT02 new
        world.register_update: (0, (3, 1, 2, 0)),
        world.calls: (0, (8, 8, 0, 0)),  # one with a local time without offset
        world.lookins: (0, (4, 4, 0, 0)),
        overlap: (0, (7, 1, 6, 0)),
    }
    sources = {path: source for source, path in world.in_import_order()}
    sources[overlap] = "lock-events"

    cli.run("init", code=0)  # on a database that exists already: harmless
    # Files that create no common rows side by side (two imports creating the same new
    # recipients at once can deadlock on PostgreSQL: see the report of this suite); a file that
    # overlaps another after it.
    batches = [
        [world.register],
        [world.register_update, world.calls, world.locks],
        [world.orders, overlap],
        [world.lookins],
    ]
    reports = {}
    for batch in batches:
        results = cli.many([("import", sources[path], path, "--json") for path in batch])
        for path, result in zip(batch, results, strict=True):
            code, wanted = expected[path]
            assert result.code == code, result.describe()
            assert counts(result.json()) == wanted, result.describe()
            reports[path] = result.json()

    bad = [(r["line"], r["id"]) for r in rejections(reports[world.locks])]
    assert bad == [(11, "L10"), (12, "L11"), (13, "L12"), (14, "L13")]
    reasons = [r["reason"] for r in rejections(reports[world.locks])]
    assert "personnummer" in reasons[0]
    assert "occurred_at" in reasons[1]
    assert "event" in reasons[2]
    assert "lock_id" in reasons[3]

    again = cli.many(
        [("import", source, path, "--json") for source, path in world.in_import_order()]
    )
    for result, (_, path) in zip(again, world.in_import_order(), strict=True):
        code, (read, _, _, rejected) = expected[path]
        assert result.code == code, result.describe()
        assert counts(result.json()) == (read, 0, read - rejected, rejected), result.describe()


def test_a_file_that_cannot_be_used_exits_2_and_says_why(cli: Cli, tmp_path: Path) -> None:
    without_time = write_csv(
        tmp_path / "no_time.csv",
        [name for name in LOCK_HEADER if name != "occurred_at"],
        [["L1", "LAS-A", ASTRID, "HT01", *ANNA, "unlock", "app"]],
    )
    missing, no_column, bad_source = cli.many(
        [
            ("import", "lock-events", tmp_path / "saknas.csv", "--json"),
            ("import", "lock-events", without_time, "--json"),
            ("import", "door-events", without_time, "--json"),
        ]
    )
    assert missing.code == 2, missing.describe()
    assert "saknas.csv" in missing.stdout + missing.stderr
    assert no_column.code == 2, no_column.describe()
    assert "occurred_at" in no_column.stdout + no_column.stderr
    assert bad_source.code == 2, bad_source.describe()
    assert "door-events" in bad_source.stdout + bad_source.stderr


def test_a_call_counts_with_the_provider_that_had_the_alarm_when_it_was_made(
    ctx: AppContext, tmp_path: Path
) -> None:
    """Elsa Ek's call C8 (2026-09-20) was made while her alarm T5 was HT01's (until 09-30)."""
    from loggutdrag.domain.actor import CLI_OFFICER
    from loggutdrag.extracts.render import ExtractFormat
    from loggutdrag.services.extracts import produce_extract
    from loggutdrag.services.imports import import_file
    from loggutdrag.services.requests import submit_request

    world = write_world(tmp_path / "files")
    for source, path in world.in_import_order()[:3]:
        import_file(ctx, source, path)
    september = {"start": "2026-09-01", "end": "2026-09-30"}
    ids = {}
    for provider, manager in (("HT01", MANAGER_HT01), ("HT02", MANAGER_HT02)):
        data = request(
            "escalated_alarm_calls", "provider", provider=provider, requester=manager,
            period=september,
        )  # fmt: skip
        submitted = submit_request(ctx, CLI_OFFICER, data)
        produced = produce_extract(ctx, CLI_OFFICER, submitted.case_id, ExtractFormat.JSON)
        ids[provider] = [row["call_id"] for row in json.loads(produced.content)["rows"]]
    assert ids == {"HT01": ["C8"], "HT02": []}
