"""Rules for checking visual supervision (R10): which look-ins deviate from what was ordered.

A look-in deviates when it
- was not performed;
- was performed more than 15 minutes after its planned time;
- found the recipient not visible and no new look-in followed within 20 minutes (a recheck
  recorded as the look-in's action, or another look-in of the same camera);
- found the recipient not in bed and the operator did not call the provider.
A night an active order had no look-in at all is reported separately.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from loggutdrag.domain.enums import LookinAction, LookinOutcome

LATE_AFTER = timedelta(minutes=15)
RECHECK_WITHIN = timedelta(minutes=20)


class Deviation(StrEnum):
    NOT_PERFORMED = "not_performed"
    LATE = "late"
    NOT_VISIBLE_NO_RECHECK = "not_visible_no_recheck"
    NOT_IN_BED_NO_CALL = "not_in_bed_no_call"


DEVIATION_LABELS_SV: dict[str, str] = {
    Deviation.NOT_PERFORMED: "Ej utförd",
    Deviation.LATE: "Utförd mer än 15 min efter planerad tid",
    Deviation.NOT_VISIBLE_NO_RECHECK: "Ej synlig, ingen ny kontroll inom 20 min",
    Deviation.NOT_IN_BED_NO_CALL: "Ej i säng, utföraren inte kontaktad",
}


@dataclass(frozen=True)
class LookinFacts:
    planned_at: datetime
    performed_at: datetime | None
    outcome: str
    action: str
    action_at: datetime | None


def is_performed(lookin: LookinFacts) -> bool:
    return lookin.performed_at is not None and lookin.outcome != LookinOutcome.NOT_PERFORMED


def minutes_late(lookin: LookinFacts) -> float | None:
    if not is_performed(lookin) or lookin.performed_at is None:
        return None
    return round((lookin.performed_at - lookin.planned_at).total_seconds() / 60, 1)


def deviations(
    lookin: LookinFacts, later_lookins_performed_at: list[datetime] | tuple[datetime, ...] = ()
) -> tuple[str, ...]:
    """The deviations of one look-in; ``later_lookins_performed_at`` are the performed times of the
    other look-ins of the same camera (a recheck may be recorded as its own look-in)."""
    if not is_performed(lookin) or lookin.performed_at is None:
        return (Deviation.NOT_PERFORMED,)
    found: list[str] = []
    performed = lookin.performed_at
    if performed - lookin.planned_at > LATE_AFTER:
        found.append(Deviation.LATE)
    if lookin.outcome == LookinOutcome.NOT_VISIBLE and not _rechecked(
        lookin, performed, later_lookins_performed_at
    ):
        found.append(Deviation.NOT_VISIBLE_NO_RECHECK)
    if lookin.outcome == LookinOutcome.NOT_IN_BED and lookin.action != LookinAction.CALLED_PROVIDER:
        found.append(Deviation.NOT_IN_BED_NO_CALL)
    return tuple(found)


def _rechecked(
    lookin: LookinFacts, performed: datetime, others: list[datetime] | tuple[datetime, ...]
) -> bool:
    deadline = performed + RECHECK_WITHIN
    if lookin.action == LookinAction.RECHECK and (
        lookin.action_at is None or lookin.action_at <= deadline
    ):
        return True
    return any(performed < other <= deadline for other in others)


def ordered_days(
    weekdays: str, valid_from: date, valid_to: date | None, days: list[date]
) -> list[date]:
    """The days among ``days`` on which an order (ISO weekdays such as ``"1234567"``) applies."""
    allowed = {int(ch) for ch in weekdays if ch.isdigit()}
    return [
        day
        for day in days
        if valid_from <= day
        and (valid_to is None or day <= valid_to)
        and day.isoweekday() in allowed
    ]
