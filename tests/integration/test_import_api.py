"""`POST /api/imports` answers with the same JSON as the CLI; only the office (officers, admins) may
import, and every import is audited."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from factories_import import LOCK_HEADER, lock_event, write_csv
from factories_web import make_user, sign_in, web_client
from loggutdrag.domain.enums import UserRole
from loggutdrag.services.context import AppContext
from loggutdrag.store.tables import audit_events


def _signed_in(ctx: AppContext, username: str) -> TestClient:
    client = web_client(ctx)
    client.headers["X-CSRF-Token"] = sign_in(client, username)
    return client


def test_an_officer_uploads_a_file_and_gets_the_counts(ctx: AppContext, tmp_path: Path) -> None:
    make_user(ctx.engine, "vft.eva", UserRole.OFFICER)
    path = write_csv(
        tmp_path / "låslogg.csv", LOCK_HEADER, [lock_event("E1"), lock_event("E2", event="??")]
    )
    client = _signed_in(ctx, "vft.eva")
    with path.open("rb") as handle:
        answer = client.post(
            "/api/imports",
            data={"source": "lock-events"},
            files={"file": ("låslogg.csv", handle, "text/csv")},
        )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["read"], body["inserted"], body["duplicates"], body["rejected"]) == (2, 1, 0, 1)
    assert body["file"] == "låslogg.csv"
    assert body["rejections"][0]["id"] == "E2"
    quarantine = client.get("/api/imports/quarantine", params={"source": "lock-events"})
    assert quarantine.status_code == 200
    assert quarantine.json()["total"] == 1
    with ctx.engine.connect() as connection:
        audited = connection.execute(
            select(audit_events.c.actor, audit_events.c.details).where(
                audit_events.c.action == "import_run"
            )
        ).one()
    assert audited.actor == "vft.eva"
    assert audited.details["inserted"] == 1
    assert "låslogg" not in str(audited.details)  # the file's name may name a person


def test_a_bad_upload_gets_a_swedish_error(ctx: AppContext, tmp_path: Path) -> None:
    make_user(ctx.engine, "vft.eva", UserRole.OFFICER)
    client = _signed_in(ctx, "vft.eva")
    answer = client.post(
        "/api/imports",
        data={"source": "lock-events"},
        files={"file": ("tom.csv", b"", "text/csv")},
    )
    assert answer.status_code == 422
    assert "tom" in answer.json()["detail"]


def test_providers_and_strangers_may_not_import(ctx: AppContext) -> None:
    make_user(ctx.engine, "ht.chef", UserRole.PROVIDER_MANAGER, "HT01")
    stranger = web_client(ctx)
    assert stranger.post(
        "/api/imports", data={"source": "lock-events"}, files={"file": ("a.csv", b"x")}
    ).status_code in (401, 403)
    manager = _signed_in(ctx, "ht.chef")
    answer = manager.post(
        "/api/imports", data={"source": "lock-events"}, files={"file": ("a.csv", b"x")}
    )
    assert answer.status_code == 403
    assert manager.get("/api/imports/quarantine").status_code == 403
