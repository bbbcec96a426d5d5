"""Column types shared by all tables.

Log timestamps are instants. They are stored in UTC: as ``timestamptz`` on PostgreSQL and, on
SQLite, as text ``YYYY-MM-DD HH:MM:SS`` in UTC (seconds are the logs' resolution), which sorts
and compares correctly and is what a bulk importer writes directly (``SQLITE_TIMESTAMP_FORMAT``).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

SQLITE_TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"
"""strftime format of an instant as stored on SQLite (always UTC)."""

_SQLITE_STORAGE = "%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:%(second)02d"
_SQLITE_REGEXP = re.compile(r"(\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+)")


class UtcDateTime(TypeDecorator[datetime]):
    """An aware datetime, stored in UTC; naive datetimes are refused (they are a bug)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(
                sqlite.DATETIME(  # type: ignore[no-untyped-call]  # SQLAlchemy leaves it untyped
                    storage_format=_SQLITE_STORAGE, regexp=_SQLITE_REGEXP
                )
            )
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; attach a time zone first")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def sqlite_timestamp(value: datetime) -> str:
    """The text an instant is stored as on SQLite (for bulk writers that bypass SQLAlchemy)."""
    return value.astimezone(UTC).strftime(SQLITE_TIMESTAMP_FORMAT)
