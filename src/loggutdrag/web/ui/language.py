"""The language switch in the header, and the middleware that reads the request's language.

The choice lives in the ``lang`` cookie (never in the URL); without it the pages are Swedish.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse
from starlette.requests import HTTPConnection
from starlette.routing import Match
from starlette.types import ASGIApp, Receive, Scope, Send

from loggutdrag.web.deps import get_ctx
from loggutdrag.web.ui.auth import safe_next
from loggutdrag.web.ui.i18n import LANG_COOKIE, current_language, language_of

ONE_YEAR = 365 * 24 * 3600

router = APIRouter(include_in_schema=False)


class LanguageMiddleware:
    """Put the language of the ``lang`` cookie in :data:`current_language` for the request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        language = language_of(HTTPConnection(scope).cookies.get(LANG_COOKIE))
        token = current_language.set(language)
        try:
            await self.app(scope, receive, send)
        finally:
            current_language.reset(token)


@router.post("/sprak")
def choose_language(
    request: Request,
    lang: Annotated[str, Form(max_length=5)] = "",
    next: Annotated[str, Form(max_length=500)] = "",
) -> RedirectResponse:
    """Remember the chosen language (a cookie, no personal data) and go back to the page."""
    target = safe_next(next) or "/"
    if not _has_page(request, target):
        target = "/"  # e.g. the answer to a form post: its path has no page to go back to
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        LANG_COOKIE,
        language_of(lang),
        max_age=ONE_YEAR,
        httponly=True,
        samesite="lax",
        secure=get_ctx(request).settings.cookies_secure,
    )
    return response


def _has_page(request: Request, target: str) -> bool:
    """Whether ``target`` (a path, maybe with a query) answers a GET in this app."""
    scope = {"type": "http", "method": "GET", "path": target.split("?", 1)[0]}
    return any(route.matches(scope)[0] is Match.FULL for route in request.app.router.routes)
