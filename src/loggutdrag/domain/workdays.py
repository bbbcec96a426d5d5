"""Working days (helgfria vardagar) and deadlines, from the maintained ``holidays`` package.

A working day is Monday-Friday that is neither a Swedish public holiday nor one of the eves that are
treated as holidays (Midsommarafton, Julafton, Nyårsafton: the package's ``de_facto`` category; the
default categories miss them). Never a hand-written calendar.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache


@lru_cache(maxsize=64)
def _swedish_holidays(year: int) -> dict[date, str]:
    # Imported when first needed: loading the package's countries costs a quarter of a second,
    # which commands that never count working days (import, extract, audit) need not pay.
    import holidays

    calendar = holidays.country_holidays(
        "SE", categories=("public", "de_facto"), language="sv", years=year
    )
    return dict(calendar.items())


def holiday_name(day: date) -> str | None:
    """The Swedish name of the holiday on ``day``, or None."""
    return _swedish_holidays(day.year).get(day)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and holiday_name(day) is None


def next_working_day(day: date) -> date:
    """``day`` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start``.

    A request that arrives on a weekend or holiday starts counting at the next working day, so the
    arrival day only counts as day 0 when it is itself a working day: received on Friday, 2 working
    days later is Tuesday; received on Saturday, counting starts on Monday, so Wednesday.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    day = next_working_day(start)
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def not_a_working_day_reason(day: date) -> str | None:
    """Why ``day`` is not a working day, in Swedish, or None when it is one."""
    name = holiday_name(day)
    if name:
        return f"{day.isoformat()} är en helgdag ({name})"
    if day.weekday() >= 5:
        return f"{day.isoformat()} är en {'lördag' if day.weekday() == 5 else 'söndag'}"
    return None
