"""A case: one request, its diary number, its latest verdict and where it is in its lifecycle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from loggutdrag.domain.enums import CaseStatus


@dataclass(frozen=True, slots=True)
class CaseEvent:
    """One step in a case's life: who moved it from which status to which, when and why."""

    at: datetime
    actor: str
    from_status: CaseStatus | None
    to_status: CaseStatus
    reason: str | None


@dataclass(frozen=True, slots=True)
class Case:
    id: int
    diary_number: str
    status: CaseStatus
    kind: str | None
    scope: str | None
    provider_code: str | None
    provider_id: int | None
    recipient_id: int | None
    staff_id: int | None
    requester_category: str | None
    request: dict[str, Any]  # contract-2 JSON as received and supplemented
    verdict: dict[str, Any]  # the latest verdict's JSON
    received_at: datetime
    complete_at: datetime | None  # when the request became complete: the clock started
    due: date | None
    created_by: str | None
    updated_at: datetime
    events: tuple[CaseEvent, ...] = ()
