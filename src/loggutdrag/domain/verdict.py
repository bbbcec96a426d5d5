"""The verdict on a request (contract 2): complete? allowed? what is missing, when is it due?

Precedence: a request that is both incomplete and not allowed is *refused* (status ``refused``,
exit code 4): no supplement can make it allowed, so the requester is told that first; the missing
fields are still listed. ``due`` is set only for a request that is complete and allowed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from loggutdrag.domain.completeness import field_problems
from loggutdrag.domain.deadlines import due_date
from loggutdrag.domain.delivery_rules import delivery_method
from loggutdrag.domain.enums import CaseStatus, DeliveryMethod, ExtractKind, Scope
from loggutdrag.domain.findings import FieldProblem, Note, Refusal
from loggutdrag.domain.messages import verdict_message
from loggutdrag.domain.policy import check_policy
from loggutdrag.domain.request import Request

EXIT_OK = 0
EXIT_INCOMPLETE = 3
EXIT_NOT_ALLOWED = 4


@dataclass(frozen=True, slots=True)
class Verdict:
    complete: bool
    allowed: bool
    problems: tuple[FieldProblem, ...]
    refusals: tuple[Refusal, ...]
    notes: tuple[Note, ...]
    status: CaseStatus
    due: date | None
    complete_on: date | None  # the local date the clock started, when it runs
    delivery: DeliveryMethod | None
    kind: ExtractKind | None
    scope: Scope | None
    message_sv: str

    @property
    def missing(self) -> tuple[str, ...]:
        """Every field path to supply or correct, in contract order, each once."""
        return tuple(dict.fromkeys(problem.field for problem in self.problems))

    @property
    def exit_code(self) -> int:
        """Contract 1: 4 not allowed (takes precedence), 3 incomplete, 0 ok."""
        if not self.allowed:
            return EXIT_NOT_ALLOWED
        if not self.complete:
            return EXIT_INCOMPLETE
        return EXIT_OK

    def with_status(self, status: CaseStatus) -> Verdict:
        return replace(self, status=status)

    def to_json(self) -> dict[str, Any]:
        return {
            "complete": self.complete,
            "missing": list(self.missing),
            "invalid": [
                {"field": p.field, "rule": str(p.rule), "message_sv": p.reason_sv}
                for p in self.problems
                if not p.absent
            ],
            "allowed": self.allowed,
            "refusals": [{"rule": str(r.rule), "message_sv": r.message_sv} for r in self.refusals],
            "notes": [
                {
                    "rule": None if n.rule is None else str(n.rule),
                    "message_sv": n.message_sv,
                    "for_requester": n.for_requester,
                }
                for n in self.notes
            ],
            "status": str(self.status),
            "due": None if self.due is None else self.due.isoformat(),
            "complete_on": None if self.complete_on is None else self.complete_on.isoformat(),
            "delivery": None if self.delivery is None else str(self.delivery),
            "kind": None if self.kind is None else str(self.kind),
            "scope": None if self.scope is None else str(self.scope),
            "message_sv": self.message_sv,
        }


def status_for(complete: bool, allowed: bool) -> CaseStatus:
    if not allowed:
        return CaseStatus.REFUSED
    if not complete:
        return CaseStatus.AWAITING_SUPPLEMENT
    return CaseStatus.READY


def evaluate(
    request: Request,
    *,
    today: date,
    working_days: int,
    complete_on: date | None = None,
    extra_refusals: Sequence[Refusal] = (),
    extra_notes: Sequence[Note] = (),
) -> Verdict:
    """Judge ``request`` as of ``today`` (the local date it, or its latest supplement, arrived).

    ``complete_on`` is when the request first became complete, if that was earlier than today
    (a supplement that changes nothing important does not restart the clock). ``extra_refusals``
    and ``extra_notes`` come from checks against the logs, done by the caller.
    """
    problems = field_problems(request, today=today)
    policy = check_policy(request)
    refusals = policy.refusals + tuple(extra_refusals)
    notes = policy.notes + tuple(extra_notes)
    complete = not problems
    allowed = not refusals
    started: date | None = None
    due: date | None = None
    method = delivery_method(request)
    if complete and allowed:
        started = complete_on or today
        due = due_date(request, started, working_days)
    return Verdict(
        complete=complete,
        allowed=allowed,
        problems=problems,
        refusals=refusals,
        notes=notes,
        status=status_for(complete, allowed),
        due=due,
        complete_on=started,
        delivery=method,
        kind=request.kind,
        scope=request.effective_scope,
        message_sv=verdict_message(problems, refusals, notes, due, method),
    )
