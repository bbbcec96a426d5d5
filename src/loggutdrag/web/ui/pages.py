"""The start page: signed-in people go to where their role starts."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from loggutdrag.web.deps import current_actor
from loggutdrag.web.ui.auth import home_of
from loggutdrag.web.ui.render import page

router = APIRouter(include_in_schema=False)


@router.get("/")
def home(request: Request) -> Response:
    actor = current_actor(request)
    if actor is not None:
        return RedirectResponse(home_of(actor), status_code=303)
    return page(request, "home.html", "Loggutdrag")
