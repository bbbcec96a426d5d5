"""The SQL behind the extract builders: plain rows in, nothing shaped.

Every query is an index range scan on (subject, time) - see the indexes in ``store/tables.py``.
Instants come back as aware UTC datetimes; dates as dates. Who is who (recipients, staff,
providers) is looked up here too, so a builder needs no other store module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, and_, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from loggutdrag.store.tables import (
    alarm_calls,
    alarms,
    cameras,
    lock_events,
    locks,
    lookins,
    providers,
    recipients,
    staff,
    supervision_orders,
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


_CALL_COLUMNS = (
    alarm_calls.c.external_id,
    alarm_calls.c.triggered_at,
    alarm_calls.c.answered_at,
    alarm_calls.c.operator,
    alarm_calls.c.reason,
    alarm_calls.c.escalated,
    alarm_calls.c.escalated_at,
    alarm_calls.c.escalated_to,
    alarm_calls.c.acknowledged_at,
    alarm_calls.c.arrived_at,
    alarm_calls.c.closed_at,
    recipients.c.personnummer,
    recipients.c.name,
)


def _calls(connection: Connection, where: ColumnElement[bool]) -> list[AlarmCallRow]:
    rows = connection.execute(
        select(*_CALL_COLUMNS)
        .select_from(alarm_calls)
        .outerjoin(recipients, recipients.c.id == alarm_calls.c.recipient_id)
        .where(where)
        .order_by(alarm_calls.c.triggered_at, alarm_calls.c.id)
    )
    return [AlarmCallRow(*tuple(row)) for row in rows]


def escalated_calls_of_recipient(
    connection: Connection, recipient_id: int, start: datetime, end: datetime
) -> list[AlarmCallRow]:
    """The recipient's escalated calls triggered in [start, end)."""
    return _calls(
        connection,
        and_(
            alarm_calls.c.recipient_id == recipient_id,
            alarm_calls.c.triggered_at >= start,
            alarm_calls.c.triggered_at < end,
            alarm_calls.c.escalated.is_(True),
        ),
    )


def escalated_calls_of_provider(
    connection: Connection, provider_id: int, start: datetime, end: datetime
) -> list[AlarmCallRow]:
    return _calls(
        connection,
        and_(
            alarm_calls.c.provider_id == provider_id,
            alarm_calls.c.triggered_at >= start,
            alarm_calls.c.triggered_at < end,
            alarm_calls.c.escalated.is_(True),
        ),
    )


def count_calls(
    connection: Connection,
    *,
    start: datetime,
    end: datetime,
    recipient_id: int | None = None,
    provider_id: int | None = None,
) -> int:
    """All calls (escalated or not) of a recipient or a provider triggered in [start, end)."""
    subject = (
        alarm_calls.c.recipient_id == recipient_id
        if recipient_id is not None
        else alarm_calls.c.provider_id == provider_id
    )
    return int(
        connection.execute(
            select(func.count())
            .select_from(alarm_calls)
            .where(subject, alarm_calls.c.triggered_at >= start, alarm_calls.c.triggered_at < end)
        ).scalar_one()
    )


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


def _lock_events(connection: Connection, where: ColumnElement[bool]) -> list[LockEventRow]:
    event_provider = providers.alias("event_provider")
    rows = connection.execute(
        select(
            lock_events.c.occurred_at,
            locks.c.external_id,
            lock_events.c.event,
            lock_events.c.method,
            staff.c.name,
            staff.c.username,
            event_provider.c.code,
            event_provider.c.name,
            recipients.c.personnummer,
            recipients.c.name,
        )
        .select_from(lock_events)
        .join(locks, locks.c.id == lock_events.c.lock_id)
        .outerjoin(staff, staff.c.id == lock_events.c.staff_id)
        .outerjoin(
            event_provider,
            event_provider.c.id == func.coalesce(lock_events.c.provider_id, staff.c.provider_id),
        )
        .outerjoin(
            recipients,
            recipients.c.id == func.coalesce(lock_events.c.recipient_id, locks.c.recipient_id),
        )
        .where(where)
        .order_by(lock_events.c.occurred_at, lock_events.c.id)
    )
    return [LockEventRow(*tuple(row)) for row in rows]


def lock_events_of_recipient(
    connection: Connection, recipient_id: int, start: datetime, end: datetime
) -> list[LockEventRow]:
    """Every event at the recipient's locks in [start, end)."""
    return _lock_events(
        connection,
        and_(
            lock_events.c.recipient_id == recipient_id,
            lock_events.c.occurred_at >= start,
            lock_events.c.occurred_at < end,
        ),
    )


def lock_events_of_staff(
    connection: Connection, staff_id: int, start: datetime, end: datetime
) -> list[LockEventRow]:
    """Every lock event of one staff member in [start, end)."""
    return _lock_events(
        connection,
        and_(
            lock_events.c.staff_id == staff_id,
            lock_events.c.occurred_at >= start,
            lock_events.c.occurred_at < end,
        ),
    )


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


def _lookins(connection: Connection, where: ColumnElement[bool]) -> list[LookinRow]:
    rows = connection.execute(
        select(
            lookins.c.external_id,
            lookins.c.order_id,
            supervision_orders.c.external_id,
            lookins.c.camera_id,
            cameras.c.serial,
            lookins.c.recipient_id,
            recipients.c.personnummer,
            recipients.c.name,
            lookins.c.planned_at,
            lookins.c.performed_at,
            lookins.c.operator,
            lookins.c.outcome,
            lookins.c.action,
            lookins.c.action_at,
        )
        .select_from(lookins)
        .outerjoin(supervision_orders, supervision_orders.c.id == lookins.c.order_id)
        .outerjoin(cameras, cameras.c.id == lookins.c.camera_id)
        .outerjoin(recipients, recipients.c.id == lookins.c.recipient_id)
        .where(where)
        .order_by(lookins.c.planned_at, lookins.c.id)
    )
    return [LookinRow(*tuple(row)) for row in rows]


def lookins_of_recipient(
    connection: Connection,
    recipient_id: int,
    start: datetime,
    end: datetime,
    camera_id: int | None = None,
) -> list[LookinRow]:
    """The recipient's look-ins planned in [start, end), of one camera when ``camera_id`` is set."""
    conditions = [
        lookins.c.recipient_id == recipient_id,
        lookins.c.planned_at >= start,
        lookins.c.planned_at < end,
    ]
    if camera_id is not None:
        conditions.append(lookins.c.camera_id == camera_id)
    return _lookins(connection, and_(*conditions))


def lookins_of_provider(
    connection: Connection, provider_id: int, start: datetime, end: datetime
) -> list[LookinRow]:
    return _lookins(
        connection,
        and_(
            lookins.c.provider_id == provider_id,
            lookins.c.planned_at >= start,
            lookins.c.planned_at < end,
        ),
    )


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
