"""The safety-alarm register as history: who had an active alarm, of which type, with which
provider, on any past date.

The register is imported again and again (monthly snapshots, change lists); see
``store/bulk_register.py`` for how a row updates a stored period. Each stored row is one period of
one alarm: ``active_from`` .. ``active_to`` (inclusive; empty = still active).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, or_, select

from loggutdrag.store.tables import alarms, providers, recipients


@dataclass(frozen=True, slots=True)
class ActiveAlarm:
    alarm_id: str  # the vendor's alarm id
    alarm_type: str  # trygghetslarm | akutlarm
    provider_code: str
    active_from: date
    active_to: date | None
    personnummer: str | None  # 12 digits; None for an akutlarm without a recipient
    name: str | None
    address: str | None


def active_alarms_on(
    connection: Connection, day: date, provider_code: str | None = None
) -> list[ActiveAlarm]:
    """Alarms active on ``day`` (a local calendar date), of one provider or of all.

    An alarm is active on ``day`` when one of its periods has ``active_from <= day`` and no
    ``active_to`` or ``active_to >= day``. Each alarm id is listed once (its latest period that
    covers the day), ordered by provider, type and alarm id. Akutlarm are included (R1, R2):
    callers count them apart.
    """
    a, p, r = alarms.c, providers.c, recipients.c
    query = (
        select(
            a.external_id,
            a.alarm_type,
            p.code,
            a.active_from,
            a.active_to,
            r.personnummer,
            r.name,
            a.address,
        )
        .select_from(alarms.join(providers, p.id == a.provider_id))
        .outerjoin(recipients, r.id == a.recipient_id)
        .where(a.active_from <= day, or_(a.active_to.is_(None), a.active_to >= day))
        .order_by(p.code, a.alarm_type, a.external_id, a.active_from.desc())
    )
    if provider_code is not None:
        query = query.where(p.code == provider_code)
    seen: set[str] = set()
    found: list[ActiveAlarm] = []
    for row in connection.execute(query):
        if row.external_id in seen:
            continue
        seen.add(row.external_id)
        found.append(ActiveAlarm(*row))
    return found
