"""The FastAPI application: JSON API under /api, pages (Swedish, English available) elsewhere."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from loggutdrag import __version__
from loggutdrag.auth.lockout import RateLimiter
from loggutdrag.config import Settings
from loggutdrag.services.context import AppContext, build_context
from loggutdrag.services.errors import ServiceError
from loggutdrag.web.api import extracts as extracts_api
from loggutdrag.web.api import imports as imports_api
from loggutdrag.web.api import requests as requests_api
from loggutdrag.web.csrf import SESSION_COOKIE, csrf_protect
from loggutdrag.web.deps import get_actor
from loggutdrag.web.ui import admin, auth, language, officer, pages, provider
from loggutdrag.web.ui import imports as imports_ui
from loggutdrag.web.ui.i18n import N_, gettext
from loggutdrag.web.ui.render import page
from loggutdrag.web.ui.templating import STATIC_DIR

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",  # pages and API answers carry personal data
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}

# Every /api router is included with this: the API answers only a signed-in session.
API_AUTH = [Depends(get_actor)]

_HTML_ERRORS = {
    403: (N_("Ingen behörighet"), N_("Du har inte behörighet till den här sidan eller filen.")),
    404: (N_("Sidan finns inte"), N_("Sidan eller ärendet du söker finns inte.")),
    405: (N_("Det gick inte"), N_("Det går inte att göra så på den här sidan.")),
}


def create_app(settings: Settings, ctx: AppContext | None = None) -> FastAPI:
    app = FastAPI(
        title="loggutdrag",
        version=__version__,
        description="Loggutdrag från välfärdsteknik: begäran, import, framtagning och leverans.",
        dependencies=[Depends(csrf_protect)],
    )
    app.state.ctx = ctx or build_context(settings)
    app.state.login_limiter = RateLimiter(settings.login_attempts_per_minute, 60.0)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    # Signed (itsdangerous), HttpOnly, SameSite=Lax cookie; it expires after the sign-in lifetime.
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie=SESSION_COOKIE,
        max_age=settings.session_max_age_seconds,
        same_site="lax",
        https_only=settings.cookies_secure,
    )
    app.add_middleware(language.LanguageMiddleware)  # the page's language: the `lang` cookie

    @app.exception_handler(ServiceError)
    async def service_error(request: Request, error: ServiceError) -> Response:
        if request.url.path.startswith("/api"):
            body = {"detail": error.message_sv, "field": error.field}
            return JSONResponse(status_code=error.http_status, content=body)
        heading = gettext(_HTML_ERRORS.get(error.http_status, (N_("Det gick inte"), ""))[0])
        return page(
            request,
            "error.html",
            heading,
            status_code=error.http_status,
            heading=heading,
            message=error.message_sv,
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api") or request.url.path.startswith("/static"):
            return JSONResponse(
                {"detail": error.detail}, status_code=error.status_code, headers=error.headers
            )
        if error.status_code == 401:
            target = request.url.path if request.method == "GET" else "/"
            return RedirectResponse(f"/logga-in?next={quote(target)}", status_code=303)
        heading, message = _HTML_ERRORS.get(
            error.status_code, (N_("Det gick inte"), N_("Något gick fel. Försök igen."))
        )
        heading, message = gettext(heading), gettext(message)
        if error.status_code == 403 and isinstance(error.detail, str):
            message = gettext(error.detail)  # the web layer's own texts are in the catalogue
        return page(
            request,
            "error.html",
            heading,
            status_code=error.status_code,
            heading=heading,
            message=message,
        )

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(pages.router)
    app.include_router(language.router)
    app.include_router(auth.router)
    app.include_router(admin.router)
    app.include_router(provider.router)
    app.include_router(officer.router)
    app.include_router(imports_ui.router)
    app.include_router(requests_api.router, dependencies=API_AUTH)
    app.include_router(extracts_api.router, dependencies=API_AUTH)
    app.include_router(imports_api.router, dependencies=API_AUTH)
    if settings.oidc_enabled:
        from loggutdrag.web.ui import oidc

        app.include_router(oidc.build_router(settings))
    return app
