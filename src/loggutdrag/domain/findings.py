"""What the rules find in a request: field problems, refusals and notes (parts of a verdict)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class RuleId(StrEnum):
    """The rule ids of DOMAIN.md that a verdict cites."""

    R1 = "R1"
    R2 = "R2"
    R3 = "R3"
    R4 = "R4"
    R5 = "R5"
    R6 = "R6"
    R7 = "R7"
    R8 = "R8"
    R9 = "R9"
    R10 = "R10"
    R11 = "R11"
    R12 = "R12"
    R13 = "R13"
    R14 = "R14"


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """A field that must be supplied (``absent``) or corrected (present but not valid)."""

    field: str  # contract-2 path, e.g. ``recipient.personnummer``
    absent: bool
    rule: RuleId
    reason_sv: str | None = None  # why a present value is not valid, in Swedish


@dataclass(frozen=True, slots=True)
class Refusal:
    """The request may not be granted; ``message_sv`` explains why to the requester."""

    rule: RuleId
    message_sv: str


@dataclass(frozen=True, slots=True)
class Note:
    """Something the officer or requester should know; never blocks the request."""

    rule: RuleId | None
    message_sv: str
    for_requester: bool = True  # False: only for the officer, left out of the message sent back
