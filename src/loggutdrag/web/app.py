"""The FastAPI application: JSON API under /api, Swedish pages elsewhere."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from loggutdrag import __version__
from loggutdrag.config import Settings
from loggutdrag.services.context import AppContext, build_context
from loggutdrag.services.errors import ServiceError
from loggutdrag.web.ui import pages
from loggutdrag.web.ui.templating import STATIC_DIR

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",  # pages and API answers carry personal data
}


def create_app(settings: Settings, ctx: AppContext | None = None) -> FastAPI:
    app = FastAPI(
        title="loggutdrag",
        version=__version__,
        description="Loggutdrag från välfärdsteknik: begäran, import, framtagning och leverans.",
    )
    app.state.ctx = ctx or build_context(settings)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(ServiceError)
    async def service_error(_request: Request, error: ServiceError) -> JSONResponse:
        body = {"detail": error.message_sv, "field": error.field}
        return JSONResponse(status_code=error.http_status, content=body)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(pages.router)
    return app
