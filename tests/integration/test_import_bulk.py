"""The fast path of a large import (secondary indexes dropped and rebuilt in one transaction,
optimistic COPY on PostgreSQL), re-imports that keep one quarantine row per rejected line, and
no lock files left behind (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, inspect, select, text

from factories_import import (
    LOCK_HEADER,
    PNR_A,
    bad_check_digit,
    lock_event,
    lock_events_file,
    write_csv,
)
from loggutdrag.services import imports
from loggutdrag.services.context import AppContext
from loggutdrag.services.imports import ImportFileError, import_file
from loggutdrag.store import bulk_indexes
from loggutdrag.store.tables import lock_events, quarantine

SECONDARY = {str(index.name) for index in bulk_indexes.secondary_indexes("lock_events")}


def _indexes(engine: Engine) -> set[str]:
    return {str(index["name"]) for index in inspect(engine).get_indexes("lock_events")}


def _count(engine: Engine, table: Any) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


@pytest.fixture
def small_bulk(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Files of a few rows count as large; batches of 7 rows; records each bulk import."""
    monkeypatch.setattr(imports, "BULK_MIN_ROWS", 1)
    monkeypatch.setattr(imports, "BATCH_ROWS", 7)
    dropped: list[int] = []
    original = bulk_indexes.drop_secondary

    def spy(connection: Any, table: str) -> Any:
        result = original(connection, table)
        dropped.append(len(result))
        return result

    monkeypatch.setattr(bulk_indexes, "drop_secondary", spy)
    return dropped


def test_a_large_import_drops_and_rebuilds_the_secondary_indexes_and_counts_every_row(
    ctx: AppContext, engine: Engine, tmp_path: Path, small_bulk: list[int]
) -> None:
    path = lock_events_file(tmp_path / "big.csv", 60)
    with path.open("a", newline="") as handle:  # a duplicate of an earlier batch and a bad row
        extra = write_csv(tmp_path / "extra.csv", LOCK_HEADER, [
            lock_event("E3", "2025-01-01T00:01:51Z"),
            lock_event("BAD", personnummer=bad_check_digit(PNR_A)),
        ])  # fmt: skip
        handle.write(extra.read_text().split("\n", 1)[1])

    report = import_file(ctx, "lock-events", path)

    assert small_bulk == [len(SECONDARY)]
    assert (report.read, report.inserted, report.duplicates, report.rejected) == (62, 60, 1, 1)
    assert _indexes(engine) >= SECONDARY
    assert _count(engine, lock_events) == 60


def test_a_small_import_into_a_large_table_keeps_the_indexes_in_place(
    ctx: AppContext, engine: Engine, tmp_path: Path, small_bulk: list[int]
) -> None:
    import_file(ctx, "lock-events", lock_events_file(tmp_path / "first.csv", 60))
    report = import_file(ctx, "lock-events", lock_events_file(tmp_path / "more.csv", 12, start=55))

    assert small_bulk == [len(SECONDARY)]  # only the first import went bulk
    assert (report.inserted, report.duplicates) == (7, 5)
    assert _count(engine, lock_events) == 67


def test_a_bulk_import_that_fails_half_way_leaves_the_table_and_its_indexes_as_they_were(
    ctx: AppContext, engine: Engine, tmp_path: Path, small_bulk: list[int]
) -> None:
    path = lock_events_file(tmp_path / "broken.csv", 400)  # more than one read buffer
    with path.open("ab") as handle:
        handle.write(b'E999,"never closed\n' * 3 + b"\xff\xfe\xff broken bytes\n")

    with pytest.raises(ImportFileError):
        import_file(ctx, "lock-events", path)

    assert small_bulk == [len(SECONDARY)]
    assert _indexes(engine) >= SECONDARY
    assert _count(engine, lock_events) == 0


def test_an_import_recreates_a_secondary_index_that_is_missing(
    ctx: AppContext, engine: Engine, tmp_path: Path
) -> None:
    name = sorted(SECONDARY)[0]
    with engine.begin() as connection:
        connection.execute(text(f"DROP INDEX {name}"))
    assert name not in _indexes(engine)

    import_file(ctx, "lock-events", lock_events_file(tmp_path / "few.csv", 5))

    assert _indexes(engine) >= SECONDARY


def test_importing_a_finished_file_again_keeps_one_quarantine_row_per_rejected_line(
    ctx: AppContext, engine: Engine, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "some-bad.csv", LOCK_HEADER, [
        lock_event("E1"),
        lock_event("BAD-1", personnummer=bad_check_digit(PNR_A)),
        lock_event("BAD-2", "2025-03-30T02:30:00"),
    ])  # fmt: skip

    first = import_file(ctx, "lock-events", path)
    again = import_file(ctx, "lock-events", path)

    assert (first.rejected, again.rejected, again.duplicates) == (2, 2, 1)
    assert [r["line"] for r in again.rejections] == [3, 4]
    with engine.connect() as connection:
        kept = connection.execute(
            select(quarantine.c.line, quarantine.c.import_run_id).order_by(quarantine.c.line)
        ).all()
    assert kept == [(3, again.run_id), (4, again.run_id)]


def test_an_import_leaves_no_lock_file_next_to_the_database(
    ctx: AppContext, engine: Engine, tmp_path: Path
) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL imports take an advisory lock, not a file")
    database = Path(str(engine.url.database))

    import_file(ctx, "lock-events", lock_events_file(tmp_path / "a.csv", 3))
    import_file(ctx, "lock-events", lock_events_file(tmp_path / "b.csv", 3, start=3))

    assert list(database.parent.glob(f"{database.name}.import-*.lock")) == []
