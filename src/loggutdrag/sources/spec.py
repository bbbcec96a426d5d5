"""The native import format of DESIGN.md: which fields each log source has and what they hold.

A vendor profile maps a vendor's export onto these fields; the normaliser then checks and converts
every value. Field names are the external contract (column headers of the native CSV): never rename
one, only add optional fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from loggutdrag.domain.enums import (
    AlarmType,
    ImportSource,
    LockEventType,
    LookinAction,
    LookinOutcome,
)


class FieldKind(StrEnum):
    """How a native value is checked and converted."""

    TEXT = "text"  # trimmed text, empty = missing
    PERSONNUMMER = "personnummer"  # valid check digit; stored as 12 digits
    TIMESTAMP = "timestamp"  # an instant; stored as UTC text YYYY-MM-DD HH:MM:SS
    DATE = "date"  # a local calendar date YYYY-MM-DD
    CLOCK = "clock"  # a local time of day HH:MM
    WEEKDAYS = "weekdays"  # ISO weekday digits, e.g. 12345
    BOOL = "bool"  # true | false
    CODE = "code"  # one of a fixed set of codes (profiles map vendor codes onto them)


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    codes: tuple[str, ...] = ()
    max_length: int = 200
    default: str = ""  # used when the value is empty (before the required check)


@dataclass(frozen=True, slots=True)
class SourceSpec:
    source: ImportSource
    fields: tuple[FieldSpec, ...]
    id_field: str  # the vendor's id; empty -> a hash of the normalised row is the natural key
    key_fields: tuple[str, ...]  # the natural key when the id is present

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.fields)

    def field(self, name: str) -> FieldSpec:
        for field in self.fields:
            if field.name == name:
                return field
        raise KeyError(name)


def _codes(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


T, PNR, TS, D = FieldKind.TEXT, FieldKind.PERSONNUMMER, FieldKind.TIMESTAMP, FieldKind.DATE

ALARM_REGISTER = SourceSpec(
    ImportSource.ALARM_REGISTER,
    (
        FieldSpec("alarm_id", max_length=80),
        FieldSpec("alarm_type", FieldKind.CODE, required=True, codes=_codes(AlarmType)),
        FieldSpec("provider", required=True, max_length=40),
        FieldSpec("recipient_personnummer", PNR),  # required for a trygghetslarm (normaliser)
        FieldSpec("recipient_name"),
        FieldSpec("address", max_length=300),
        FieldSpec("active_from", D, required=True),
        FieldSpec("active_to", D),
    ),
    id_field="alarm_id",
    key_fields=("alarm_id", "active_from"),
)

ALARM_CALLS = SourceSpec(
    ImportSource.ALARM_CALLS,
    (
        FieldSpec("call_id", max_length=80),
        FieldSpec("alarm_id", max_length=80),
        FieldSpec("recipient_personnummer", PNR),
        FieldSpec("triggered_at", TS, required=True),
        FieldSpec("answered_at", TS),
        FieldSpec("operator", max_length=120),
        FieldSpec("reason"),
        FieldSpec("escalated", FieldKind.BOOL, default="false"),
        FieldSpec("escalated_at", TS),
        FieldSpec("escalated_to"),
        FieldSpec("acknowledged_at", TS),
        FieldSpec("arrived_at", TS),
        FieldSpec("closed_at", TS),
        FieldSpec("provider", max_length=40),  # optional extension: else the alarm's provider
    ),
    id_field="call_id",
    key_fields=("call_id",),
)

LOCK_EVENTS = SourceSpec(
    ImportSource.LOCK_EVENTS,
    (
        FieldSpec("event_id", max_length=80),
        FieldSpec("occurred_at", TS, required=True),
        FieldSpec("lock_id", required=True, max_length=80),
        FieldSpec("recipient_personnummer", PNR),
        FieldSpec("provider", max_length=40),
        FieldSpec("staff_username", max_length=80),
        FieldSpec("staff_name"),
        FieldSpec("event", FieldKind.CODE, required=True, codes=_codes(LockEventType)),
        FieldSpec("method", max_length=40),
    ),
    id_field="event_id",
    key_fields=("event_id",),
)

SUPERVISION_ORDERS = SourceSpec(
    ImportSource.SUPERVISION_ORDERS,
    (
        FieldSpec("order_id", max_length=80),
        FieldSpec("recipient_personnummer", PNR, required=True),
        FieldSpec("camera_serial", required=True, max_length=80),
        FieldSpec("provider", required=True, max_length=40),
        FieldSpec("planned_time", FieldKind.CLOCK, required=True),
        FieldSpec("weekdays", FieldKind.WEEKDAYS, default="1234567"),
        FieldSpec("valid_from", D, required=True),
        FieldSpec("valid_to", D),
    ),
    id_field="order_id",
    key_fields=("order_id",),
)

SUPERVISION_LOOKINS = SourceSpec(
    ImportSource.SUPERVISION_LOOKINS,
    (
        FieldSpec("lookin_id", max_length=80),
        FieldSpec("order_id", max_length=80),
        FieldSpec("camera_serial", max_length=80),
        FieldSpec("recipient_personnummer", PNR),
        FieldSpec("planned_at", TS, required=True),
        FieldSpec("performed_at", TS),
        FieldSpec("operator", max_length=120),
        FieldSpec("outcome", FieldKind.CODE, required=True, codes=_codes(LookinOutcome)),
        FieldSpec("action", FieldKind.CODE, codes=_codes(LookinAction), default="none"),
        FieldSpec("action_at", TS),
        FieldSpec("provider", max_length=40),  # optional extension: else the order's provider
    ),
    id_field="lookin_id",
    key_fields=("lookin_id",),
)

SPECS: dict[ImportSource, SourceSpec] = {
    spec.source: spec
    for spec in (ALARM_REGISTER, ALARM_CALLS, LOCK_EVENTS, SUPERVISION_ORDERS, SUPERVISION_LOOKINS)
}


def spec_for(source: ImportSource | str) -> SourceSpec:
    return SPECS[ImportSource(source)]
