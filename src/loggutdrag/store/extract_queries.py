"""The SQL behind the extract builders: plain rows in, nothing shaped.

Every log query is an index range scan on (subject, time) - see the indexes in ``store/tables.py``.
The log queries are plain SQL (the same text on SQLite and PostgreSQL) whose rows are converted
here rather than by SQLAlchemy's per-column result processing, which cost more than the query
itself on a recipient-month (bench/bench_extracts.py). Instants come back as aware UTC datetimes;
dates as dates. Who is who (recipients, staff, providers) is looked up here too, so a builder needs
no other store module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, TextClause, or_, select, text

from loggutdrag.store.tables import (
    alarms,
    cameras,
    providers,
    recipients,
    staff,
)
from loggutdrag.store.types import sqlite_timestamp


def instant(value: Any) -> datetime | None:
    """A driver's instant (SQLite: UTC text; PostgreSQL: aware datetime) as aware UTC."""
    if value is None:
        return None
    if isinstance(value, str):
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]
    return value.astimezone(UTC)  # type: ignore[no-any-return]


def bind_instant(connection: Connection, moment: datetime) -> Any:
    """An instant as the driver should compare it with the stored column."""
    return sqlite_timestamp(moment) if connection.dialect.name == "sqlite" else moment


def subject_rows(
    connection: Connection, statement: TextClause, subject: int, start: datetime, end: datetime
) -> Any:
    """Run a log query whose parameters are a subject id and an instant range [start, end)."""
    return connection.execute(
        statement,
        {
            "subject": subject,
            "start": bind_instant(connection, start),
            "end": bind_instant(connection, end),
        },
    )


# --- who ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProviderRow:
    id: int
    code: str
    name: str
    contact_email: str | None = None


@dataclass(frozen=True, slots=True)
class RecipientRow:
    id: int
    personnummer: str
    name: str | None
    street: str | None
    postcode: str | None
    city: str | None
    protected_identity: bool


@dataclass(frozen=True, slots=True)
class StaffRow:
    id: int
    username: str
    name: str
    provider_code: str
    provider_name: str


_PROVIDER_COLUMNS = (providers.c.id, providers.c.code, providers.c.name, providers.c.contact_email)
_RECIPIENT_COLUMNS = (
    recipients.c.id,
    recipients.c.personnummer,
    recipients.c.name,
    recipients.c.street,
    recipients.c.postcode,
    recipients.c.city,
    recipients.c.protected_identity,
)


def _one_provider(connection: Connection, condition: ColumnElement[bool]) -> ProviderRow | None:
    row = connection.execute(select(*_PROVIDER_COLUMNS).where(condition)).one_or_none()
    return ProviderRow(*tuple(row)) if row else None


def find_provider(connection: Connection, code: str) -> ProviderRow | None:
    return _one_provider(connection, providers.c.code == code)


def provider_by_id(connection: Connection, provider_id: int) -> ProviderRow | None:
    return _one_provider(connection, providers.c.id == provider_id)


def all_providers(connection: Connection) -> list[ProviderRow]:
    rows = connection.execute(select(*_PROVIDER_COLUMNS).order_by(providers.c.code))
    return [ProviderRow(*tuple(row)) for row in rows]


def _one_recipient(connection: Connection, condition: ColumnElement[bool]) -> RecipientRow | None:
    row = connection.execute(select(*_RECIPIENT_COLUMNS).where(condition)).one_or_none()
    return RecipientRow(*tuple(row)) if row else None


def find_recipient(connection: Connection, personnummer: str) -> RecipientRow | None:
    """``personnummer`` in the 12-digit form."""
    return _one_recipient(connection, recipients.c.personnummer == personnummer)


def recipient_by_id(connection: Connection, recipient_id: int) -> RecipientRow | None:
    return _one_recipient(connection, recipients.c.id == recipient_id)


def find_staff(connection: Connection, username: str) -> StaffRow | None:
    row = connection.execute(
        select(staff.c.id, staff.c.username, staff.c.name, providers.c.code, providers.c.name)
        .join(providers, providers.c.id == staff.c.provider_id)
        .where(staff.c.username == username)
    ).one_or_none()
    return StaffRow(*tuple(row)) if row else None


def find_camera_id(connection: Connection, serial: str) -> int | None:
    value = connection.execute(
        select(cameras.c.id).where(cameras.c.serial == serial)
    ).scalar_one_or_none()
    return int(value) if value is not None else None


# --- safety-alarm register ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActiveAlarmRow:
    alarm_id: str
    alarm_type: str
    active_from: date
    active_to: date | None
    address: str | None
    personnummer: str | None
    name: str | None
    street: str | None
    postcode: str | None
    city: str | None
    protected_identity: bool | None


def active_alarms(connection: Connection, provider_id: int, day: date) -> list[ActiveAlarmRow]:
    """Every alarm of the provider registered as active on ``day`` (both alarm types, R1-R2).

    The register is history (several snapshots may hold the same alarm): an alarm is active on
    ``day`` when one of its registrations covers it; each alarm id is listed once.
    """
    rows = connection.execute(
        select(
            alarms.c.external_id,
            alarms.c.alarm_type,
            alarms.c.active_from,
            alarms.c.active_to,
            alarms.c.address,
            recipients.c.personnummer,
            recipients.c.name,
            recipients.c.street,
            recipients.c.postcode,
            recipients.c.city,
            recipients.c.protected_identity,
        )
        .select_from(alarms)
        .outerjoin(recipients, recipients.c.id == alarms.c.recipient_id)
        .where(
            alarms.c.provider_id == provider_id,
            alarms.c.active_from <= day,
            or_(alarms.c.active_to.is_(None), alarms.c.active_to >= day),
        )
        .order_by(alarms.c.external_id, alarms.c.active_from.desc())
    )
    seen: set[str] = set()
    result: list[ActiveAlarmRow] = []
    for row in rows:
        if row[0] in seen:
            continue
        seen.add(row[0])
        result.append(ActiveAlarmRow(*tuple(row)))
    return result


# --- alarm calls ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AlarmCallRow:
    call_id: str
    triggered_at: datetime
    answered_at: datetime | None
    operator: str | None
    reason: str | None
    escalated: bool
    escalated_at: datetime | None
    escalated_to: str | None
    acknowledged_at: datetime | None
    arrived_at: datetime | None
    closed_at: datetime | None
    personnummer: str | None
    name: str | None


_CALLS_SQL = """
SELECT c.external_id, c.triggered_at, c.answered_at, c.operator, c.reason, c.escalated,
       c.escalated_at, c.escalated_to, c.acknowledged_at, c.arrived_at, c.closed_at,
       r.personnummer, r.name
FROM alarm_calls c
LEFT JOIN recipients r ON r.id = c.recipient_id
WHERE c.{subject} = :subject AND c.triggered_at >= :start AND c.triggered_at < :end
  AND c.escalated = :yes
ORDER BY c.triggered_at, c.id
"""
_ESCALATED_OF_RECIPIENT = text(_CALLS_SQL.format(subject="recipient_id"))
_ESCALATED_OF_PROVIDER = text(_CALLS_SQL.format(subject="provider_id"))
_COUNT_SQL = (
    "SELECT count(*) FROM alarm_calls c WHERE c.{subject} = :subject "
    "AND c.triggered_at >= :start AND c.triggered_at < :end"
)
_COUNT_OF_RECIPIENT = text(_COUNT_SQL.format(subject="recipient_id"))
_COUNT_OF_PROVIDER = text(_COUNT_SQL.format(subject="provider_id"))


def _calls(
    connection: Connection, statement: TextClause, subject: int, start: datetime, end: datetime
) -> list[AlarmCallRow]:
    result = connection.execute(
        statement,
        {
            "subject": subject,
            "start": bind_instant(connection, start),
            "end": bind_instant(connection, end),
            "yes": True,
        },
    )
    return [
        AlarmCallRow(
            row[0],
            instant(row[1]),  # type: ignore[arg-type]  # NOT NULL column
            instant(row[2]),
            row[3],
            row[4],
            bool(row[5]),
            instant(row[6]),
            row[7],
            instant(row[8]),
            instant(row[9]),
            instant(row[10]),
            row[11],
            row[12],
        )
        for row in result
    ]


def escalated_calls_of_recipient(
    connection: Connection, recipient_id: int, start: datetime, end: datetime
) -> list[AlarmCallRow]:
    """The recipient's escalated calls triggered in [start, end)."""
    return _calls(connection, _ESCALATED_OF_RECIPIENT, recipient_id, start, end)


def escalated_calls_of_provider(
    connection: Connection, provider_id: int, start: datetime, end: datetime
) -> list[AlarmCallRow]:
    return _calls(connection, _ESCALATED_OF_PROVIDER, provider_id, start, end)


def count_calls(
    connection: Connection,
    *,
    start: datetime,
    end: datetime,
    recipient_id: int | None = None,
    provider_id: int | None = None,
) -> int:
    """All calls (escalated or not) of a recipient or a provider triggered in [start, end)."""
    if recipient_id is not None:
        statement, subject = _COUNT_OF_RECIPIENT, recipient_id
    elif provider_id is not None:
        statement, subject = _COUNT_OF_PROVIDER, provider_id
    else:
        raise ValueError("count_calls needs a recipient or a provider")
    return int(subject_rows(connection, statement, subject, start, end).scalar_one())


# --- lock events ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LockEventRow:
    occurred_at: datetime
    lock_id: str
    event: str
    method: str | None
    staff_name: str | None
    staff_username: str | None
    provider_code: str | None
    provider_name: str | None
    personnummer: str | None
    recipient_name: str | None


# Each scope looks up only what it does not know already, by primary key, one row at a time
# (scalar subqueries): a few dozen index lookups, where a join let PostgreSQL hash whole tables.
_LOCK_OF_RECIPIENT = text("""
SELECT le.occurred_at,
       (SELECT l.external_id FROM locks l WHERE l.id = le.lock_id),
       le.event, le.method,
       (SELECT s.name FROM staff s WHERE s.id = le.staff_id),
       (SELECT s.username FROM staff s WHERE s.id = le.staff_id),
       (SELECT p.code FROM providers p
         WHERE p.id = COALESCE(le.provider_id,
                               (SELECT s.provider_id FROM staff s WHERE s.id = le.staff_id))),
       (SELECT p.name FROM providers p
         WHERE p.id = COALESCE(le.provider_id,
                               (SELECT s.provider_id FROM staff s WHERE s.id = le.staff_id))),
       NULL, NULL
FROM lock_events le
WHERE le.recipient_id = :subject AND le.occurred_at >= :start AND le.occurred_at < :end
ORDER BY le.occurred_at, le.id
""")
_LOCK_OF_STAFF = text("""
SELECT le.occurred_at, l.external_id, le.event, le.method, NULL, NULL,
       (SELECT p.code FROM providers p WHERE p.id = le.provider_id),
       (SELECT p.name FROM providers p WHERE p.id = le.provider_id),
       (SELECT r.personnummer FROM recipients r
         WHERE r.id = COALESCE(le.recipient_id, l.recipient_id)),
       (SELECT r.name FROM recipients r WHERE r.id = COALESCE(le.recipient_id, l.recipient_id))
FROM lock_events le
JOIN locks l ON l.id = le.lock_id
WHERE le.staff_id = :subject AND le.occurred_at >= :start AND le.occurred_at < :end
ORDER BY le.occurred_at, le.id
""")


def _lock_events(
    connection: Connection, statement: TextClause, subject: int, start: datetime, end: datetime
) -> list[LockEventRow]:
    return [
        LockEventRow(
            instant(row[0]),  # type: ignore[arg-type]  # NOT NULL column
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            row[6],
            row[7],
            row[8],
            row[9],
        )
        for row in subject_rows(connection, statement, subject, start, end)
    ]


def lock_events_of_recipient(
    connection: Connection, recipient_id: int, start: datetime, end: datetime
) -> list[LockEventRow]:
    """Every event at the recipient's locks in [start, end)."""
    return _lock_events(connection, _LOCK_OF_RECIPIENT, recipient_id, start, end)


def lock_events_of_staff(
    connection: Connection, staff_id: int, start: datetime, end: datetime
) -> list[LockEventRow]:
    """Every lock event of one staff member in [start, end)."""
    return _lock_events(connection, _LOCK_OF_STAFF, staff_id, start, end)
