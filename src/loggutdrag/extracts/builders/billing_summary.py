"""The billing run's summary across providers: each provider's total, akutlarm and billable count
as of one date (R1-R4), shaped as an extract so every renderer can print it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from loggutdrag.domain.enums import ExtractKind, Scope
from loggutdrag.domain.extract import Cell, CellFormat, Column, ExtractData, ExtractHeader, Period

COLUMNS = (
    Column("provider", "Utförare (kod)", width=1.2),
    Column("provider_name", "Utförare", width=2.4),
    Column("total", "Totalt", CellFormat.INTEGER, width=0.8),
    Column("trygghetslarm", "Trygghetslarm", CellFormat.INTEGER, width=0.9),
    Column("akutlarm", "Akutlarm", CellFormat.INTEGER, width=0.8),
    Column("billable", "Att fakturera", CellFormat.INTEGER, width=0.9),
)

SUMMARY_LABELS = {
    "as_of": "Per datum",
    "providers": "Antal utförare",
    "total": "Aktiva larm totalt (inkl. akutlarm)",
    "trygghetslarm": "varav trygghetslarm",
    "akutlarm": "varav akutlarm",
    "billable": "Underlag för fakturering totalt",
}


@dataclass(frozen=True)
class ProviderCount:
    provider: str
    provider_name: str
    total: int
    trygghetslarm: int
    akutlarm: int
    billable: int


def build_billing_summary(
    counts: list[ProviderCount], as_of: date, header: ExtractHeader
) -> ExtractData:
    rows: list[tuple[Cell, ...]] = [
        (c.provider, c.provider_name, c.total, c.trygghetslarm, c.akutlarm, c.billable)
        for c in counts
    ]
    return ExtractData(
        kind=ExtractKind.ACTIVE_ALARM_CUSTOMERS,
        scope=Scope.PROVIDER,
        period=Period(as_of, as_of),
        subject={"type": "providers", "code": "*", "name": "Alla utförare"},
        subject_text=(
            "Sammanställning för alla utförare" if len(counts) != 1 else counts[0].provider_name
        ),
        summary={
            "as_of": as_of.isoformat(),
            "providers": len(counts),
            "total": sum(c.total for c in counts),
            "trygghetslarm": sum(c.trygghetslarm for c in counts),
            "akutlarm": sum(c.akutlarm for c in counts),
            "billable": sum(c.billable for c in counts),
        },
        summary_labels=SUMMARY_LABELS,
        columns=COLUMNS,
        rows=rows,
        header=header,
        notes=("Akutlarm räknas bort från totalsumman inför fakturering.",),
    )
