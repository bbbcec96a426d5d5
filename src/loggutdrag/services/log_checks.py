"""A request checked against what the database knows: who the provider, recipient and staff member
are, and whether the provider served them in the period (R6, R14).

A provider that asks about a recipient or staff member it did not serve in the period is refused;
that needs positive knowledge (both are in the database and no log links them). When the
database does not know the recipient or staff member, nothing can be concluded: the officer gets a
note instead, and the routines' own rules decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from loggutdrag.domain.enums import RequesterCategory, Scope
from loggutdrag.domain.findings import Note, Refusal
from loggutdrag.domain.policy import not_served_refusal
from loggutdrag.domain.request import Request
from loggutdrag.services.context import AppContext
from loggutdrag.store import db, subjects_repo


@dataclass(frozen=True)
class LogFindings:
    provider_id: int | None = None
    recipient_id: int | None = None
    staff_id: int | None = None
    refusals: tuple[Refusal, ...] = ()
    notes: tuple[Note, ...] = ()

    @classmethod
    def unavailable(cls) -> LogFindings:
        return cls(
            notes=(
                Note(
                    None,
                    "Databasen är inte skapad; begäran har inte kontrollerats mot loggarna.",
                    for_requester=False,
                ),
            )
        )


def database_ready(ctx: AppContext) -> bool:
    """True when the database exists and has its schema (checking never creates an SQLite file)."""
    url = ctx.engine.url
    if url.get_backend_name() == "sqlite":
        name = url.database
        if name and name != ":memory:" and not Path(name).exists():
            return False
    try:
        return db.is_initialised(ctx.engine)
    except SQLAlchemyError:
        return False


def _officer_note(text: str) -> Note:
    return Note(None, text, for_requester=False)


def check_against_logs(connection: Connection, request: Request, timezone: str) -> LogFindings:
    provider_id = (
        subjects_repo.provider_id(connection, request.provider) if request.provider else None
    )
    identity = request.recipient.identity
    recipient_id = subjects_repo.recipient_id(connection, identity.long) if identity else None
    username = request.staff.username
    member = subjects_repo.staff_member(connection, username) if username else None
    refusals: list[Refusal] = []
    notes: list[Note] = []
    if request.provider and provider_id is None:
        notes.append(_officer_note(f"Utföraren {request.provider} finns inte i registret."))
    scope = request.effective_scope
    first, last = request.period.start, request.period.end
    code = request.provider
    if (
        request.requester.category is RequesterCategory.PROVIDER
        and code is not None
        and provider_id is not None
        and first is not None
        and last is not None
        and first <= last
    ):
        zone = ZoneInfo(timezone)
        start = datetime.combine(first, time(0), tzinfo=zone).astimezone(UTC)
        end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
        if scope is Scope.RECIPIENT and identity is not None:
            if recipient_id is None:
                notes.append(
                    _officer_note(
                        "Brukaren finns inte i de inlästa loggarna; kontrollera att utföraren "
                        "har haft brukaren under perioden."
                    )
                )
            elif not subjects_repo.provider_served_recipient(
                connection,
                provider_id,
                recipient_id,
                first_day=first,
                last_day=last,
                start=start,
                end=end,
            ):
                refusals.append(not_served_refusal(Scope.RECIPIENT, code))
        if scope is Scope.STAFF and username is not None:
            if member is None:
                notes.append(
                    _officer_note(
                        "Personalen finns inte i personalregistret; kontrollera att personalen "
                        "har arbetat hos utföraren under perioden."
                    )
                )
            elif not subjects_repo.provider_had_staff(
                connection,
                provider_id,
                member,
                first_day=first,
                last_day=last,
                start=start,
                end=end,
            ):
                refusals.append(not_served_refusal(Scope.STAFF, code))
    return LogFindings(
        provider_id=provider_id,
        recipient_id=recipient_id,
        staff_id=None if member is None else member.id,
        refusals=tuple(refusals),
        notes=tuple(notes),
    )
