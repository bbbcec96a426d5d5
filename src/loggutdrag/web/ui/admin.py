"""The audit page for administrators: who did what, filtered by person, user and case.

Filters come in a POST form, so a personnummer never appears in a URL (nor in a log of URLs).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse

from loggutdrag.domain.actor import Actor
from loggutdrag.domain.enums import UserRole
from loggutdrag.services import audit
from loggutdrag.services.audit import ACTION_LABELS_SV, AuditQuery
from loggutdrag.services.errors import ServiceError
from loggutdrag.web.deps import get_ctx, require_roles
from loggutdrag.web.ui.i18n import gettext, translated
from loggutdrag.web.ui.render import page

router = APIRouter(include_in_schema=False)
AdminOnly = Annotated[Actor, Depends(require_roles(UserRole.ADMIN))]


@router.get("/admin/granskning", response_class=HTMLResponse)
def audit_page(request: Request, actor: AdminOnly) -> HTMLResponse:
    rows = audit.search_trail(get_ctx(request), actor, AuditQuery())
    return page(
        request,
        "admin_audit.html",
        gettext("Granskningslogg"),
        rows=rows,
        labels=translated(ACTION_LABELS_SV),
        query=AuditQuery(),
        error=None,
    )


@router.post("/admin/granskning", response_class=HTMLResponse)
def audit_search(
    request: Request,
    actor: AdminOnly,
    personnummer: Annotated[str, Form(max_length=20)] = "",
    username: Annotated[str, Form(max_length=80)] = "",
    diary_number: Annotated[str, Form(max_length=40)] = "",
) -> HTMLResponse:
    query = AuditQuery(
        personnummer=personnummer.strip() or None,
        username=username.strip() or None,
        diary_number=diary_number.strip() or None,
    )
    error = None
    rows = []
    try:
        rows = audit.search_trail(get_ctx(request), actor, query)
    except ServiceError as problem:
        error = problem.message_sv
    return page(
        request,
        "admin_audit.html",
        gettext("Granskningslogg"),
        status_code=422 if error else 200,
        rows=rows,
        labels=translated(ACTION_LABELS_SV),
        query=query,
        error=error,
        searched=True,
    )


@router.get("/admin/granskning/kontroll", response_class=HTMLResponse)
def audit_verify(request: Request, actor: AdminOnly) -> HTMLResponse:
    report = audit.verify_trail(get_ctx(request))
    return page(
        request, "admin_verify.html", gettext("Kontroll av granskningsloggen"), report=report
    )
