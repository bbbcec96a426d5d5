"""Optional OpenID Connect sign-in (Authlib); only mounted when the settings name a provider."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from loggutdrag.auth.roles import RoleMappingError, map_claims
from loggutdrag.config import Settings
from loggutdrag.services import users
from loggutdrag.services.errors import ServiceError
from loggutdrag.web.deps import get_ctx, start_session
from loggutdrag.web.ui.auth import home_of
from loggutdrag.web.ui.i18n import gettext
from loggutdrag.web.ui.render import page

CLIENT_NAME = "kommun"


def build_router(settings: Settings) -> APIRouter:
    from authlib.integrations.starlette_client import OAuth, OAuthError

    oauth = OAuth()
    oauth.register(
        name=CLIENT_NAME,
        server_metadata_url=settings.oidc_metadata_url,
        client_id=settings.oidc_client_id,
        client_secret=settings.oidc_client_secret,
        client_kwargs={"scope": "openid profile"},
    )
    router = APIRouter(include_in_schema=False)

    @router.get("/logga-in/oidc")
    async def oidc_start(request: Request) -> Response:
        client = oauth.create_client(CLIENT_NAME)
        redirect_uri = str(request.url_for("oidc_callback"))
        response: Response = await client.authorize_redirect(request, redirect_uri)
        return response

    @router.get("/logga-in/oidc/klar", name="oidc_callback")
    async def oidc_callback(request: Request) -> Response:
        ctx = get_ctx(request)
        client = oauth.create_client(CLIENT_NAME)
        try:
            token: dict[str, Any] = await client.authorize_access_token(request)
            claims = token.get("userinfo") or {}
            identity = map_claims(
                claims,
                mapping=settings.oidc_role_mapping,
                role_claim=settings.oidc_role_claim,
                username_claim=settings.oidc_username_claim,
                provider_claim=settings.oidc_provider_claim,
            )
            signed_in = users.sign_in_identity(ctx, identity)
        except OAuthError:
            return _failed(
                request, gettext("Inloggningen hos identitetsleverantören misslyckades.")
            )
        except RoleMappingError as error:
            return _failed(request, _refused(error.message_sv))
        except ServiceError as error:
            return _failed(request, _refused(error.message_sv))
        start_session(request, signed_in.user_id)
        return RedirectResponse(home_of(signed_in.actor), status_code=303)

    return router


def _refused(reason: str) -> str:
    return gettext("Inloggningen nekades: %(reason)s.") % {"reason": reason}


def _failed(request: Request, message: str) -> Response:
    return page(
        request,
        "login.html",
        gettext("Logga in"),
        status_code=401,
        error=message,
        oidc_enabled=True,
    )
