"""Import runs and the quarantine of rejected rows.

An import run is committed together with the rows of each batch it wrote: its counters and
``last_line`` always describe exactly what is stored. An import killed half-way leaves its run
``running``; importing the same file again (same source, profile and SHA-256) resumes after
``last_line`` and ends in the state of one clean import.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Engine, func, insert, select, text, update

from loggutdrag.store.tables import import_runs, quarantine

CLAIM_WAIT_SECONDS = 5.0


class RunStatus(StrEnum):
    RUNNING = "running"
    FINISHED = "finished"
    FAILED = "failed"


class ImportAlreadyRunningError(Exception):
    """Another process is importing the same file right now."""


@dataclass
class RunCounts:
    read: int = 0
    inserted: int = 0
    duplicates: int = 0
    updated: int = 0
    rejected: int = 0


@dataclass(frozen=True)
class RunRow:
    id: int
    source: str
    filename: str
    file_sha256: str
    profile: str | None
    status: str
    counts: RunCounts
    last_line: int
    started_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True)
class QuarantineRow:
    id: int
    import_run_id: int
    source: str
    line: int
    external_id: str | None
    reason: str
    raw: dict[str, Any]
    filename: str
    profile: str | None


_RUN_COLUMNS = (
    import_runs.c.id,
    import_runs.c.source,
    import_runs.c.filename,
    import_runs.c.file_sha256,
    import_runs.c.profile,
    import_runs.c.status,
    import_runs.c.read,
    import_runs.c.inserted,
    import_runs.c.duplicates,
    import_runs.c.updated,
    import_runs.c.rejected,
    import_runs.c.last_line,
    import_runs.c.started_at,
    import_runs.c.finished_at,
)


def _run(row: Any) -> RunRow:
    return RunRow(
        id=row.id,
        source=row.source,
        filename=row.filename,
        file_sha256=row.file_sha256,
        profile=row.profile,
        status=row.status,
        counts=RunCounts(row.read, row.inserted, row.duplicates, row.updated, row.rejected),
        last_line=row.last_line,
        started_at=row.started_at,
        finished_at=row.finished_at,
    )


def find_unfinished(
    connection: Connection, source: str, file_sha256: str, profile: str
) -> RunRow | None:
    """The interrupted run of this very file, if any (to resume it)."""
    query = (
        select(*_RUN_COLUMNS)
        .where(
            import_runs.c.source == source,
            import_runs.c.file_sha256 == file_sha256,
            import_runs.c.profile == profile,
            import_runs.c.status == RunStatus.RUNNING,
        )
        .order_by(import_runs.c.id.desc())
        .limit(1)
    )
    row = connection.execute(query).first()
    return None if row is None else _run(row)


def get_run(connection: Connection, run_id: int) -> RunRow:
    return _run(connection.execute(select(*_RUN_COLUMNS).where(import_runs.c.id == run_id)).one())


def create_run(
    connection: Connection,
    *,
    source: str,
    filename: str,
    file_sha256: str,
    profile: str,
    started_at: datetime,
    started_by: str | None,
) -> int:
    result = connection.execute(
        insert(import_runs)
        .values(
            source=source,
            filename=filename[-300:],
            file_sha256=file_sha256,
            profile=profile,
            started_at=started_at,
            status=RunStatus.RUNNING,
            started_by=started_by,
        )
        .returning(import_runs.c.id)
    )
    return int(result.scalar_one())


IMPORT_WRITER_LOCK = 4_711_002  # PostgreSQL advisory lock: one import transaction writes at a time


def save_progress(connection: Connection, run_id: int, counts: RunCounts, last_line: int) -> None:
    """Record the run's counts and resume point; also makes this transaction the only import
    writer (SQLite: the write lock; PostgreSQL: an advisory lock), so that two imports that create
    the same new providers or recipients in different orders cannot deadlock."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:n)"), {"n": IMPORT_WRITER_LOCK})
    connection.execute(
        update(import_runs)
        .where(import_runs.c.id == run_id)
        .values(
            read=counts.read,
            inserted=counts.inserted,
            duplicates=counts.duplicates,
            updated=counts.updated,
            rejected=counts.rejected,
            last_line=last_line,
        )
    )


def finish_run(connection: Connection, run_id: int, status: RunStatus, at: datetime) -> None:
    connection.execute(
        update(import_runs).where(import_runs.c.id == run_id).values(status=status, finished_at=at)
    )


# --- quarantine --------------------------------------------------------------------------------


def add_to_quarantine(
    connection: Connection,
    run_id: int,
    source: str,
    rows: Sequence[tuple[int, str | None, str, dict[str, Any]]],
) -> None:
    """Keep rejected rows: (line, vendor id, reason, the row as read)."""
    if rows:
        connection.execute(
            insert(quarantine),
            [
                {
                    "import_run_id": run_id,
                    "source": source,
                    "line": line,
                    "external_id": (identity or None) and identity[:80],
                    "reason": reason,
                    "raw": raw,
                }
                for line, identity, reason, raw in rows
            ],
        )


def forget_repeated_rejections(connection: Connection, run: RunRow) -> int:
    """Delete the open quarantine rows of earlier runs of the same file (source, SHA-256 and
    profile) that ``run`` rejected again (same line and reason): importing a file twice keeps
    one quarantine row per rejected line, the latest run's. Returns how many were deleted."""
    earlier = select(import_runs.c.id).where(
        import_runs.c.source == run.source,
        import_runs.c.file_sha256 == run.file_sha256,
        import_runs.c.profile == run.profile,
        import_runs.c.id != run.id,
    )
    again = quarantine.alias("again")
    repeated = (
        select(again.c.id)
        .where(
            again.c.import_run_id == run.id,
            again.c.line == quarantine.c.line,
            again.c.reason == quarantine.c.reason,
        )
        .exists()
    )
    result = connection.execute(
        quarantine.delete().where(
            quarantine.c.import_run_id.in_(earlier),
            quarantine.c.resolved_at.is_(None),
            repeated,
        )
    )
    return int(result.rowcount or 0)


def rejections_of_run(connection: Connection, run_id: int, limit: int) -> list[dict[str, Any]]:
    query = (
        select(quarantine.c.line, quarantine.c.external_id, quarantine.c.reason)
        .where(quarantine.c.import_run_id == run_id)
        .order_by(quarantine.c.line, quarantine.c.id)
        .limit(limit)
    )
    return [
        {"line": line, "id": identity or "", "reason": reason}
        for line, identity, reason in connection.execute(query)
    ]


def quarantined(
    connection: Connection,
    *,
    source: str | None = None,
    after_id: int = 0,
    limit: int | None = None,
) -> list[QuarantineRow]:
    """Unresolved quarantined rows, oldest first (``after_id`` pages through them)."""
    query = (
        select(
            quarantine.c.id,
            quarantine.c.import_run_id,
            quarantine.c.source,
            quarantine.c.line,
            quarantine.c.external_id,
            quarantine.c.reason,
            quarantine.c.raw,
            import_runs.c.filename,
            import_runs.c.profile,
        )
        .join(import_runs, import_runs.c.id == quarantine.c.import_run_id)
        .where(quarantine.c.resolved_at.is_(None), quarantine.c.id > after_id)
        .order_by(quarantine.c.id)
    )
    if source is not None:
        query = query.where(quarantine.c.source == source)
    if limit is not None:
        query = query.limit(limit)
    return [QuarantineRow(*row) for row in connection.execute(query)]


def count_quarantined(connection: Connection, source: str | None = None) -> int:
    query = select(func.count()).select_from(quarantine).where(quarantine.c.resolved_at.is_(None))
    if source is not None:
        query = query.where(quarantine.c.source == source)
    return int(connection.execute(query).scalar_one())


def resolve(connection: Connection, ids: Sequence[int], at: datetime) -> None:
    for start in range(0, len(ids), 500):
        part = list(ids[start : start + 500])
        connection.execute(
            update(quarantine).where(quarantine.c.id.in_(part)).values(resolved_at=at)
        )


def set_reason(connection: Connection, quarantine_id: int, reason: str) -> None:
    connection.execute(
        update(quarantine).where(quarantine.c.id == quarantine_id).values(reason=reason)
    )


# --- one import of a file at a time -------------------------------------------------------------


def _retry(attempt: Callable[[], bool], seconds: float = CLAIM_WAIT_SECONDS) -> bool:
    """Try for a few seconds: the server may not yet have noticed that a killed import is gone."""
    deadline = time.monotonic() + seconds
    while not attempt():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


@contextlib.contextmanager
def claim(engine: Engine, key: str) -> Iterator[None]:
    """Hold a lock on ``key`` (a file's hash) for the whole import; released when the process dies.

    SQLite: an flock on a file next to the database, removed again when the import ends (a taker
    checks that the file it locked is still the one at the path). PostgreSQL: a session advisory
    lock.
    """
    number = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            if not _retry(
                lambda: bool(
                    connection.execute(
                        text("SELECT pg_try_advisory_lock(:n)"), {"n": number}
                    ).scalar_one()
                )
            ):
                raise ImportAlreadyRunningError(key)
            connection.commit()
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:n)"), {"n": number})
                connection.commit()
        return
    database = engine.url.database
    if not database or database == ":memory:":
        yield
        return
    path = Path(f"{database}.import-{number & 0xFFFFFFFF:08x}.lock")
    held: list[IO[str]] = []

    def take() -> bool:
        handle = path.open("a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        try:  # the holder before us may have removed the file: lock the one at the path
            same = path.stat().st_ino == os.fstat(handle.fileno()).st_ino
        except FileNotFoundError:
            same = False
        if not same:
            handle.close()
            return False
        held.append(handle)
        return True

    if not _retry(take):
        raise ImportAlreadyRunningError(key)
    handle = held[0]
    try:
        yield
    finally:
        path.unlink(missing_ok=True)  # while still locked: no lock files pile up
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()
