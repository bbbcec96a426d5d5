"""Local calendar dates and local times (Europe/Stockholm) for the instants the logs store.

Periods are local calendar dates, inclusive at both ends. Times are shown in local time; in the hour
that is repeated when daylight saving ends (late October) the UTC offset is shown as well, so the
first 02:30 (+02:00) and the second 02:30 (+01:00) can be told apart.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

DEFAULT_TIMEZONE = "Europe/Stockholm"


@lru_cache(maxsize=8)
def zone(name: str = DEFAULT_TIMEZONE) -> ZoneInfo:
    return ZoneInfo(name)


def day_bounds_utc(start: date, end: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """The UTC instants [first moment of ``start``, first moment after ``end``) in local time."""
    first = datetime.combine(start, time(0), tzinfo=tz).astimezone(UTC)
    after = datetime.combine(end + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
    return first, after


def to_local(instant: datetime, tz: tzinfo) -> datetime:
    """The instant as an aware local datetime (``fold`` set for the second of a repeated hour)."""
    return instant.astimezone(tz)


def is_ambiguous(local: datetime) -> bool:
    """True when the local wall time occurs twice (the repeated hour in October)."""
    other = local.replace(fold=1 - local.fold)
    return other.utcoffset() != local.utcoffset()


def _offset_text(local: datetime) -> str:
    offset = local.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def format_local(local: datetime, *, seconds: bool = True) -> str:
    """``2026-10-25 02:30:00``, or ``2026-10-25 02:30:00 (+02:00)`` inside the repeated hour."""
    text = local.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
    if is_ambiguous(local):
        text += f" ({_offset_text(local)})"
    return text


def format_local_time(local: datetime) -> str:
    """``02:30``, or ``02:30 (+01:00)`` inside the repeated hour."""
    text = local.strftime("%H:%M")
    if is_ambiguous(local):
        text += f" ({_offset_text(local)})"
    return text


def local_datetime(day: date, hhmm: str, tz: tzinfo) -> datetime:
    """The local wall time ``hhmm`` on ``day`` (the first of two in the repeated hour)."""
    hours, minutes = (int(part) for part in hhmm.split(":", 1))
    return datetime.combine(day, time(hours, minutes), tzinfo=tz)


def minutes_between(start: datetime | None, end: datetime | None) -> float | None:
    """Whole minutes (one decimal) from ``start`` to ``end``, or None when either is missing."""
    if start is None or end is None:
        return None
    return round((end - start).total_seconds() / 60, 1)


def iso_week(day: date) -> str:
    """ISO week as ``2026-W44``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def dates_between(start: date, end: date) -> list[date]:
    """Every date from ``start`` to ``end`` inclusive."""
    return [start + timedelta(days=offset) for offset in range((end - start).days + 1)]
