"""The officers' import page: upload a file, see the counts and the rejected rows, the quarantine
with "Försök igen"; the upload goes through a temporary file that is removed, and it is audited."""

from __future__ import annotations

import tempfile
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from factories_import import LOCK_HEADER, bad_check_digit, lock_event, write_csv
from factories_web import make_user, sign_in, web_client
from loggutdrag.domain.enums import UserRole
from loggutdrag.services.context import AppContext
from loggutdrag.store.tables import audit_events


def _officer(ctx: AppContext) -> tuple[TestClient, str]:
    make_user(ctx.engine, "vft.eva", UserRole.OFFICER)
    client = web_client(ctx)
    return client, sign_in(client, "vft.eva")


def _lock_file(tmp_path: Path) -> Path:
    """Three lock events; the third has a personnummer with a wrong check digit."""
    return write_csv(
        tmp_path / "låslogg.csv",
        LOCK_HEADER,
        [
            lock_event("E1"),
            lock_event("E2", event="lock"),
            lock_event("E3", personnummer=bad_check_digit("194001011230")),
        ],
    )


def _post(client: TestClient, token: str | None, path: Path, **form: str) -> httpx.Response:
    data = {"source": "lock-events", **form}
    if token:
        data["csrf_token"] = token
    with path.open("rb") as handle:
        return client.post(
            "/handlaggare/import", data=data, files={"file": (path.name, handle, "text/csv")}
        )


def _upload(client: TestClient, token: str, path: Path) -> str:
    response = _post(client, token, path)
    assert response.status_code == 200, response.text
    return response.text


def _import_audits(ctx: AppContext) -> list[dict[str, object]]:
    with ctx.engine.connect() as connection:
        rows = connection.execute(
            select(audit_events.c.actor, audit_events.c.details).where(
                audit_events.c.action == "import_run"
            )
        )
        return [{"actor": row.actor, **(row.details or {})} for row in rows]


def test_the_import_page_offers_every_source_and_the_shipped_profiles(ctx: AppContext) -> None:
    client, _ = _officer(ctx)
    page = client.get("/handlaggare/import").text
    for label in ("Larmregister", "Larmanrop", "Låshändelser", "Tillsynsbeställningar"):
        assert label in page
    assert 'value="laslogg-sv-csv"' in page
    assert 'href="/handlaggare/import"' in client.get("/handlaggare").text  # in the menu


def test_an_upload_shows_the_counts_and_each_rejected_row(ctx: AppContext, tmp_path: Path) -> None:
    client, token = _officer(ctx)
    page = _upload(client, token, _lock_file(tmp_path))
    assert "3 rader lästes: 2 nya, 0 dubbletter, 1 avvisad." in page
    rejections = page.split('id="rejections"', 1)[1].split("</table>", 1)[0]
    assert "<td>4</td><td>E3</td>" in rejections  # the header is line 1
    assert "personnumret" in rejections
    again = _upload(client, token, _lock_file(tmp_path))
    assert "3 rader lästes: 0 nya, 2 dubbletter, 1 avvisad." in again


def test_the_rejected_row_waits_in_the_quarantine_and_can_be_retried(
    ctx: AppContext, tmp_path: Path
) -> None:
    client, token = _officer(ctx)
    _upload(client, token, _lock_file(tmp_path))
    listing = client.get("/handlaggare/import/karantan", params={"kalla": "lock-events"}).text
    assert "1 rad i karantän" in listing
    assert "<td>E3</td>" in listing
    assert (
        "0 rader i karantän"
        in client.get("/handlaggare/import/karantan", params={"kalla": "alarm-calls"}).text
    )
    retried = client.post(
        "/handlaggare/import/karantan/forsok-igen",
        data={"source": "lock-events", "csrf_token": token},
    )
    assert retried.status_code == 200
    assert "Resultat av nytt försök" in retried.text
    assert "1 rad lästes: 0 nya, 0 dubbletter, 1 avvisad." in retried.text
    assert "1 rad i karantän" in retried.text  # still wrong, so still there


def test_every_import_and_retry_is_audited_without_the_file_name(
    ctx: AppContext, tmp_path: Path
) -> None:
    client, token = _officer(ctx)
    _upload(client, token, _lock_file(tmp_path))
    client.post(
        "/handlaggare/import/karantan/forsok-igen",
        data={"source": "lock-events", "csrf_token": token},
    )
    audits = _import_audits(ctx)
    assert [(a["actor"], a["retry"], a["read"], a["rejected"]) for a in audits] == [
        ("vft.eva", False, 3, 1),
        ("vft.eva", True, 1, 1),
    ]
    assert all("låslogg" not in str(a) for a in audits)


def test_the_uploaded_file_is_removed_after_the_import(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    client, token = _officer(ctx)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    _upload(client, token, _lock_file(tmp_path))
    refused = _post(client, token, write_csv(tmp_path / "tom.csv", ["nothing"], []))
    assert refused.status_code == 422
    assert list(scratch.iterdir()) == []


def test_an_unreadable_file_gets_a_swedish_message_and_no_audit(
    ctx: AppContext, tmp_path: Path
) -> None:
    client, token = _officer(ctx)
    response = _post(client, token, write_csv(tmp_path / "fel.csv", ["foo", "bar"], [["1", "2"]]))
    assert response.status_code == 422
    assert 'role="alert"' in response.text
    assert "saknas" in response.text or "kolumn" in response.text
    assert _import_audits(ctx) == []


def test_a_profile_for_another_source_is_refused(ctx: AppContext, tmp_path: Path) -> None:
    client, token = _officer(ctx)
    response = _post(client, token, _lock_file(tmp_path), profile="tillsyn-sv-csv")
    assert response.status_code == 422
    assert 'role="alert"' in response.text


def test_an_upload_without_the_csrf_token_is_refused(ctx: AppContext, tmp_path: Path) -> None:
    client, _ = _officer(ctx)
    response = _post(client, None, _lock_file(tmp_path))
    assert response.status_code == 403
    assert _import_audits(ctx) == []
