"""The provider portal: order an extract (mirroring the service-desk path), follow one's cases,
complete a request that lacks something, and download delivered extracts (own provider only)."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from loggutdrag.auth.roles import ALL_ROLES, REQUESTER_ROLES
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.enums import ExtractKind, UserRole
from loggutdrag.domain.lifecycle import STATUS_SV, SUPPLEMENTABLE
from loggutdrag.services import extracts, worklists
from loggutdrag.services import requests as request_service
from loggutdrag.services.errors import ServiceError
from loggutdrag.web.deps import get_ctx, require_roles
from loggutdrag.web.ui.i18n import N_, gettext, translated
from loggutdrag.web.ui.order_form import (
    FIELD_LABELS,
    FORMS_BY_KIND,
    FORMS_BY_SLUG,
    KIND_FORMS,
    KindForm,
    field_id,
    form_to_request,
    is_full_form,
    request_to_form,
)
from loggutdrag.web.ui.render import KIND_SV, page, today_local

router = APIRouter(include_in_schema=False)
# Anyone signed in may put a request forward (officers register requests that came in by other
# ways); "my cases" is for those who ask.
Orderer = Annotated[Actor, Depends(require_roles(*ALL_ROLES))]
Requester = Annotated[Actor, Depends(require_roles(*REQUESTER_ROLES))]
BREADCRUMB = (N_("Vård, Stöd och Omsorg"), N_("Välfärdsteknik"), N_("Beställ loggutdrag"))


def _kind_form(slug: str) -> KindForm:
    kind_form = FORMS_BY_SLUG.get(slug)
    if kind_form is None:
        raise HTTPException(404)
    return kind_form


def _may_order(actor: Actor, kind_form: KindForm) -> bool:
    return not (kind_form.managers_only and actor.role is UserRole.PROVIDER_STAFF)


def _missing(verdict: dict[str, Any]) -> list[dict[str, str]]:
    invalid = {item["field"]: item.get("message_sv") for item in verdict.get("invalid", [])}
    return [
        {
            "field": path,
            "label": gettext(FIELD_LABELS.get(path, path)),
            "id": field_id(path),
            "problem": invalid.get(path) or gettext("saknas"),
        }
        for path in verdict.get("missing", [])
    ]


def _form_page(
    request: Request,
    actor: Actor,
    kind_form: KindForm,
    *,
    values: dict[str, str],
    verdict: dict[str, Any] | None = None,
    error: str | None = None,
    action: str,
    case: Any = None,
    status_code: int = 200,
) -> HTMLResponse:
    return page(
        request,
        "order_form.html",
        gettext(kind_form.title)
        if case is None
        else gettext("Komplettera %(number)s") % {"number": case.diary_number},
        status_code=status_code,
        kind_form=kind_form,
        breadcrumb=[gettext(item) for item in BREADCRUMB],
        values=values,
        full_form=is_full_form(actor),
        manager=actor.role is not UserRole.PROVIDER_STAFF,
        may_order=_may_order(actor, kind_form),
        missing=None if verdict is None else _missing(verdict),
        verdict=verdict,
        error=error,
        action=action,
        case=case,
        field_id=field_id,
    )


@router.get("/utforare", response_class=HTMLResponse)
def portal(request: Request, actor: Orderer) -> HTMLResponse:
    return page(
        request,
        "portal.html",
        gettext("Beställ loggutdrag"),
        breadcrumb=[gettext(item) for item in BREADCRUMB],
        forms=KIND_FORMS,
        staff=actor.role is UserRole.PROVIDER_STAFF,
    )


@router.get("/utforare/bestall/{slug}", response_class=HTMLResponse)
def order_form(request: Request, slug: str, actor: Orderer) -> HTMLResponse:
    kind_form = _kind_form(slug)
    name = getattr(request.state, "display_name", None) or ""
    return _form_page(
        request,
        actor,
        kind_form,
        values={"requester.name": name},
        action=f"/utforare/bestall/{slug}",
    )


async def _posted(request: Request) -> dict[str, str]:
    form = await request.form()
    return {key: value for key, value in form.items() if isinstance(value, str)}


@router.post("/utforare/bestall/{slug}/kontroll", response_class=HTMLResponse)
async def order_check(request: Request, slug: str, actor: Orderer) -> HTMLResponse:
    """htmx: what is still missing, while the form is being filled in (nothing is stored)."""
    kind_form = _kind_form(slug)
    values = await _posted(request)
    data = form_to_request(kind_form, values, actor, getattr(request.state, "display_name", None))
    try:
        verdict = request_service.check_request(get_ctx(request), actor, data).to_json()
        error = None
    except ServiceError as problem:
        verdict, error = None, problem.message_sv
    return page(
        request,
        "_missing.html",
        kind_form.title,
        missing=None if verdict is None else _missing(verdict),
        verdict=verdict,
        error=error,
    )


@router.post("/utforare/bestall/{slug}", response_class=HTMLResponse)
async def order_submit(request: Request, slug: str, actor: Orderer) -> Response:
    kind_form = _kind_form(slug)
    values = await _posted(request)
    data = form_to_request(kind_form, values, actor, getattr(request.state, "display_name", None))
    try:
        result = request_service.submit_request(get_ctx(request), actor, data)
    except ServiceError as problem:
        return _form_page(
            request,
            actor,
            kind_form,
            values=values,
            error=problem.message_sv,
            action=f"/utforare/bestall/{slug}",
            status_code=problem.http_status,
        )
    target = "/utforare/arenden" if actor.role in REQUESTER_ROLES else "/handlaggare/arenden"
    return RedirectResponse(f"{target}/{result.case_id}?ny=1", status_code=303)


@router.post("/utforare/arenden/{case_id}/komplettera", response_class=HTMLResponse)
async def supplement(request: Request, case_id: int, actor: Requester) -> Response:
    ctx = get_ctx(request)
    case = request_service.get_case(ctx, actor, str(case_id), record_view=False)
    kind_form = FORMS_BY_KIND.get(ExtractKind(case.kind)) if case.kind else None
    if kind_form is None:
        raise HTTPException(404)
    values = await _posted(request)
    data = form_to_request(kind_form, values, actor, getattr(request.state, "display_name", None))
    # Only the fields of the form: a supplement replaces what was given and adds what was missing.
    try:
        request_service.supplement_request(ctx, actor, str(case_id), data)
    except ServiceError as problem:
        return _form_page(
            request,
            actor,
            kind_form,
            values=values,
            error=problem.message_sv,
            action=f"/utforare/arenden/{case_id}/komplettera",
            case=case,
            verdict=case.verdict,
            status_code=problem.http_status,
        )
    return RedirectResponse(f"/utforare/arenden/{case_id}?kompletterad=1", status_code=303)


@router.get("/utforare/arenden", response_class=HTMLResponse)
def my_cases(request: Request, actor: Requester) -> HTMLResponse:
    lines = worklists.my_cases(get_ctx(request), actor)
    return page(
        request,
        "my_cases.html",
        gettext("Mina ärenden"),
        lines=lines,
        status_sv=translated(STATUS_SV),
        kind_sv=translated(KIND_SV),
        today=today_local(request),
    )


@router.get("/utforare/arenden/{case_id}", response_class=HTMLResponse)
def my_case(request: Request, case_id: int, actor: Requester) -> HTMLResponse:
    ctx = get_ctx(request)
    case = request_service.get_case(ctx, actor, str(case_id))  # the view is audited
    documents = extracts.case_documents(ctx, actor, case.id)
    kind_form = FORMS_BY_KIND.get(ExtractKind(case.kind)) if case.kind else None
    show_form = kind_form is not None and case.status in SUPPLEMENTABLE
    return page(
        request,
        "provider_case.html",
        gettext("Ärende %(number)s") % {"number": case.diary_number},
        case=case,
        documents=documents,
        status_sv=translated(STATUS_SV),
        kind_sv=translated(KIND_SV),
        verdict=case.verdict,
        missing=_missing(case.verdict),
        kind_form=kind_form,
        show_form=show_form,
        values=request_to_form(case.request),
        full_form=is_full_form(actor),
        manager=actor.role is not UserRole.PROVIDER_STAFF,
        may_order=True,
        action=f"/utforare/arenden/{case.id}/komplettera",
        field_id=field_id,
        error=None,
        just_created=request.query_params.get("ny") == "1",
        just_supplemented=request.query_params.get("kompletterad") == "1",
    )


@router.get("/filer/{document_id}")
def download(request: Request, document_id: int, actor: Orderer) -> Response:
    """A stored file: officers any, a provider only what was delivered to it (audited)."""
    document, content = extracts.download_document(get_ctx(request), actor, document_id)
    return Response(
        content,
        media_type=document.media_type,
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(document.filename)}"},
    )
