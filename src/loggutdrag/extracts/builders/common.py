"""What every builder shares: the period's instants, subjects and Swedish value labels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from loggutdrag.domain.extract import ExtractHeader, ExtractSpec, Period
from loggutdrag.domain.localtime import day_bounds_utc
from loggutdrag.domain.personnummer import (
    InvalidPersonnummerError,
    Personnummer,
    parse_personnummer,
)
from loggutdrag.store import extract_queries as q


class SpecError(ValueError):
    """The spec lacks what this kind and scope need; ``field`` names it, ``message_sv`` says why."""

    def __init__(self, field: str, message_sv: str) -> None:
        super().__init__(message_sv)
        self.field = field
        self.message_sv = message_sv


@dataclass(frozen=True)
class BuildContext:
    connection: Connection
    tz: ZoneInfo
    header: ExtractHeader


def require_period(spec: ExtractSpec) -> Period:
    if spec.period is None:
        raise SpecError("period", "perioden saknas")
    return spec.period


def period_instants(period: Period, tz: ZoneInfo) -> tuple[datetime, datetime]:
    return day_bounds_utc(period.start, period.end, tz)


def display_personnummer(long: str | None) -> str:
    """``YYYYMMDD-NNNN`` from the stored 12 digits (empty when unknown)."""
    if not long:
        return ""
    return Personnummer(long).display if len(long) == 12 else long


def normalised_personnummer(spec: ExtractSpec) -> str:
    if not spec.recipient_personnummer:
        raise SpecError("recipient.personnummer", "brukarens personnummer saknas")
    try:
        return parse_personnummer(spec.recipient_personnummer).long
    except InvalidPersonnummerError as error:
        raise SpecError("recipient.personnummer", f"personnumret {error.reason}") from None


def recipient_subject(
    ctx: BuildContext, spec: ExtractSpec
) -> tuple[q.RecipientRow | None, dict[str, str], str]:
    """The recipient (None when no log knows them), the JSON subject and the header line."""
    long = normalised_personnummer(spec)
    row = q.find_recipient(ctx.connection, long)
    name = (row.name if row and row.name else None) or spec.recipient_name or ""
    subject = {"type": "recipient", "name": name, "personnummer": display_personnummer(long)}
    text = f"Brukare: {name} ({display_personnummer(long)})" if name else display_personnummer(long)
    return row, subject, text


def provider_subject(
    ctx: BuildContext, spec: ExtractSpec
) -> tuple[q.ProviderRow | None, dict[str, str], str]:
    if not spec.provider_code:
        raise SpecError("provider", "utföraren saknas")
    row = q.find_provider(ctx.connection, spec.provider_code)
    name = row.name if row else spec.provider_code
    subject = {"type": "provider", "code": spec.provider_code, "name": name}
    text = f"Utförare: {name}" + (f" ({spec.provider_code})" if name != spec.provider_code else "")
    return row, subject, text


def staff_subject(
    ctx: BuildContext, spec: ExtractSpec
) -> tuple[q.StaffRow | None, dict[str, str], str]:
    if not spec.staff_username:
        raise SpecError("staff.username", "personalens användarnamn saknas")
    row = q.find_staff(ctx.connection, spec.staff_username)
    name = (row.name if row else None) or spec.staff_name or ""
    provider = row.provider_name if row else (spec.provider_code or "")
    subject = {
        "type": "staff",
        "name": name,
        "username": spec.staff_username,
        "provider": provider,
    }
    text = f"Personal: {name} (användarnamn {spec.staff_username})"
    if provider:
        text += f", {provider}"
    return row, subject, text


def average(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


ALARM_TYPE_LABELS = {"trygghetslarm": "Trygghetslarm", "akutlarm": "Akutlarm"}
LOCK_EVENT_LABELS = {
    "unlock": "Upplåst",
    "lock": "Låst",
    "denied": "Nekad",
    "battery_low": "Låg batterinivå",
}
OUTCOME_LABELS = {
    "in_bed": "I säng",
    "not_in_bed": "Ej i säng",
    "not_visible": "Ej synlig",
    "no_picture": "Ingen bild",
    "not_performed": "Ej utförd",
}
ACTION_LABELS = {
    "none": "Ingen",
    "recheck": "Ny kontroll",
    "called_recipient": "Ringt brukaren",
    "called_provider": "Ringt utföraren",
    "visit": "Besök",
}
