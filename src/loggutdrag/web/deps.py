"""What every route needs: the app context, the signed-in actor, and role checks.

A session (Starlette's signed, HttpOnly, SameSite cookie) holds only the user's id, when they
signed in, and the CSRF token. Each request looks the account up again, so a switched-off account
or a changed role takes effect at once; a session older than ``session_max_age_seconds`` ends.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from fastapi import Depends, HTTPException, Request, status

from loggutdrag.domain.actor import Actor
from loggutdrag.domain.enums import UserRole
from loggutdrag.services import users
from loggutdrag.services.context import AppContext
from loggutdrag.web.ui.i18n import N_

SESSION_USER_ID = "uid"
SESSION_SIGNED_IN_AT = "at"

NOT_SIGNED_IN_SV = N_("Du måste logga in.")
FORBIDDEN_SV = N_("Du har inte behörighet till det här.")


def get_ctx(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


def start_session(request: Request, user_id: int) -> None:
    """A fresh session for a newly signed-in user (never reuse one from before sign-in)."""
    request.session.clear()
    request.session[SESSION_USER_ID] = user_id
    request.session[SESSION_SIGNED_IN_AT] = int(time.time())


def end_session(request: Request) -> None:
    request.session.clear()
    request.state.actor = None


def current_actor(request: Request) -> Actor | None:
    """The signed-in actor, or None; looked up once per request."""
    if "actor" in request.state._state:
        cached: Actor | None = request.state.actor
        return cached
    actor: Actor | None = None
    user_id = request.session.get(SESSION_USER_ID)
    signed_in_at = request.session.get(SESSION_SIGNED_IN_AT)
    if isinstance(user_id, int) and isinstance(signed_in_at, int):
        ctx = get_ctx(request)
        if time.time() - signed_in_at > ctx.settings.session_max_age_seconds:
            request.session.clear()
        else:
            account = users.signed_in_account(ctx, user_id)
            if account is None:
                request.session.clear()
            else:
                actor = account.actor
                request.state.display_name = account.display_name
    request.state.actor = actor
    return actor


def get_actor(request: Request) -> Actor:
    """The signed-in actor; 401 (Swedish message) when nobody is signed in."""
    actor = current_actor(request)
    if actor is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail=NOT_SIGNED_IN_SV)
    return actor


def require_roles(*roles: UserRole) -> Callable[..., Actor]:
    """A dependency that lets only these roles through (403 for others, 401 if not signed in)."""
    allowed = frozenset(roles)

    def dependency(actor: Actor = Depends(get_actor)) -> Actor:  # noqa: B008 - FastAPI idiom
        if actor.role not in allowed:
            raise HTTPException(status.HTTP_403_FORBIDDEN, detail=FORBIDDEN_SV)
        return actor

    dependency.allowed_roles = allowed  # type: ignore[attr-defined]  # read by the route matrix test
    return dependency
