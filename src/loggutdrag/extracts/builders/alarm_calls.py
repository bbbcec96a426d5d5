"""Escalated alarm calls: of one recipient (each call's timeline), or of a provider (counts per
day, week and reason, and the list). Minutes to answer and to arrive count from the moment the
alarm was triggered.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

from loggutdrag.domain.enums import ExtractKind, Scope
from loggutdrag.domain.extract import (
    Cell,
    CellFormat,
    Column,
    ExtractData,
    ExtractSpec,
    SummaryValue,
)
from loggutdrag.domain.localtime import dates_between, iso_week, minutes_between
from loggutdrag.extracts.builders.common import (
    BuildContext,
    average,
    display_personnummer,
    period_instants,
    provider_subject,
    recipient_subject,
    require_period,
)
from loggutdrag.store import extract_queries as q

_T = CellFormat.DATETIME
TIMELINE = (
    Column("triggered_at", "Larmat", _T, width=1.35),
    Column("answered_at", "Besvarat", _T, width=1.35),
    Column("escalated_at", "Eskalerat", _T, width=1.35),
    Column("acknowledged_at", "Kvitterat", _T, width=1.35),
    Column("arrived_at", "Framme", _T, width=1.35),
    Column("closed_at", "Avslutat", _T, width=1.35),
)
DETAILS = (
    Column("reason", "Orsak", width=1.1),
    Column("operator", "Operatör", width=1.0),
    Column("escalated_to", "Eskalerat till", width=1.1),
    Column("minutes_to_answer", "Min. till svar", CellFormat.DECIMAL, width=0.6),
    Column("minutes_to_arrive", "Min. till framme", CellFormat.DECIMAL, width=0.6),
)
RECIPIENT_COLUMNS = (Column("call_id", "Anrop", width=0.9), *TIMELINE, *DETAILS)
PROVIDER_COLUMNS = (
    Column("call_id", "Anrop", width=0.9),
    Column("name", "Brukare", width=1.2),
    Column("personnummer", "Personnummer", width=1.1),
    *TIMELINE,
    *DETAILS,
)

SUMMARY_LABELS = {
    "calls": "Larmanrop totalt i perioden",
    "escalated": "varav eskalerade till utföraren",
    "arrived": "Eskalerade där personal kom fram",
    "recipients": "Brukare med eskalerade larmanrop",
    "avg_minutes_to_answer": "Medeltid till svar (min)",
    "avg_minutes_to_arrive": "Medeltid till framme (min)",
    "max_minutes_to_arrive": "Längsta tid till framme (min)",
    "per_day": "Eskalerade per dag",
    "per_week": "Eskalerade per vecka",
    "per_reason": "Eskalerade per orsak",
}

UNKNOWN_REASON = "(orsak saknas)"


def _local(value: datetime | None, tz: ZoneInfo) -> datetime | None:
    return value.astimezone(tz) if value is not None else None


def _timeline(call: q.AlarmCallRow, tz: ZoneInfo) -> tuple[Cell, ...]:
    return (
        _local(call.triggered_at, tz),
        _local(call.answered_at, tz),
        _local(call.escalated_at, tz),
        _local(call.acknowledged_at, tz),
        _local(call.arrived_at, tz),
        _local(call.closed_at, tz),
        call.reason or "",
        call.operator or "",
        call.escalated_to or "",
        minutes_between(call.triggered_at, call.answered_at),
        minutes_between(call.triggered_at, call.arrived_at),
    )


def _timing(calls: list[q.AlarmCallRow]) -> dict[str, SummaryValue]:
    answer = [m for c in calls if (m := minutes_between(c.triggered_at, c.answered_at)) is not None]
    arrive = [m for c in calls if (m := minutes_between(c.triggered_at, c.arrived_at)) is not None]
    return {
        "arrived": len(arrive),
        "avg_minutes_to_answer": average(answer),
        "avg_minutes_to_arrive": average(arrive),
        "max_minutes_to_arrive": max(arrive) if arrive else None,
    }


def build_escalated_calls_of_recipient(ctx: BuildContext, spec: ExtractSpec) -> ExtractData:
    period = require_period(spec)
    recipient, subject, subject_text = recipient_subject(ctx, spec)
    start, end = period_instants(period, ctx.tz)
    calls: list[q.AlarmCallRow] = []
    total = 0
    if recipient is not None:
        calls = q.escalated_calls_of_recipient(ctx.connection, recipient.id, start, end)
        total = q.count_calls(ctx.connection, start=start, end=end, recipient_id=recipient.id)
    rows = [(call.call_id, *_timeline(call, ctx.tz)) for call in calls]
    return ExtractData(
        kind=ExtractKind.ESCALATED_ALARM_CALLS,
        scope=Scope.RECIPIENT,
        period=period,
        subject=subject,
        subject_text=subject_text,
        summary={"calls": total, "escalated": len(calls), **_timing(calls)},
        summary_labels=SUMMARY_LABELS,
        columns=RECIPIENT_COLUMNS,
        rows=rows,
        header=ctx.header,
        notes=("Minuter till svar och till framme räknas från det att larmet utlöstes.",),
    )


def build_escalated_calls_of_provider(ctx: BuildContext, spec: ExtractSpec) -> ExtractData:
    period = require_period(spec)
    provider, subject, subject_text = provider_subject(ctx, spec)
    start, end = period_instants(period, ctx.tz)
    calls: list[q.AlarmCallRow] = []
    total = 0
    if provider is not None:
        calls = q.escalated_calls_of_provider(ctx.connection, provider.id, start, end)
        total = q.count_calls(ctx.connection, start=start, end=end, provider_id=provider.id)
    days = dates_between(period.start, period.end)
    per_day: dict[str, int] = {day.isoformat(): 0 for day in days}
    per_week: dict[str, int] = {iso_week(day): 0 for day in days}
    reasons: Counter[str] = Counter()
    rows: list[tuple[Cell, ...]] = []
    for call in calls:
        local_day = call.triggered_at.astimezone(ctx.tz).date()
        per_day[local_day.isoformat()] += 1
        per_week[iso_week(local_day)] += 1
        reasons[call.reason or UNKNOWN_REASON] += 1
        rows.append(
            (
                call.call_id,
                call.name or "",
                display_personnummer(call.personnummer),
                *_timeline(call, ctx.tz),
            )
        )
    per_reason = dict(sorted(reasons.items(), key=lambda item: (-item[1], item[0])))
    summary: dict[str, SummaryValue] = {
        "calls": total,
        "escalated": len(calls),
        "recipients": len({c.personnummer for c in calls if c.personnummer}),
        **_timing(calls),
        "per_day": per_day,
        "per_week": per_week,
        "per_reason": per_reason,
    }
    return ExtractData(
        kind=ExtractKind.ESCALATED_ALARM_CALLS,
        scope=Scope.PROVIDER,
        period=period,
        subject=subject,
        subject_text=subject_text,
        summary=summary,
        summary_labels=SUMMARY_LABELS,
        columns=PROVIDER_COLUMNS,
        rows=rows,
        header=ctx.header,
        notes=("Minuter till svar och till framme räknas från det att larmet utlöstes.",),
    )
