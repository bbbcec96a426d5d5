"""A provider asking about a recipient or staff member it did not serve in the period is told so
(checked against the imported logs and the staff register)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from factories_cases import (
    MONDAY_23_NOV,
    OFFICER,
    alarm,
    at,
    lock_event,
    provider,
    recipient,
    staff_member,
)
from factories_requests import PNR, lock_log_recipient, lock_log_staff, recipient_asking
from loggutdrag.services import requests
from loggutdrag.services.context import AppContext


def _rules(ctx: AppContext, data: dict[str, object]) -> list[str]:
    verdict = requests.check_request(ctx, OFFICER, data)
    return [str(refusal.rule) for refusal in verdict.refusals]


def test_a_provider_whose_alarm_the_recipient_had_may_ask(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    norr = provider(ctx.engine, "NORR")
    greta = recipient(ctx.engine, PNR)
    alarm(ctx.engine, norr, greta, date(2025, 3, 1))
    verdict = requests.check_request(ctx, OFFICER, lock_log_recipient())
    assert verdict.allowed
    assert verdict.exit_code == 0


def test_a_provider_that_did_not_serve_the_recipient_in_the_period_is_refused(
    ctx: AppContext,
) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    provider(ctx.engine, "NORR")
    soder = provider(ctx.engine, "SODER")
    greta = recipient(ctx.engine, PNR)
    alarm(ctx.engine, soder, greta, date(2025, 3, 1))
    verdict = requests.check_request(ctx, OFFICER, lock_log_recipient())
    assert not verdict.allowed
    assert [str(r.rule) for r in verdict.refusals] == ["R14"]
    assert "inte haft brukaren under perioden" in verdict.message_sv
    assert verdict.exit_code == 4


def test_an_alarm_that_ended_before_the_period_does_not_count(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    norr = provider(ctx.engine, "NORR")
    greta = recipient(ctx.engine, PNR)
    alarm(ctx.engine, norr, greta, date(2025, 3, 1), date(2026, 9, 30))
    assert _rules(ctx, lock_log_recipient()) == ["R14"]


def test_a_lock_event_in_the_period_links_provider_and_recipient(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    norr = provider(ctx.engine, "NORR")
    greta = recipient(ctx.engine, PNR)
    # 31 Oct 23:30 local time is 22:30 UTC: inside the period's last local day.
    lock_event(ctx.engine, norr, greta, None, datetime(2026, 10, 31, 22, 30, tzinfo=UTC))
    assert _rules(ctx, lock_log_recipient()) == []
    outside = lock_log_recipient(period={"start": "2026-09-01", "end": "2026-09-30"})
    assert _rules(ctx, outside) == ["R14"]


def test_a_recipient_unknown_to_the_logs_gets_a_note_not_a_refusal(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    provider(ctx.engine, "NORR")
    verdict = requests.check_request(ctx, OFFICER, lock_log_recipient())
    assert verdict.allowed
    notes = [note for note in verdict.notes if "inte i de inlästa loggarna" in note.message_sv]
    assert notes
    assert not notes[0].for_requester
    assert "inlästa" not in verdict.message_sv


def test_the_recipient_asking_themself_is_not_checked_against_a_provider(
    ctx: AppContext,
) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    soder = provider(ctx.engine, "SODER")
    greta = recipient(ctx.engine, PNR)
    alarm(ctx.engine, soder, greta, date(2025, 3, 1))
    assert _rules(ctx, recipient_asking(provider="NORR")) == []


def test_a_staff_member_of_another_provider_is_refused(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    provider(ctx.engine, "NORR")
    soder = provider(ctx.engine, "SODER")
    staff_member(ctx.engine, "sven.p", soder)
    assert _rules(ctx, lock_log_staff()) == ["R6"]


def test_the_providers_own_staff_member_is_allowed(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    norr = provider(ctx.engine, "NORR")
    staff_member(ctx.engine, "sven.p", norr, valid_from=date(2024, 1, 1))
    assert _rules(ctx, lock_log_staff()) == []


def test_a_staff_member_who_left_before_the_period_is_refused(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    norr = provider(ctx.engine, "NORR")
    staff_member(ctx.engine, "sven.p", norr, date(2024, 1, 1), date(2026, 6, 30))
    assert _rules(ctx, lock_log_staff()) == ["R6"]


def test_a_staff_member_who_moved_on_still_counts_where_their_lock_use_shows(
    ctx: AppContext,
) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    norr = provider(ctx.engine, "NORR")
    soder = provider(ctx.engine, "SODER")
    sven = staff_member(ctx.engine, "sven.p", soder)  # works at Söder now
    greta = recipient(ctx.engine, PNR)
    lock_event(ctx.engine, norr, greta, sven, datetime(2026, 10, 5, 8, 0, tzinfo=UTC))
    assert _rules(ctx, lock_log_staff()) == []


def test_the_case_remembers_whose_data_it_concerns(ctx: AppContext) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    norr = provider(ctx.engine, "NORR")
    greta = recipient(ctx.engine, PNR)
    alarm(ctx.engine, norr, greta, date(2025, 3, 1))
    result = requests.submit_request(ctx, OFFICER, lock_log_recipient())
    case = requests.get_case(ctx, OFFICER, str(result.case_id))
    assert case.provider_id == norr
    assert case.recipient_id == greta
    assert case.provider_code == "NORR"
