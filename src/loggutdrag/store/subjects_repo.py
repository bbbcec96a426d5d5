"""Who a request is about, as the database knows them: providers, recipients, staff, and whether a
provider served a recipient or staff member in a period according to the logs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, and_, exists, or_, select

from loggutdrag.store.tables import (
    alarm_calls,
    alarms,
    lock_events,
    lookins,
    providers,
    recipients,
    staff,
    supervision_orders,
)


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: int
    provider_id: int
    valid_from: date | None
    valid_to: date | None


def provider_id(connection: Connection, code: str) -> int | None:
    found = connection.execute(select(providers.c.id).where(providers.c.code == code)).scalar()
    return None if found is None else int(found)


def recipient_id(connection: Connection, personnummer_long: str) -> int | None:
    found = connection.execute(
        select(recipients.c.id).where(recipients.c.personnummer == personnummer_long)
    ).scalar()
    return None if found is None else int(found)


def staff_member(connection: Connection, username: str) -> StaffMember | None:
    row = connection.execute(
        select(staff.c.id, staff.c.provider_id, staff.c.valid_from, staff.c.valid_to).where(
            staff.c.username == username
        )
    ).first()
    if row is None:
        return None
    return StaffMember(int(row.id), int(row.provider_id), row.valid_from, row.valid_to)


def provider_served_recipient(
    connection: Connection,
    provider: int,
    recipient: int,
    *,
    first_day: date,
    last_day: date,
    start: datetime,
    end: datetime,
) -> bool:
    """True when any log links the provider and the recipient in the period.

    ``first_day``/``last_day`` are the local period; ``start``/``end`` its UTC bounds (end
    exclusive). Sources: an alarm registered to the provider, an alarm call, a lock event, an
    ordered or performed camera look-in.
    """
    checks = [
        exists().where(
            alarms.c.provider_id == provider,
            alarms.c.recipient_id == recipient,
            alarms.c.active_from <= last_day,
            or_(alarms.c.active_to.is_(None), alarms.c.active_to >= first_day),
        ),
        exists().where(
            alarm_calls.c.provider_id == provider,
            alarm_calls.c.recipient_id == recipient,
            alarm_calls.c.triggered_at >= start,
            alarm_calls.c.triggered_at < end,
        ),
        exists().where(
            lock_events.c.provider_id == provider,
            lock_events.c.recipient_id == recipient,
            lock_events.c.occurred_at >= start,
            lock_events.c.occurred_at < end,
        ),
        exists().where(
            supervision_orders.c.provider_id == provider,
            supervision_orders.c.recipient_id == recipient,
            supervision_orders.c.valid_from <= last_day,
            or_(
                supervision_orders.c.valid_to.is_(None),
                supervision_orders.c.valid_to >= first_day,
            ),
        ),
        exists().where(
            lookins.c.provider_id == provider,
            lookins.c.recipient_id == recipient,
            lookins.c.planned_at >= start,
            lookins.c.planned_at < end,
        ),
    ]
    return any(connection.execute(select(check)).scalar() for check in checks)


def provider_had_staff(
    connection: Connection,
    provider: int,
    member: StaffMember,
    *,
    first_day: date,
    last_day: date,
    start: datetime,
    end: datetime,
) -> bool:
    """True when the staff member worked for the provider in the period: employed there (per the
    staff register) during the period, or any lock event of theirs for that provider in it."""
    employed = (
        member.provider_id == provider
        and (member.valid_from is None or member.valid_from <= last_day)
        and (member.valid_to is None or member.valid_to >= first_day)
    )
    if employed:
        return True
    used_locks = exists().where(
        and_(
            lock_events.c.staff_id == member.id,
            lock_events.c.provider_id == provider,
            lock_events.c.occurred_at >= start,
            lock_events.c.occurred_at < end,
        )
    )
    return bool(connection.execute(select(used_locks)).scalar())
