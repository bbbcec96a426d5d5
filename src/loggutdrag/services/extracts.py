"""Use cases of extracts: produce one for a case, look at it, download a stored file.

Producing builds the extract from the case's request (contract 2), renders it, stores the file as a
document with its SHA-256, moves the case to ``extract_produced`` and records it in the audit trail
with whose data it was (R14).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from loggutdrag.audit.trail import record
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.audit import AuditAction, AuditEntry
from loggutdrag.domain.case import Case
from loggutdrag.domain.enums import (
    CaseStatus,
    DocumentKind,
    ExtractKind,
    RequesterCategory,
    RequesterRole,
    Scope,
)
from loggutdrag.domain.extract import ExtractData, ExtractHeader, ExtractSpec, Period
from loggutdrag.domain.lifecycle import STATUS_SV
from loggutdrag.domain.request import Request
from loggutdrag.domain.request_json import RequestFormatError, parse_request
from loggutdrag.extracts.builders import SpecError, build_extract
from loggutdrag.extracts.render import MEDIA_TYPES, ExtractFormat, render
from loggutdrag.services.cases import CaseStateError, apply_transition, load_case
from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import (
    BadInputError,
    IncompleteRequestError,
    NotAllowedError,
)
from loggutdrag.services.extract_files import (  # re-exported: the web pages use them from here
    case_documents,
    download_document,
    may_see_document,
)
from loggutdrag.store import documents_repo
from loggutdrag.store.documents_repo import DocumentInfo

CATEGORY_SV = {
    RequesterCategory.PROVIDER: "utförare",
    RequesterCategory.RECIPIENT: "brukaren själv",
    RequesterCategory.THIRD_PARTY: "annan person",
}
ROLE_SV = {RequesterRole.MANAGER: "verksamhetschef/ansvarig", RequesterRole.STAFF: "personal"}


@dataclass(frozen=True)
class ProducedExtract:
    case_id: int
    diary_number: str
    format: ExtractFormat
    document: DocumentInfo
    content: bytes
    rows: int
    summary: dict[str, Any]


def zone_of(ctx: AppContext) -> ZoneInfo:
    return ZoneInfo(ctx.settings.timezone)


def parse_format(text: str) -> ExtractFormat:
    try:
        return ExtractFormat(text.strip().lower())
    except ValueError:
        raise BadInputError(
            f"formatet {text!r} finns inte; välj pdf, xlsx, csv eller json", field="format"
        ) from None


def spec_from_request(request: Request) -> ExtractSpec:
    """The logs a request selects (its kind, scope, subject and period)."""
    scope = request.effective_scope
    if request.kind is None or scope is None:
        raise SpecError("kind", "typen av loggutdrag eller dess omfattning saknas")
    period = None
    if request.period.start is not None and request.period.end is not None:
        if request.period.start > request.period.end:
            raise SpecError("period", "periodens start är efter dess slut")
        period = Period(request.period.start, request.period.end)
    identity = request.recipient.identity
    return ExtractSpec(
        kind=request.kind,
        scope=scope,
        provider_code=request.provider,
        period=period,
        as_of=request.as_of,
        recipient_personnummer=identity.long if identity else request.recipient.personnummer,
        recipient_name=request.recipient.name,
        staff_username=request.staff.username,
        staff_name=request.staff.name,
        camera_serial=request.camera_serial,
    )


def requester_text(request: Request) -> str:
    """Who asked, as one Swedish line for the extract's header."""
    who = request.requester
    parts = [who.name or "", who.organisation or request.provider or ""]
    text = ", ".join(part for part in parts if part)
    details = [CATEGORY_SV[who.category]] if who.category else []
    if who.role:
        details.append(ROLE_SV[who.role])
    if details:
        text = f"{text} ({', '.join(details)})" if text else ", ".join(details)
    return text or "–"


def subject_line(request: Request) -> str:
    """Whose logs the request is about, as one Swedish line."""
    scope = request.effective_scope
    if scope is Scope.STAFF:
        return f"Personal: {request.staff.name or ''} ({request.staff.username or ''})".strip()
    if scope is Scope.RECIPIENT:
        identity = request.recipient.identity
        number = identity.display if identity else (request.recipient.personnummer or "")
        text = f"Brukare: {request.recipient.name or ''} ({number})"
        if request.camera_serial:
            text += f", kamera {request.camera_serial}"
        return text
    return f"Utförare: {request.provider or ''}"


def file_stem(diary_number: str | None, kind: ExtractKind | str, suffix: str = "") -> str:
    """An ASCII file name: ``VAN-2026-001_lock_log``."""
    base = diary_number or "loggutdrag"
    ascii_text = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-") or "loggutdrag"
    return f"{slug}_{kind}{suffix}"


def build_for_case(
    connection: Connection, ctx: AppContext, actor: Actor, case: Case
) -> ExtractData:
    """Build (not store) the extract a case's request asks for."""
    try:
        request = parse_request(case.request, timezone=ctx.settings.timezone)
        spec = spec_from_request(request)
    except (RequestFormatError, SpecError) as error:
        raise IncompleteRequestError(
            f"Ärendets begäran räcker inte för ett utdrag: {error.message_sv}", field=error.field
        ) from None
    tz = zone_of(ctx)
    header = ExtractHeader(
        produced_at=ctx.clock().astimezone(tz),
        produced_by=actor.username,
        diary_number=case.diary_number,
        requester=requester_text(request),
        reason=request.reason,
    )
    try:
        return build_extract(connection, spec, header, tz)
    except SpecError as error:
        raise IncompleteRequestError(
            f"Ärendets begäran räcker inte för ett utdrag: {error.message_sv}", field=error.field
        ) from None


PRODUCIBLE = frozenset({CaseStatus.READY, CaseStatus.EXTRACT_PRODUCED})
REPRODUCIBLE = frozenset({CaseStatus.DELIVERED, CaseStatus.CLOSED})


def check_producible(case: Case) -> None:
    """An extract is produced for a ready case (again before delivery; a copy after it)."""
    if case.status in PRODUCIBLE or case.status in REPRODUCIBLE:
        return
    if case.status in (CaseStatus.RECEIVED, CaseStatus.AWAITING_SUPPLEMENT):
        missing = ", ".join(case.verdict.get("missing") or []) or "se beslutet"
        raise IncompleteRequestError(
            f"Ärende {case.diary_number} är inte komplett ({missing}); "
            "inget loggutdrag tas fram förrän begäran har kompletterats.",
            field="case",
        )
    if case.status is CaseStatus.REFUSED:
        raise NotAllowedError(
            f"Ärende {case.diary_number} är avslaget; inget loggutdrag tas fram.", field="case"
        )
    raise CaseStateError(
        f"Ärende {case.diary_number} är {STATUS_SV[case.status]}; inget loggutdrag tas fram.",
        field="case",
    )


def whose_data(case: Case, data: ExtractData) -> dict[str, Any]:
    """Audit details naming whose personal data the extract holds."""
    details: dict[str, Any] = {
        "diary_number": case.diary_number,
        "kind": str(data.kind),
        "scope": str(data.scope),
        "period": data.period.text,
        "rows": len(data.rows),
    }
    if data.scope is Scope.PROVIDER:
        # Many people's data: name the provider and how many persons the extract lists.
        details["provider"] = data.subject.get("code")
        keys = [column.key for column in data.columns]
        if "personnummer" in keys:
            index = keys.index("personnummer")
            details["persons"] = len({row[index] for row in data.rows if row[index]})
    return details


def produce_extract(
    ctx: AppContext, actor: Actor, case_reference: str | int, fmt: ExtractFormat
) -> ProducedExtract:
    """Build, render and store the case's extract; the case becomes ``extract_produced``."""
    if not actor.is_officer:
        raise NotAllowedError("Bara välfärdsteknikteamet tar fram loggutdrag.", field="case")
    with ctx.uow() as uow:
        connection = uow.connection
        case = load_case(connection, str(case_reference), for_update=True)
        check_producible(case)
        data = build_for_case(connection, ctx, actor, case)
        content = render(data, fmt)
        now = ctx.clock()
        document = documents_repo.add_document(
            connection,
            case_id=case.id,
            kind=DocumentKind.EXTRACT,
            filename=f"{file_stem(case.diary_number, data.kind)}.{fmt}",
            media_type=MEDIA_TYPES[fmt],
            content=content,
            created_at=now,
            created_by=actor.username,
            diary_number=case.diary_number,
        )
        if case.status in PRODUCIBLE:
            apply_transition(
                connection, ctx, actor, case, to_status=CaseStatus.EXTRACT_PRODUCED, reason=None
            )
        details = whose_data(case, data)
        details.update(format=str(fmt), document_id=document.id, sha256=document.sha256)
        if case.status in REPRODUCIBLE:
            details["copy_after_delivery"] = True
        record(
            connection,
            AuditEntry(
                at=now,
                actor=actor.username,
                action=AuditAction.EXTRACT_PRODUCED,
                case_id=case.id,
                recipient_id=case.recipient_id,
                staff_id=case.staff_id,
                details=details,
            ),
        )
        uow.commit()
    summary: dict[str, Any] = dict(data.summary)
    return ProducedExtract(
        case.id, case.diary_number, fmt, document, content, len(data.rows), summary
    )


def preview_extract(ctx: AppContext, actor: Actor, case_reference: str | int) -> ExtractData:
    """Build the extract to look at (nothing stored); the viewing is audited."""
    if not actor.is_officer:
        raise NotAllowedError(
            "Bara välfärdsteknikteamet förhandsgranskar loggutdrag.", field="case"
        )
    with ctx.uow() as uow:
        connection = uow.connection
        case = load_case(connection, str(case_reference))
        check_producible(case)
        data = build_for_case(connection, ctx, actor, case)
        record(
            connection,
            AuditEntry(
                at=ctx.clock(),
                actor=actor.username,
                action=AuditAction.EXTRACT_VIEWED,
                case_id=case.id,
                recipient_id=case.recipient_id,
                staff_id=case.staff_id,
                details=whose_data(case, data),
            ),
        )
        uow.commit()
    return data


def as_of_today(ctx: AppContext) -> date:
    return ctx.clock().astimezone(zone_of(ctx)).date()


__all__ = [
    "ProducedExtract",
    "as_of_today",
    "build_for_case",
    "case_documents",
    "download_document",
    "may_see_document",
    "preview_extract",
    "produce_extract",
    "spec_from_request",
]
