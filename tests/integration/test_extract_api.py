"""The extract API: produce, preview, deliver, list and download files, bill; a provider reaches
only its own delivered files; unsigned requests get nothing."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from factories_extracts import astrid_lock_world, lock_log_request
from factories_web import FixedClock, make_user, sign_in, web_client
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.enums import UserRole
from loggutdrag.services import requests
from loggutdrag.services.context import AppContext

VAST_MANAGER = Actor("vast.chef", UserRole.PROVIDER_MANAGER, "VAST")


@pytest.fixture
def app_ctx(ctx: AppContext, engine: Engine) -> AppContext:
    with engine.begin() as connection:
        astrid_lock_world(connection)
    make_user(engine, "vft.eva", UserRole.OFFICER)
    make_user(engine, "vast.chef", UserRole.PROVIDER_MANAGER, "VAST")
    make_user(engine, "ost.chef", UserRole.PROVIDER_MANAGER, "OST")
    return dataclasses.replace(ctx, clock=FixedClock(datetime(2026, 11, 2, 12, 0, tzinfo=UTC)))


def _signed_in(ctx: AppContext, username: str) -> TestClient:
    client = web_client(ctx)
    token = sign_in(client, username)
    client.headers["X-CSRF-Token"] = token
    return client


def test_the_team_produces_previews_and_delivers_and_the_provider_downloads(
    app_ctx: AppContext,
) -> None:
    case_id = requests.submit_request(app_ctx, VAST_MANAGER, lock_log_request()).case_id
    officer = _signed_in(app_ctx, "vft.eva")
    preview = officer.get(f"/api/cases/{case_id}/extract")
    assert preview.status_code == 200, preview.text
    assert len(preview.json()["rows"]) == 4
    produced = officer.post(f"/api/cases/{case_id}/extracts", json={"format": "xlsx"})
    assert produced.status_code == 201, produced.text
    document = produced.json()["document"]
    delivered = officer.post(f"/api/cases/{case_id}/deliveries", json={"method": "service-desk"})
    assert delivered.status_code == 201, delivered.text
    assert delivered.json()["sha256"] == document["sha256"]

    provider = _signed_in(app_ctx, "vast.chef")
    listed = provider.get(f"/api/cases/{case_id}/documents")
    assert [d["id"] for d in listed.json()] == [document["id"]]
    download = provider.get(document["url"])
    assert download.status_code == 200
    assert hashlib.sha256(download.content).hexdigest() == document["sha256"]
    assert "attachment" in download.headers["content-disposition"]
    assert provider.post(f"/api/cases/{case_id}/extracts", json={}).status_code == 403

    other = _signed_in(app_ctx, "ost.chef")
    assert other.get(document["url"]).status_code == 404
    assert other.get(f"/api/cases/{case_id}/documents").status_code == 403


def test_the_api_refuses_anyone_not_signed_in(app_ctx: AppContext) -> None:
    client = web_client(app_ctx)
    assert client.get("/api/documents/1").status_code == 401
    assert client.post("/api/billing", json={}).status_code == 401


def test_billing_over_the_api_checks_the_date(app_ctx: AppContext) -> None:
    officer = _signed_in(app_ctx, "vft.eva")
    sunday = officer.post("/api/billing", json={"date": "2026-11-01"})
    assert sunday.status_code == 422
    assert "helgfri vardag" in sunday.json()["detail"]
    monday = officer.post("/api/billing", json={"date": "2026-11-02", "provider": "VAST"})
    assert monday.status_code == 200
    assert monday.json()[0]["provider"] == "VAST"
