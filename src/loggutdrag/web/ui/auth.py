"""Sign-in and sign-out pages (local accounts; OpenID Connect lives in web/ui/oidc.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from loggutdrag.auth.roles import OFFICE_ROLES
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.enums import UserRole
from loggutdrag.services import users
from loggutdrag.services.errors import ServiceError
from loggutdrag.web.deps import current_actor, end_session, get_actor, get_ctx, start_session
from loggutdrag.web.ui.i18n import gettext
from loggutdrag.web.ui.render import page

router = APIRouter(include_in_schema=False)


def home_of(actor: Actor) -> str:
    """Where a role starts."""
    if actor.role is UserRole.ADMIN:
        return "/handlaggare"
    if actor.role in OFFICE_ROLES:
        return "/handlaggare"
    return "/utforare"


def safe_next(target: str | None) -> str | None:
    """Only a path on this site (never another host) may follow a sign-in."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    return target


def client_key(request: Request) -> str:
    return request.client.host if request.client else "okänd"


@router.get("/logga-in", response_class=HTMLResponse)
def sign_in_form(request: Request, next: str | None = None) -> Response:
    actor = current_actor(request)
    if actor is not None:
        return RedirectResponse(safe_next(next) or home_of(actor), status_code=303)
    settings = get_ctx(request).settings
    return page(
        request,
        "login.html",
        gettext("Logga in"),
        next=safe_next(next),
        oidc_enabled=settings.oidc_enabled,
    )


@router.post("/logga-in", response_class=HTMLResponse)
def sign_in(
    request: Request,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=500)] = "",
    next: Annotated[str | None, Form()] = None,
) -> Response:
    ctx = get_ctx(request)
    try:
        signed_in = users.sign_in(
            ctx,
            username,
            password,
            client=client_key(request),
            limiter=request.app.state.login_limiter,
        )
    except ServiceError as error:
        return page(
            request,
            "login.html",
            gettext("Logga in"),
            status_code=error.http_status,
            error=error.message_sv,
            username=username[:80],
            next=safe_next(next),
            oidc_enabled=ctx.settings.oidc_enabled,
        )
    start_session(request, signed_in.user_id)
    return RedirectResponse(safe_next(next) or home_of(signed_in.actor), status_code=303)


@router.post("/logga-ut")
def sign_out(request: Request, actor: Annotated[Actor, Depends(get_actor)]) -> Response:
    users.sign_out(get_ctx(request), actor)
    end_session(request)
    return RedirectResponse("/logga-in?utloggad=1", status_code=303)
