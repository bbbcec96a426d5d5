"""Fast bulk insert of generated rows, with their ids, into empty tables (the demo data).

SQLite: the raw DBAPI connection's ``executemany``, foreign-key checks and fsync off during the
load. PostgreSQL: ``COPY ... FROM STDIN`` through psycopg. Timestamps are given as UTC text
``YYYY-MM-DD HH:MM:SS`` (store.types.sqlite_timestamp); PostgreSQL reads that text in the
session time zone, which is set to UTC. Dates are ``YYYY-MM-DD`` text, booleans Python bools.

The secondary indexes of the big log tables are dropped while they are empty and created again at
the end (also when the load fails), which is several times faster than keeping them up to date.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from types import TracebackType
from typing import Any, Self

from sqlalchemy import Engine, Table
from sqlalchemy.schema import CreateIndex, DropIndex

from loggutdrag.store.tables import metadata

Row = Sequence[Any]


class BulkWriter:
    """``with BulkWriter(engine, drop_indexes_of=[t]) as bulk: bulk.insert(...); bulk.finish()``."""

    def __init__(self, engine: Engine, *, drop_indexes_of: Sequence[Table] = ()) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._drop_indexes_of = list(drop_indexes_of)
        self._dropped: list[str] = []
        self._written: dict[str, None] = {}
        self._raw: Any = None
        self._db: Any = None

    # --- lifecycle --------------------------------------------------------------------------------

    def __enter__(self) -> Self:
        self._raw = self.engine.raw_connection()
        self._db = self._raw.driver_connection
        if self.dialect == "sqlite":
            for pragma in (
                "PRAGMA foreign_keys=OFF",
                "PRAGMA synchronous=OFF",
                "PRAGMA cache_size=-262144",
                "PRAGMA threads=2",
            ):
                self._db.execute(pragma)
        else:
            with self._db.cursor() as cursor:
                cursor.execute("SET TIME ZONE 'UTC'")
                cursor.execute("SET synchronous_commit = off")
                cursor.execute("SET maintenance_work_mem = '512MB'")
            self._db.commit()
            try:  # skip the foreign-key triggers for rows we generated consistent (needs superuser)
                with self._db.cursor() as cursor:
                    cursor.execute("SET session_replication_role = replica")
                self._db.commit()
            except Exception:  # not allowed: keep the checks, only slower
                self._db.rollback()
        self._drop_indexes()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if exc_type is not None:
                self._db.rollback()
                self.recreate_indexes()
        finally:
            # Invalidate rather than return to the pool: the session settings above die with it.
            self._raw.invalidate()
            self._raw = None

    def _drop_indexes(self) -> None:
        for table in self._drop_indexes_of:
            sql = f"SELECT count(*) FROM (SELECT 1 FROM {table.name} LIMIT 1) AS t"  # noqa: S608 - a table of the schema
            if self._scalar(sql):
                continue  # only an empty table may lose its indexes
            for index in sorted(table.indexes, key=lambda ix: str(ix.name)):
                drop = DropIndex(index, if_exists=True)
                self._execute(str(drop.compile(dialect=self.engine.dialect)))
                self._dropped.append(str(index.name))
        self._db.commit()

    @property
    def dropped_indexes(self) -> int:
        """How many indexes are waiting to be created again."""
        return len(self._dropped)

    def recreate_indexes(self, each: Callable[[str], None] | None = None) -> None:
        """Create again the indexes dropped at the start (``each`` is told each one done)."""
        by_name = {
            str(index.name): index for table in self._drop_indexes_of for index in table.indexes
        }
        while self._dropped:
            name = self._dropped[0]
            self._execute(str(CreateIndex(by_name[name]).compile(dialect=self.engine.dialect)))
            self._db.commit()
            self._dropped.pop(0)
            if each is not None:
                each(name)

    def finish(self, each_index: Callable[[str], None] | None = None) -> None:
        """Commit, recreate the indexes, bring PostgreSQL's id sequences up, refresh statistics."""
        self._db.commit()
        self.recreate_indexes(each_index)
        if self.dialect == "sqlite":
            self._db.execute("PRAGMA analysis_limit=1000")
            self._db.execute("ANALYZE")
            self._db.commit()
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            return
        for name in self._written:
            self._execute(  # the names are tables of the schema, not input
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), max(id)) FROM {name} "  # noqa: S608
                "HAVING max(id) IS NOT NULL"
            )
            self._execute(f"ANALYZE {name}")
        self._db.commit()

    # --- writing ----------------------------------------------------------------------------------

    def insert(self, table: Table, columns: Sequence[str], rows: Iterable[Row]) -> None:
        for column in columns:
            if column not in table.c:
                raise ValueError(f"{table.name} has no column {column}")
        self._written[table.name] = None
        names = ", ".join(columns)
        if self.dialect == "sqlite":
            marks = ", ".join("?" * len(columns))
            self._db.executemany(f"INSERT INTO {table.name} ({names}) VALUES ({marks})", rows)  # noqa: S608 - names come from the schema
            return
        with (
            self._db.cursor() as cursor,
            cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)

    def commit(self) -> None:
        self._db.commit()

    # --- helpers ----------------------------------------------------------------------------------

    def _execute(self, sql: str) -> None:
        if self.dialect == "sqlite":
            self._db.execute(sql)
        else:
            with self._db.cursor() as cursor:
                cursor.execute(sql)

    def _scalar(self, sql: str) -> Any:
        if self.dialect == "sqlite":
            return self._db.execute(sql).fetchone()[0]
        with self._db.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchone()[0]


LOG_TABLES = tuple(metadata.tables[name] for name in ("lock_events", "alarm_calls", "lookins"))
"""The big log tables whose secondary indexes a bulk load drops and recreates."""
