"""Cases, their events and diary numbers.

Diary numbers are unique and gap-free per year: the counter is bumped by an upsert that returns
the new number, in the same transaction that inserts the case. On PostgreSQL the upsert locks the
year's counter row until commit, so concurrent submits queue up; on SQLite the first write takes
the database's write lock. A rolled-back submit rolls its number back with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from loggutdrag.domain.case import Case, CaseEvent
from loggutdrag.domain.enums import CaseStatus
from loggutdrag.store.tables import case_events, cases, diary_counters, providers


def next_diary_number(connection: Connection, year: int) -> int:
    """Reserve the next number of ``year`` in the caller's transaction."""
    dialect = connection.dialect.name
    if dialect == "postgresql":
        pg = postgresql.insert(diary_counters).values(year=year, last_number=1)
        statement = pg.on_conflict_do_update(
            index_elements=[diary_counters.c.year],
            set_={"last_number": diary_counters.c.last_number + 1},
        ).returning(diary_counters.c.last_number)
    elif dialect == "sqlite":
        lite = sqlite.insert(diary_counters).values(year=year, last_number=1)
        statement = lite.on_conflict_do_update(
            index_elements=[diary_counters.c.year],
            set_={"last_number": diary_counters.c.last_number + 1},
        ).returning(diary_counters.c.last_number)
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise NotImplementedError(dialect)
    return int(connection.execute(statement).scalar_one())


def format_diary_number(template: str, year: int, number: int) -> str:
    return template.format(year=year, number=number)


def insert_case(
    connection: Connection,
    *,
    diary_number: str,
    kind: str | None,
    scope: str | None,
    provider_id: int | None,
    recipient_id: int | None,
    staff_id: int | None,
    requester_category: str | None,
    request: Mapping[str, Any],
    verdict: Mapping[str, Any],
    status: CaseStatus,
    received_at: datetime,
    complete_at: datetime | None,
    due: date | None,
    created_by: str,
    now: datetime,
) -> int:
    result = connection.execute(
        insert(cases)
        .values(
            diary_number=diary_number,
            kind=kind,
            scope=scope,
            provider_id=provider_id,
            recipient_id=recipient_id,
            staff_id=staff_id,
            requester_category=requester_category,
            request=dict(request),
            verdict=dict(verdict),
            status=str(status),
            received_at=received_at,
            complete_at=complete_at,
            due=due,
            created_by=created_by,
            updated_at=now,
        )
        .returning(cases.c.id)
    )
    return int(result.scalar_one())


def update_case(
    connection: Connection,
    case_id: int,
    *,
    now: datetime,
    **values: Any,
) -> None:
    """Set the given columns (``request``, ``verdict``, ``status``, ``complete_at``, ``due``)."""
    if "status" in values:
        values["status"] = str(values["status"])
    connection.execute(update(cases).where(cases.c.id == case_id).values(updated_at=now, **values))


def add_event(
    connection: Connection,
    case_id: int,
    *,
    at: datetime,
    actor: str,
    from_status: CaseStatus | None,
    to_status: CaseStatus,
    reason: str | None,
) -> None:
    connection.execute(
        insert(case_events).values(
            case_id=case_id,
            at=at,
            actor=actor,
            from_status=None if from_status is None else str(from_status),
            to_status=str(to_status),
            reason=reason,
        )
    )


def find_case_id(connection: Connection, reference: str) -> int | None:
    """A case by its id (digits) or its diary number."""
    reference = reference.strip()
    if reference.isdigit():
        column, value = cases.c.id, int(reference)
        found = connection.execute(select(cases.c.id).where(column == value)).scalar()
    else:
        found = connection.execute(
            select(cases.c.id).where(cases.c.diary_number == reference)
        ).scalar()
    return None if found is None else int(found)


def get_case(connection: Connection, case_id: int, *, for_update: bool = False) -> Case | None:
    """The case with its events; ``for_update`` locks its row (PostgreSQL) until commit."""
    statement = (
        select(cases, providers.c.code.label("provider_code"))
        .select_from(cases.outerjoin(providers, providers.c.id == cases.c.provider_id))
        .where(cases.c.id == case_id)
    )
    if for_update and connection.dialect.name == "postgresql":
        statement = statement.with_for_update(of=cases)
    row = connection.execute(statement).mappings().first()
    if row is None:
        return None
    events = connection.execute(
        select(case_events)
        .where(case_events.c.case_id == case_id)
        .order_by(case_events.c.at, case_events.c.id)
    ).mappings()
    return Case(
        id=int(row["id"]),
        diary_number=row["diary_number"],
        status=CaseStatus(row["status"]),
        kind=row["kind"],
        scope=row["scope"],
        provider_code=row["provider_code"],
        provider_id=row["provider_id"],
        recipient_id=row["recipient_id"],
        staff_id=row["staff_id"],
        requester_category=row["requester_category"],
        request=dict(row["request"]),
        verdict=dict(row["verdict"]),
        received_at=row["received_at"],
        complete_at=row["complete_at"],
        due=row["due"],
        created_by=row["created_by"],
        updated_at=row["updated_at"],
        events=tuple(
            CaseEvent(
                at=event["at"],
                actor=event["actor"],
                from_status=None
                if event["from_status"] is None
                else CaseStatus(event["from_status"]),
                to_status=CaseStatus(event["to_status"]),
                reason=event["reason"],
            )
            for event in events
        ),
    )
