"""Stored files of a case: who may see them, listing and downloading (every download audited, R14).

Officers see every file. A provider's manager sees the files delivered on the provider's own cases;
its other staff only those of cases they registered themselves, and never a staff member's lock log
(R6). Anything else answers "not found", so a file's existence is not revealed.
"""

from __future__ import annotations

from loggutdrag.audit.trail import record
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.audit import AuditAction, AuditEntry
from loggutdrag.domain.case import Case
from loggutdrag.domain.enums import Scope, UserRole
from loggutdrag.services.cases import load_case
from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import NotAllowedError, NotFoundError
from loggutdrag.store import documents_repo
from loggutdrag.store.documents_repo import DocumentInfo


def may_see_document(actor: Actor, case: Case, delivered_ids: set[int], document_id: int) -> bool:
    """Officers see every file. A provider's manager sees the files delivered on the provider's
    own cases; its other staff only those of cases they registered themselves, and never a staff
    member's lock log (R6)."""
    if actor.is_officer:
        return True
    if not (
        actor.is_provider
        and actor.provider_code is not None
        and case.provider_code == actor.provider_code
        and document_id in delivered_ids
    ):
        return False
    if actor.role is UserRole.PROVIDER_MANAGER:
        return True
    return case.created_by == actor.username and case.scope != Scope.STAFF


def case_documents(ctx: AppContext, actor: Actor, case_reference: str | int) -> list[DocumentInfo]:
    """The case's files this actor may see (a provider: those delivered to it)."""
    with ctx.engine.connect() as connection:
        case = load_case(connection, str(case_reference))
        documents = documents_repo.documents_of_case(connection, case.id)
        delivered = {d.document_id for d in documents_repo.deliveries_of_case(connection, case.id)}
    if not actor.is_officer and not (
        actor.is_provider and actor.provider_code == case.provider_code
    ):
        raise NotAllowedError("Du har inte behörighet till det här ärendet.", field="case")
    return [doc for doc in documents if may_see_document(actor, case, delivered, doc.id)]


def download_document(
    ctx: AppContext, actor: Actor, document_id: int
) -> tuple[DocumentInfo, bytes]:
    """A stored file; only for those who may see it; every download is audited (R14)."""
    with ctx.uow() as uow:
        connection = uow.connection
        document = documents_repo.get_document(connection, document_id)
        if document is None:
            raise NotFoundError("Filen finns inte.", field="document")
        case: Case | None = None
        delivered: set[int] = set()
        if document.case_id is not None:
            case = load_case(connection, str(document.case_id))
            delivered = {
                d.document_id for d in documents_repo.deliveries_of_case(connection, case.id)
            }
        allowed = actor.is_officer or (
            case is not None and may_see_document(actor, case, delivered, document.id)
        )
        if not allowed:
            # The same answer as for a file that does not exist: do not reveal that it does.
            raise NotFoundError("Filen finns inte.", field="document")
        content = documents_repo.document_content(connection, document.id) or b""
        record(
            connection,
            AuditEntry(
                at=ctx.clock(),
                actor=actor.username,
                action=AuditAction.EXTRACT_DOWNLOADED,
                case_id=document.case_id,
                recipient_id=case.recipient_id if case else None,
                staff_id=case.staff_id if case else None,
                details={
                    "document_id": document.id,
                    "kind": document.kind,
                    "filename": document.filename,
                    "sha256": document.sha256,
                },
            ),
        )
        uow.commit()
    return document, content
