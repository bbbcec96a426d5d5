"""Submitting, supplementing and moving cases: diary numbers, clock, events and audit trail."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from factories_cases import MONDAY_23_NOV, NORR_MANAGER, NORR_STAFF, OFFICER, SODER_MANAGER, at
from factories_requests import (
    lock_log_recipient,
    lock_log_staff,
    supervision_recipient,
    third_party_asking,
)
from loggutdrag.domain.audit import AuditAction
from loggutdrag.domain.enums import CaseStatus
from loggutdrag.services import requests
from loggutdrag.services.cases import CaseStateError
from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import BadInputError, NotAllowedError, NotFoundError
from loggutdrag.store import cases_repo
from loggutdrag.store.tables import audit_events, case_events, cases


def _audit_actions(engine: Engine, case_id: int) -> list[str]:
    with engine.connect() as connection:
        return list(
            connection.execute(
                select(audit_events.c.action)
                .where(audit_events.c.case_id == case_id)
                .order_by(audit_events.c.id)
            ).scalars()
        )


def _submit(ctx: AppContext, data: dict[str, Any]) -> requests.SubmitResult:
    return requests.submit_request(ctx, OFFICER, data)


def test_a_submitted_request_gets_a_diary_number_and_a_case(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    result = _submit(ctx, lock_log_recipient())
    assert result.diary_number == "VÄN 2026-001"
    case = requests.get_case(ctx, OFFICER, str(result.case_id))
    assert case.status is CaseStatus.READY
    assert case.due == date(2026, 11, 24)  # received Friday 20 Nov
    assert case.complete_at == datetime(2026, 11, 20, 9, 15, tzinfo=UTC)
    assert [(e.from_status, e.to_status) for e in case.events] == [
        (None, CaseStatus.RECEIVED),
        (CaseStatus.RECEIVED, CaseStatus.READY),
    ]
    assert all(e.actor == "vft.anna" for e in case.events)
    assert _audit_actions(ctx.engine, case.id) == ["case_submitted", "case_viewed"]


def test_diary_numbers_follow_each_other_and_restart_each_year(ctx: AppContext) -> None:
    ctx, clock = at(ctx, MONDAY_23_NOV)
    numbers = [_submit(ctx, lock_log_recipient()).diary_number for _ in range(3)]
    assert numbers == ["VÄN 2026-001", "VÄN 2026-002", "VÄN 2026-003"]
    clock.now = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)  # already 2027 in Stockholm
    assert _submit(ctx, lock_log_recipient()).diary_number == "VÄN 2027-001"


def test_the_diary_number_format_is_a_setting(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    ctx.settings = ctx.settings.model_copy(update={"diary_number_format": "LOG-{year}/{number}"})
    assert _submit(ctx, lock_log_recipient()).diary_number == "LOG-2026/1"


def test_a_failed_submit_leaves_no_gap_in_the_diary(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    real_insert = cases_repo.insert_case

    def failing_insert(*args: Any, **kwargs: Any) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(cases_repo, "insert_case", failing_insert)
    with pytest.raises(RuntimeError):
        _submit(ctx, lock_log_recipient())
    monkeypatch.setattr(cases_repo, "insert_case", real_insert)
    assert _submit(ctx, lock_log_recipient()).diary_number == "VÄN 2026-001"


def test_an_incomplete_request_waits_for_a_supplement_without_a_clock(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    result = _submit(ctx, supervision_recipient(camera_serial=None))
    assert result.verdict.exit_code == 3
    case = requests.get_case(ctx, OFFICER, result.diary_number)
    assert case.status is CaseStatus.AWAITING_SUPPLEMENT
    assert case.due is None
    assert case.complete_at is None
    assert case.verdict["missing"] == ["camera_serial"]


def test_a_refused_request_is_registered_as_refused(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    result = _submit(ctx, third_party_asking(consent=None))
    case = requests.get_case(ctx, OFFICER, str(result.case_id))
    assert case.status is CaseStatus.REFUSED
    assert case.events[-1].reason == "Avslag enligt R8."


def test_a_supplement_completes_the_request_and_starts_the_clock(ctx: AppContext) -> None:
    ctx, clock = at(ctx, MONDAY_23_NOV)
    submitted = _submit(ctx, supervision_recipient(camera_serial=None))
    clock.now = datetime(2026, 11, 25, 13, 0, tzinfo=UTC)  # Wednesday
    result = requests.supplement_request(
        ctx, OFFICER, str(submitted.case_id), {"camera_serial": "CAM-2041-7781"}
    )
    assert result.verdict.complete
    assert result.verdict.due == date(2026, 11, 27)
    case = requests.get_case(ctx, OFFICER, str(submitted.case_id))
    assert case.status is CaseStatus.READY
    assert case.complete_at == clock.now
    assert case.due == date(2026, 11, 27)
    assert case.request["camera_serial"] == "CAM-2041-7781"
    assert case.events[-1].from_status is CaseStatus.AWAITING_SUPPLEMENT
    assert "Komplettering: tillsynskamerans serienummer." in (case.events[-1].reason or "")
    assert "case_supplemented" in _audit_actions(ctx.engine, case.id)


def test_a_supplement_may_say_when_it_arrived(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    submitted = _submit(ctx, lock_log_recipient(reason=None))
    supplement = {"reason": "Klagomål", "received_at": "2026-11-21T09:00:00+01:00"}  # Saturday
    result = requests.supplement_request(ctx, OFFICER, submitted.diary_number, supplement)
    assert result.verdict.due == date(2026, 11, 25)


def test_a_supplement_that_is_still_incomplete_keeps_waiting(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    data = supervision_recipient(camera_serial=None, reason=None)
    submitted = _submit(ctx, data)
    result = requests.supplement_request(ctx, OFFICER, str(submitted.case_id), {"reason": "Fall"})
    assert result.verdict.missing == ("camera_serial",)
    case = requests.get_case(ctx, OFFICER, str(submitted.case_id))
    assert case.status is CaseStatus.AWAITING_SUPPLEMENT
    assert case.events[-1].to_status is CaseStatus.AWAITING_SUPPLEMENT


def test_a_supplement_to_a_ready_case_does_not_restart_the_clock(ctx: AppContext) -> None:
    ctx, clock = at(ctx, MONDAY_23_NOV)
    submitted = _submit(ctx, lock_log_recipient())
    clock.now = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    result = requests.supplement_request(
        ctx, OFFICER, str(submitted.case_id), {"reason": "Klagomål, förtydligat"}
    )
    assert result.verdict.due == date(2026, 11, 24)


def test_a_supplement_must_be_well_formed(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    submitted = _submit(ctx, lock_log_recipient(reason=None))
    with pytest.raises(BadInputError) as caught:
        requests.supplement_request(
            ctx, OFFICER, str(submitted.case_id), {"period": {"start": "igår"}}
        )
    assert caught.value.field == "period.start"


def test_a_refused_case_cannot_be_supplemented(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    submitted = _submit(ctx, third_party_asking(consent=None))
    with pytest.raises(CaseStateError):
        requests.supplement_request(
            ctx, OFFICER, str(submitted.case_id), {"consent": {"kind": "written_consent"}}
        )


def test_the_case_moves_along_its_lifecycle_and_every_step_is_recorded(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    case_id = str(_submit(ctx, lock_log_recipient()).case_id)
    for status in (CaseStatus.EXTRACT_PRODUCED, CaseStatus.DELIVERED, CaseStatus.CLOSED):
        case = requests.transition_case(ctx, OFFICER, case_id, status, "klart")
        assert case.status is status
        assert case.verdict["status"] == str(status)
    with ctx.engine.connect() as connection:
        steps = connection.execute(
            select(case_events.c.to_status, case_events.c.actor, case_events.c.reason)
            .where(case_events.c.case_id == int(case_id))
            .order_by(case_events.c.id)
        ).all()
    assert [tuple(step) for step in steps[-3:]] == [
        ("extract_produced", "vft.anna", "klart"),
        ("delivered", "vft.anna", "klart"),
        ("closed", "vft.anna", "klart"),
    ]
    assert _audit_actions(ctx.engine, int(case_id)).count(str(AuditAction.CASE_TRANSITION)) == 3


def test_a_transition_the_lifecycle_does_not_allow_is_refused(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    case_id = str(_submit(ctx, lock_log_recipient()).case_id)
    with pytest.raises(CaseStateError):
        requests.transition_case(ctx, OFFICER, case_id, CaseStatus.DELIVERED, "hoppa över")
    assert requests.get_case(ctx, OFFICER, case_id).status is CaseStatus.READY


def test_an_incomplete_case_cannot_be_made_ready_by_hand(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    case_id = str(_submit(ctx, lock_log_recipient(reason=None)).case_id)
    with pytest.raises(CaseStateError):
        requests.transition_case(ctx, OFFICER, case_id, CaseStatus.READY)


def test_refusing_a_case_needs_a_reason_and_stops_the_clock(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    case_id = str(_submit(ctx, lock_log_recipient()).case_id)
    with pytest.raises(BadInputError) as caught:
        requests.transition_case(ctx, OFFICER, case_id, CaseStatus.REFUSED)
    assert caught.value.field == "reason"
    case = requests.transition_case(ctx, OFFICER, case_id, CaseStatus.REFUSED, "Dubblett")
    assert case.due is None
    assert case.events[-1].reason == "Dubblett"


def test_sending_back_for_supplement_and_ready_again_restarts_the_clock(ctx: AppContext) -> None:
    ctx, clock = at(ctx, MONDAY_23_NOV)
    case_id = str(_submit(ctx, lock_log_recipient()).case_id)
    requests.transition_case(ctx, OFFICER, case_id, CaseStatus.AWAITING_SUPPLEMENT, "Fel kamera")
    clock.now = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # Thursday
    case = requests.transition_case(ctx, OFFICER, case_id, CaseStatus.READY, "Rättat per telefon")
    assert case.due == date(2026, 11, 30)


def test_only_officers_move_cases_but_the_provider_may_withdraw_its_own(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    case_id = str(requests.submit_request(ctx, NORR_MANAGER, lock_log_recipient()).case_id)
    with pytest.raises(NotAllowedError):
        requests.transition_case(ctx, NORR_MANAGER, case_id, CaseStatus.EXTRACT_PRODUCED)
    case = requests.transition_case(
        ctx, NORR_MANAGER, case_id, CaseStatus.WITHDRAWN, "Behövs inte längre"
    )
    assert case.status is CaseStatus.WITHDRAWN


def test_a_provider_sees_only_its_own_cases(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    case_id = str(requests.submit_request(ctx, NORR_MANAGER, lock_log_recipient()).case_id)
    assert requests.get_case(ctx, NORR_MANAGER, case_id).id == int(case_id)
    with pytest.raises(NotAllowedError):
        requests.get_case(ctx, SODER_MANAGER, case_id)


def test_a_provider_user_asks_only_for_its_own_provider(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    with pytest.raises(NotAllowedError) as caught:
        requests.submit_request(ctx, SODER_MANAGER, lock_log_recipient())
    assert caught.value.field == "provider"
    with ctx.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(cases)).scalar_one() == 0


def test_an_unknown_case_is_not_found(ctx: AppContext) -> None:
    with pytest.raises(NotFoundError):
        requests.get_case(ctx, OFFICER, "4711")
    with pytest.raises(NotFoundError):
        requests.get_case(ctx, OFFICER, "VÄN 2026-999")


def test_a_provider_user_need_not_write_its_own_provider_code(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    submitted = requests.submit_request(
        ctx, NORR_MANAGER, lock_log_recipient(provider=None, reason=None)
    )
    assert submitted.verdict.missing == ("reason",)
    result = requests.supplement_request(
        ctx, OFFICER, str(submitted.case_id), {"reason": "Klagomål"}
    )
    assert result.verdict.complete
    assert requests.get_case(ctx, OFFICER, str(submitted.case_id)).request["provider"] == "NORR"


def test_a_providers_staff_member_cannot_claim_to_be_a_manager(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    with pytest.raises(NotAllowedError) as caught:
        requests.check_request(ctx, NORR_STAFF, lock_log_staff())
    assert caught.value.field == "requester.role"
