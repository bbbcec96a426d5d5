"""Use cases of a registered case: look at it, move it along its lifecycle.

Every transition is checked against the state machine (``domain.lifecycle``) and recorded twice:
as a case event (who, when, from, to, why) and in the audit trail. Other services (producing and
delivering extracts) call :func:`apply_transition` inside their own unit of work.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from loggutdrag.audit.trail import record
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.audit import AuditAction, AuditEntry
from loggutdrag.domain.case import Case
from loggutdrag.domain.deadlines import due_date
from loggutdrag.domain.enums import CaseStatus
from loggutdrag.domain.lifecycle import (
    REASON_REQUIRED,
    STATUS_SV,
    IllegalTransitionError,
    check_transition,
)
from loggutdrag.domain.request_json import parse_request
from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import BadInputError, NotAllowedError, NotFoundError, ServiceError
from loggutdrag.store import cases_repo


class CaseStateError(ServiceError):
    """The case is not in a state where this can be done."""

    exit_code = 2
    http_status = 409


def load_case(connection: Connection, reference: str, *, for_update: bool = False) -> Case:
    case_id = cases_repo.find_case_id(connection, str(reference))
    case = (
        None if case_id is None else cases_repo.get_case(connection, case_id, for_update=for_update)
    )
    if case is None:
        raise NotFoundError(f"Ärendet {reference} finns inte.", field="case")
    return case


def authorise_case_access(actor: Actor, case: Case) -> None:
    """Officers and administrators see every case; a provider's users see their provider's cases;
    anyone sees the cases they registered themselves."""
    if actor.is_officer or case.created_by == actor.username:
        return
    if actor.is_provider and actor.provider_code and case.provider_code == actor.provider_code:
        return
    raise NotAllowedError("Du har inte behörighet till det här ärendet.", field="case")


def get_case(
    ctx: AppContext, actor: Actor, case_reference: str, *, record_view: bool = True
) -> Case:
    """The case with its events; looking at it is recorded in the audit trail (R14)."""
    with ctx.uow() as uow:
        case = load_case(uow.connection, case_reference)
        authorise_case_access(actor, case)
        if record_view:
            record(
                uow.connection,
                AuditEntry(
                    at=ctx.clock(),
                    actor=actor.username,
                    action=AuditAction.CASE_VIEWED,
                    case_id=case.id,
                    recipient_id=case.recipient_id,
                    staff_id=case.staff_id,
                    details={"diary_number": case.diary_number},
                ),
            )
            uow.commit()
    return case


def transition_case(
    ctx: AppContext,
    actor: Actor,
    case_reference: str,
    to_status: CaseStatus,
    reason: str | None = None,
) -> Case:
    """Move the case to ``to_status`` if the lifecycle allows it and this actor may."""
    with ctx.uow() as uow:
        case = load_case(uow.connection, case_reference, for_update=True)
        authorise_case_access(actor, case)
        apply_transition(uow.connection, ctx, actor, case, to_status=to_status, reason=reason)
        uow.commit()
    return get_case(ctx, actor, case_reference, record_view=False)


def apply_transition(
    connection: Connection,
    ctx: AppContext,
    actor: Actor,
    case: Case,
    *,
    to_status: CaseStatus,
    reason: str | None,
) -> None:
    """Check, make and record one transition in the caller's transaction.

    Only officers (and administrators) move cases, except that whoever may see a case may
    withdraw it. Going to ``ready`` needs a complete, allowed verdict and starts the clock anew;
    going back to ``awaiting_supplement`` or to ``refused`` stops it.
    """
    if not actor.is_officer and to_status is not CaseStatus.WITHDRAWN:
        raise NotAllowedError(
            "Bara välfärdsteknikteamet kan ändra ärendets status.", field="status"
        )
    try:
        check_transition(case.status, to_status)
    except IllegalTransitionError as error:
        raise CaseStateError(error.message_sv, field="status") from None
    reason = (reason or "").strip() or None
    if to_status in REASON_REQUIRED and reason is None:
        raise BadInputError(f"Ange varför ärendet blir {STATUS_SV[to_status]}.", field="reason")
    now = ctx.clock()
    values: dict[str, Any] = {"status": to_status}
    verdict = dict(case.verdict)
    verdict["status"] = str(to_status)
    if to_status is CaseStatus.READY:
        if not (verdict.get("complete") and verdict.get("allowed")):
            raise CaseStateError(
                "Begäran är inte komplett och tillåten; komplettera den först.", field="status"
            )
        if case.complete_at is None:
            zone = ZoneInfo(ctx.settings.timezone)
            request = parse_request(case.request, timezone=ctx.settings.timezone)
            due = due_date(request, now.astimezone(zone).date(), ctx.settings.deadline_working_days)
            values.update(complete_at=now, due=due)
            verdict["due"] = due.isoformat()
            verdict["complete_on"] = now.astimezone(zone).date().isoformat()
    if to_status in (CaseStatus.AWAITING_SUPPLEMENT, CaseStatus.REFUSED, CaseStatus.WITHDRAWN):
        values.update(complete_at=None, due=None)
        verdict["due"] = None
    values["verdict"] = verdict
    cases_repo.update_case(connection, case.id, now=now, **values)
    cases_repo.add_event(
        connection,
        case.id,
        at=now,
        actor=actor.username,
        from_status=case.status,
        to_status=to_status,
        reason=reason,
    )
    record(
        connection,
        AuditEntry(
            at=now,
            actor=actor.username,
            action=AuditAction.CASE_TRANSITION,
            case_id=case.id,
            recipient_id=case.recipient_id,
            staff_id=case.staff_id,
            details={
                "diary_number": case.diary_number,
                "from_status": str(case.status),
                "to_status": str(to_status),
            },
        ),
    )


def case_json(case: Case) -> dict[str, Any]:
    """The case as JSON (CLI ``case show --json`` and ``GET /api/cases/{id}``)."""
    verdict = dict(case.verdict)
    verdict["status"] = str(case.status)
    return {
        "case_id": case.id,
        "diary_number": case.diary_number,
        "status": str(case.status),
        "kind": case.kind,
        "scope": case.scope,
        "provider": case.provider_code,
        "requester_category": case.requester_category,
        "received_at": _iso(case.received_at),
        "complete_at": _iso(case.complete_at),
        "due": None if case.due is None else case.due.isoformat(),
        "created_by": case.created_by,
        "request": case.request,
        "verdict": verdict,
        "events": [
            {
                "at": _iso(event.at),
                "actor": event.actor,
                "from_status": None if event.from_status is None else str(event.from_status),
                "to_status": str(event.to_status),
                "reason": event.reason,
            }
            for event in case.events
        ],
    }


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()
