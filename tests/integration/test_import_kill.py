"""Crash safety: an import killed (SIGKILL) at random moments and run again ends in exactly the
state of one clean import, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from factories_import import (
    LOCK_HEADER,
    PNR_A,
    bad_check_digit,
    lock_event,
    lock_events_file,
    write_csv,
)
from loggutdrag.store.tables import metadata

ROWS = 200_000
KILLS = 3

SNAPSHOT = {
    "lock_events": """
        SELECT e.external_id, e.occurred_at, l.external_id, r.personnummer, p.code, s.username,
               e.event, e.method
        FROM lock_events e JOIN locks l ON l.id = e.lock_id
        LEFT JOIN recipients r ON r.id = e.recipient_id
        LEFT JOIN providers p ON p.id = e.provider_id
        LEFT JOIN staff s ON s.id = e.staff_id ORDER BY e.external_id""",
    "references": """
        SELECT 'p', code, name FROM providers
        UNION ALL SELECT 'r', personnummer, '' FROM recipients
        UNION ALL SELECT 's', username, name FROM staff
        UNION ALL SELECT 'l', external_id, '' FROM locks
        ORDER BY 1, 2""",
    "quarantine": "SELECT line, external_id, reason FROM quarantine ORDER BY line",
    "runs": """SELECT source, filename, file_sha256, profile, status, read, inserted, duplicates,
               updated, rejected FROM import_runs ORDER BY id""",
}


def _snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as connection:
        return {
            name: [tuple(map(str, row)) for row in connection.execute(text(sql))]
            for name, sql in SNAPSHOT.items()
        }


def _wipe(engine: Engine) -> None:
    with engine.begin() as connection:
        for table in reversed(metadata.sorted_tables):
            if table.name != "alembic_version":
                connection.execute(table.delete())


def _command(path: Path) -> list[str]:
    program = str(Path(sys.executable).parent / "loggutdrag")
    return [program, "import", "lock-events", str(path), "--json"]


def _latest_status(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return connection.execute(
            text("SELECT status FROM import_runs ORDER BY id DESC LIMIT 1")
        ).scalar()


def _committed_rows(engine: Engine) -> int:
    with engine.connect() as connection:
        value = connection.execute(text("SELECT max(read) FROM import_runs")).scalar()
    return int(value or 0)


def _environment(database_url: str, tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["LOGGUTDRAG_DATABASE_URL"] = database_url
    env["LOGGUTDRAG_DATA_DIR"] = str(tmp_path / "var")
    return env


def _run_to_end(path: Path, env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run(
        _command(path), env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 1, done.stderr  # the file has some bad rows on purpose
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.mark.slow
def test_an_import_killed_at_random_moments_ends_like_one_clean_import(
    database_url: str, engine: Engine, tmp_path: Path
) -> None:
    path = lock_events_file(tmp_path / "big.csv", ROWS)
    with path.open("a", newline="") as handle:  # a few bad rows and duplicates near the end
        extra = write_csv(tmp_path / "extra.csv", LOCK_HEADER, [
            lock_event("E5", "2025-01-01T00:03:05Z"),
            lock_event("BAD-1", "2025-03-30T02:30:00"),
            lock_event("BAD-2", personnummer=bad_check_digit(PNR_A)),
        ])  # fmt: skip
        handle.write(extra.read_text().split("\n", 1)[1])
    env = _environment(database_url, tmp_path)
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    started = time.monotonic()
    kills = 0
    finished = False
    for attempt in range(KILLS):
        child = subprocess.Popen(
            _command(path), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if attempt == 0:  # somewhere in start-up or the first batches
            time.sleep(rng.uniform(0.2, 2.5))
        else:  # after a random share of the file is stored, a moment into the next batch
            target = _committed_rows(engine) + rng.uniform(0.05, 0.35) * ROWS
            while child.poll() is None and _committed_rows(engine) < target:
                time.sleep(0.05)
            time.sleep(rng.uniform(0.0, 0.6))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            kills += 1
        child.wait()
        if _latest_status(engine) == "finished":  # the import was complete before the kill
            finished = True
            break
    if not finished:
        _run_to_end(path, env)
    elapsed = time.monotonic() - started
    after_kills = _snapshot(engine)

    _wipe(engine)
    clean = _run_to_end(path, env)
    after_clean = _snapshot(engine)

    context = f"seed {seed}, {kills} kills in {elapsed:.0f} s"
    assert kills >= 1, context
    counts = ("read", "inserted", "duplicates", "rejected")
    assert [clean[k] for k in counts] == [ROWS + 3, ROWS, 1, 2], context
    assert [line for line, *_ in after_clean["quarantine"]] == [str(ROWS + 3), str(ROWS + 4)]
    for name in SNAPSHOT:
        assert after_kills[name] == after_clean[name], f"{name} differs ({context})"
