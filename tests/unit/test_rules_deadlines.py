"""Deadlines (R3, R12, R13): two working days after the request became complete."""

from __future__ import annotations

from datetime import date

from factories_requests import (
    active_alarm_customers,
    lock_log_recipient,
    supervision_recipient,
    third_party_asking,
    verdict,
)


def test_a_complete_request_is_due_two_working_days_after_it_arrived() -> None:
    """R13: received Friday 20 Nov 2026, due Tuesday 24 Nov."""
    result = verdict(supervision_recipient(), today=date(2026, 11, 20))
    assert result.due == date(2026, 11, 24)
    assert result.complete_on == date(2026, 11, 20)
    assert result.to_json()["due"] == "2026-11-24"


def test_a_request_arriving_on_a_weekend_starts_counting_on_monday() -> None:
    assert verdict(lock_log_recipient(), today=date(2026, 11, 21)).due == date(2026, 11, 25)


def test_a_request_arriving_before_christmas_skips_the_holidays() -> None:
    assert verdict(lock_log_recipient(), today=date(2026, 12, 23)).due == date(2026, 12, 29)


def test_the_number_of_working_days_is_a_setting() -> None:
    assert verdict(lock_log_recipient(), working_days=5).due == date(2026, 11, 27)


def test_an_incomplete_request_has_no_due_date() -> None:
    """R12: it is not handled until completed, so its clock does not run."""
    result = verdict(lock_log_recipient(reason=None))
    assert result.due is None
    assert result.complete_on is None
    assert result.to_json()["due"] is None


def test_a_refused_request_has_no_due_date() -> None:
    assert verdict(third_party_asking(consent=None)).due is None


def test_the_clock_counts_from_when_the_request_became_complete() -> None:
    result = verdict(lock_log_recipient(), today=date(2026, 11, 25), complete_on=date(2026, 11, 20))
    assert result.due == date(2026, 11, 24)


def test_active_alarm_customers_without_a_date_is_due_in_two_working_days() -> None:
    """R3: without a date the extract is produced and sent within 2 working days."""
    assert verdict(active_alarm_customers()).due == date(2026, 11, 24)


def test_active_alarm_customers_as_of_a_past_date_is_due_in_two_working_days() -> None:
    assert verdict(active_alarm_customers(as_of="2026-11-02")).due == date(2026, 11, 24)


def test_active_alarm_customers_as_of_a_later_date_is_due_on_that_date() -> None:
    """Decision: the list as of a future date cannot be sent before that date."""
    result = verdict(active_alarm_customers(as_of="2026-11-30"))
    assert result.due == date(2026, 11, 30)
