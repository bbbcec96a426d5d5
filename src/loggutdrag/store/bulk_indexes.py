"""Secondary indexes of a log table during a large import: dropped, then rebuilt in one sort.

Maintaining three (recipient|staff|provider, time) B-trees row by row costs more than the rows
themselves; ``CREATE INDEX`` over the finished table sorts once and is several times faster. Both
SQLite and PostgreSQL run DDL inside transactions, so an import that drops the indexes writes all
its rows and rebuilds them in ONE transaction: killed at any moment, it rolls back to the state
before it (indexes included) and a re-run starts from the beginning. The unique external-id index
is never dropped (it makes re-imports idempotent).

:func:`restore_missing` recreates any secondary index of the log tables that is missing (e.g.
dropped by hand); every import calls it first.
"""

from __future__ import annotations

from sqlalchemy import Connection, Index, inspect

from loggutdrag.store.tables import metadata

LOG_TABLES = ("lock_events", "alarm_calls", "lookins")


def secondary_indexes(table: str) -> list[Index]:
    """The non-unique indexes of ``table`` as the schema defines them."""
    return sorted(
        (index for index in metadata.tables[table].indexes if not index.unique),
        key=lambda index: str(index.name),
    )


def stored_rows(connection: Connection, table: str) -> int:
    """About how many rows ``table`` holds (the largest id: cheap on both databases)."""
    value = connection.exec_driver_sql(f"SELECT max(id) FROM {table}").scalar()  # noqa: S608
    return int(value or 0)


def drop_secondary(connection: Connection, table: str) -> list[Index]:
    """Drop the secondary indexes of ``table`` in the current transaction; returns them."""
    dropped = secondary_indexes(table)
    present = _present(connection, table)
    for index in dropped:
        if index.name in present:
            index.drop(connection)
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
    else:  # CREATE INDEX sorts in runs of about the page cache and spills them to temporary
        # files, not to memory (memory stays flat whatever the table size); the import
        # connection is closed afterwards
        connection.exec_driver_sql("PRAGMA temp_store = FILE")
    return dropped


SQLITE_SORT_CACHE_KIB = 16 * 1024  # page cache (and so sort-run size) while indexes are built


def create(connection: Connection, indexes: list[Index]) -> None:
    if indexes and connection.dialect.name == "sqlite":  # SQLite's sorter holds runs as large
        # as the page cache in memory: a smaller cache keeps the import's memory flat
        connection.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_SORT_CACHE_KIB}")
    for index in indexes:
        index.create(connection)


def restore_missing(connection: Connection, table: str) -> int:
    """Create the secondary indexes of ``table`` that are missing; returns how many."""
    present = _present(connection, table)
    missing = [index for index in secondary_indexes(table) if index.name not in present]
    create(connection, missing)
    return len(missing)


def _present(connection: Connection, table: str) -> set[str]:
    return {str(index["name"]) for index in inspect(connection).get_indexes(table)}
