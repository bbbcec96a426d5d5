"""Producing a case's extract: built from its request, stored with its SHA-256, the case moved to
extract_produced, and the audit trail saying whose data it was (R14)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select

from factories_extracts import astrid_lock_world, lock_log_request
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.enums import CaseStatus, UserRole
from loggutdrag.extracts.render import ExtractFormat
from loggutdrag.services import extracts, requests
from loggutdrag.services.cases import get_case
from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import IncompleteRequestError, NotAllowedError, NotFoundError
from loggutdrag.store.tables import audit_events, documents

OFFICER = Actor("vft.eva", UserRole.OFFICER)
VAST_MANAGER = Actor("vast.chef", UserRole.PROVIDER_MANAGER, "VAST")
OST_MANAGER = Actor("ost.chef", UserRole.PROVIDER_MANAGER, "OST")
NOW = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)


@pytest.fixture
def fixed(ctx: AppContext, engine: Engine) -> AppContext:
    with engine.begin() as connection:
        astrid_lock_world(connection)
    return dataclasses.replace(ctx, clock=lambda: NOW)


def _submit(ctx: AppContext, data: dict[str, object]) -> int:
    result = requests.submit_request(ctx, VAST_MANAGER, data)
    return result.case_id


def test_producing_stores_the_file_with_its_checksum_and_moves_the_case(
    fixed: AppContext, engine: Engine
) -> None:
    case_id = _submit(fixed, lock_log_request())
    produced = extracts.produce_extract(fixed, OFFICER, case_id, ExtractFormat.JSON)
    body = json.loads(produced.content)
    assert (body["kind"], body["scope"]) == ("lock_log", "recipient")
    assert body["period"] == {"start": "2026-10-01", "end": "2026-10-31"}
    assert len(body["rows"]) == 4
    assert body["summary"]["events"] == 4
    assert body["header"]["diary_number"] == produced.diary_number
    assert produced.document.sha256 == hashlib.sha256(produced.content).hexdigest()
    assert produced.document.filename.endswith("_lock_log.json")
    with engine.connect() as connection:
        stored = connection.execute(
            select(documents.c.content, documents.c.sha256, documents.c.kind)
        ).one()
    assert bytes(stored.content) == produced.content
    assert stored.kind == "extract"
    assert get_case(fixed, OFFICER, str(case_id)).status is CaseStatus.EXTRACT_PRODUCED


def test_every_production_is_audited_with_whose_data_it_was(
    fixed: AppContext, engine: Engine
) -> None:
    case_id = _submit(fixed, lock_log_request())
    extracts.produce_extract(fixed, OFFICER, case_id, ExtractFormat.PDF)
    extracts.produce_extract(fixed, OFFICER, case_id, ExtractFormat.CSV)
    with engine.connect() as connection:
        rows = connection.execute(
            select(
                audit_events.c.action, audit_events.c.subject_recipient_id, audit_events.c.details
            )
            .where(audit_events.c.action == "extract_produced")
            .order_by(audit_events.c.id)
        ).all()
        count = connection.execute(select(documents.c.id)).all()
    assert [row.details["format"] for row in rows] == ["pdf", "csv"]
    assert all(row.subject_recipient_id is not None for row in rows)
    assert rows[0].details["rows"] == 4
    assert len(count) == 2
    assert get_case(fixed, OFFICER, str(case_id)).status is CaseStatus.EXTRACT_PRODUCED


def test_an_incomplete_case_gets_no_extract(fixed: AppContext) -> None:
    case_id = _submit(fixed, lock_log_request(period=None))
    with pytest.raises(IncompleteRequestError) as error:
        extracts.produce_extract(fixed, OFFICER, case_id, ExtractFormat.PDF)
    assert error.value.exit_code == 3
    assert "period" in error.value.message_sv


def test_only_the_team_produces_extracts(fixed: AppContext) -> None:
    case_id = _submit(fixed, lock_log_request())
    with pytest.raises(NotAllowedError):
        extracts.produce_extract(fixed, VAST_MANAGER, case_id, ExtractFormat.PDF)


def test_a_case_that_does_not_exist_is_reported_by_its_reference(fixed: AppContext) -> None:
    with pytest.raises(NotFoundError) as error:
        extracts.produce_extract(fixed, OFFICER, "VÄN 1999-999", ExtractFormat.PDF)
    assert "VÄN 1999-999" in error.value.message_sv


def test_a_case_can_be_found_by_its_diary_number(fixed: AppContext) -> None:
    result = requests.submit_request(fixed, VAST_MANAGER, lock_log_request())
    produced = extracts.produce_extract(fixed, OFFICER, result.diary_number, ExtractFormat.CSV)
    lines = produced.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 1 + 4
    assert lines[0].startswith("Tidpunkt;Lås;Händelse")


def test_previewing_builds_without_storing_and_is_audited(
    fixed: AppContext, engine: Engine
) -> None:
    case_id = _submit(fixed, lock_log_request())
    data = extracts.preview_extract(fixed, OFFICER, case_id)
    assert len(data.rows) == 4
    with engine.connect() as connection:
        assert connection.execute(select(documents.c.id)).all() == []
        actions = connection.execute(select(audit_events.c.action)).scalars().all()
    assert "extract_viewed" in actions
    assert get_case(fixed, OFFICER, str(case_id)).status is CaseStatus.READY
