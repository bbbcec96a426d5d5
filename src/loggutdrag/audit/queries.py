"""Reading the audit trail: filtered, newest first (for the admins' audit page)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from loggutdrag.store.tables import audit_events, cases, recipients


@dataclass(frozen=True)
class AuditFilter:
    recipient_id: int | None = None
    actor: str | None = None
    case_id: int | None = None
    action: str | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    action: str
    case_id: int | None
    diary_number: str | None
    recipient_id: int | None
    personnummer: str | None
    details: dict[str, Any]


def recipient_id_by_personnummer(connection: Connection, personnummer_long: str) -> int | None:
    found = connection.execute(
        select(recipients.c.id).where(recipients.c.personnummer == personnummer_long)
    ).scalar()
    return int(found) if found is not None else None


def case_id_by_diary_number(connection: Connection, diary_number: str) -> int | None:
    # Exact, then as upper case ("vän 2026-001"): SQLite's lower() leaves Å, Ä and Ö alone.
    for candidate in dict.fromkeys((diary_number.strip(), diary_number.strip().upper())):
        found = connection.execute(
            select(cases.c.id).where(cases.c.diary_number == candidate)
        ).scalar()
        if found is not None:
            return int(found)
    return None


def count_entries(connection: Connection) -> int:
    return int(connection.execute(select(func.count()).select_from(audit_events)).scalar_one())


def search(connection: Connection, where: AuditFilter, *, limit: int = 200) -> list[AuditRow]:
    query = select(audit_events, cases.c.diary_number, recipients.c.personnummer).select_from(
        audit_events.outerjoin(cases, cases.c.id == audit_events.c.case_id).outerjoin(
            recipients, recipients.c.id == audit_events.c.subject_recipient_id
        )
    )
    if where.recipient_id is not None:
        query = query.where(audit_events.c.subject_recipient_id == where.recipient_id)
    if where.actor:
        query = query.where(audit_events.c.actor == where.actor)
    if where.case_id is not None:
        query = query.where(audit_events.c.case_id == where.case_id)
    if where.action:
        query = query.where(audit_events.c.action == where.action)
    query = query.order_by(audit_events.c.id.desc()).limit(limit)
    return [
        AuditRow(
            id=row["id"],
            at=row["at"],
            actor=row["actor"],
            action=row["action"],
            case_id=row["case_id"],
            diary_number=row["diary_number"],
            recipient_id=row["subject_recipient_id"],
            personnummer=row["personnummer"],
            details=dict(row["details"] or {}),
        )
        for row in connection.execute(query).mappings()
    ]
