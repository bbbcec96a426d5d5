"""An extract as plain data: what a builder produces and every renderer (PDF, XLSX, CSV, JSON)
reads.

Builders fill :class:`ExtractData` from the logs; renderers know nothing of the database. The JSON
form (contract 1) is ``{"kind", "scope", "period", "subject", "summary", "rows"}`` with one row per
log entry listed; a CSV extract is one header line and then the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from loggutdrag.domain.enums import ExtractKind, Scope

Cell = str | int | float | bool | date | datetime | tuple[str, ...] | None
"""One value in a row; datetimes are aware and already in local time; a tuple holds several codes
(e.g. a look-in's deviations: a list in JSON, their labels joined by "; " elsewhere)."""

SummaryValue = int | float | str | None | dict[str, int]


class CellFormat(StrEnum):
    """How a column's values are shown in PDF, XLSX and CSV (JSON always uses ISO 8601)."""

    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    DATETIME = "datetime"  # 2026-10-25 02:30:00 (+02:00 in the repeated hour)
    DATETIME_MINUTES = "datetime_minutes"  # 2026-10-25 02:30


@dataclass(frozen=True)
class Column:
    key: str  # the JSON key
    label: str  # the Swedish heading
    format: CellFormat = CellFormat.TEXT
    width: float = 1.0  # relative width in the PDF table
    labels: dict[str, str] | None = None  # Swedish label per code (JSON keeps the code)


@dataclass(frozen=True)
class Section:
    """An extra table beside the rows: counts per day, nights without a look-in, ..."""

    key: str
    title: str  # Swedish
    columns: tuple[Column, ...]
    rows: list[tuple[Cell, ...]]


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError("period start is after its end")

    @property
    def text(self) -> str:
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


@dataclass(frozen=True)
class ExtractSpec:
    """What to build: the parts of a request (contract 2) that select the logs."""

    kind: ExtractKind
    scope: Scope
    provider_code: str | None = None
    period: Period | None = None
    as_of: date | None = None
    recipient_personnummer: str | None = None  # 12 digits
    recipient_name: str | None = None
    staff_username: str | None = None
    staff_name: str | None = None
    camera_serial: str | None = None


@dataclass(frozen=True)
class ExtractHeader:
    """Who asked for the extract and when it was produced (the PDF's header)."""

    produced_at: datetime  # aware
    produced_by: str
    diary_number: str | None = None
    requester: str | None = None
    reason: str | None = None


@dataclass
class ExtractData:
    kind: ExtractKind
    scope: Scope
    period: Period
    subject: dict[str, str]  # e.g. {"type": "recipient", "name": ..., "personnummer": ...}
    subject_text: str  # the subject as one Swedish line for the PDF header
    summary: dict[str, SummaryValue]
    summary_labels: dict[str, str]  # Swedish label per summary key
    columns: tuple[Column, ...]
    rows: list[tuple[Cell, ...]]
    header: ExtractHeader
    sections: tuple[Section, ...] = ()
    notes: tuple[str, ...] = field(default=())  # Swedish explanations printed under the summary

    @property
    def title(self) -> str:
        return KIND_TITLES[self.kind]

    @property
    def scope_text(self) -> str:
        return SCOPE_TITLES[self.scope]


KIND_TITLES: dict[ExtractKind, str] = {
    ExtractKind.ACTIVE_ALARM_CUSTOMERS: "Aktiva larmkunder, digitalt trygghetslarm",
    ExtractKind.ESCALATED_ALARM_CALLS: "Eskalerade larmanrop",
    ExtractKind.LOCK_LOG: "Låslogg, digital nyckelhantering",
    ExtractKind.SUPERVISION_LOG: "Visuell digital tillsyn, trygghetskamera",
}

SCOPE_TITLES: dict[Scope, str] = {
    Scope.PROVIDER: "utförare",
    Scope.RECIPIENT: "brukare",
    Scope.STAFF: "personal",
}
