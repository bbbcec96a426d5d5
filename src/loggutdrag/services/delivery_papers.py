"""Papers beside a delivery: the pre-filled consent form of a third party's case (R8) and the mail
desk's daily list of registered letters (R9)."""

from __future__ import annotations

from datetime import date

from loggutdrag.audit.trail import record
from loggutdrag.delivery import documents as papers
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.audit import AuditAction, AuditEntry
from loggutdrag.domain.enums import DocumentKind, RequesterCategory
from loggutdrag.domain.extract import KIND_TITLES
from loggutdrag.domain.request_json import parse_request
from loggutdrag.services.cases import authorise_case_access, load_case
from loggutdrag.services.context import AppContext
from loggutdrag.services.delivery import period_text, store_paper
from loggutdrag.services.errors import BadInputError, NotAllowedError
from loggutdrag.services.extracts import zone_of
from loggutdrag.store import documents_repo
from loggutdrag.store.documents_repo import DocumentInfo


def consent_form(
    ctx: AppContext, actor: Actor, case_reference: str | int
) -> tuple[DocumentInfo, bytes]:
    """A pre-filled consent form for a third party's request (R8)."""
    with ctx.uow() as uow:
        connection = uow.connection
        case = load_case(connection, str(case_reference))
        authorise_case_access(actor, case)
        request = parse_request(case.request, timezone=ctx.settings.timezone)
        if request.requester.category is not RequesterCategory.THIRD_PARTY:
            raise BadInputError(
                "Samtyckesblanketten gäller bara när en annan person begär loggutdrag (R8).",
                field="requester.category",
            )
        identity = request.recipient.identity
        holder = (
            "Det underskrivna samtycket diarieförs av diariet, med sekretess och eget "
            "diarienummer (R8)."
            if request.requester.channel is not None
            and str(request.requester.channel) == "administration_representative"
            else "Det underskrivna samtycket inhämtas och arkiveras av utföraren (R8)."
        )
        form = papers.ConsentForm(
            diary_number=case.diary_number,
            recipient_name=request.recipient.name or "",
            recipient_personnummer=identity.display
            if identity
            else (request.recipient.personnummer or ""),
            requester_name=request.requester.name or "",
            requester_relation=request.requester.organisation or "",
            kind_title=KIND_TITLES[request.kind] if request.kind else "",
            period=period_text(request),
            reason=request.reason or "",
            consent_holder=holder,
        )
        content = papers.consent_form_pdf(form)
        document, _ = store_paper(
            connection,
            case,
            kind=DocumentKind.CONSENT_FORM,
            name="samtycke",
            content=content,
            ctx=ctx,
            actor=actor,
        )
        record(
            connection,
            AuditEntry(
                at=ctx.clock(),
                actor=actor.username,
                action=AuditAction.DOCUMENT_CREATED,
                case_id=case.id,
                recipient_id=case.recipient_id,
                details={"kind": str(DocumentKind.CONSENT_FORM), "document_id": document.id},
            ),
        )
        uow.commit()
    return document, content


def dispatch_list(ctx: AppContext, actor: Actor, day: date) -> bytes:
    """The mail desk's list of every registered letter recorded on ``day``."""
    if not actor.is_officer:
        raise NotAllowedError("Bara välfärdsteknikteamet tar fram utskickslistan.")
    with ctx.uow() as uow:
        lines = documents_repo.registered_mail_on(uow.connection, day, zone_of(ctx))
        items = [
            papers.DispatchItem(
                line.diary_number,
                papers.Addressee(
                    str((line.addressee or {}).get("name", "")),
                    str((line.addressee or {}).get("street", "")),
                    str((line.addressee or {}).get("postcode", "")),
                    str((line.addressee or {}).get("city", "")),
                ),
                "Loggutdrag, följebrev",
            )
            for line in lines
        ]
        record(
            uow.connection,
            AuditEntry(
                at=ctx.clock(),
                actor=actor.username,
                action=AuditAction.DOCUMENT_CREATED,
                details={
                    "kind": str(DocumentKind.DISPATCH_LIST),
                    "day": day.isoformat(),
                    "letters": len(items),
                },
            ),
        )
        uow.commit()
    return papers.dispatch_list_pdf(items, day=day, prepared_by=actor.username)
