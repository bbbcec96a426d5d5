"""Bulk writing of normalised log rows: the fast path of every import.

A writer takes one batch of checked native values (column-wise: ``columns[field][row]``) with each
row's natural key, resolves references (creating unknown providers, recipients, staff, locks and
cameras), and inserts what is new. It returns how many rows were inserted, were duplicates (their
natural key was already stored, or appeared earlier in the batch) or were updated (register
history), and which rows could not be stored, with a Swedish reason.

Timestamps arrive as stored UTC text (``YYYY-MM-DD HH:MM:SS``) and go to the driver as they are:
SQLite stores exactly that text (see store.types), PostgreSQL reads it as UTC (the import
connection's time zone is UTC). SQLite inserts with ``INSERT OR IGNORE`` on the unique external id;
PostgreSQL streams the batch with COPY straight into the table inside a savepoint and, only when
that hits a stored external id, rolls the savepoint back, looks up which ids of the batch are stored
and copies the new rows (imports of one table take turns per transaction: an advisory lock).

Rows go in file order (vendor ids mostly ascend, so the unique index grows at its end); with the
secondary indexes in place on SQLite a lock-event batch is sorted by (recipient, time) for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection

from loggutdrag.store.bulk_refs import References

_BY_RECIPIENT_AND_TIME = itemgetter(3, 1)


@dataclass
class WriteOutcome:
    inserted: int = 0
    duplicates: int = 0
    updated: int = 0  # register history: a stored period changed (these count as duplicates too)
    rejected: dict[int, str] = field(default_factory=dict)  # row index -> reason


def first_present(primary: list[Any], fallback: list[Any]) -> list[Any]:
    if None not in primary:
        return primary
    return [a if a is not None else b for a, b in zip(primary, fallback, strict=True)]


class TableSink:
    """Inserts rows into one log table, ignoring those whose external id is already stored."""

    LOOKUP_BATCHES = 8  # after a batch met stored ids, look them up first for this many batches

    def __init__(self, connection: Connection, table: str, columns: Sequence[str], order_by: str):
        self.connection = connection
        self.table = table
        self.columns = tuple(columns)
        self.order_by = order_by
        self.dialect = connection.dialect.name
        # SQLite with the secondary indexes in place: a batch in (recipient, time) order touches
        # fewer index pages; PostgreSQL, or a bulk import (indexes dropped): file order is best.
        self.sorts = self.dialect == "sqlite"
        self._lookups = 0
        names = ", ".join(columns)
        if self.dialect == "sqlite":
            marks = ", ".join("?" for _ in columns)
            self._sql = f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})"  # noqa: S608 - fixed names
        else:
            self._copy = f"COPY {table} ({names}) FROM STDIN"

    def insert(self, rows: list[tuple[Any, ...]]) -> int:
        """Insert ``rows`` (tuples in ``columns`` order); returns how many were new."""
        if not rows:
            return 0
        driver: Any = self.connection.connection.driver_connection
        if self.dialect == "sqlite":
            cursor = driver.cursor()
            try:
                cursor.executemany(self._sql, rows)
                return int(cursor.rowcount)
            finally:
                cursor.close()
        return self._insert_postgres(driver, rows)

    def _insert_postgres(self, driver: Any, rows: list[tuple[Any, ...]]) -> int:
        """COPY the rows whose external id is new straight into the table.

        Imports of the same table are serialised per transaction by an advisory lock, so what the
        COPY (or the look-up of stored ids) sees cannot change before the transaction ends.
        """
        from psycopg import errors

        new = {row[0]: row for row in reversed(rows)}  # the first row of each id wins
        ordered = [row for row in rows if new.get(row[0]) is row]
        with driver.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"import:{self.table}",))
            if self._lookups == 0:
                cursor.execute("SAVEPOINT bulk_copy")
                try:
                    self._copy_rows(cursor, ordered)
                except errors.UniqueViolation:
                    cursor.execute("ROLLBACK TO SAVEPOINT bulk_copy")
                    self._lookups = self.LOOKUP_BATCHES
                else:
                    cursor.execute("RELEASE SAVEPOINT bulk_copy")
                    return len(ordered)
            self._lookups -= 1
            cursor.execute(
                f"SELECT external_id FROM {self.table} WHERE external_id = ANY(%s)",  # noqa: S608
                (list(new),),
            )
            stored = {found for (found,) in cursor}
            if stored:
                ordered = [row for row in ordered if row[0] not in stored]
            self._copy_rows(cursor, ordered)
        return len(ordered)

    def _copy_rows(self, cursor: Any, rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        data = copy_text(rows)
        with cursor.copy(self._copy) as copy:
            if data is not None:
                copy.write(data)
            else:
                write = copy.write_row
                for row in rows:
                    write(row)


_COPY_SPECIAL = ("\\", "\t", "\n", "\r")
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_NULL = "\\N"


def copy_text(rows: list[tuple[Any, ...]]) -> bytes | None:
    """``rows`` in PostgreSQL's COPY text format, built a column at a time with C-level joins
    (a row at a time in Python cost more than the server's work); None when a column holds a
    type other than text, int, bool or None (the caller then lets psycopg format the rows)."""
    texts = []
    for column in zip(*rows, strict=True):
        text = _column_text(column)
        if text is None:
            return None
        texts.append(text)
    return ("\n".join(map("\t".join, zip(*texts, strict=True))) + "\n").encode()


def _column_text(column: tuple[Any, ...]) -> Sequence[str] | None:
    kinds = set(map(type, column))
    nulls = type(None) in kinds
    kinds.discard(type(None))
    if all(issubclass(kind, str) for kind in kinds):
        if any(mark in "".join(filter(None, column)) for mark in _COPY_SPECIAL):
            return [_NULL if v is None else v.translate(_COPY_ESCAPES) for v in column]
        return [_NULL if v is None else v for v in column] if nulls else column
    if all(issubclass(kind, int) for kind in kinds):  # bool too: 'True' reads as a boolean
        return [_NULL if v is None else str(v) for v in column] if nulls else list(map(str, column))
    return None


def keep_rows(
    columns: dict[str, list[Any]], keys: list[str], rejected: dict[int, str]
) -> tuple[dict[str, list[Any]], list[str]]:
    if not rejected:
        return columns, keys
    keep = [index not in rejected for index in range(len(keys))]
    return {name: list(compress(values, keep)) for name, values in columns.items()}, list(
        compress(keys, keep)
    )


def _count(outcome: WriteOutcome, total: int, inserted: int) -> WriteOutcome:
    outcome.inserted = inserted
    outcome.duplicates = total - len(outcome.rejected) - inserted
    return outcome


class LockEventWriter:
    COLUMNS = (
        "external_id",
        "occurred_at",
        "lock_id",
        "recipient_id",
        "provider_id",
        "staff_id",
        "event",
        "method",
    )

    def __init__(self, connection: Connection, refs: References) -> None:
        self.refs = refs
        self.sink = TableSink(connection, "lock_events", self.COLUMNS, "recipient_id, occurred_at")

    def write(self, keys: list[str], c: dict[str, list[Any]]) -> WriteOutcome:
        refs = self.refs
        outcome = WriteOutcome()
        provider_ids = refs.provider_ids(c["provider"])
        recipient_ids = refs.recipient_ids(c["recipient_personnummer"])
        staff_ids, staff_providers, outcome.rejected = refs.staff_ids(
            c["staff_username"], c["staff_name"], provider_ids
        )
        lock_ids, lock_owners = refs.lock_ids(c["lock_id"], recipient_ids)
        columns = {
            "occurred_at": c["occurred_at"],
            "lock_id": lock_ids,
            "recipient_id": first_present(recipient_ids, lock_owners),
            "provider_id": first_present(provider_ids, staff_providers),
            "staff_id": staff_ids,
            "event": c["event"],
            "method": c["method"],
        }
        columns, kept = keep_rows(columns, keys, outcome.rejected)
        rows = list(zip(kept, *(columns[name] for name in self.COLUMNS[1:]), strict=True))
        if self.sink.sorts and None not in columns["recipient_id"]:
            rows.sort(key=_BY_RECIPIENT_AND_TIME)  # index-friendly order: (recipient, time)
        return _count(outcome, len(keys), self.sink.insert(rows))


class AlarmCallWriter:
    COLUMNS = (
        "external_id", "alarm_external_id", "recipient_id", "provider_id", "triggered_at",
        "answered_at", "operator", "reason", "escalated", "escalated_at", "escalated_to",
        "acknowledged_at", "arrived_at", "closed_at",
    )  # fmt: skip

    def __init__(self, connection: Connection, refs: References) -> None:
        self.refs = refs
        self.sink = TableSink(connection, "alarm_calls", self.COLUMNS, "recipient_id, triggered_at")

    def write(self, keys: list[str], c: dict[str, list[Any]]) -> WriteOutcome:
        refs = self.refs
        alarms = refs.alarm_refs(c["alarm_id"], c["triggered_at"])
        alarm_providers = [a[0] if a else None for a in alarms]
        alarm_recipients = [a[1] if a else None for a in alarms]
        columns = dict(c)
        columns["alarm_external_id"] = c["alarm_id"]
        columns["recipient_id"] = first_present(
            refs.recipient_ids(c["recipient_personnummer"]), alarm_recipients
        )
        columns["provider_id"] = first_present(refs.provider_ids(c["provider"]), alarm_providers)
        rows = list(zip(keys, *(columns[name] for name in self.COLUMNS[1:]), strict=True))
        return _count(WriteOutcome(), len(keys), self.sink.insert(rows))


class LookinWriter:
    COLUMNS = (
        "external_id", "order_id", "order_external_id", "camera_id", "recipient_id",
        "provider_id", "planned_at", "performed_at", "operator", "outcome", "action", "action_at",
    )  # fmt: skip

    def __init__(self, connection: Connection, refs: References) -> None:
        self.refs = refs
        self.sink = TableSink(connection, "lookins", self.COLUMNS, "recipient_id, planned_at")

    def write(self, keys: list[str], c: dict[str, list[Any]]) -> WriteOutcome:
        refs = self.refs
        orders = refs.order_refs(c["order_id"])
        order_part = [[o[i] if o else None for o in orders] for i in range(4)]
        recipient_ids = first_present(
            refs.recipient_ids(c["recipient_personnummer"]), order_part[1]
        )
        camera_ids, camera_owners = refs.camera_ids(c["camera_serial"], recipient_ids)
        columns = dict(c)
        columns["order_id"] = order_part[0]
        columns["order_external_id"] = c["order_id"]
        columns["camera_id"] = first_present(camera_ids, order_part[2])
        columns["recipient_id"] = first_present(recipient_ids, camera_owners)
        columns["provider_id"] = first_present(refs.provider_ids(c["provider"]), order_part[3])
        rows = list(zip(keys, *(columns[name] for name in self.COLUMNS[1:]), strict=True))
        return _count(WriteOutcome(), len(keys), self.sink.insert(rows))
