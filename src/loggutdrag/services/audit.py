"""Use cases of the audit trail: note what someone saw or did, verify the chain, search it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from loggutdrag.audit import queries
from loggutdrag.audit.queries import AuditFilter, AuditRow
from loggutdrag.audit.trail import ChainProblem, record, verify
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.audit import AuditAction, AuditEntry
from loggutdrag.domain.enums import UserRole
from loggutdrag.domain.personnummer import InvalidPersonnummerError, parse_personnummer
from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import BadInputError, NotAllowedError

ACTION_LABELS_SV: dict[str, str] = {
    AuditAction.SIGN_IN: "loggade in",
    AuditAction.SIGN_IN_FAILED: "misslyckad inloggning",
    AuditAction.SIGN_OUT: "loggade ut",
    AuditAction.CASE_SUBMITTED: "registrerade ärende",
    AuditAction.CASE_VIEWED: "visade ärende",
    AuditAction.CASE_SUPPLEMENTED: "kompletterade ärende",
    AuditAction.CASE_TRANSITION: "ändrade ärendets status",
    AuditAction.PERSONAL_DATA_VIEWED: "visade personuppgifter",
    AuditAction.SEARCHED: "sökte",
    AuditAction.EXTRACT_PRODUCED: "tog fram loggutdrag",
    AuditAction.EXTRACT_VIEWED: "förhandsgranskade loggutdrag",
    AuditAction.EXTRACT_DOWNLOADED: "laddade ned loggutdrag",
    AuditAction.EXTRACT_DELIVERED: "levererade loggutdrag",
    AuditAction.DOCUMENT_CREATED: "skapade dokument",
    AuditAction.BILLING_RUN: "körde fakturaunderlag",
    AuditAction.IMPORT_RUN: "importerade loggar",
    AuditAction.USER_CHANGED: "ändrade konto",
    AuditAction.AUDIT_VIEWED: "läste granskningsloggen",
}


def note(
    ctx: AppContext,
    actor: Actor,
    action: AuditAction,
    *,
    case_id: int | None = None,
    recipient_id: int | None = None,
    staff_id: int | None = None,
    **details: Any,
) -> None:
    """Record, in a transaction of its own, that ``actor`` did or saw something (R14)."""
    with ctx.uow() as uow:
        record(
            uow.connection,
            AuditEntry(
                at=ctx.clock(),
                actor=actor.username,
                action=action,
                case_id=case_id,
                recipient_id=recipient_id,
                staff_id=staff_id,
                details=details,
            ),
        )
        uow.commit()


@dataclass(frozen=True)
class VerifyReport:
    entries: int
    problems: list[ChainProblem]

    @property
    def intact(self) -> bool:
        return not self.problems


def verify_trail(ctx: AppContext) -> VerifyReport:
    with ctx.engine.connect() as connection:
        problems = verify(connection)
        entries = queries.count_entries(connection)
    return VerifyReport(entries, problems)


@dataclass(frozen=True)
class AuditQuery:
    personnummer: str | None = None
    username: str | None = None
    diary_number: str | None = None


def search_trail(ctx: AppContext, actor: Actor, query: AuditQuery) -> list[AuditRow]:
    """Admins only; the search itself is recorded (it may reveal whose data was looked at)."""
    if actor.role is not UserRole.ADMIN:
        raise NotAllowedError("bara administratörer får läsa granskningsloggen")
    with ctx.uow() as uow:
        connection = uow.connection
        recipient_id = case_id = None
        if query.personnummer:
            try:
                long = parse_personnummer(query.personnummer).long
            except InvalidPersonnummerError as error:
                raise BadInputError(f"personnummer: {error.reason}", field="personnummer") from None
            recipient_id = queries.recipient_id_by_personnummer(connection, long)
            if recipient_id is None:
                return []
        if query.diary_number:
            case_id = queries.case_id_by_diary_number(connection, query.diary_number.strip())
            if case_id is None:
                return []
        rows = queries.search(
            connection,
            AuditFilter(
                recipient_id=recipient_id,
                actor=(query.username or "").strip().lower() or None,
                case_id=case_id,
            ),
        )
        record(
            connection,
            AuditEntry(
                at=ctx.clock(),
                actor=actor.username,
                action=AuditAction.AUDIT_VIEWED,
                case_id=case_id,
                recipient_id=recipient_id,
                details={"user_filter": query.username or None, "hits": len(rows)},
            ),
        )
        uow.commit()
    return rows
