"""CSRF protection for every form and every state-changing request.

A random token lives in the signed, HttpOnly session cookie; each form carries it in a hidden field
(``csrf_token``) and htmx/JSON requests in the ``X-CSRF-Token`` header. A request that changes
something must present the same token. An API request that carries no session cookie at all has no
ambient authority to abuse, so it is left to authentication (which refuses it).
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException, Request, status

from loggutdrag.web.ui.i18n import N_

CSRF_SESSION_KEY = "csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SESSION_COOKIE = "loggutdrag_session"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

CSRF_FAILED_SV = N_(
    "Formuläret har gått ut eller kom inte från Loggutdrag. Ladda om sidan och försök igen."
)


def csrf_token(request: Request) -> str:
    """The session's token, created on first use."""
    token = request.session.get(CSRF_SESSION_KEY)
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        request.session[CSRF_SESSION_KEY] = token
    return token


def new_csrf_token(request: Request) -> str:
    """A fresh token (after sign-in, so a token seen before sign-in is worthless)."""
    token = secrets.token_urlsafe(32)
    request.session[CSRF_SESSION_KEY] = token
    return token


async def csrf_protect(request: Request) -> None:
    """App-wide dependency: refuse an unsafe request without the session's CSRF token."""
    if request.method in SAFE_METHODS:
        return
    if request.url.path.startswith("/api/") and SESSION_COOKIE not in request.cookies:
        return
    expected = request.session.get(CSRF_SESSION_KEY)
    supplied = request.headers.get(CSRF_HEADER)
    if supplied is None and request.headers.get("content-type", "").startswith(FORM_TYPES):
        value = (await request.form()).get(CSRF_FIELD)
        supplied = value if isinstance(value, str) else None
    if (
        not isinstance(expected, str)
        or not expected
        or not supplied
        or not hmac.compare_digest(expected.encode(), supplied.encode())
    ):
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail=CSRF_FAILED_SV)
