"""The monthly billing run (R1-R4): each provider's active alarm customers as of a date, one
extract per provider plus a summary across providers.

A date asked for must be a working day (R3); without one the run is as of today. Scheduled with
``--first-working-day-of-month`` it does its work only on the first working day of a month, so a
cron line that runs every weekday morning is enough (see docs/extracts.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from loggutdrag.audit.trail import record
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.audit import AuditAction, AuditEntry
from loggutdrag.domain.enums import DocumentKind, ExtractKind, Scope
from loggutdrag.domain.extract import ExtractData, ExtractHeader, ExtractSpec, SummaryValue
from loggutdrag.domain.workdays import next_working_day, not_a_working_day_reason
from loggutdrag.extracts.builders import build_extract
from loggutdrag.extracts.builders.billing_summary import ProviderCount, build_billing_summary
from loggutdrag.extracts.render import MEDIA_TYPES, ExtractFormat, render
from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import BadInputError, NotAllowedError, NotFoundError
from loggutdrag.services.extracts import file_stem, zone_of
from loggutdrag.store import documents_repo, extract_queries

BILLING_REQUESTER = "Månatligt underlag för fakturering (faktureringskörning)"


@dataclass(frozen=True)
class ProviderBilling:
    provider: str
    provider_name: str
    as_of: date
    total: int
    trygghetslarm: int
    akutlarm: int
    billable: int
    files: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "provider": self.provider,
            "provider_name": self.provider_name,
            "as_of": self.as_of.isoformat(),
            "total": self.total,
            "trygghetslarm": self.trygghetslarm,
            "akutlarm": self.akutlarm,
            "billable": self.billable,
            "files": list(self.files),
        }


@dataclass(frozen=True)
class BillingRun:
    as_of: date
    providers: list[ProviderBilling]
    summary_files: tuple[str, ...] = field(default=())

    @property
    def total(self) -> int:
        return sum(p.total for p in self.providers)

    @property
    def akutlarm(self) -> int:
        return sum(p.akutlarm for p in self.providers)

    @property
    def billable(self) -> int:
        return sum(p.billable for p in self.providers)


def _count(summary: dict[str, SummaryValue], key: str) -> int:
    value = summary.get(key)
    return value if isinstance(value, int) else 0


def first_working_day_of_month(day: date) -> date:
    return next_working_day(day.replace(day=1))


def is_first_working_day_of_month(day: date) -> bool:
    return day == first_working_day_of_month(day)


def check_as_of(day: date) -> None:
    """R3: a date asked for must be a holiday-free weekday."""
    reason = not_a_working_day_reason(day)
    if reason:
        raise BadInputError(f"datumet måste vara en helgfri vardag (R3): {reason}", field="date")


def run_billing(
    ctx: AppContext,
    actor: Actor,
    *,
    provider_code: str | None = None,
    as_of: date | None = None,
    out_dir: Path | None = None,
    formats: tuple[ExtractFormat, ...] = (ExtractFormat.PDF,),
) -> BillingRun:
    """Count (and with ``out_dir`` write) every provider's active alarm customers as of a date."""
    if not actor.is_officer:
        raise NotAllowedError("Bara välfärdsteknikteamet kör faktureringsunderlaget.")
    tz = zone_of(ctx)
    now = ctx.clock()
    if as_of is None:
        as_of = now.astimezone(tz).date()
    else:
        check_as_of(as_of)
    header = ExtractHeader(
        produced_at=now.astimezone(tz), produced_by=actor.username, requester=BILLING_REQUESTER
    )
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    lines: list[ProviderBilling] = []
    with ctx.uow() as uow:
        connection = uow.connection
        if provider_code is not None:
            found = extract_queries.find_provider(connection, provider_code)
            if found is None:
                raise NotFoundError(f"Utföraren {provider_code} finns inte.", field="provider")
            providers = [found]
        else:
            providers = extract_queries.all_providers(connection)
        for provider in providers:
            spec = ExtractSpec(
                ExtractKind.ACTIVE_ALARM_CUSTOMERS, Scope.PROVIDER, provider.code, as_of=as_of
            )
            data = build_extract(connection, spec, header, tz)
            files: tuple[str, ...] = ()
            if out_dir is not None:
                files = _write_provider_files(
                    ctx,
                    actor,
                    connection=connection,
                    data=data,
                    out_dir=out_dir,
                    formats=formats,
                )
            summary = data.summary
            lines.append(
                ProviderBilling(
                    provider=provider.code,
                    provider_name=provider.name,
                    as_of=as_of,
                    total=_count(summary, "total"),
                    trygghetslarm=_count(summary, "trygghetslarm"),
                    akutlarm=_count(summary, "akutlarm"),
                    billable=_count(summary, "billable"),
                    files=files,
                )
            )
        summary_files: tuple[str, ...] = ()
        if out_dir is not None:
            summary_data = build_billing_summary(
                [
                    ProviderCount(
                        p.provider,
                        p.provider_name,
                        p.total,
                        p.trygghetslarm,
                        p.akutlarm,
                        p.billable,
                    )
                    for p in lines
                ],
                as_of,
                header,
            )
            summary_files = _write_summary_files(ctx, actor, connection, summary_data, out_dir)
        record(
            connection,
            AuditEntry(
                at=now,
                actor=actor.username,
                action=AuditAction.BILLING_RUN,
                details={
                    "as_of": as_of.isoformat(),
                    "providers": [p.provider for p in lines],
                    "total": sum(p.total for p in lines),
                    "akutlarm": sum(p.akutlarm for p in lines),
                    "billable": sum(p.billable for p in lines),
                    "files_written": out_dir is not None,
                },
            ),
        )
        uow.commit()
    return BillingRun(as_of, lines, summary_files)


def _write_provider_files(
    ctx: AppContext,
    actor: Actor,
    *,
    connection: Connection,
    data: ExtractData,
    out_dir: Path,
    formats: tuple[ExtractFormat, ...],
) -> tuple[str, ...]:
    code = data.subject.get("code", "utforare")
    stem = file_stem(code, "aktiva_larmkunder", f"_{data.period.start.isoformat()}")
    written: list[str] = []
    for fmt in formats:
        content = render(data, fmt)
        path = out_dir / f"{stem}.{fmt}"
        path.write_bytes(content)
        written.append(str(path))
        document = documents_repo.add_document(
            connection,
            case_id=None,
            kind=DocumentKind.EXTRACT,
            filename=path.name,
            media_type=MEDIA_TYPES[fmt],
            content=content,
            created_at=ctx.clock(),
            created_by=actor.username,
        )
        record(
            connection,
            AuditEntry(
                at=ctx.clock(),
                actor=actor.username,
                action=AuditAction.EXTRACT_PRODUCED,
                details={
                    "kind": str(ExtractKind.ACTIVE_ALARM_CUSTOMERS),
                    "scope": str(Scope.PROVIDER),
                    "provider": code,
                    "as_of": data.period.start.isoformat(),
                    "persons": data.summary.get("trygghetslarm"),
                    "rows": len(data.rows),
                    "format": str(fmt),
                    "document_id": document.id,
                    "sha256": document.sha256,
                    "billing_run": True,
                },
            ),
        )
    return tuple(written)


def _write_summary_files(
    ctx: AppContext, actor: Actor, connection: Connection, data: ExtractData, out_dir: Path
) -> tuple[str, ...]:
    stem = f"sammanstallning_aktiva_larmkunder_{data.period.start.isoformat()}"
    written: list[str] = []
    for fmt in (ExtractFormat.PDF, ExtractFormat.CSV, ExtractFormat.JSON):
        content = render(data, fmt)
        path = out_dir / f"{stem}.{fmt}"
        path.write_bytes(content)
        written.append(str(path))
        documents_repo.add_document(
            connection,
            case_id=None,
            kind=DocumentKind.BILLING_SUMMARY,
            filename=path.name,
            media_type=MEDIA_TYPES[fmt],
            content=content,
            created_at=ctx.clock(),
            created_by=actor.username,
            confidential=False,
        )
    return tuple(written)
