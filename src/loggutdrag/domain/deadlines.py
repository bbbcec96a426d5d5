"""When an extract is due (R3, R13): a number of working days after the request became complete.

An incomplete or refused request has no due date: its clock does not run (R12). A request that
becomes complete on a weekend or holiday starts counting at the next working day
(:func:`~loggutdrag.domain.workdays.add_working_days`).

Active alarm customers as of a date (R3): the list is taken as it stood on that date, so it cannot
be sent before that date. The due date is the later of "working days after completion" and the
as-of date itself.
"""

from __future__ import annotations

from datetime import date

from loggutdrag.domain.enums import ExtractKind
from loggutdrag.domain.request import Request
from loggutdrag.domain.workdays import add_working_days


def due_date(request: Request, complete_on: date, working_days: int) -> date:
    """The last day to deliver, for a request that became complete on ``complete_on``."""
    due = add_working_days(complete_on, working_days)
    if request.kind is ExtractKind.ACTIVE_ALARM_CUSTOMERS and request.as_of is not None:
        due = max(due, request.as_of)
    return due
