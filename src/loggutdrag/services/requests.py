"""Use cases of a request: check it, submit it as a case, supplement it.

``check_request`` stores nothing; ``submit_request`` registers a case with a diary number even when
the request is incomplete or not allowed (every request that comes in is registered): its status
then is ``awaiting_supplement`` or ``refused``. The verdict is the same for the same request, from
the CLI and from the API.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from loggutdrag.audit.trail import record
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.audit import AuditAction, AuditEntry
from loggutdrag.domain.enums import CaseStatus, RequesterRole, UserRole
from loggutdrag.domain.lifecycle import STATUS_SV, SUPPLEMENTABLE, check_transition
from loggutdrag.domain.messages import field_label
from loggutdrag.domain.request import Request
from loggutdrag.domain.request_json import RequestFormatError, merge_supplement, parse_request
from loggutdrag.domain.verdict import Verdict, evaluate
from loggutdrag.services import setup
from loggutdrag.services.cases import (
    CaseStateError,
    authorise_case_access,
    get_case,
    load_case,
    transition_case,
)
from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import BadInputError, NotAllowedError
from loggutdrag.services.log_checks import LogFindings, check_against_logs, database_ready
from loggutdrag.store import cases_repo

__all__ = [
    "SubmitResult",
    "check_request",
    "get_case",
    "parse",
    "submit_request",
    "supplement_request",
    "transition_case",
]


@dataclass(frozen=True)
class SubmitResult:
    case_id: int
    diary_number: str
    verdict: Verdict

    def to_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "diary_number": self.diary_number,
            "verdict": self.verdict.to_json(),
        }


def parse(ctx: AppContext, data: object) -> Request:
    """The request, or :class:`BadInputError` naming the field that is not well-formed."""
    try:
        return parse_request(data, timezone=ctx.settings.timezone)
    except RequestFormatError as error:
        raise BadInputError(f"{error.field}: {error.message_sv}", field=error.field) from None


def check_request(ctx: AppContext, actor: Actor, data: object) -> Verdict:
    """The verdict on a request; nothing is stored."""
    request, _ = _authorised_request(ctx, actor, data)
    arrived = request.received_at or ctx.clock()
    if database_ready(ctx):
        with ctx.engine.connect() as connection:
            findings = check_against_logs(connection, request, ctx.settings.timezone)
    else:
        findings = LogFindings.unavailable()
    return _evaluate(ctx, request, arrived, findings)


def submit_request(ctx: AppContext, actor: Actor, data: object) -> SubmitResult:
    """Register the request as a case (with a diary number) and return its verdict."""
    request, raw = _authorised_request(ctx, actor, data)
    now = ctx.clock()
    arrived = request.received_at or now
    raw.setdefault("received_at", arrived.isoformat())
    if not database_ready(ctx):
        setup.init_database(ctx)
    with ctx.uow() as uow:
        connection = uow.connection
        findings = check_against_logs(connection, request, ctx.settings.timezone)
        verdict = _evaluate(ctx, request, arrived, findings)
        year = now.astimezone(_zone(ctx)).year
        number = cases_repo.next_diary_number(connection, year)
        diary_number = cases_repo.format_diary_number(
            ctx.settings.diary_number_format, year, number
        )
        case_id = cases_repo.insert_case(
            connection,
            diary_number=diary_number,
            kind=None if request.kind is None else str(request.kind),
            scope=None if verdict.scope is None else str(verdict.scope),
            provider_id=findings.provider_id,
            recipient_id=findings.recipient_id,
            staff_id=findings.staff_id,
            requester_category=_text(request.requester.category),
            request=raw,
            verdict=verdict.to_json(),
            status=verdict.status,
            received_at=arrived,
            complete_at=arrived if verdict.due is not None else None,
            due=verdict.due,
            created_by=actor.username,
            now=now,
        )
        cases_repo.add_event(
            connection,
            case_id,
            at=now,
            actor=actor.username,
            from_status=None,
            to_status=CaseStatus.RECEIVED,
            reason="Begäran registrerad",
        )
        check_transition(CaseStatus.RECEIVED, verdict.status)
        cases_repo.add_event(
            connection,
            case_id,
            at=now,
            actor=actor.username,
            from_status=CaseStatus.RECEIVED,
            to_status=verdict.status,
            reason=_verdict_reason(verdict),
        )
        record(
            connection,
            AuditEntry(
                at=now,
                actor=actor.username,
                action=AuditAction.CASE_SUBMITTED,
                case_id=case_id,
                recipient_id=findings.recipient_id,
                staff_id=findings.staff_id,
                details={"diary_number": diary_number, "status": str(verdict.status)},
            ),
        )
        uow.commit()
    return SubmitResult(case_id, diary_number, verdict)


def supplement_request(
    ctx: AppContext, actor: Actor, case_reference: str, data: object
) -> SubmitResult:
    """Lay the supplement over the case's request and judge it again.

    Once the request is complete (and allowed) the clock starts: ``complete_at`` is when the
    supplement arrived (its ``received_at``, else now). A case whose clock already runs keeps it.
    """
    if not isinstance(data, dict):
        raise BadInputError("kompletteringen ska vara ett JSON-objekt", field="komplettering")
    now = ctx.clock()
    with ctx.uow() as uow:
        connection = uow.connection
        case = load_case(connection, case_reference, for_update=True)
        authorise_case_access(actor, case)
        if case.status not in SUPPLEMENTABLE:
            status = STATUS_SV[case.status]
            raise CaseStateError(
                f"Ärendet {case.diary_number} är {status} och kan inte kompletteras.", field="case"
            )
        supplement = parse(ctx, data)  # the supplement itself must be well-formed
        request, merged = _authorised_request(ctx, actor, merge_supplement(case.request, data))
        arrived = max(supplement.received_at or now, case.received_at)
        findings = check_against_logs(connection, request, ctx.settings.timezone)
        clock_runs = case.complete_at is not None and case.status is CaseStatus.READY
        started = case.complete_at if clock_runs else None
        verdict = _evaluate(ctx, request, arrived, findings, started=started)
        if verdict.status is not case.status:
            check_transition(case.status, verdict.status)
        complete_at = (started or arrived) if verdict.due is not None else None
        cases_repo.update_case(
            connection,
            case.id,
            now=now,
            request=merged,
            verdict=verdict.to_json(),
            status=verdict.status,
            complete_at=complete_at,
            due=verdict.due,
            provider_id=findings.provider_id,
            recipient_id=findings.recipient_id,
            staff_id=findings.staff_id,
            scope=None if verdict.scope is None else str(verdict.scope),
            kind=None if request.kind is None else str(request.kind),
            requester_category=_text(request.requester.category),
        )
        changed = _changed_paths(case.request, merged)
        fields = "; ".join(field_label(path) for path in changed) or "inga nya uppgifter"
        cases_repo.add_event(
            connection,
            case.id,
            at=now,
            actor=actor.username,
            from_status=case.status,
            to_status=verdict.status,
            reason=f"Komplettering: {fields}. {_verdict_reason(verdict)}",
        )
        record(
            connection,
            AuditEntry(
                at=now,
                actor=actor.username,
                action=AuditAction.CASE_SUPPLEMENTED,
                case_id=case.id,
                recipient_id=findings.recipient_id,
                staff_id=findings.staff_id,
                details={
                    "fields": changed,
                    "from_status": str(case.status),
                    "to_status": str(verdict.status),
                },
            ),
        )
        uow.commit()
    return SubmitResult(case.id, case.diary_number, verdict)


# --- helpers --------------------------------------------------------------------------------------


def _zone(ctx: AppContext) -> ZoneInfo:
    return ZoneInfo(ctx.settings.timezone)


def _text(value: object | None) -> str | None:
    return None if value is None else str(value)


def _evaluate(
    ctx: AppContext,
    request: Request,
    arrived: datetime,
    findings: LogFindings,
    *,
    started: datetime | None = None,
) -> Verdict:
    zone = _zone(ctx)
    return evaluate(
        request,
        today=arrived.astimezone(zone).date(),
        working_days=ctx.settings.deadline_working_days,
        complete_on=None if started is None else started.astimezone(zone).date(),
        extra_refusals=findings.refusals,
        extra_notes=findings.notes,
    )


def _verdict_reason(verdict: Verdict) -> str:
    if not verdict.allowed:
        return "Avslag enligt " + ", ".join(str(r.rule) for r in verdict.refusals) + "."
    if not verdict.complete:
        return "Saknas eller felaktigt: " + ", ".join(verdict.missing) + "."
    return f"Komplett; ska vara klart senast {verdict.due}."


def _authorised_request(
    ctx: AppContext, actor: Actor, data: object
) -> tuple[Request, dict[str, Any]]:
    """Parse the request and make sure this actor may put it forward; returns it with its JSON
    (as it will be stored).

    Officers, administrators and administration representatives register requests for anyone.
    A provider's user may only put forward requests that concern their own provider (filled in
    when left out; e.g. a third party asking through the provider, R8), and a provider's staff
    member cannot claim a manager's role.
    """
    request = parse(ctx, data)
    raw: dict[str, Any] = dict(data) if isinstance(data, dict) else {}
    if not actor.is_provider:
        return request, raw
    if request.provider is None and actor.provider_code is not None:
        request = replace(request, provider=actor.provider_code)
        raw["provider"] = actor.provider_code
    elif request.provider != actor.provider_code:
        raise NotAllowedError(
            "Du kan bara begära loggutdrag för din egen verksamhet.", field="provider"
        )
    if actor.role is UserRole.PROVIDER_STAFF and request.requester.role is RequesterRole.MANAGER:
        raise NotAllowedError(
            "Ditt konto är inte verksamhetschef eller annan ansvarig.", field="requester.role"
        )
    return request, raw


def _changed_paths(
    before: Mapping[str, Any], after: Mapping[str, Any], prefix: str = ""
) -> list[str]:
    """The leaf field paths (``recipient.personnummer``) whose value a supplement changed."""
    changed: list[str] = []
    for key in sorted(set(before) | set(after)):
        if key == "received_at":
            continue
        path = f"{prefix}{key}"
        old, new = before.get(key), after.get(key)
        if isinstance(old, Mapping) and isinstance(new, Mapping):
            changed.extend(_changed_paths(old, new, f"{path}."))
        elif old != new:
            changed.append(path)
    return changed
