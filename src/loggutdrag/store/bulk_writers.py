"""The writer of each source, and the database connection an import runs on."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any, Protocol

from sqlalchemy import Connection, Engine

from loggutdrag.store.bulk import (
    AlarmCallWriter,
    LockEventWriter,
    LookinWriter,
    TableSink,
    WriteOutcome,
)
from loggutdrag.store.bulk_refs import References
from loggutdrag.store.bulk_register import AlarmRegisterWriter, SupervisionOrderWriter

# Page cache of the import connection (KiB): enough for the hot index pages of millions of rows
# while the whole process stays well under 300 MB.
SQLITE_CACHE_KIB = 64 * 1024


class Writer(Protocol):
    def write(self, keys: list[str], c: dict[str, list[Any]]) -> WriteOutcome: ...


_WRITERS: dict[str, Any] = {
    "alarm-register": AlarmRegisterWriter,
    "alarm-calls": AlarmCallWriter,
    "lock-events": LockEventWriter,
    "supervision-orders": SupervisionOrderWriter,
    "supervision-lookins": LookinWriter,
}


def make_writer(source: str, connection: Connection, refs: References) -> Writer:
    writer: Writer = _WRITERS[source](connection, refs)
    return writer


def sink_of(writer: Writer) -> TableSink | None:
    """The log-table sink of a writer (lock events, alarm calls, look-ins); None for registers."""
    sink = getattr(writer, "sink", None)
    return sink if isinstance(sink, TableSink) else None


def finish_writer(writer: Writer) -> None:
    """Work a writer does once at the end of an import (e.g. filling in references)."""
    finish = getattr(writer, "finish", None)
    if finish is not None:
        finish()


@contextlib.contextmanager
def import_connection(engine: Engine) -> Iterator[Connection]:
    """A connection tuned for bulk writing; it is closed (not pooled again) afterwards.

    SQLite: a large page cache, foreign-key checks off (the writers resolve every id themselves
    from rows they read or created in the same transaction), temporary data in memory.
    PostgreSQL: timestamps are read as UTC; commits do not wait for the disk flush (a server crash
    may lose the last batches, but a batch and the run's resume point commit together, so a
    re-run resumes exactly where the stored state ends).
    """
    connection = engine.connect()
    try:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.exec_driver_sql("PRAGMA temp_store=MEMORY")
        else:
            connection.exec_driver_sql("SET TIME ZONE 'UTC'")
            connection.exec_driver_sql("SET synchronous_commit = off")
        connection.commit()
        yield connection
    finally:
        connection.invalidate()  # the tuned settings must not leak into the pool
        connection.close()
