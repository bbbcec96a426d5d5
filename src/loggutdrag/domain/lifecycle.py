"""The case lifecycle as an explicit state machine.

::

    received -> awaiting_supplement -> ready -> extract_produced -> delivered -> closed
         \\______________________________/ \\
          refused / withdrawn (from any open state)   -> closed

Only the transitions in :data:`TRANSITIONS` are allowed; each one is recorded (who, when, why) by
the service that makes it.
"""

from __future__ import annotations

from loggutdrag.domain.enums import CaseStatus

S = CaseStatus

TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    S.RECEIVED: frozenset({S.AWAITING_SUPPLEMENT, S.READY, S.REFUSED, S.WITHDRAWN}),
    S.AWAITING_SUPPLEMENT: frozenset({S.READY, S.REFUSED, S.WITHDRAWN}),
    # An officer may find a ready request lacking after all (e.g. a wrong camera serial).
    S.READY: frozenset({S.AWAITING_SUPPLEMENT, S.EXTRACT_PRODUCED, S.REFUSED, S.WITHDRAWN}),
    # An extract may be produced again (e.g. after a late import) before it is delivered.
    S.EXTRACT_PRODUCED: frozenset({S.EXTRACT_PRODUCED, S.DELIVERED, S.WITHDRAWN}),
    S.DELIVERED: frozenset({S.CLOSED}),
    S.REFUSED: frozenset({S.CLOSED}),
    S.WITHDRAWN: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
}

SUPPLEMENTABLE: frozenset[CaseStatus] = frozenset({S.RECEIVED, S.AWAITING_SUPPLEMENT, S.READY})
"""A supplement may be added while the extract has not been produced (and the case is open)."""

REASON_REQUIRED: frozenset[CaseStatus] = frozenset({S.REFUSED, S.WITHDRAWN, S.AWAITING_SUPPLEMENT})
"""Moving to these states needs a reason (it is what the requester is told)."""

STATUS_SV: dict[CaseStatus, str] = {
    S.RECEIVED: "inkommen",
    S.AWAITING_SUPPLEMENT: "väntar på komplettering",
    S.READY: "klar att handläggas",
    S.EXTRACT_PRODUCED: "loggutdrag framtaget",
    S.DELIVERED: "levererad",
    S.CLOSED: "avslutad",
    S.REFUSED: "avslagen",
    S.WITHDRAWN: "återtagen",
}


class IllegalTransitionError(ValueError):
    """The case cannot go from ``current`` to ``target``; ``message_sv`` says why."""

    def __init__(self, current: CaseStatus, target: CaseStatus) -> None:
        allowed = ", ".join(STATUS_SV[s] for s in sorted(TRANSITIONS[current])) or "inget"
        self.message_sv = (
            f"Ett ärende som är {STATUS_SV[current]} kan inte bli {STATUS_SV[target]} "
            f"(tillåtet härifrån: {allowed})."
        )
        super().__init__(self.message_sv)
        self.current = current
        self.target = target


def can_transition(current: CaseStatus, target: CaseStatus) -> bool:
    return target in TRANSITIONS[current]


def check_transition(current: CaseStatus, target: CaseStatus) -> None:
    if not can_transition(current, target):
        raise IllegalTransitionError(current, target)


def is_open(status: CaseStatus) -> bool:
    return status not in (S.CLOSED, S.REFUSED, S.WITHDRAWN, S.DELIVERED)
