"""Active alarm customers of a provider as of a date (R1, R2).

Everyone with an active alarm registered on the date is listed with their personal data; the
provider's own emergency alarms (akutlarm) are in the list too, listed apart after the recipients'
safety alarms. ``total`` counts the customers with an active trygghetslarm (a customer with two
alarms once) plus the akutlarm, ``akutlarm`` the emergency alarms, and ``billable = total -
akutlarm`` is what the provider invoices (seed 000).
"""

from __future__ import annotations

from loggutdrag.domain.enums import AlarmType, ExtractKind, Scope
from loggutdrag.domain.extract import Cell, CellFormat, Column, ExtractData, ExtractSpec, Period
from loggutdrag.extracts.builders.common import (
    ALARM_TYPE_LABELS,
    BuildContext,
    display_personnummer,
    provider_subject,
)
from loggutdrag.store import extract_queries as q

COLUMNS = (
    Column("alarm_type", "Larmtyp", labels=ALARM_TYPE_LABELS, width=1.0),
    Column("alarm_id", "Larm-id", width=1.0),
    Column("name", "Namn", width=1.8),
    Column("personnummer", "Personnummer", width=1.3),
    Column("address", "Adress", width=2.6),
    Column("active_from", "Aktivt från", CellFormat.DATE, width=1.0),
    Column("active_to", "Aktivt till", CellFormat.DATE, width=1.0),
)

SUMMARY_LABELS = {
    "as_of": "Per datum",
    "total": "Totalt antal aktiva larm (inkl. akutlarm)",
    "trygghetslarm": "varav trygghetslarm hos brukare",
    "akutlarm": "varav akutlarm (verksamhetens egna)",
    "billable": "Underlag för fakturering (totalt − akutlarm)",
}

PROTECTED_ADDRESS = "Skyddad identitet – adress visas ej"


def _address(row: q.ActiveAlarmRow) -> str:
    if row.protected_identity:
        return PROTECTED_ADDRESS
    if row.address:
        return row.address
    parts = [
        part for part in (row.street, " ".join(filter(None, (row.postcode, row.city)))) if part
    ]
    return ", ".join(parts)


NOTES = (
    "Listan visar alla larm som var registrerade som aktiva hos utföraren per datumet, "
    "även verksamhetens akutlarm (listade sist).",
    "Akutlarm ger ingen extra ersättning och räknas bort från totalsumman inför fakturering.",
)


def build_active_alarm_customers(ctx: BuildContext, spec: ExtractSpec) -> ExtractData:
    provider, subject, subject_text = provider_subject(ctx, spec)
    as_of = spec.as_of or ctx.header.produced_at.astimezone(ctx.tz).date()
    alarms = q.active_alarms(ctx.connection, provider.id, as_of) if provider else []
    personal = sorted(
        (a for a in alarms if a.alarm_type != AlarmType.AKUTLARM),
        key=lambda a: ((a.name or "").casefold(), a.personnummer or "", a.alarm_id),
    )
    emergency = sorted((a for a in alarms if a.alarm_type == AlarmType.AKUTLARM), key=_by_id)
    rows: list[tuple[Cell, ...]] = [
        (
            a.alarm_type,
            a.alarm_id,
            a.name or "",
            display_personnummer(a.personnummer),
            _address(a),
            a.active_from,
            a.active_to,
        )
        for a in (*personal, *emergency)
    ]
    # R1 counts customers ("antal larmkunder"), so a customer with two active safety alarms on the
    # date counts once; each akutlarm counts as one (it has no customer).
    customers = len({a.personnummer or a.alarm_id for a in personal})
    total = customers + len(emergency)
    notes = list(NOTES)
    if customers < len(personal):
        notes.append(
            f"{len(personal) - customers} larm tillhör en kund som har mer än ett aktivt "
            "trygghetslarm; kunden räknas en gång."
        )
    return ExtractData(
        kind=ExtractKind.ACTIVE_ALARM_CUSTOMERS,
        scope=Scope.PROVIDER,
        period=Period(as_of, as_of),
        subject=subject,
        subject_text=subject_text,
        summary={
            "as_of": as_of.isoformat(),
            "total": total,
            "trygghetslarm": customers,
            "akutlarm": len(emergency),
            "billable": total - len(emergency),
        },
        summary_labels=SUMMARY_LABELS,
        columns=COLUMNS,
        rows=rows,
        header=ctx.header,
        notes=tuple(notes),
    )


def _by_id(alarm: q.ActiveAlarmRow) -> str:
    return alarm.alarm_id
