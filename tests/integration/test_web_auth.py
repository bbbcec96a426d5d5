"""Signing in through the pages: CSRF on every form, a signed HttpOnly session that expires."""

from __future__ import annotations

import time

import pytest
from fastapi import APIRouter, Depends
from fastapi.testclient import TestClient
from sqlalchemy import Engine, update

from factories_web import PASSWORD, csrf_of, make_user, sign_in, web_client
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.enums import UserRole
from loggutdrag.services.context import AppContext
from loggutdrag.store.tables import users
from loggutdrag.web import deps
from loggutdrag.web.app import API_AUTH, create_app


@pytest.fixture
def client(ctx: AppContext, engine: Engine) -> TestClient:
    make_user(engine, "handlaggare", UserRole.OFFICER)
    make_user(engine, "chef.omsorg", UserRole.PROVIDER_MANAGER, "HT01")
    return web_client(ctx)


def test_the_sign_in_form_carries_a_csrf_token_and_security_headers(client: TestClient) -> None:
    response = client.get("/logga-in")
    assert response.status_code == 200
    assert 'name="csrf_token"' in response.text
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"] == "no-store"
    assert '<html lang="sv">' in response.text


def test_a_form_without_its_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/logga-in")
    response = client.post("/logga-in", data={"username": "handlaggare", "password": PASSWORD})
    assert response.status_code == 403
    assert "Formuläret har gått ut" in response.text
    forged = client.post(
        "/logga-in",
        data={"username": "handlaggare", "password": PASSWORD, "csrf_token": "x" * 43},
    )
    assert forged.status_code == 403


def test_signing_in_sets_a_signed_http_only_same_site_cookie_without_personal_data(
    client: TestClient,
) -> None:
    token = csrf_of(client)
    response = client.post(
        "/logga-in",
        data={"username": "handlaggare", "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/handlaggare"
    cookie = response.headers["set-cookie"]
    assert "httponly" in cookie.lower()
    assert "samesite=lax" in cookie.lower()
    assert "Max-Age=28800" in cookie
    assert "handlaggare" not in cookie and PASSWORD not in cookie
    assert csrf_of(client) != token  # a new token after sign-in


def test_a_wrong_password_shows_a_swedish_message(client: TestClient) -> None:
    response = client.post(
        "/logga-in",
        data={"username": "handlaggare", "password": "fel", "csrf_token": csrf_of(client)},
    )
    assert response.status_code == 401
    assert "Fel användarnamn eller lösenord." in response.text


def test_a_provider_starts_in_the_provider_portal(client: TestClient) -> None:
    sign_in(client, "chef.omsorg")
    response = client.get("/", follow_redirects=False)
    assert response.headers["location"] == "/utforare"


def test_sign_in_never_sends_anyone_to_another_site(client: TestClient) -> None:
    response = client.post(
        "/logga-in",
        data={
            "username": "handlaggare",
            "password": PASSWORD,
            "next": "//evil.example/",
            "csrf_token": csrf_of(client),
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/handlaggare"


def test_signing_out_ends_the_session(client: TestClient) -> None:
    token = sign_in(client, "handlaggare")
    assert client.post("/logga-ut", data={}).status_code == 403  # no token, no sign-out
    response = client.post("/logga-ut", data={"csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303
    assert client.get("/", follow_redirects=False).status_code == 200  # the public start page


def _with_api(ctx: AppContext) -> TestClient:
    app = create_app(ctx.settings, ctx)
    router = APIRouter()

    @router.get("/api/whoami")
    def whoami(actor: Actor = Depends(deps.get_actor)) -> dict[str, str]:  # noqa: B008
        return {"username": actor.username}

    @router.post("/api/echo")
    def echo() -> dict[str, str]:
        return {"ok": "ja"}

    app.include_router(router, dependencies=API_AUTH)
    return TestClient(app)


def test_the_api_answers_only_a_signed_in_session_and_needs_the_csrf_header(
    ctx: AppContext, engine: Engine
) -> None:
    make_user(engine, "handlaggare", UserRole.OFFICER)
    client = _with_api(ctx)
    unauthenticated = client.get("/api/whoami")
    assert unauthenticated.status_code == 401
    assert unauthenticated.json() == {"detail": "Du måste logga in."}
    token = sign_in(client, "handlaggare")
    assert client.get("/api/whoami").json() == {"username": "handlaggare"}
    assert client.post("/api/echo", json={}).status_code == 403
    assert client.post("/api/echo", json={}, headers={"X-CSRF-Token": token}).status_code == 200


def test_a_session_ends_when_the_account_is_switched_off(
    client: TestClient, engine: Engine
) -> None:
    sign_in(client, "handlaggare")
    assert client.get("/", follow_redirects=False).status_code == 303
    with engine.begin() as connection:
        connection.execute(update(users).values(active=False))
    assert client.get("/", follow_redirects=False).status_code == 200  # signed out


def test_a_session_ends_after_its_lifetime(
    client: TestClient, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(client, "handlaggare")
    later = time.time() + ctx.settings.session_max_age_seconds + 1
    monkeypatch.setattr(deps.time, "time", lambda: later)
    assert client.get("/", follow_redirects=False).status_code == 200


def test_pages_that_need_sign_in_send_to_the_sign_in_page(client: TestClient) -> None:
    response = client.post(
        "/logga-ut", data={"csrf_token": csrf_of(client)}, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"].startswith("/logga-in")


def test_openid_sign_in_is_wired_only_when_configured(ctx: AppContext) -> None:
    def paths(app: object) -> set[str]:
        from fastapi.routing import iter_route_contexts

        return {r.path for r in iter_route_contexts(app.routes) if r.path}  # type: ignore[attr-defined]

    assert "/logga-in/oidc" not in paths(create_app(ctx.settings, ctx))
    assert (
        "kommunens inloggning"
        not in TestClient(create_app(ctx.settings, ctx)).get("/logga-in").text
    )
    configured = ctx.settings.model_copy(
        update={
            "oidc_metadata_url": "https://idp.kommun.example/.well-known/openid-configuration",
            "oidc_client_id": "loggutdrag",
            "oidc_client_secret": "hemlis",
            "oidc_role_mapping": {"vft": "officer"},
        }
    )
    app = create_app(configured, AppContext(configured, ctx.engine))
    assert {"/logga-in/oidc", "/logga-in/oidc/klar"} <= paths(app)
    assert "kommunens inloggning" in TestClient(app).get("/logga-in").text
