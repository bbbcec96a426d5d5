"""A request for a log extract (contract 2 in DESIGN.md), as frozen dataclasses.

``loggutdrag.domain.request_json.parse_request`` builds one from JSON, checking only its form.
Missing or invalid values (an absent period, a personnummer whose check digit is wrong) are kept
here as given and judged by ``completeness`` and ``policy``, which report them in the verdict.

Every nested part is always present (an empty part has only ``None`` fields), so callers can write
``request.recipient.identity`` without checking for ``None`` first. For a complete request
``recipient.identity.long`` is the 12-digit personnummer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from loggutdrag.domain.enums import (
    Channel,
    ConsentHolder,
    ConsentKind,
    DeliveryMethod,
    ExtractKind,
    RequesterCategory,
    RequesterRole,
    Scope,
)
from loggutdrag.domain.personnummer import Personnummer

DEFAULT_TIMEZONE = "Europe/Stockholm"

KIND_SCOPES: dict[ExtractKind, frozenset[Scope]] = {
    # R1-R4: the list is per provider, as of a date.
    ExtractKind.ACTIVE_ALARM_CUSTOMERS: frozenset({Scope.PROVIDER}),
    # Seed 003: calls from one recipient, or how many calls a whole provider had.
    ExtractKind.ESCALATED_ALARM_CALLS: frozenset({Scope.RECIPIENT, Scope.PROVIDER}),
    # Seed 003: lock use at one recipient's home, or one staff member's lock use.
    ExtractKind.LOCK_LOG: frozenset({Scope.RECIPIENT, Scope.STAFF}),
    # Seed 004 (R10): a period and/or one recipient.
    ExtractKind.SUPERVISION_LOG: frozenset({Scope.RECIPIENT, Scope.PROVIDER}),
}
"""The scopes each kind of extract can have; any other combination is not a well-formed request."""


@dataclass(frozen=True, slots=True)
class Requester:
    category: RequesterCategory | None = None
    name: str | None = None
    role: RequesterRole | None = None
    organisation: str | None = None
    channel: Channel | None = None
    personnummer: str | None = None  # extension: a recipient asking about themself may give it


@dataclass(frozen=True, slots=True)
class Period:
    """Local calendar dates, inclusive at both ends."""

    start: date | None = None
    end: date | None = None

    @property
    def is_given(self) -> bool:
        return self.start is not None and self.end is not None


@dataclass(frozen=True, slots=True)
class RecipientRef:
    name: str | None = None
    personnummer: str | None = None  # as written in the request
    identity: Personnummer | None = None  # parsed; None when absent or invalid

    @property
    def personnummer_is_invalid(self) -> bool:
        return self.personnummer is not None and self.identity is None


@dataclass(frozen=True, slots=True)
class StaffRef:
    name: str | None = None
    username: str | None = None


@dataclass(frozen=True, slots=True)
class Consent:
    kind: ConsentKind | None = None
    held_by: ConsentHolder | None = None
    diary_number: str | None = None

    @property
    def is_given(self) -> bool:
        return self.kind is not None or self.held_by is not None or self.diary_number is not None


@dataclass(frozen=True, slots=True)
class Address:
    name: str | None = None
    street: str | None = None
    postcode: str | None = None
    city: str | None = None


@dataclass(frozen=True, slots=True)
class Delivery:
    method: DeliveryMethod | None = None
    address: Address = field(default_factory=Address)


@dataclass(frozen=True, slots=True)
class Request:
    """A request as received (and supplemented); any field may be absent."""

    kind: ExtractKind | None = None
    scope: Scope | None = None
    provider: str | None = None  # provider code
    requester: Requester = field(default_factory=Requester)
    reason: str | None = None
    period: Period = field(default_factory=Period)
    as_of: date | None = None
    recipient: RecipientRef = field(default_factory=RecipientRef)
    staff: StaffRef = field(default_factory=StaffRef)
    camera_serial: str | None = None
    consent: Consent = field(default_factory=Consent)
    delivery: Delivery = field(default_factory=Delivery)
    received_at: datetime | None = None  # aware
    unknown_fields: tuple[str, ...] = ()  # top-level keys we do not know (kept, not used)

    @property
    def effective_scope(self) -> Scope | None:
        """The scope, or the one the request implies when it is not written out.

        Active alarm customers can only be per provider; otherwise a named staff member means staff
        scope and a named recipient means recipient scope.
        """
        if self.scope is not None:
            return self.scope
        if self.kind is ExtractKind.ACTIVE_ALARM_CUSTOMERS:
            return Scope.PROVIDER
        has_recipient = self.recipient.name is not None or self.recipient.personnummer is not None
        has_staff = self.staff.name is not None or self.staff.username is not None
        if has_staff and not has_recipient:
            return Scope.STAFF
        if has_recipient and not has_staff:
            return Scope.RECIPIENT
        return None

    def to_json(self) -> dict[str, Any]:
        """The request as contract-2 JSON (absent fields left out)."""
        data: dict[str, Any] = {
            "kind": _text(self.kind),
            "scope": _text(self.scope),
            "provider": self.provider,
            "requester": _compact(
                {
                    "category": _text(self.requester.category),
                    "name": self.requester.name,
                    "role": _text(self.requester.role),
                    "organisation": self.requester.organisation,
                    "channel": _text(self.requester.channel),
                    "personnummer": self.requester.personnummer,
                }
            ),
            "reason": self.reason,
            "period": _compact(
                {
                    "start": _iso(self.period.start),
                    "end": _iso(self.period.end),
                }
            ),
            "as_of": _iso(self.as_of),
            "recipient": _compact(
                {"name": self.recipient.name, "personnummer": self.recipient.personnummer}
            ),
            "staff": _compact({"name": self.staff.name, "username": self.staff.username}),
            "camera_serial": self.camera_serial,
            "consent": _compact(
                {
                    "kind": _text(self.consent.kind),
                    "held_by": _text(self.consent.held_by),
                    "diary_number": self.consent.diary_number,
                }
            ),
            "delivery": _compact(
                {
                    "method": _text(self.delivery.method),
                    "address": _compact(
                        {
                            "name": self.delivery.address.name,
                            "street": self.delivery.address.street,
                            "postcode": self.delivery.address.postcode,
                            "city": self.delivery.address.city,
                        }
                    ),
                }
            ),
            "received_at": self.received_at.isoformat() if self.received_at else None,
        }
        return _compact(data)


# --- helpers ------------------------------------------------------------------------------------


def _text(value: StrEnum | None) -> str | None:
    return None if value is None else value.value


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in (None, {})}
