"""Read-only lists of cases for the web pages: the officers' queue, a provider's cases, search,
and the numbers behind the dashboard. (Single cases are read through ``cases_repo``.)"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Select, func, or_, select

from loggutdrag.domain.enums import CaseStatus
from loggutdrag.store.tables import cases, deliveries, providers, recipients

OPEN_STATUSES = (
    CaseStatus.RECEIVED,
    CaseStatus.AWAITING_SUPPLEMENT,
    CaseStatus.READY,
    CaseStatus.EXTRACT_PRODUCED,
)


@dataclass(frozen=True)
class CaseLine:
    id: int
    diary_number: str
    kind: str | None
    scope: str | None
    status: CaseStatus
    provider_code: str | None
    personnummer: str | None  # 12 digits; pages show it masked
    received_at: datetime
    due: date | None
    created_by: str | None


def _lines() -> Select[Any]:
    return select(
        cases.c.id,
        cases.c.diary_number,
        cases.c.kind,
        cases.c.scope,
        cases.c.status,
        providers.c.code.label("provider_code"),
        recipients.c.personnummer,
        cases.c.received_at,
        cases.c.due,
        cases.c.created_by,
    ).select_from(
        cases.outerjoin(providers, providers.c.id == cases.c.provider_id).outerjoin(
            recipients, recipients.c.id == cases.c.recipient_id
        )
    )


def _run(connection: Connection, query: Select[Any]) -> list[CaseLine]:
    return [
        CaseLine(
            id=int(row["id"]),
            diary_number=row["diary_number"],
            kind=row["kind"],
            scope=row["scope"],
            status=CaseStatus(row["status"]),
            provider_code=row["provider_code"],
            personnummer=row["personnummer"],
            received_at=row["received_at"],
            due=row["due"],
            created_by=row["created_by"],
        )
        for row in connection.execute(query).mappings()
    ]


def open_queue(connection: Connection, *, limit: int = 500) -> list[CaseLine]:
    """Open cases, the earliest due first; cases without a due date (waiting) last."""
    query = (
        _lines()
        .where(cases.c.status.in_([str(s) for s in OPEN_STATUSES]))
        .order_by(cases.c.due.is_(None), cases.c.due, cases.c.received_at)
        .limit(limit)
    )
    return _run(connection, query)


def cases_of(
    connection: Connection, *, provider_code: str | None, username: str, limit: int = 500
) -> list[CaseLine]:
    """A provider's cases, and any case the user registered; newest first."""
    condition = cases.c.created_by == username
    if provider_code is not None:
        condition = or_(condition, providers.c.code == provider_code)
    query = _lines().where(condition).order_by(cases.c.received_at.desc()).limit(limit)
    return _run(connection, query)


def search(
    connection: Connection,
    *,
    diary_number: str | None = None,
    recipient_id: int | None = None,
    provider_code: str | None = None,
    limit: int = 200,
) -> list[CaseLine]:
    query = _lines()
    if diary_number:  # SQLite's lower() leaves Å, Ä and Ö alone: compare both spellings
        query = query.where(
            or_(
                cases.c.diary_number.contains(diary_number, autoescape=True),
                cases.c.diary_number.contains(diary_number.upper(), autoescape=True),
            )
        )
    if recipient_id is not None:
        query = query.where(cases.c.recipient_id == recipient_id)
    if provider_code:
        query = query.where(func.lower(providers.c.code) == provider_code.lower())
    return _run(connection, query.order_by(cases.c.received_at.desc()).limit(limit))


def recipient_id(connection: Connection, personnummer_long: str) -> int | None:
    found = connection.execute(
        select(recipients.c.id).where(recipients.c.personnummer == personnummer_long)
    ).scalar()
    return None if found is None else int(found)


def provider_codes(connection: Connection) -> list[tuple[str, str]]:
    return [
        (row.code, row.name)
        for row in connection.execute(
            select(providers.c.code, providers.c.name).order_by(providers.c.code)
        )
    ]


@dataclass(frozen=True)
class Received:
    received_at: datetime


@dataclass(frozen=True)
class Timeliness:
    due: date
    first_delivered_at: datetime


def received_since(connection: Connection, since: datetime) -> list[datetime]:
    return [
        row.received_at
        for row in connection.execute(
            select(cases.c.received_at).where(cases.c.received_at >= since)
        )
    ]


def delivered_with_due(connection: Connection, since: datetime) -> list[Timeliness]:
    """Each delivered case that had a due date: when it was first delivered."""
    first = func.min(deliveries.c.delivered_at).label("first")
    query = (
        select(cases.c.due, first)
        .select_from(cases.join(deliveries, deliveries.c.case_id == cases.c.id))
        .where(cases.c.due.is_not(None))
        .group_by(cases.c.id, cases.c.due)
        .having(first >= since)
    )
    return [Timeliness(row.due, row.first) for row in connection.execute(query)]
