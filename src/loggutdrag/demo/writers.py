"""Where the generated municipality goes: the database through the bulk writer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from loggutdrag.demo.activity import Activity
from loggutdrag.demo.context import Call
from loggutdrag.demo.model import Akutlarm, Recipient, World
from loggutdrag.demo.rows import LOG_COLUMNS, Batch, LogRows, register_rows
from loggutdrag.store import tables
from loggutdrag.store.bulk_demo import LOG_TABLES, BulkWriter


class Writer(Protocol):
    @property
    def pending_indexes(self) -> int: ...

    def register(self, world: World) -> None: ...

    def add(self, recipient: Recipient, activity: Activity) -> None: ...

    def add_akutlarm(self, alarm: Akutlarm, calls: list[Call]) -> None: ...

    def close(self, each_index: Callable[[str], None] | None = None) -> dict[str, int]: ...


class DatabaseWriter:
    """Writes the register at once and the log rows batch by batch, committing each batch."""

    def __init__(self, bulk: BulkWriter, world: World) -> None:
        self.bulk = bulk
        self.rows = LogRows(world)
        self.counts: dict[str, int] = {}

    @property
    def pending_indexes(self) -> int:
        return self.bulk.dropped_indexes

    def register(self, world: World) -> None:
        for name, columns, rows in register_rows(world):
            self.bulk.insert(tables.metadata.tables[name], columns, rows)
            self.counts[name] = len(rows)
        self.bulk.commit()

    def add(self, recipient: Recipient, activity: Activity) -> None:
        self.write(self.rows.add(recipient, activity))

    def add_akutlarm(self, alarm: Akutlarm, calls: list[Call]) -> None:
        self.write(self.rows.add_akutlarm(alarm, calls))

    def write(self, batches: list[Batch]) -> None:
        for name, rows in batches:
            self.bulk.insert(tables.metadata.tables[name], LOG_COLUMNS[name], rows)
            self.counts[name] = self.counts.get(name, 0) + len(rows)
        if batches:
            self.bulk.commit()

    def close(self, each_index: Callable[[str], None] | None = None) -> dict[str, int]:
        """Write what is left, then build the indexes (``each_index`` is told each one done)."""
        self.write(self.rows.drain())
        self.bulk.finish(each_index)
        for table in LOG_TABLES:
            self.counts.setdefault(table.name, 0)
        return self.counts
