"""Local time for extracts and the supervision deviation rules (R10), without a database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from loggutdrag.domain.localtime import (
    day_bounds_utc,
    format_local,
    format_local_time,
    iso_week,
    minutes_between,
)
from loggutdrag.domain.supervision import Deviation, LookinFacts, deviations, ordered_days
from loggutdrag.services.billing import first_working_day_of_month, is_first_working_day_of_month

TZ = ZoneInfo("Europe/Stockholm")
PLANNED = datetime(2026, 3, 10, 21, 0, tzinfo=UTC)


def test_a_local_period_runs_from_local_midnight_to_local_midnight() -> None:
    assert day_bounds_utc(date(2026, 10, 1), date(2026, 10, 31), TZ) == (
        datetime(2026, 9, 30, 22, 0, tzinfo=UTC),
        datetime(2026, 10, 31, 23, 0, tzinfo=UTC),  # the clocks went back on 25 October
    )
    assert day_bounds_utc(date(2026, 3, 29), date(2026, 3, 29), TZ) == (
        datetime(2026, 3, 28, 23, 0, tzinfo=UTC),
        datetime(2026, 3, 29, 22, 0, tzinfo=UTC),  # a 23-hour day
    )


def test_the_repeated_hour_shows_its_offset_and_other_hours_do_not() -> None:
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC).astimezone(TZ)
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC).astimezone(TZ)
    before = datetime(2026, 10, 24, 23, 59, tzinfo=UTC).astimezone(TZ)
    assert format_local(first) == "2026-10-25 02:30:00 (+02:00)"
    assert format_local(second) == "2026-10-25 02:30:00 (+01:00)"
    assert format_local(before, seconds=False) == "2026-10-25 01:59"
    assert format_local_time(second) == "02:30 (+01:00)"
    assert format_local_time(datetime(2026, 7, 1, 12, 0, tzinfo=TZ)) == "12:00"


def test_minutes_and_weeks() -> None:
    start = datetime(2026, 10, 25, 0, 50, tzinfo=UTC)
    assert minutes_between(start, start + timedelta(minutes=70, seconds=30)) == 70.5
    assert minutes_between(start, None) is None
    assert iso_week(date(2026, 10, 3)) == "2026-W40"
    assert iso_week(date(2027, 1, 1)) == "2026-W53"


def _lookin(
    performed_after: int | None,
    outcome: str,
    action: str = "none",
    action_after: int | None = None,
) -> LookinFacts:
    def later(minutes: int | None) -> datetime | None:
        return None if minutes is None else PLANNED + timedelta(minutes=minutes)

    return LookinFacts(PLANNED, later(performed_after), outcome, action, later(action_after))


@pytest.mark.parametrize(
    ("lookin", "expected"),
    [
        (_lookin(3, "in_bed"), ()),
        (_lookin(None, "not_performed"), (Deviation.NOT_PERFORMED,)),
        (_lookin(5, "not_performed"), (Deviation.NOT_PERFORMED,)),
        (_lookin(15, "in_bed"), ()),
        (_lookin(16, "in_bed"), (Deviation.LATE,)),
        (_lookin(-10, "in_bed"), ()),
        (_lookin(2, "not_visible"), (Deviation.NOT_VISIBLE_NO_RECHECK,)),
        (_lookin(2, "not_visible", "recheck", 22), ()),
        (_lookin(2, "not_visible", "recheck", 23), (Deviation.NOT_VISIBLE_NO_RECHECK,)),
        (_lookin(2, "not_in_bed"), (Deviation.NOT_IN_BED_NO_CALL,)),
        (_lookin(2, "not_in_bed", "called_recipient", 3), (Deviation.NOT_IN_BED_NO_CALL,)),
        (_lookin(2, "not_in_bed", "called_provider", 3), ()),
        (_lookin(30, "not_in_bed"), (Deviation.LATE, Deviation.NOT_IN_BED_NO_CALL)),
    ],
)
def test_each_deviation_rule(lookin: LookinFacts, expected: tuple[str, ...]) -> None:
    assert deviations(lookin) == expected


def test_a_recheck_may_be_its_own_lookin_of_the_same_camera_within_20_minutes() -> None:
    lookin = _lookin(2, "not_visible")
    assert deviations(lookin, [PLANNED + timedelta(minutes=22)]) == ()
    assert deviations(lookin, [PLANNED + timedelta(minutes=23)]) == (
        Deviation.NOT_VISIBLE_NO_RECHECK,
    )


def test_an_order_applies_on_its_weekdays_within_its_validity() -> None:
    days = [date(2026, 10, 23) + timedelta(days=i) for i in range(5)]  # Fri .. Tue
    assert ordered_days("67", date(2026, 1, 1), None, days) == [
        date(2026, 10, 24),
        date(2026, 10, 25),
    ]
    assert ordered_days("1234567", date(2026, 10, 24), date(2026, 10, 25), days) == [
        date(2026, 10, 24),
        date(2026, 10, 25),
    ]


def test_the_billing_run_knows_the_first_working_day_of_each_month() -> None:
    assert first_working_day_of_month(date(2026, 11, 17)) == date(2026, 11, 2)  # 1 Nov a Sunday
    assert first_working_day_of_month(date(2027, 1, 20)) == date(2027, 1, 4)  # Nyårsdagen
    assert is_first_working_day_of_month(date(2026, 6, 1))
    assert not is_first_working_day_of_month(date(2026, 6, 2))
