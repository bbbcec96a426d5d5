"""Supervision log (R10-R12): each ordered look-in of one recipient (and camera) or of a provider
in a period, with planned and performed time, operator, outcome and action, deviations flagged,
and the nights an active order had no look-in at all."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime
from zoneinfo import ZoneInfo

from loggutdrag.domain.enums import ExtractKind, Scope
from loggutdrag.domain.extract import (
    Cell,
    CellFormat,
    Column,
    ExtractData,
    ExtractSpec,
    Period,
    Section,
)
from loggutdrag.domain.localtime import dates_between
from loggutdrag.domain.supervision import (
    DEVIATION_LABELS_SV,
    Deviation,
    LookinFacts,
    deviations,
    is_performed,
    minutes_late,
    ordered_days,
)
from loggutdrag.extracts.builders.common import (
    ACTION_LABELS,
    OUTCOME_LABELS,
    BuildContext,
    display_personnummer,
    period_instants,
    provider_subject,
    recipient_subject,
    require_period,
)
from loggutdrag.store import extract_queries as q
from loggutdrag.store import supervision_queries as sq

_M = CellFormat.DATETIME_MINUTES
LOOKIN_COLUMNS = (
    Column("order_id", "Beställning", width=0.9),
    Column("camera_serial", "Kamera", width=1.0),
    Column("planned_at", "Planerad", _M, width=1.3),
    Column("performed_at", "Utförd", _M, width=1.3),
    Column("minutes_late", "Min. efter plan", CellFormat.DECIMAL, width=0.6),
    Column("operator", "Operatör", width=1.1),
    Column("outcome", "Utfall", labels=OUTCOME_LABELS, width=0.8),
    Column("action", "Åtgärd", labels=ACTION_LABELS, width=0.9),
    Column("action_at", "Åtgärd kl.", _M, width=1.3),
    Column("deviations", "Avvikelse", labels=DEVIATION_LABELS_SV, width=2.0),
)
PERSON_COLUMNS = (
    Column("name", "Brukare", width=1.2),
    Column("personnummer", "Personnummer", width=1.1),
)
NIGHT_COLUMNS = (
    Column("date", "Datum", CellFormat.DATE, width=1.0),
    Column("order_id", "Beställning", width=1.0),
    Column("planned_time", "Beställd tid", width=0.8),
    Column("camera_serial", "Kamera", width=1.0),
)

SUMMARY_LABELS = {
    "orders": "Aktiva beställningar i perioden",
    "lookins": "Tillsyner i loggen",
    "performed": "Utförda",
    "not_performed": "Ej utförda",
    "late": "Utförda mer än 15 min efter planerad tid",
    "not_visible_no_recheck": "Ej synlig utan ny kontroll inom 20 min",
    "not_in_bed_no_call": "Ej i säng utan samtal till utföraren",
    "deviations": "Tillsyner med minst en avvikelse",
    "nights_without_lookin": "Beställda nätter utan någon tillsyn",
}


def build_supervision_of_recipient(ctx: BuildContext, spec: ExtractSpec) -> ExtractData:
    period = require_period(spec)
    recipient, subject, subject_text = recipient_subject(ctx, spec)
    camera_id: int | None = None
    if spec.camera_serial:
        subject["camera_serial"] = spec.camera_serial
        subject_text += f", kamera {spec.camera_serial}"
        camera_id = q.find_camera_id(ctx.connection, spec.camera_serial)
    start, end = period_instants(period, ctx.tz)
    lookins: list[sq.LookinRow] = []
    orders: list[sq.SupervisionOrderRow] = []
    if recipient is not None and (camera_id is not None or not spec.camera_serial):
        lookins = sq.lookins_of_recipient(ctx.connection, recipient.id, start, end, camera_id)
        orders = sq.orders_in_period(
            ctx.connection, period.start, period.end, recipient_id=recipient.id, camera_id=camera_id
        )
    return _shape(
        ctx,
        scope=Scope.RECIPIENT,
        period=period,
        subject=subject,
        subject_text=subject_text,
        lookins=lookins,
        orders=orders,
    )


def build_supervision_of_provider(ctx: BuildContext, spec: ExtractSpec) -> ExtractData:
    period = require_period(spec)
    provider, subject, subject_text = provider_subject(ctx, spec)
    start, end = period_instants(period, ctx.tz)
    lookins: list[sq.LookinRow] = []
    orders: list[sq.SupervisionOrderRow] = []
    if provider is not None:
        lookins = sq.lookins_of_provider(ctx.connection, provider.id, start, end)
        orders = sq.orders_in_period(
            ctx.connection, period.start, period.end, provider_id=provider.id
        )
    return _shape(
        ctx,
        scope=Scope.PROVIDER,
        period=period,
        subject=subject,
        subject_text=subject_text,
        lookins=lookins,
        orders=orders,
    )


def _facts(row: sq.LookinRow) -> LookinFacts:
    return LookinFacts(row.planned_at, row.performed_at, row.outcome, row.action, row.action_at)


def _shape(
    ctx: BuildContext,
    *,
    scope: Scope,
    period: Period,
    subject: dict[str, str],
    subject_text: str,
    lookins: list[sq.LookinRow],
    orders: list[sq.SupervisionOrderRow],
) -> ExtractData:
    tz = ctx.tz
    performed_by_camera: dict[object, list[datetime]] = defaultdict(list)
    for row in lookins:
        if row.performed_at is not None:
            performed_by_camera[row.camera_db_id or row.recipient_db_id].append(row.performed_at)
    counts: Counter[str] = Counter()
    rows: list[tuple[Cell, ...]] = []
    with_person = scope is Scope.PROVIDER
    for row in lookins:
        facts = _facts(row)
        found = deviations(facts, performed_by_camera[row.camera_db_id or row.recipient_db_id])
        counts.update(found)
        if is_performed(facts):
            counts["performed"] += 1
        if found:
            counts["deviations"] += 1
        person: tuple[Cell, ...] = (
            (row.recipient_name or "", display_personnummer(row.personnummer))
            if with_person
            else ()
        )
        rows.append(
            (
                *person,
                row.order_id or "",
                row.camera_serial or "",
                row.planned_at.astimezone(tz),
                row.performed_at.astimezone(tz) if row.performed_at else None,
                minutes_late(facts),
                row.operator or "",
                row.outcome,
                row.action,
                row.action_at.astimezone(tz) if row.action_at else None,
                found,
            )
        )
    nights = _nights_without_lookin(period, orders, lookins, tz, with_person)
    columns = (*PERSON_COLUMNS, *LOOKIN_COLUMNS) if with_person else LOOKIN_COLUMNS
    night_columns = (*PERSON_COLUMNS, *NIGHT_COLUMNS) if with_person else NIGHT_COLUMNS
    return ExtractData(
        kind=ExtractKind.SUPERVISION_LOG,
        scope=scope,
        period=period,
        subject=subject,
        subject_text=subject_text,
        summary={
            "orders": len(orders),
            "lookins": len(rows),
            "performed": counts["performed"],
            "not_performed": counts[Deviation.NOT_PERFORMED],
            "late": counts[Deviation.LATE],
            "not_visible_no_recheck": counts[Deviation.NOT_VISIBLE_NO_RECHECK],
            "not_in_bed_no_call": counts[Deviation.NOT_IN_BED_NO_CALL],
            "deviations": counts["deviations"],
            "nights_without_lookin": len(nights),
        },
        summary_labels=SUMMARY_LABELS,
        columns=columns,
        rows=rows,
        header=ctx.header,
        sections=(
            Section(
                "nights_without_lookin",
                "Beställda nätter utan någon tillsyn",
                night_columns,
                nights,
            ),
        ),
        notes=(
            "Avvikelser: ej utförd; utförd mer än 15 minuter efter planerad tid; ej synlig utan "
            "ny kontroll inom 20 minuter; ej i säng utan att utföraren kontaktats.",
        ),
    )


def _nights_without_lookin(
    period: Period,
    orders: list[sq.SupervisionOrderRow],
    lookins: list[sq.LookinRow],
    tz: ZoneInfo,
    with_person: bool,
) -> list[tuple[Cell, ...]]:
    """Days on which an active order applied and no look-in of it (nor of its camera at the
    ordered time) was logged at all."""
    by_order: set[tuple[int, date]] = set()
    by_camera_time: set[tuple[int, date, str]] = set()
    for row in lookins:
        local = row.planned_at.astimezone(tz)
        if row.order_db_id is not None:
            by_order.add((row.order_db_id, local.date()))
        if row.camera_db_id is not None:
            by_camera_time.add((row.camera_db_id, local.date(), local.strftime("%H:%M")))
    days = dates_between(period.start, period.end)
    nights: list[tuple[tuple[date, str, str], tuple[Cell, ...]]] = []
    for order in orders:
        for day in ordered_days(order.weekdays, order.valid_from, order.valid_to, days):
            if (order.id, day) in by_order or (
                order.camera_db_id,
                day,
                order.planned_time,
            ) in by_camera_time:
                continue
            person: tuple[Cell, ...] = (
                (order.recipient_name or "", display_personnummer(order.personnummer))
                if with_person
                else ()
            )
            key = (day, order.planned_time, order.order_id)
            nights.append(
                (key, (*person, day, order.order_id, order.planned_time, order.camera_serial))
            )
    nights.sort(key=lambda night: night[0])
    return [row for _, row in nights]
