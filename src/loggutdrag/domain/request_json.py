"""Contract-2 JSON -> :class:`~loggutdrag.domain.request.Request`, checking the form only.

A form error (not a JSON object, text where a date belongs, an unknown enum value) raises
:class:`RequestFormatError` naming the field: contract 1's exit code 2. Missing or invalid values
(an absent period, a personnummer with a wrong check digit) are not form errors; the verdict
reports them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

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
from loggutdrag.domain.personnummer import (
    InvalidPersonnummerError,
    Personnummer,
    parse_personnummer,
)
from loggutdrag.domain.request import (
    DEFAULT_TIMEZONE,
    KIND_SCOPES,
    Address,
    Consent,
    Delivery,
    Period,
    RecipientRef,
    Request,
    Requester,
    StaffRef,
)

E = TypeVar("E", bound=StrEnum)


class RequestFormatError(ValueError):
    """The request is not well-formed; ``field`` is its path (e.g. ``period.start``)."""

    def __init__(self, field: str, message_sv: str) -> None:
        super().__init__(f"{field}: {message_sv}")
        self.field = field
        self.message_sv = message_sv


def parse_request(data: object, *, timezone: str = DEFAULT_TIMEZONE) -> Request:
    """Parse contract-2 JSON (already decoded) into a :class:`Request`.

    Raises :class:`RequestFormatError` for anything that is not well-formed. ``timezone`` is the
    local zone in which an instant without an offset is read.
    """
    root = _object(data, "request")
    requester = _object(root.get("requester"), "requester")
    period = _object(root.get("period"), "period")
    recipient = _object(root.get("recipient"), "recipient")
    staff = _object(root.get("staff"), "staff")
    consent = _object(root.get("consent"), "consent")
    delivery = _object(root.get("delivery"), "delivery")
    address = _object(delivery.get("address"), "delivery.address")

    recipient_pnr = _string(recipient, "personnummer", "recipient")
    kind = _enum(root, "kind", ExtractKind)
    scope = _enum(root, "scope", Scope)
    if kind is not None and scope is not None and scope not in KIND_SCOPES[kind]:
        scopes = " eller ".join(sorted(KIND_SCOPES[kind]))
        raise RequestFormatError(
            "scope", f"ett utdrag av typen {kind} kan bara avse {scopes}, inte {scope}"
        )
    return Request(
        kind=kind,
        scope=scope,
        provider=_string(root, "provider"),
        requester=Requester(
            category=_enum(requester, "category", RequesterCategory, "requester"),
            name=_string(requester, "name", "requester"),
            role=_enum(requester, "role", RequesterRole, "requester"),
            organisation=_string(requester, "organisation", "requester"),
            channel=_enum(requester, "channel", Channel, "requester"),
            personnummer=_string(requester, "personnummer", "requester"),
        ),
        reason=_string(root, "reason"),
        period=Period(
            start=_date(period, "start", "period"),
            end=_date(period, "end", "period"),
        ),
        as_of=_date(root, "as_of"),
        recipient=RecipientRef(
            name=_string(recipient, "name", "recipient"),
            personnummer=recipient_pnr,
            identity=_identity(recipient_pnr),
        ),
        staff=StaffRef(
            name=_string(staff, "name", "staff"),
            username=_string(staff, "username", "staff"),
        ),
        camera_serial=_string(root, "camera_serial"),
        consent=Consent(
            kind=_enum(consent, "kind", ConsentKind, "consent"),
            held_by=_enum(consent, "held_by", ConsentHolder, "consent"),
            diary_number=_string(consent, "diary_number", "consent"),
        ),
        delivery=Delivery(
            method=_enum(delivery, "method", DeliveryMethod, "delivery"),
            address=Address(
                name=_string(address, "name", "delivery.address"),
                street=_string(address, "street", "delivery.address"),
                postcode=_string(address, "postcode", "delivery.address"),
                city=_string(address, "city", "delivery.address"),
            ),
        ),
        received_at=_instant(root, "received_at", timezone),
        unknown_fields=tuple(sorted(set(root) - KNOWN_FIELDS)),
    )


KNOWN_FIELDS = frozenset(
    {
        "kind",
        "scope",
        "provider",
        "requester",
        "reason",
        "period",
        "as_of",
        "recipient",
        "staff",
        "camera_serial",
        "consent",
        "delivery",
        "received_at",
    }
)


def merge_supplement(original: Mapping[str, Any], supplement: Mapping[str, Any]) -> dict[str, Any]:
    """The request JSON with a supplement laid over it: nested objects merge key by key; a value
    in the supplement replaces the original's (``null`` removes it). ``received_at`` of a
    supplement is when the supplement arrived, so it never replaces the original's."""
    merged: dict[str, Any] = dict(original)
    for key, value in supplement.items():
        if key == "received_at":
            continue
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = merge_supplement(merged[key], value)
        elif value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


def with_received_at(request: Request, received_at: datetime) -> Request:
    return replace(request, received_at=received_at)


# --- helpers ------------------------------------------------------------------------------------


def _path(prefix: str | None, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def _object(value: object, path: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise RequestFormatError(path, "ska vara ett JSON-objekt")
    for key in value:
        if not isinstance(key, str):  # pragma: no cover - json always gives text keys
            raise RequestFormatError(path, "har en nyckel som inte är text")
    return value


def _string(obj: Mapping[str, Any], key: str, prefix: str | None = None) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise RequestFormatError(_path(prefix, key), "ska vara text")
    value = " ".join(value.split())
    return value or None


def _enum(obj: Mapping[str, Any], key: str, enum: type[E], prefix: str | None = None) -> E | None:
    text = _string(obj, key, prefix)
    if text is None:
        return None
    try:
        return enum(text)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise RequestFormatError(
            _path(prefix, key), f"okänt värde {text!r}; tillåtna värden är {allowed}"
        ) from None


def _date(obj: Mapping[str, Any], key: str, prefix: str | None = None) -> date | None:
    text = _string(obj, key, prefix)
    if text is None:
        return None
    try:
        if len(text) != 10:
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise RequestFormatError(
            _path(prefix, key), f"{text!r} är inget datum på formen ÅÅÅÅ-MM-DD"
        ) from None


def _instant(obj: Mapping[str, Any], key: str, timezone: str) -> datetime | None:
    text = _string(obj, key)
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise RequestFormatError(
            key, f"{text!r} är ingen tidpunkt på formen ÅÅÅÅ-MM-DDThh:mm[:ss][+01:00]"
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(timezone))
    return value


def _identity(text: str | None) -> Personnummer | None:
    if text is None:
        return None
    try:
        return parse_personnummer(text)
    except InvalidPersonnummerError:
        return None
