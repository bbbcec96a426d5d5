"""The CLI (contract 1) and the JSON API give the same verdict for the same request."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from factories_cases import OFFICER
from factories_requests import (
    active_alarm_customers,
    lock_log_recipient,
    lock_log_staff,
    recipient_asking,
    supervision_recipient,
    third_party_asking,
)
from loggutdrag.cli import app as cli_app
from loggutdrag.config import Settings, get_settings
from loggutdrag.services.context import AppContext
from loggutdrag.web.app import create_app
from loggutdrag.web.deps import get_actor

runner = CliRunner()

SAMPLES = {
    "complete": active_alarm_customers(),
    "incomplete": supervision_recipient(camera_serial=None, reason=None),
    "refused": lock_log_staff(requester__role="staff"),
    "refused and incomplete": third_party_asking(consent=None, period=None),
    "invalid personnummer": lock_log_recipient(recipient__personnummer="19400101-0000"),
    "weekend as_of": active_alarm_customers(as_of="2026-11-21"),
    "recipient": recipient_asking(),
}
EXIT_CODES = {
    "complete": 0,
    "incomplete": 3,
    "refused": 4,
    "refused and incomplete": 4,
    "invalid personnummer": 3,
    "weekend as_of": 3,
    "recipient": 0,
}


@pytest.fixture
def cli_env(database_url: str, monkeypatch: pytest.MonkeyPatch, ctx: AppContext) -> Iterator[None]:
    monkeypatch.setenv("LOGGUTDRAG_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def api(settings: Settings, ctx: AppContext) -> Iterator[TestClient]:
    app = create_app(settings, ctx)
    app.dependency_overrides[get_actor] = lambda: OFFICER
    with TestClient(app) as client:
        yield client


def _cli(*args: str) -> tuple[int, Any]:
    result = runner.invoke(cli_app, list(args))
    try:
        return result.exit_code, json.loads(result.stdout)
    except json.JSONDecodeError:
        return result.exit_code, result.stdout


def _write(tmp_path: Path, data: Any, name: str = "begaran.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.mark.usefixtures("cli_env")
@pytest.mark.parametrize("sample", SAMPLES)
def test_check_gives_the_same_verdict_on_the_cli_and_the_api(
    sample: str, api: TestClient, tmp_path: Path
) -> None:
    code, cli_verdict = _cli("request", "check", _write(tmp_path, SAMPLES[sample]), "--json")
    response = api.post("/api/requests/check", json=SAMPLES[sample])
    assert response.status_code == 200
    assert response.json() == cli_verdict
    assert code == EXIT_CODES[sample]
    for key in ("complete", "missing", "allowed", "refusals", "status", "due", "message_sv"):
        assert key in cli_verdict


@pytest.mark.usefixtures("cli_env")
def test_submit_on_the_cli_prints_case_diary_number_and_verdict(tmp_path: Path) -> None:
    code, printed = _cli("request", "submit", _write(tmp_path, lock_log_recipient()), "--json")
    assert code == 0
    assert isinstance(printed["case_id"], int)
    assert printed["diary_number"].startswith("VÄN ")
    assert printed["verdict"]["status"] == "ready"
    assert printed["verdict"]["due"] == "2026-11-24"


@pytest.mark.usefixtures("cli_env")
def test_an_incomplete_submit_exits_3_and_a_supplement_completes_it(tmp_path: Path) -> None:
    incomplete = supervision_recipient(camera_serial=None)
    code, printed = _cli("request", "submit", _write(tmp_path, incomplete), "--json")
    assert code == 3
    assert printed["verdict"]["missing"] == ["camera_serial"]
    assert printed["verdict"]["due"] is None
    supplement = _write(tmp_path, {"camera_serial": "C1"}, "komplettering.json")
    code, again = _cli("request", "supplement", printed["diary_number"], supplement, "--json")
    assert code == 3  # "C1" is too short to be a serial number
    assert again["verdict"]["missing"] == ["camera_serial"]
    supplement = _write(tmp_path, {"camera_serial": "CAM-2041-7781"}, "komplettering.json")
    code, done = _cli("request", "supplement", str(printed["case_id"]), supplement, "--json")
    assert code == 0
    assert done["verdict"]["complete"] is True
    assert done["verdict"]["due"] is not None
    code, shown = _cli("case", "show", str(printed["case_id"]), "--json")
    assert code == 0
    assert shown["status"] == "ready"
    assert [e["to_status"] for e in shown["events"]] == [
        "received",
        "awaiting_supplement",
        "awaiting_supplement",
        "ready",
    ]


@pytest.mark.usefixtures("cli_env")
def test_a_refused_submit_exits_4(tmp_path: Path) -> None:
    code, printed = _cli(
        "request", "submit", _write(tmp_path, lock_log_staff(requester__role="staff")), "--json"
    )
    assert code == 4
    assert printed["verdict"]["refusals"][0]["rule"] == "R6"


@pytest.mark.usefixtures("cli_env")
@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("{not json", "FILE"),
        ("[1, 2]", "request"),
        (json.dumps(lock_log_recipient(kind="everything")), "kind"),
        (json.dumps(lock_log_recipient(period={"start": "2026-13-01"})), "period.start"),
        (json.dumps(lock_log_recipient(requester__category=7)), "requester.category"),
    ],
)
def test_bad_input_exits_2_naming_the_field(tmp_path: Path, content: str, field: str) -> None:
    path = tmp_path / "trasig.json"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(cli_app, ["request", "check", str(path), "--json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["field"] == field
    assert field in result.stderr or field == "FILE"


@pytest.mark.usefixtures("cli_env")
def test_a_missing_file_is_bad_input(tmp_path: Path) -> None:
    result = runner.invoke(cli_app, ["request", "check", str(tmp_path / "finns-inte.json")])
    assert result.exit_code == 2
    assert "går inte att läsa" in result.stderr


@pytest.mark.usefixtures("cli_env")
def test_without_json_the_cli_prints_a_swedish_summary(tmp_path: Path) -> None:
    data = supervision_recipient(camera_serial=None)
    result = runner.invoke(cli_app, ["request", "check", _write(tmp_path, data)])
    assert result.exit_code == 3
    assert "Saknas eller felaktigt: camera_serial" in result.stdout
    assert "Ärendet kan inte hanteras förrän" in result.stdout


def test_check_without_a_database_still_judges_the_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LOGGUTDRAG_DATABASE_URL", raising=False)
    monkeypatch.setenv("LOGGUTDRAG_DATA_DIR", str(tmp_path / "var"))
    get_settings.cache_clear()
    try:
        code, verdict = _cli(
            "request", "check", _write(tmp_path, active_alarm_customers()), "--json"
        )
    finally:
        get_settings.cache_clear()
    assert code == 0
    assert verdict["due"] == "2026-11-24"
    assert not (tmp_path / "var" / "loggutdrag.db").exists()


def test_the_api_registers_supplements_and_moves_cases(api: TestClient) -> None:
    response = api.post("/api/requests", json=supervision_recipient(camera_serial=None))
    assert response.status_code == 201
    created = response.json()
    assert created["verdict"]["complete"] is False
    case_id = created["case_id"]
    response = api.post(
        f"/api/cases/{case_id}/supplements", json={"camera_serial": "CAM-2041-7781"}
    )
    assert response.status_code == 200
    assert response.json()["verdict"]["status"] == "ready"
    response = api.post(
        f"/api/cases/{case_id}/transitions", json={"status": "extract_produced", "reason": "PDF"}
    )
    assert response.status_code == 200
    assert response.json()["status"] == "extract_produced"
    response = api.post(f"/api/cases/{case_id}/transitions", json={"status": "ready"})
    assert response.status_code == 409
    assert response.json()["field"] == "status"
    shown = api.get(f"/api/cases/{case_id}").json()
    assert shown["diary_number"] == created["diary_number"]
    assert [e["to_status"] for e in shown["events"]][-1] == "extract_produced"


def test_the_api_names_the_field_of_bad_input(api: TestClient) -> None:
    response = api.post("/api/requests/check", json=lock_log_recipient(as_of="2 november"))
    assert response.status_code == 422
    assert response.json()["field"] == "as_of"
    response = api.post("/api/requests/check", json=lock_log_recipient(kind="everything"))
    assert response.status_code == 422
    assert "kind" in json.dumps(response.json())


def test_the_api_answers_404_for_an_unknown_case(api: TestClient) -> None:
    assert api.get("/api/cases/999").status_code == 404


def test_the_api_needs_a_signed_in_user(settings: Settings, ctx: AppContext) -> None:
    with TestClient(create_app(settings, ctx)) as client:
        response = client.post("/api/requests/check", json=active_alarm_customers())
    assert response.status_code == 401


def test_the_request_endpoints_are_in_the_openapi_document(api: TestClient) -> None:
    document = api.get("/openapi.json").json()
    for path in (
        "/api/requests/check",
        "/api/requests",
        "/api/cases/{case_id}",
        "/api/cases/{case_id}/supplements",
        "/api/cases/{case_id}/transitions",
    ):
        assert path in document["paths"]
    schemas = document["components"]["schemas"]
    assert {"RequestIn", "VerdictOut", "SubmitOut", "CaseOut"} <= set(schemas)
