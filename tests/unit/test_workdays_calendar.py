"""Working days (helgfria vardagar) come from the holidays package; workalendar checks them."""

from __future__ import annotations

import warnings
from datetime import date, timedelta

import pytest

from loggutdrag.domain.workdays import (
    add_working_days,
    holiday_name,
    is_working_day,
    next_working_day,
    not_a_working_day_reason,
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # workalendar warns about its optional astronomy backends
    from workalendar.europe import Sweden

YEARS = range(2025, 2029)

# Every Swedish holiday of 2025-2028 that falls Monday-Friday, written out from the almanac, so the
# test fails if either library changes its mind. Eves (Midsommarafton, Julafton, Nyårsafton) are
# holidays in practice and are included.
WEEKDAY_HOLIDAYS = {
    2025: [
        "2025-01-01",  # Nyårsdagen
        "2025-01-06",  # Trettondedag jul
        "2025-04-18",  # Långfredagen
        "2025-04-21",  # Annandag påsk
        "2025-05-01",  # Första maj
        "2025-05-29",  # Kristi himmelsfärdsdag
        "2025-06-06",  # Nationaldagen
        "2025-06-20",  # Midsommarafton
        "2025-12-24",  # Julafton
        "2025-12-25",  # Juldagen
        "2025-12-26",  # Annandag jul
        "2025-12-31",  # Nyårsafton
    ],
    2026: [
        "2026-01-01",
        "2026-01-06",
        "2026-04-03",  # Långfredagen
        "2026-04-06",  # Annandag påsk
        "2026-05-01",
        "2026-05-14",  # Kristi himmelsfärdsdag
        "2026-06-19",  # Midsommarafton (Nationaldagen is a Saturday)
        "2026-12-24",
        "2026-12-25",
        "2026-12-31",
    ],
    2027: [
        "2027-01-01",
        "2027-01-06",
        "2027-03-26",  # Långfredagen
        "2027-03-29",  # Annandag påsk
        "2027-05-06",  # Kristi himmelsfärdsdag
        "2027-06-25",  # Midsommarafton
        "2027-12-24",
        "2027-12-31",
    ],
    2028: [
        "2028-01-06",
        "2028-04-14",  # Långfredagen
        "2028-04-17",  # Annandag påsk
        "2028-05-01",
        "2028-05-25",  # Kristi himmelsfärdsdag
        "2028-06-06",  # Nationaldagen
        "2028-06-23",  # Midsommarafton
        "2028-12-25",
        "2028-12-26",
    ],
}


def _workalendar_holidays(year: int) -> set[date]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {day for day, _name in Sweden().holidays(year)}


@pytest.mark.parametrize("year", YEARS)
def test_every_holiday_workalendar_knows_is_not_a_working_day(year: int) -> None:
    for day in _workalendar_holidays(year):
        assert not is_working_day(day), f"{day} should be a holiday"
        assert not_a_working_day_reason(day) is not None


@pytest.mark.parametrize("year", YEARS)
def test_working_days_agree_with_workalendar_on_every_day_of_the_year(year: int) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        calendar = Sweden()
        day = date(year, 1, 1)
        while day.year == year:
            assert is_working_day(day) == calendar.is_working_day(day), day
            day += timedelta(days=1)


@pytest.mark.parametrize("year", YEARS)
def test_the_weekday_holidays_are_exactly_the_almanacs(year: int) -> None:
    found = [
        day.isoformat()
        for day in (date(year, 1, 1) + timedelta(days=n) for n in range(366))
        if day.year == year and day.weekday() < 5 and not is_working_day(day)
    ]
    assert found == WEEKDAY_HOLIDAYS[year]


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2026, 6, 19), "Midsommarafton"),
        (date(2026, 12, 24), "Julafton"),
        (date(2026, 12, 31), "Nyårsafton"),
        (date(2027, 3, 26), "Långfredagen"),
        (date(2026, 6, 6), "Nationaldagen"),
    ],
)
def test_the_eves_and_holidays_have_their_swedish_names(day: date, name: str) -> None:
    assert holiday_name(day) == name


def test_ordinary_days_before_holidays_are_working_days() -> None:
    # Trettondagsafton, Valborgsmässoafton and Skärtorsdagen are ordinary working days.
    assert is_working_day(date(2026, 1, 5))
    assert is_working_day(date(2026, 4, 30))
    assert is_working_day(date(2026, 4, 2))


def test_a_request_received_on_friday_is_due_on_tuesday() -> None:
    assert add_working_days(date(2026, 11, 20), 2) == date(2026, 11, 24)


def test_a_request_received_on_saturday_starts_counting_on_monday() -> None:
    # Monday is day 0 (as if received then); two working days later is Wednesday.
    assert add_working_days(date(2026, 11, 21), 2) == date(2026, 11, 25)
    assert add_working_days(date(2026, 11, 22), 2) == date(2026, 11, 25)


def test_deadlines_skip_christmas_and_new_year() -> None:
    # Wednesday 23 Dec 2026: 24, 25 (holidays), 26-27 (weekend), 28 Mon = 1, 29 Tue = 2.
    assert add_working_days(date(2026, 12, 23), 2) == date(2026, 12, 29)
    # Received on Julafton: counting starts on Monday 28th, due Wednesday 30th.
    assert add_working_days(date(2026, 12, 24), 2) == date(2026, 12, 30)
    # 30 Dec: 31 (Nyårsafton), 1 Jan (holiday), then Mon 4 Jan = 1, Tue 5 = 2.
    assert add_working_days(date(2026, 12, 30), 2) == date(2027, 1, 5)


def test_deadlines_skip_easter_and_midsummer() -> None:
    # Thursday before Easter 2026 (Skärtorsdagen): Långfredagen and Annandag påsk are off.
    assert add_working_days(date(2026, 4, 2), 2) == date(2026, 4, 8)
    # Thursday before Midsommarafton 2026.
    assert add_working_days(date(2026, 6, 18), 2) == date(2026, 6, 23)


def test_zero_working_days_is_the_next_working_day() -> None:
    assert add_working_days(date(2026, 11, 20), 0) == date(2026, 11, 20)
    assert add_working_days(date(2026, 11, 21), 0) == date(2026, 11, 23)


def test_negative_working_days_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        add_working_days(date(2026, 11, 20), -1)


def test_the_next_working_day_after_a_long_weekend() -> None:
    assert next_working_day(date(2026, 4, 3)) == date(2026, 4, 7)


def test_the_reason_names_the_holiday_or_the_weekend() -> None:
    assert not_a_working_day_reason(date(2026, 12, 24)) == "2026-12-24 är en helgdag (Julafton)"
    assert not_a_working_day_reason(date(2026, 11, 21)) == "2026-11-21 är en lördag"
    assert not_a_working_day_reason(date(2026, 11, 22)) == "2026-11-22 är en söndag"
    assert not_a_working_day_reason(date(2026, 11, 23)) is None
