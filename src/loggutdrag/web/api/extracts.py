"""JSON API for extracts, their files, delivery and the billing run (the CLI's equivalents).

``POST /api/cases/{case}/extracts`` produces and stores an extract; ``GET
/api/cases/{case}/extract`` previews it (JSON, nothing stored); ``GET /api/cases/{case}/documents``
lists the files this user may see and ``GET /api/documents/{id}`` downloads one (a provider only
its own delivered files); ``POST /api/cases/{case}/deliveries`` delivers; ``GET
/api/cases/{case}/consent-form`` gives the pre-filled consent form; ``POST /api/billing`` runs the
billing count. Every production, view, download and delivery is in the audit trail.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, Field

from loggutdrag.domain.actor import Actor
from loggutdrag.extracts.render import ExtractFormat
from loggutdrag.extracts.render.json import extract_as_dict
from loggutdrag.services import billing, delivery, delivery_papers, extract_files, extracts
from loggutdrag.services.context import AppContext
from loggutdrag.store.documents_repo import DocumentInfo
from loggutdrag.web.deps import get_actor, get_ctx

router = APIRouter(prefix="/api", tags=["loggutdrag och leverans"])

ActorDep = Annotated[Actor, Depends(get_actor)]
CtxDep = Annotated[AppContext, Depends(get_ctx)]


class ProduceIn(BaseModel):
    format: ExtractFormat = Field(ExtractFormat.PDF, description="pdf, xlsx, csv eller json.")


class DeliverIn(BaseModel):
    method: str = Field(
        description="service_desk, in_person eller registered_mail (även med bindestreck).",
        examples=["service_desk"],
    )
    receiver: str | None = Field(None, description="Vem som tar emot utdraget personligen.")


class BillingIn(BaseModel):
    provider: str | None = Field(None, description="En utförares kod; annars alla.")
    date: dt.date | None = Field(None, description="Per datum, en helgfri vardag (R3).")


def _document_json(document: DocumentInfo) -> dict[str, Any]:
    return {
        "id": document.id,
        "case_id": document.case_id,
        "kind": document.kind,
        "filename": document.filename,
        "media_type": document.media_type,
        "size": document.size,
        "sha256": document.sha256,
        "created_at": document.created_at.isoformat(),
        "created_by": document.created_by,
        "url": f"/api/documents/{document.id}",
    }


def _attachment(content: bytes, media_type: str, filename: str) -> Response:
    return Response(
        content,
        media_type=media_type,
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"},
    )


@router.post("/cases/{case}/extracts", status_code=201, summary="Ta fram och lagra loggutdraget")
def produce(
    case: str, actor: ActorDep, ctx: CtxDep, body: ProduceIn | None = None
) -> dict[str, Any]:
    chosen = body.format if body is not None else ExtractFormat.PDF
    produced = extracts.produce_extract(ctx, actor, case, chosen)
    return {
        "case_id": produced.case_id,
        "diary_number": produced.diary_number,
        "rows": produced.rows,
        "summary": produced.summary,
        "document": _document_json(produced.document),
    }


@router.get("/cases/{case}/extract", summary="Förhandsgranska loggutdraget (JSON, lagras inte)")
def preview(case: str, actor: ActorDep, ctx: CtxDep) -> dict[str, Any]:
    return extract_as_dict(extracts.preview_extract(ctx, actor, case))


@router.get("/cases/{case}/documents", summary="Ärendets filer som du får se")
def documents(case: str, actor: ActorDep, ctx: CtxDep) -> list[dict[str, Any]]:
    return [_document_json(doc) for doc in extract_files.case_documents(ctx, actor, case)]


@router.get("/documents/{document_id}", summary="Hämta en fil (granskningsloggas)")
def download(document_id: int, actor: ActorDep, ctx: CtxDep) -> Response:
    document, content = extract_files.download_document(ctx, actor, document_id)
    return _attachment(content, document.media_type, document.filename)


@router.post("/cases/{case}/deliveries", status_code=201, summary="Leverera loggutdraget")
def deliver(case: str, body: DeliverIn, actor: ActorDep, ctx: CtxDep) -> dict[str, Any]:
    method = delivery.parse_method(body.method)
    result = delivery.deliver(ctx, actor, case, method, receiver=body.receiver)
    data = result.to_json()
    data["documents"] = [_document_json(doc) for doc, _ in result.papers]
    return data


@router.get("/cases/{case}/consent-form", summary="Förifylld samtyckesblankett (PDF)")
def consent_form(case: str, actor: ActorDep, ctx: CtxDep) -> Response:
    document, content = delivery_papers.consent_form(ctx, actor, case)
    return _attachment(content, document.media_type, document.filename)


@router.get("/dispatch-list", summary="Utskickslista för rekommenderade brev (PDF)")
def dispatch_list(
    actor: ActorDep, ctx: CtxDep, day: Annotated[dt.date | None, Query(alias="date")] = None
) -> Response:
    chosen = day or extracts.as_of_today(ctx)
    content = delivery_papers.dispatch_list(ctx, actor, chosen)
    return _attachment(content, "application/pdf", f"utskickslista_{chosen.isoformat()}.pdf")


@router.post("/billing", summary="Aktiva larmkunder per utförare (underlag för fakturering)")
def run_billing(body: BillingIn, actor: ActorDep, ctx: CtxDep) -> list[dict[str, Any]]:
    run = billing.run_billing(ctx, actor, provider_code=body.provider, as_of=body.date)
    return [line.to_json() for line in run.providers]
