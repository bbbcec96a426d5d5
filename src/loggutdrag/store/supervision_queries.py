"""The SQL behind the supervision-log builder: look-ins and the orders active in a period.

Same conventions as ``store/extract_queries.py`` (plain SQL, rows converted here).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, or_, select, text

from loggutdrag.store.extract_queries import bind_instant, instant, subject_rows
from loggutdrag.store.tables import cameras, recipients, supervision_orders

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
            instant(row[8]),  # type: ignore[arg-type]  # NOT NULL column
            instant(row[9]),
            row[10],
            row[11],
            row[12],
            instant(row[13]),
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
        "start": bind_instant(connection, start),
        "end": bind_instant(connection, end),
    }
    if camera_id is None:
        return _lookins(connection.execute(_LOOKINS_OF_RECIPIENT, params))
    return _lookins(connection.execute(_LOOKINS_OF_CAMERA, {**params, "camera": camera_id}))


def lookins_of_provider(
    connection: Connection, provider_id: int, start: datetime, end: datetime
) -> list[LookinRow]:
    return _lookins(subject_rows(connection, _LOOKINS_OF_PROVIDER, provider_id, start, end))


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
