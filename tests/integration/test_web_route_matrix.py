"""Role × endpoint matrix over EVERY route of the app: a route without a policy here fails.

For each role (and for nobody signed in) every route is called; a role outside the route's policy
must be turned away (401 / sign-in page for nobody, 403 for a signed-in role), and a role inside it
must get through. The fixture case belongs to provider HT01 and was ordered by its manager.
"""

from __future__ import annotations

import re

import pytest
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient

from factories_web import World, build_world, web_client
from loggutdrag.auth.roles import ALL_ROLES, OFFICE_ROLES, REQUESTER_ROLES
from loggutdrag.domain.enums import UserRole
from loggutdrag.services.context import AppContext

PUBLIC = "public"
A = UserRole.ADMIN
PM, PS = UserRole.PROVIDER_MANAGER, UserRole.PROVIDER_STAFF
HT01 = frozenset({PM, PS})

POLICY: dict[tuple[str, str], frozenset[UserRole] | str] = {
    ("GET", "/healthz"): PUBLIC,
    ("GET", "/openapi.json"): PUBLIC,
    ("GET", "/docs"): PUBLIC,
    ("GET", "/docs/oauth2-redirect"): PUBLIC,
    ("GET", "/redoc"): PUBLIC,
    ("GET", "/"): PUBLIC,
    ("GET", "/logga-in"): PUBLIC,
    ("POST", "/logga-in"): PUBLIC,
    ("POST", "/logga-ut"): ALL_ROLES,
    ("POST", "/sprak"): PUBLIC,  # the language switch sets a cookie
    # the provider portal
    ("GET", "/utforare"): ALL_ROLES,
    ("GET", "/utforare/bestall/{slug}"): ALL_ROLES,
    ("POST", "/utforare/bestall/{slug}"): ALL_ROLES,
    ("POST", "/utforare/bestall/{slug}/kontroll"): ALL_ROLES,
    ("GET", "/utforare/arenden"): REQUESTER_ROLES,
    ("GET", "/utforare/arenden/{case_id}"): HT01,  # the VOF rep neither ordered it nor is HT01
    ("POST", "/utforare/arenden/{case_id}/komplettera"): HT01,
    ("GET", "/filer/{document_id}"): HT01 | OFFICE_ROLES,
    # the officers' workspace
    ("GET", "/handlaggare"): OFFICE_ROLES,
    ("GET", "/handlaggare/arenden/{case_id}"): OFFICE_ROLES,
    ("POST", "/handlaggare/arenden/{case_id}/status"): OFFICE_ROLES,
    ("POST", "/handlaggare/arenden/{case_id}/utdrag"): OFFICE_ROLES,
    ("GET", "/handlaggare/arenden/{case_id}/forhandsgranska"): OFFICE_ROLES,
    ("POST", "/handlaggare/arenden/{case_id}/leverera"): OFFICE_ROLES,
    ("GET", "/handlaggare/sok"): OFFICE_ROLES,
    ("POST", "/handlaggare/sok"): OFFICE_ROLES,
    ("GET", "/handlaggare/oversikt"): OFFICE_ROLES,
    ("GET", "/handlaggare/import"): OFFICE_ROLES,
    ("POST", "/handlaggare/import"): OFFICE_ROLES,
    ("GET", "/handlaggare/import/karantan"): OFFICE_ROLES,
    ("POST", "/handlaggare/import/karantan/forsok-igen"): OFFICE_ROLES,
    # administrators
    ("GET", "/admin/granskning"): frozenset({A}),
    ("POST", "/admin/granskning"): frozenset({A}),
    ("GET", "/admin/granskning/kontroll"): frozenset({A}),
    # the JSON API (issue 4): any signed-in user; the case itself decides who sees it
    ("POST", "/api/requests/check"): ALL_ROLES,
    ("POST", "/api/requests"): ALL_ROLES,
    ("GET", "/api/cases/{case_id}"): HT01 | OFFICE_ROLES,
    ("POST", "/api/cases/{case_id}/supplements"): HT01 | OFFICE_ROLES,
    # only officers move a case (a provider may only withdraw it): closing is refused to others
    ("POST", "/api/cases/{case_id}/transitions"): OFFICE_ROLES,
    # the JSON API (issue 5): extracts, files and delivery
    ("POST", "/api/cases/{case}/extracts"): OFFICE_ROLES,
    ("GET", "/api/cases/{case}/extract"): OFFICE_ROLES,
    ("GET", "/api/cases/{case}/documents"): HT01 | OFFICE_ROLES,
    ("GET", "/api/documents/{document_id}"): HT01 | OFFICE_ROLES,
    ("POST", "/api/cases/{case}/deliveries"): OFFICE_ROLES,
    ("GET", "/api/cases/{case}/consent-form"): HT01 | OFFICE_ROLES,
    ("GET", "/api/dispatch-list"): OFFICE_ROLES,
    ("POST", "/api/billing"): OFFICE_ROLES,
    # the JSON API (issue 3): importing vendor logs is the officers' job
    ("POST", "/api/imports"): OFFICE_ROLES,
    ("GET", "/api/imports/quarantine"): OFFICE_ROLES,
}
# JSON bodies that pass validation, so access (not the body's form) decides the answer.
BODIES = {
    "/api/cases/{case_id}/transitions": {"status": "closed", "reason": "matristest"},
    "/api/cases/{case}/deliveries": {"method": "service-desk"},
    "/api/billing": {},
}
# Public routes whose own answer may be 401: signing in with no password is refused.
OWN_401 = {("POST", "/logga-in")}

# Routes whose last word belongs to the route's own logic, not to the access policy.
LAST_ROUTES = {("POST", "/logga-ut")}


def app_routes(client: TestClient) -> list[tuple[str, str]]:
    found = set()
    for route in iter_route_contexts(client.app.routes):  # type: ignore[attr-defined]
        if route.path is None or route.methods is None or route.path.startswith("/static"):
            continue
        for method in route.methods - {"HEAD"}:
            found.add((method, route.path))
    return sorted(found, key=lambda item: (item in LAST_ROUTES, item))


def _url(path: str, world: World) -> str:
    values = {
        "case_id": str(world.case_id),
        "case": str(world.case_id),
        "document_id": str(world.document_id),
        "slug": "laslogg",
    }
    return re.sub(r"{(\w+)}", lambda m: values.get(m.group(1), "1"), path)


def _call(client: TestClient, method: str, path: str, world: World, token: str | None) -> int:
    headers = {"X-CSRF-Token": token} if token else {}
    url = _url(path, world)
    if url.startswith("/api/"):
        body = BODIES.get(path, {})
        response = client.request(method, url, json=body, headers=headers, follow_redirects=False)
    elif method == "POST":
        response = client.post(url, data={}, headers=headers, follow_redirects=False)
    else:
        response = client.get(url, follow_redirects=False)
    if response.status_code == 303 and response.headers["location"].startswith("/logga-in?next"):
        return 401  # a page that needs sign-in sends people to the sign-in page
    return response.status_code


@pytest.fixture
def world(ctx: AppContext) -> World:
    return build_world(ctx)


def test_every_route_has_a_policy(world: World) -> None:
    client = world.clients[UserRole.OFFICER]
    missing = [route for route in app_routes(client) if route not in POLICY]
    assert missing == [], f"routes without an access policy in this test: {missing}"
    gone = [route for route in POLICY if route not in app_routes(client)]
    assert gone == [], f"policies for routes that no longer exist: {gone}"


def test_nobody_signed_in_reaches_only_public_routes(world: World) -> None:
    client = web_client(world.ctx)
    token = _token(client)
    wrong = []
    for method, path in app_routes(client):
        status = _call(client, method, path, world, token)
        public = POLICY[(method, path)] == PUBLIC
        if public and status in (401, 403) and (method, path) not in OWN_401:
            wrong.append((method, path, status, "public route refused"))
        if not public and status != 401:
            wrong.append((method, path, status, "reached without sign-in"))
    assert wrong == [], wrong


@pytest.mark.parametrize("role", list(UserRole), ids=str)
def test_each_role_reaches_exactly_its_routes(world: World, role: UserRole) -> None:
    client, token = world.clients[role], world.tokens[role]
    wrong = []
    for method, path in app_routes(client):
        policy = POLICY[(method, path)]
        status = _call(client, method, path, world, token)
        allowed = policy == PUBLIC or role in policy
        if allowed and status in (401, 403) and (method, path) not in OWN_401:
            wrong.append((method, path, status, "refused although allowed"))
        if not allowed and status not in (403, 404):
            wrong.append((method, path, status, "reached although not allowed"))
    assert wrong == [], wrong


def _token(client: TestClient) -> str:
    page = client.get("/logga-in").text
    return page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
