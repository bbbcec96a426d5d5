"""Lock log: every event at a recipient's locks (with staff name, username and provider), or every
lock one staff member used and whose home it was (R5, R6)."""

from __future__ import annotations

from collections import Counter

from loggutdrag.domain.enums import ExtractKind, LockEventType, Scope
from loggutdrag.domain.extract import Cell, CellFormat, Column, ExtractData, ExtractSpec
from loggutdrag.extracts.builders.common import (
    LOCK_EVENT_LABELS,
    BuildContext,
    display_personnummer,
    period_instants,
    recipient_subject,
    require_period,
    staff_subject,
)
from loggutdrag.store import extract_queries as q

RECIPIENT_COLUMNS = (
    Column("occurred_at", "Tidpunkt", CellFormat.DATETIME, width=1.5),
    Column("lock_id", "Lås", width=1.0),
    Column("event", "Händelse", labels=LOCK_EVENT_LABELS, width=1.0),
    Column("method", "Metod", width=0.9),
    Column("staff_name", "Personal", width=1.6),
    Column("staff_username", "Användarnamn", width=1.2),
    Column("provider", "Utförare", width=1.6),
)
STAFF_COLUMNS = (
    Column("occurred_at", "Tidpunkt", CellFormat.DATETIME, width=1.5),
    Column("lock_id", "Lås", width=1.0),
    Column("recipient_name", "Brukare (vems lås)", width=1.8),
    Column("personnummer", "Personnummer", width=1.3),
    Column("event", "Händelse", labels=LOCK_EVENT_LABELS, width=1.0),
    Column("method", "Metod", width=0.9),
    Column("provider", "Utförare", width=1.5),
)

SUMMARY_LABELS = {
    "events": "Händelser totalt",
    "unlock": "Upplåsningar",
    "lock": "Låsningar",
    "denied": "Nekade försök",
    "battery_low": "Larm om låg batterinivå",
    "staff": "Olika personal",
    "providers": "Olika utförare",
    "locks": "Olika lås",
    "recipients": "Olika brukare",
}


def _event_counts(events: list[q.LockEventRow]) -> dict[str, int]:
    counts = Counter(e.event for e in events)
    return {str(kind): counts.get(kind, 0) for kind in LockEventType}


def build_lock_log_of_recipient(ctx: BuildContext, spec: ExtractSpec) -> ExtractData:
    period = require_period(spec)
    recipient, subject, subject_text = recipient_subject(ctx, spec)
    start, end = period_instants(period, ctx.tz)
    events = (
        q.lock_events_of_recipient(ctx.connection, recipient.id, start, end) if recipient else []
    )
    tz = ctx.tz
    rows: list[tuple[Cell, ...]] = [
        (
            e.occurred_at.astimezone(tz),
            e.lock_id,
            e.event,
            e.method or "",
            e.staff_name or "",
            e.staff_username or "",
            e.provider_name or e.provider_code or "",
        )
        for e in events
    ]
    return ExtractData(
        kind=ExtractKind.LOCK_LOG,
        scope=Scope.RECIPIENT,
        period=period,
        subject=subject,
        subject_text=subject_text,
        summary={
            "events": len(rows),
            **_event_counts(events),
            "staff": len({e.staff_username for e in events if e.staff_username}),
            "providers": len({e.provider_code for e in events if e.provider_code}),
        },
        summary_labels=SUMMARY_LABELS,
        columns=RECIPIENT_COLUMNS,
        rows=rows,
        header=ctx.header,
    )


def build_lock_log_of_staff(ctx: BuildContext, spec: ExtractSpec) -> ExtractData:
    period = require_period(spec)
    member, subject, subject_text = staff_subject(ctx, spec)
    start, end = period_instants(period, ctx.tz)
    events = q.lock_events_of_staff(ctx.connection, member.id, start, end) if member else []
    tz = ctx.tz
    rows: list[tuple[Cell, ...]] = [
        (
            e.occurred_at.astimezone(tz),
            e.lock_id,
            e.recipient_name or "",
            display_personnummer(e.personnummer),
            e.event,
            e.method or "",
            e.provider_name or e.provider_code or (member.provider_name if member else ""),
        )
        for e in events
    ]
    return ExtractData(
        kind=ExtractKind.LOCK_LOG,
        scope=Scope.STAFF,
        period=period,
        subject=subject,
        subject_text=subject_text,
        summary={
            "events": len(rows),
            **_event_counts(events),
            "locks": len({e.lock_id for e in events}),
            "recipients": len({e.personnummer for e in events if e.personnummer}),
        },
        summary_labels=SUMMARY_LABELS,
        columns=STAFF_COLUMNS,
        rows=rows,
        header=ctx.header,
    )
