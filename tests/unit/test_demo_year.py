"""The demo year: fixed dates, local time across daylight saving, fast timestamp text."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from loggutdrag.demo.year import YEAR_END, YEAR_START, LocalIso, Timeline, UtcText
from loggutdrag.store.types import sqlite_timestamp

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return Timeline()


def test_the_demo_year_is_fixed_to_november_2025_through_october_2026(timeline: Timeline) -> None:
    assert (date(2025, 11, 1), date(2026, 10, 31)) == (YEAR_START, YEAR_END)
    assert timeline.days == 365
    assert timeline.date(0) == YEAR_START
    assert timeline.date(timeline.days - 1) == YEAR_END


@pytest.mark.parametrize(
    ("day", "clock"),
    [
        (date(2025, 11, 1), (0, 0)),
        (date(2026, 1, 15), (8, 30)),
        (date(2026, 3, 29), (1, 30)),  # before the spring change
        (date(2026, 3, 29), (3, 30)),  # after it
        (date(2026, 7, 1), (23, 59)),
        (date(2026, 10, 25), (1, 0)),
        (date(2026, 10, 25), (2, 30)),  # the repeated hour: its first (summer time) instance
        (date(2026, 10, 25), (4, 0)),
        (date(2026, 10, 31), (23, 0)),
    ],
)
def test_local_clock_time_becomes_the_right_instant(
    timeline: Timeline, day: date, clock: tuple[int, int]
) -> None:
    hour, minute = clock
    expected = datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM)
    assert timeline.local(timeline.day_of(day), hour * 3600 + minute * 60) == expected.timestamp()


def test_the_skipped_spring_hour_resolves_to_summer_time(timeline: Timeline) -> None:
    epoch = timeline.local(timeline.day_of(date(2026, 3, 29)), 2 * 3600 + 30 * 60)
    local = datetime.fromtimestamp(epoch, UTC).astimezone(STOCKHOLM)
    assert (local.hour, local.minute, local.utcoffset()) == (3, 30, timedelta(hours=2))


def test_fast_utc_text_is_what_the_store_writes(timeline: Timeline) -> None:
    text = UtcText(timeline)
    epoch = timeline.epoch_start
    while epoch < timeline.epoch_end:
        assert text(epoch) == sqlite_timestamp(datetime.fromtimestamp(epoch, UTC))
        epoch += 7919  # a prime step: every hour and minute is hit across the year


def test_fast_utc_text_falls_back_outside_the_year(timeline: Timeline) -> None:
    far = datetime(2030, 5, 6, 7, 8, 9, tzinfo=UTC)
    assert UtcText(timeline)(int(far.timestamp())) == "2030-05-06 07:08:09"


def test_local_iso_text_carries_the_offset_in_force(timeline: Timeline) -> None:
    iso = LocalIso(timeline)
    epoch = timeline.epoch_start
    while epoch < timeline.epoch_end:
        expected = datetime.fromtimestamp(epoch, UTC).astimezone(STOCKHOLM).isoformat()
        assert iso(epoch) == expected
        epoch += 7919


def test_local_iso_keeps_the_repeated_october_hour_apart(timeline: Timeline) -> None:
    iso = LocalIso(timeline)
    first = int(datetime(2026, 10, 25, 0, 30, tzinfo=UTC).timestamp())  # 02:30 summer time
    second = first + 3600  # 02:30 winter time
    assert iso(first) == "2026-10-25T02:30:00+02:00"
    assert iso(second) == "2026-10-25T02:30:00+01:00"
