"""The officers' workspace: the queue by due date, a case page (verdict, supplement text, produce,
preview, deliver, history), search, and the dashboard. Every view of a case is audited."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from loggutdrag.auth.roles import OFFICE_ROLES
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.enums import CaseStatus, DeliveryMethod, ExtractKind
from loggutdrag.domain.lifecycle import REASON_REQUIRED, STATUS_SV, TRANSITIONS
from loggutdrag.extracts.render import ExtractFormat
from loggutdrag.services import cases, delivery, extracts, worklists
from loggutdrag.services.errors import ServiceError
from loggutdrag.services.worklists import CaseSearch
from loggutdrag.web.deps import get_ctx, require_roles
from loggutdrag.web.ui.charts import arrival_chart, supervision_chart, weeks_chart
from loggutdrag.web.ui.i18n import N_, gettext, translated
from loggutdrag.web.ui.order_form import FIELD_LABELS
from loggutdrag.web.ui.render import KIND_SV, page, today_local

router = APIRouter(include_in_schema=False)
Officer = Annotated[Actor, Depends(require_roles(*OFFICE_ROLES))]

METHOD_SV = {
    DeliveryMethod.SERVICE_DESK: N_("bifogad fil i Lindesk"),
    DeliveryMethod.IN_PERSON: N_("lämnas personligen (mot kvitto)"),
    DeliveryMethod.REGISTERED_MAIL: N_("rekommenderat brev via administratören"),
}
FORMAT_SV = {
    ExtractFormat.PDF: "PDF",
    ExtractFormat.XLSX: "Excel (xlsx)",
    ExtractFormat.CSV: "CSV",
    ExtractFormat.JSON: "JSON",
}
PREVIEW_ROWS = 200


@router.get("/handlaggare", response_class=HTMLResponse)
def queue(request: Request, actor: Officer) -> HTMLResponse:
    lines = worklists.open_queue(get_ctx(request), actor)
    return page(
        request,
        "queue.html",
        gettext("Ärendekö"),
        lines=lines,
        today=today_local(request),
        status_sv=translated(STATUS_SV),
        kind_sv=translated(KIND_SV),
    )


def _case_page(
    request: Request,
    actor: Actor,
    case_id: int,
    *,
    error: str | None = None,
    notice: str | None = None,
    status_code: int = 200,
    preview: Any = None,
    charts: list[Any] | None = None,
) -> HTMLResponse:
    ctx = get_ctx(request)
    case = cases.get_case(ctx, actor, str(case_id))  # audited as a view of the case
    documents = extracts.case_documents(ctx, actor, case.id)
    verdict = case.verdict
    invalid = {item["field"]: item.get("message_sv") for item in verdict.get("invalid", [])}
    missing = [
        (gettext(FIELD_LABELS.get(path, path)), invalid.get(path) or gettext("saknas"))
        for path in verdict.get("missing", [])
    ]
    next_statuses = sorted(TRANSITIONS[case.status] - {CaseStatus.EXTRACT_PRODUCED})
    return page(
        request,
        "officer_case.html",
        gettext("Ärende %(number)s") % {"number": case.diary_number},
        status_code=status_code,
        case=case,
        verdict=verdict,
        missing=missing,
        documents=documents,
        status_sv=translated(STATUS_SV),
        kind_sv=translated(KIND_SV),
        next_statuses=[(s, gettext(STATUS_SV[s]), s in REASON_REQUIRED) for s in next_statuses],
        producible=case.status in (CaseStatus.READY, CaseStatus.EXTRACT_PRODUCED),
        deliverable=case.status is CaseStatus.EXTRACT_PRODUCED,
        formats=translated(FORMAT_SV),
        methods=translated(METHOD_SV),
        suggested_method=verdict.get("delivery"),
        error=error,
        notice=notice,
        preview=preview,
        preview_rows=PREVIEW_ROWS,
        charts=charts or [],
        today=today_local(request),
    )


@router.get("/handlaggare/arenden/{case_id}", response_class=HTMLResponse)
def case_page(request: Request, case_id: int, actor: Officer) -> HTMLResponse:
    notice = gettext("Ärendet är registrerat.") if request.query_params.get("ny") == "1" else None
    return _case_page(request, actor, case_id, notice=notice)


@router.post("/handlaggare/arenden/{case_id}/status", response_class=HTMLResponse)
def change_status(
    request: Request,
    case_id: int,
    actor: Officer,
    status: Annotated[CaseStatus, Form()],
    reason: Annotated[str, Form(max_length=4000)] = "",
) -> Response:
    try:
        cases.transition_case(get_ctx(request), actor, str(case_id), status, reason or None)
    except ServiceError as problem:
        return _case_page(
            request, actor, case_id, error=problem.message_sv, status_code=problem.http_status
        )
    return RedirectResponse(f"/handlaggare/arenden/{case_id}", status_code=303)


@router.post("/handlaggare/arenden/{case_id}/utdrag", response_class=HTMLResponse)
def produce(
    request: Request,
    case_id: int,
    actor: Officer,
    format: Annotated[ExtractFormat, Form()] = ExtractFormat.PDF,
) -> Response:
    try:
        extracts.produce_extract(get_ctx(request), actor, case_id, format)
    except ServiceError as problem:
        return _case_page(
            request, actor, case_id, error=problem.message_sv, status_code=problem.http_status
        )
    return RedirectResponse(f"/handlaggare/arenden/{case_id}", status_code=303)


@router.get("/handlaggare/arenden/{case_id}/forhandsgranska", response_class=HTMLResponse)
def preview(request: Request, case_id: int, actor: Officer) -> HTMLResponse:
    ctx = get_ctx(request)
    try:
        data = extracts.preview_extract(ctx, actor, case_id)  # audited as a view of the extract
    except ServiceError as problem:
        return _case_page(
            request, actor, case_id, error=problem.message_sv, status_code=problem.http_status
        )
    charts = []
    if data.kind is ExtractKind.SUPERVISION_LOG:
        charts.append(supervision_chart(data, ctx.settings.timezone))
    if data.kind is ExtractKind.ESCALATED_ALARM_CALLS:
        charts.append(arrival_chart(data, ctx.settings.timezone))
    return _case_page(
        request, actor, case_id, preview=data, charts=[c for c in charts if c is not None]
    )


@router.post("/handlaggare/arenden/{case_id}/leverera", response_class=HTMLResponse)
def deliver(
    request: Request,
    case_id: int,
    actor: Officer,
    method: Annotated[DeliveryMethod, Form()],
    receiver: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    try:
        delivery.deliver(get_ctx(request), actor, case_id, method, receiver=receiver or None)
    except ServiceError as problem:
        return _case_page(
            request, actor, case_id, error=problem.message_sv, status_code=problem.http_status
        )
    return RedirectResponse(f"/handlaggare/arenden/{case_id}", status_code=303)


@router.get("/handlaggare/sok", response_class=HTMLResponse)
def search_form(request: Request, actor: Officer) -> HTMLResponse:
    return page(
        request,
        "search.html",
        gettext("Sök ärenden"),
        query=CaseSearch(),
        lines=None,
        providers=worklists.providers(get_ctx(request)),
        status_sv=translated(STATUS_SV),
        kind_sv=translated(KIND_SV),
        error=None,
    )


@router.post("/handlaggare/sok", response_class=HTMLResponse)
def search(
    request: Request,
    actor: Officer,
    diary_number: Annotated[str, Form(max_length=40)] = "",
    personnummer: Annotated[str, Form(max_length=20)] = "",
    provider: Annotated[str, Form(max_length=40)] = "",
) -> HTMLResponse:
    """A POST form: a personnummer never appears in a URL, a log of URLs or the browser history."""
    ctx = get_ctx(request)
    query = CaseSearch(
        diary_number.strip() or None, personnummer.strip() or None, provider.strip() or None
    )
    error, lines = None, None
    try:
        lines = worklists.search_cases(ctx, actor, query)
    except ServiceError as problem:
        error = problem.message_sv
    return page(
        request,
        "search.html",
        gettext("Sök ärenden"),
        status_code=422 if error else 200,
        query=query,
        lines=lines,
        providers=worklists.providers(ctx),
        status_sv=translated(STATUS_SV),
        kind_sv=translated(KIND_SV),
        error=error,
    )


@router.get("/handlaggare/oversikt", response_class=HTMLResponse)
def dashboard(request: Request, actor: Officer) -> HTMLResponse:
    numbers = worklists.dashboard(get_ctx(request), actor)
    return page(
        request,
        "dashboard.html",
        gettext("Översikt"),
        numbers=numbers,
        chart=weeks_chart(numbers.weeks),
    )
