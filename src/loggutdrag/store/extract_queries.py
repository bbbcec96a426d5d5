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

from sqlalchemy import Connection, TextClause, or_, select, text

from loggutdrag.store.tables import (
    alarms,
    cameras,
    providers,
    recipients,
    staff,
    supervision_orders,
)
from loggutdrag.store.types import sqlite_timestamp


def _instant(value: Any) -> datetime | None:
    """A driver's instant (SQLite: UTC text; PostgreSQL: aware datetime) as aware UTC."""
    if value is None:
        return None
    if isinstance(value, str):
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]
    return value.astimezone(UTC)  # type: ignore[no-any-return]


def _bind(connection: Connection, instant: datetime) -> Any:
    """An instant as the driver should compare it with the stored column."""
    return sqlite_timestamp(instant) if connection.dialect.name == "sqlite" else instant


def _rows(
    connection: Connection, statement: TextClause, subject: int, start: datetime, end: datetime
) -> Any:
    return connection.execute(
        statement,
        {"subject": subject, "start": _bind(connection, start), "end": _bind(connection, end)},
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


def find_provider(connection: Connection, code: str) -> ProviderRow | None:
    row = connection.execute(
        select(*_PROVIDER_COLUMNS).where(providers.c.code == code)
    ).one_or_none()
    return ProviderRow(*tuple(row)) if row else None


def provider_by_id(connection: Connection, provider_id: int) -> ProviderRow | None:
    row = connection.execute(
        select(*_PROVIDER_COLUMNS).where(providers.c.id == provider_id)
    ).one_or_none()
    return ProviderRow(*tuple(row)) if row else None


def all_providers(connection: Connection) -> list[ProviderRow]:
    rows = connection.execute(select(*_PROVIDER_COLUMNS).order_by(providers.c.code))
    return [ProviderRow(*tuple(row)) for row in rows]


def find_recipient(connection: Connection, personnummer: str) -> RecipientRow | None:
    """``personnummer`` in the 12-digit form."""
    row = connection.execute(
        select(*_RECIPIENT_COLUMNS).where(recipients.c.personnummer == personnummer)
    ).one_or_none()
    return RecipientRow(*tuple(row)) if row else None


def recipient_by_id(connection: Connection, recipient_id: int) -> RecipientRow | None:
    row = connection.execute(
        select(*_RECIPIENT_COLUMNS).where(recipients.c.id == recipient_id)
    ).one_or_none()
    return RecipientRow(*tuple(row)) if row else None


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
            "start": _bind(connection, start),
            "end": _bind(connection, end),
            "yes": True,
        },
    )
    return [
        AlarmCallRow(
            row[0],
            _instant(row[1]),  # type: ignore[arg-type]  # NOT NULL column
            _instant(row[2]),
            row[3],
            row[4],
            bool(row[5]),
            _instant(row[6]),
            row[7],
            _instant(row[8]),
            _instant(row[9]),
            _instant(row[10]),
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
    return int(_rows(connection, statement, subject, start, end).scalar_one())


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


_LOCK_SQL = """
SELECT le.occurred_at, l.external_id, le.event, le.method, s.name, s.username,
       p.code, p.name, r.personnummer, r.name
FROM lock_events le
JOIN locks l ON l.id = le.lock_id
LEFT JOIN staff s ON s.id = le.staff_id
LEFT JOIN providers p ON p.id = COALESCE(le.provider_id, s.provider_id)
LEFT JOIN recipients r ON r.id = COALESCE(le.recipient_id, l.recipient_id)
WHERE le.{subject} = :subject AND le.occurred_at >= :start AND le.occurred_at < :end
ORDER BY le.occurred_at, le.id
"""
_LOCK_OF_RECIPIENT = text(_LOCK_SQL.format(subject="recipient_id"))
_LOCK_OF_STAFF = text(_LOCK_SQL.format(subject="staff_id"))


def _lock_events(
    connection: Connection, statement: TextClause, subject: int, start: datetime, end: datetime
) -> list[LockEventRow]:
    return [
        LockEventRow(
            _instant(row[0]),  # type: ignore[arg-type]  # NOT NULL column
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
        for row in _rows(connection, statement, subject, start, end)
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


# --- visual supervision ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LookinRow:
    lookin_id: str
    order_db_id: int | None
    order_id: str | None
    camera_db_id: int | None
    camera_serial: str | None
    recipient_db_id: int | None
    personnummer: str | None
    recipient_name: str | None
    planned_at: datetime
    performed_at: datetime | None
    operator: str | None
    outcome: str
    action: str
    action_at: datetime | None


@dataclass(frozen=True, slots=True)
class SupervisionOrderRow:
    id: int
    order_id: str
    recipient_db_id: int
    personnummer: str
    recipient_name: str | None
    camera_db_id: int
    camera_serial: str
    planned_time: str
    weekdays: str
    valid_from: date
    valid_to: date | None


_LOOKIN_SQL = """
SELECT lk.external_id, lk.order_id, o.external_id, lk.camera_id, c.serial, lk.recipient_id,
       r.personnummer, r.name, lk.planned_at, lk.performed_at, lk.operator, lk.outcome,
       lk.action, lk.action_at
FROM lookins lk
LEFT JOIN supervision_orders o ON o.id = lk.order_id
LEFT JOIN cameras c ON c.id = lk.camera_id
LEFT JOIN recipients r ON r.id = lk.recipient_id
WHERE lk.{subject} = :subject AND lk.planned_at >= :start AND lk.planned_at < :end {camera}
ORDER BY lk.planned_at, lk.id
"""
_LOOKINS_OF_RECIPIENT = text(_LOOKIN_SQL.format(subject="recipient_id", camera=""))
_LOOKINS_OF_CAMERA = text(
    _LOOKIN_SQL.format(subject="recipient_id", camera="AND lk.camera_id = :camera")
)
_LOOKINS_OF_PROVIDER = text(_LOOKIN_SQL.format(subject="provider_id", camera=""))


def _lookins(result: Any) -> list[LookinRow]:
    return [
        LookinRow(
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            row[6],
            row[7],
            _instant(row[8]),  # type: ignore[arg-type]  # NOT NULL column
            _instant(row[9]),
            row[10],
            row[11],
            row[12],
            _instant(row[13]),
        )
        for row in result
    ]


def lookins_of_recipient(
    connection: Connection,
    recipient_id: int,
    start: datetime,
    end: datetime,
    camera_id: int | None = None,
) -> list[LookinRow]:
    """The recipient's look-ins planned in [start, end), of one camera when ``camera_id`` is set."""
    params = {
        "subject": recipient_id,
        "start": _bind(connection, start),
        "end": _bind(connection, end),
    }
    if camera_id is None:
        return _lookins(connection.execute(_LOOKINS_OF_RECIPIENT, params))
    return _lookins(connection.execute(_LOOKINS_OF_CAMERA, {**params, "camera": camera_id}))


def lookins_of_provider(
    connection: Connection, provider_id: int, start: datetime, end: datetime
) -> list[LookinRow]:
    return _lookins(_rows(connection, _LOOKINS_OF_PROVIDER, provider_id, start, end))


def orders_in_period(
    connection: Connection,
    first_day: date,
    last_day: date,
    *,
    recipient_id: int | None = None,
    camera_id: int | None = None,
    provider_id: int | None = None,
) -> list[SupervisionOrderRow]:
    """Supervision orders valid on at least one day of [first_day, last_day]."""
    conditions = [
        supervision_orders.c.valid_from <= last_day,
        or_(supervision_orders.c.valid_to.is_(None), supervision_orders.c.valid_to >= first_day),
    ]
    if recipient_id is not None:
        conditions.append(supervision_orders.c.recipient_id == recipient_id)
    if camera_id is not None:
        conditions.append(supervision_orders.c.camera_id == camera_id)
    if provider_id is not None:
        conditions.append(supervision_orders.c.provider_id == provider_id)
    rows = connection.execute(
        select(
            supervision_orders.c.id,
            supervision_orders.c.external_id,
            supervision_orders.c.recipient_id,
            recipients.c.personnummer,
            recipients.c.name,
            supervision_orders.c.camera_id,
            cameras.c.serial,
            supervision_orders.c.planned_time,
            supervision_orders.c.weekdays,
            supervision_orders.c.valid_from,
            supervision_orders.c.valid_to,
        )
        .select_from(supervision_orders)
        .join(recipients, recipients.c.id == supervision_orders.c.recipient_id)
        .join(cameras, cameras.c.id == supervision_orders.c.camera_id)
        .where(*conditions)
        .order_by(recipients.c.personnummer, supervision_orders.c.planned_time)
    )
    return [SupervisionOrderRow(*tuple(row)) for row in rows]
