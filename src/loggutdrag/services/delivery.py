"""Use cases of delivery (R7, R9): hand the produced extract over the way the rules say.

- service desk: the file is attached to the case for the requesting provider to download (own
  cases only), and a notice (webhook and/or e-mail, no personal data) says it is there;
- in person: a receipt (kvittens) to sign;
- registered mail: a cover letter to the addressee and a line on the mail desk's dispatch list.

Each delivery is recorded with who, when, how and the file's SHA-256, the case becomes
``delivered`` and the audit trail says whose data went where (R14).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy import Connection

from loggutdrag.audit.trail import record
from loggutdrag.delivery import documents as papers
from loggutdrag.delivery.notify import Notice, send_email, send_webhook
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.audit import AuditAction, AuditEntry
from loggutdrag.domain.case import Case
from loggutdrag.domain.delivery_rules import ALLOWED_METHODS
from loggutdrag.domain.enums import CaseStatus, DeliveryMethod, DocumentKind, RequesterCategory
from loggutdrag.domain.extract import KIND_TITLES
from loggutdrag.domain.localtime import format_local
from loggutdrag.domain.request import Request
from loggutdrag.domain.request_json import parse_request
from loggutdrag.extracts.render import ExtractFormat
from loggutdrag.services.cases import (
    CaseStateError,
    apply_transition,
    load_case,
)
from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import (
    BadInputError,
    IncompleteRequestError,
    NotAllowedError,
)
from loggutdrag.services.extracts import file_stem, produce_extract, subject_line, zone_of
from loggutdrag.store import documents_repo, extract_queries
from loggutdrag.store.documents_repo import DocumentInfo

METHOD_SV = {
    DeliveryMethod.SERVICE_DESK: "bifogad fil i ärendet i Lindesk (servicedesk)",
    DeliveryMethod.IN_PERSON: "personligen mot kvittens",
    DeliveryMethod.REGISTERED_MAIL: "rekommenderat brev via administratören",
}


def parse_method(text: str) -> DeliveryMethod:
    """``service-desk`` (the CLI's spelling) or ``service_desk``."""
    try:
        return DeliveryMethod(text.strip().lower().replace("-", "_"))
    except ValueError:
        raise BadInputError(
            f"leveranssättet {text!r} finns inte; välj service-desk, in-person eller "
            "registered-mail",
            field="method",
        ) from None


@dataclass(frozen=True)
class DeliveryResult:
    case_id: int
    diary_number: str
    method: DeliveryMethod
    delivery_id: int
    delivered_by: str
    delivered_at: str
    sha256: str
    extract: DocumentInfo
    papers: list[tuple[DocumentInfo, bytes]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # Swedish, one line per notice

    def to_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "diary_number": self.diary_number,
            "method": str(self.method),
            "delivery_id": self.delivery_id,
            "delivered_at": self.delivered_at,
            "delivered_by": self.delivered_by,
            "sha256": self.sha256,
            "document": {"id": self.extract.id, "filename": self.extract.filename},
            "documents": [
                {"id": doc.id, "kind": doc.kind, "filename": doc.filename, "sha256": doc.sha256}
                for doc, _ in self.papers
            ],
            "notices": self.notices,
            "status": str(CaseStatus.DELIVERED),
        }


def check_method(request: Request, method: DeliveryMethod) -> None:
    """R7: who asks decides how the extract is delivered."""
    category = request.requester.category
    allowed = ALLOWED_METHODS.get(category) if category is not None else None
    if allowed is not None and method not in allowed:
        choices = " eller ".join(METHOD_SV[m] for m in sorted(allowed))
        raise NotAllowedError(
            f"R7: när begäran kommer från {_category_sv(category)} lämnas loggutdraget ut som "
            f"{choices}, inte som {METHOD_SV[method]}.",
            field="method",
        )


def _category_sv(category: RequesterCategory | None) -> str:
    return (
        {
            RequesterCategory.PROVIDER: "en utförare",
            RequesterCategory.RECIPIENT: "brukaren själv",
            RequesterCategory.THIRD_PARTY: "en annan person",
        }.get(category, "okänd")
        if category
        else "okänd"
    )


def deliver(
    ctx: AppContext,
    actor: Actor,
    case_reference: str | int,
    method: DeliveryMethod,
    *,
    receiver: str | None = None,
    http_client: httpx.Client | None = None,
) -> DeliveryResult:
    """Deliver the case's latest extract by ``method`` (a PDF is produced first if none is)."""
    if not actor.is_officer:
        raise NotAllowedError("Bara välfärdsteknikteamet levererar loggutdrag.", field="case")
    with ctx.engine.connect() as connection:
        case = load_case(connection, str(case_reference))
        request = parse_request(case.request, timezone=ctx.settings.timezone)
    check_method(request, method)
    if case.status is CaseStatus.READY:
        produce_extract(ctx, actor, case.id, ExtractFormat.PDF)
    tz = zone_of(ctx)
    with ctx.uow() as uow:
        connection = uow.connection
        case = load_case(connection, str(case.id), for_update=True)
        if case.status is not CaseStatus.EXTRACT_PRODUCED:
            raise CaseStateError(
                f"Ärende {case.diary_number} kan inte levereras nu (status {case.status}); "
                "ta fram loggutdraget först.",
                field="case",
            )
        extract = documents_repo.latest_document(connection, case.id, DocumentKind.EXTRACT)
        if extract is None:  # cannot happen after produce_extract; kept as a plain error
            raise CaseStateError("Inget loggutdrag finns i ärendet.", field="case")
        now = ctx.clock()
        handed = papers.DeliveredExtract(
            diary_number=case.diary_number,
            title=KIND_TITLES.get(request.kind, "Loggutdrag") if request.kind else "Loggutdrag",
            period=period_text(request),
            subject=subject_line(request),
            filename=extract.filename,
            sha256=extract.sha256,
            size=extract.size,
        )
        made: list[tuple[DocumentInfo, bytes]] = []
        addressee: dict[str, Any]
        if method is DeliveryMethod.SERVICE_DESK:
            addressee = {"provider": case.provider_code, "channel": "service_desk"}
        elif method is DeliveryMethod.IN_PERSON:
            name = receiver or _receiver_name(request)
            addressee = {"name": name}
            content = papers.receipt_pdf(
                handed,
                receiver=name,
                handed_over_by=actor.username,
                when=format_local(now.astimezone(tz), seconds=False),
            )
            made.append(
                store_paper(
                    connection,
                    case,
                    kind=DocumentKind.RECEIPT,
                    name="kvittens",
                    content=content,
                    ctx=ctx,
                    actor=actor,
                )
            )
        else:
            to = _postal_address(connection, request, case)
            addressee = {
                "name": to.name,
                "street": to.street,
                "postcode": to.postcode,
                "city": to.city,
            }
            day = now.astimezone(tz).date()
            letter = papers.cover_letter_pdf(handed, to, officer=actor.username, day=day)
            made.append(
                store_paper(
                    connection,
                    case,
                    kind=DocumentKind.COVER_LETTER,
                    name="foljebrev",
                    content=letter,
                    ctx=ctx,
                    actor=actor,
                )
            )
            listing = papers.dispatch_list_pdf(
                [papers.DispatchItem(case.diary_number, to, "Loggutdrag, följebrev")],
                day=day,
                prepared_by=actor.username,
            )
            made.append(
                store_paper(
                    connection,
                    case,
                    kind=DocumentKind.DISPATCH_LIST,
                    name="utskickslista",
                    content=listing,
                    ctx=ctx,
                    actor=actor,
                )
            )
        delivery = documents_repo.add_delivery(
            connection,
            case_id=case.id,
            document_id=extract.id,
            method=str(method),
            delivered_at=now,
            delivered_by=actor.username,
            sha256=extract.sha256,
            addressee=addressee,
        )
        apply_transition(
            connection, ctx, actor, case, to_status=CaseStatus.DELIVERED, reason=METHOD_SV[method]
        )
        record(
            connection,
            AuditEntry(
                at=now,
                actor=actor.username,
                action=AuditAction.EXTRACT_DELIVERED,
                case_id=case.id,
                recipient_id=case.recipient_id,
                staff_id=case.staff_id,
                details={
                    "diary_number": case.diary_number,
                    "method": str(method),
                    "document_id": extract.id,
                    "sha256": extract.sha256,
                    "delivery_id": delivery.id,
                    "papers": [doc.id for doc, _ in made],
                },
            ),
        )
        provider = (
            extract_queries.find_provider(connection, case.provider_code)
            if case.provider_code
            else None
        )
        uow.commit()
    notices: list[str] = []
    if method is DeliveryMethod.SERVICE_DESK:
        notice = Notice(
            case.id,
            case.diary_number,
            case.provider_code,
            handed.title,
            extract.filename,
            extract.sha256,
        )
        notices = _notify(ctx, notice, provider.contact_email if provider else None, http_client)
    return DeliveryResult(
        case_id=case.id,
        diary_number=case.diary_number,
        method=method,
        delivery_id=delivery.id,
        delivered_by=actor.username,
        delivered_at=now.astimezone(tz).isoformat(),
        sha256=extract.sha256,
        extract=extract,
        papers=made,
        notices=notices,
    )


def store_paper(
    connection: Connection,
    case: Case,
    *,
    kind: DocumentKind,
    name: str,
    content: bytes,
    ctx: AppContext,
    actor: Actor,
) -> tuple[DocumentInfo, bytes]:
    document = documents_repo.add_document(
        connection,
        case_id=case.id,
        kind=kind,
        filename=f"{file_stem(case.diary_number, name)}.pdf",
        media_type="application/pdf",
        content=content,
        created_at=ctx.clock(),
        created_by=actor.username,
        diary_number=case.diary_number,
    )
    return document, content


def period_text(request: Request) -> str:
    if request.period.start and request.period.end:
        if request.period.start == request.period.end:
            return request.period.start.isoformat()
        return f"{request.period.start.isoformat()} – {request.period.end.isoformat()}"
    return request.as_of.isoformat() if request.as_of else "–"


def _receiver_name(request: Request) -> str:
    return (
        request.delivery.address.name
        or request.requester.name
        or request.recipient.name
        or "(mottagarens namn)"
    )


def _postal_address(connection: Connection, request: Request, case: Case) -> papers.Addressee:
    """R9: the addressee's details, from the request; a recipient asking about themself may be
    sent to the address the register holds."""
    given = request.delivery.address
    if given.street and given.postcode and given.city:
        name = given.name or request.requester.name or request.recipient.name or ""
        return papers.Addressee(name, given.street, given.postcode, given.city)
    if request.requester.category is RequesterCategory.RECIPIENT and case.recipient_id:
        known = extract_queries.recipient_by_id(connection, case.recipient_id)
        if (
            known
            and known.street
            and known.postcode
            and known.city
            and not known.protected_identity
        ):
            return papers.Addressee(known.name or "", known.street, known.postcode, known.city)
    raise IncompleteRequestError(
        "Adressuppgifter saknas för rekommenderat brev (R9): ange delivery.address med namn, "
        "gatuadress, postnummer och ort.",
        field="delivery.address",
    )


def _notify(
    ctx: AppContext, notice: Notice, email_to: str | None, http_client: httpx.Client | None
) -> list[str]:
    """Send the notices that are configured; a failed notice does not undo the delivery."""
    results: list[str] = []
    settings = ctx.settings
    if settings.notify_webhook_url:
        try:
            status = send_webhook(settings.notify_webhook_url, notice, client=http_client)
            results.append(f"Webhook skickad (HTTP {status}).")
        except httpx.HTTPError as error:
            results.append(f"Webhook kunde inte skickas: {type(error).__name__}.")
    if settings.smtp_host and email_to:
        try:
            send_email(
                settings.smtp_host, settings.smtp_port, settings.smtp_sender, email_to, notice
            )
            results.append("E-post skickad till utförarens kontaktadress.")
        except OSError as error:
            results.append(f"E-post kunde inte skickas: {type(error).__name__}.")
    elif settings.smtp_host:
        results.append("Ingen e-post skickad: utföraren saknar kontaktadress.")
    return results
