"""The demo year and fast time arithmetic for it.

The demo municipality always covers the same twelve months, whatever the seed: the year ending the
day before :data:`REFERENCE_DATE`, i.e. 2025-11-01 .. 2026-10-31 (local dates, Europe/Stockholm).
Tests and documentation can rely on it. The year holds both daylight-saving changes (2026-03-29 and
2026-10-25), so the demo logs exercise the skipped and the repeated hour.

Events are generated as integer epoch seconds (UTC). People's behaviour is local: a visit at
08:00 local time is ``Timeline.local(day, 8 * 3600)``. Formatting an epoch as text goes through
precomputed tables instead of one datetime object per event.
"""

from __future__ import annotations

import datetime as dt
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

REFERENCE_DATE = date(2026, 11, 1)
"""Fixed, seed-independent: the demo year is the 12 months ending the day before this date."""
YEAR_START = date(2025, 11, 1)
YEAR_END = REFERENCE_DATE - timedelta(days=1)  # 2026-10-31, inclusive
TIMEZONE = "Europe/Stockholm"

_DAY = 86_400
_MARGIN_DAYS = 3  # events may spill a little past either end of the year (a call closing at 00:40)

HMS: tuple[str, ...] = tuple(
    f"{hour:02d}:{minute:02d}:{second:02d}"
    for hour in range(24)
    for minute in range(60)
    for second in range(60)
)
"""``HMS[s]`` is the clock text of second ``s`` of a day."""


class Timeline:
    """Day numbers of the demo year (0 = :data:`YEAR_START`) and local time -> epoch seconds."""

    def __init__(self, tz_name: str = TIMEZONE) -> None:
        self.tz = ZoneInfo(tz_name)
        self.start = YEAR_START
        self.days = (YEAR_END - YEAR_START).days + 1
        first = -_MARGIN_DAYS
        self._first = first
        midnights: list[int] = []
        irregular: list[bool] = []
        for d in range(first, self.days + _MARGIN_DAYS):
            day = YEAR_START + timedelta(days=d)
            midnight = datetime(day.year, day.month, day.day, tzinfo=self.tz)
            following = day + timedelta(days=1)
            next_midnight = datetime(following.year, following.month, following.day, tzinfo=self.tz)
            midnights.append(int(midnight.timestamp()))
            irregular.append(int(next_midnight.timestamp() - midnight.timestamp()) != _DAY)
        self._midnight = midnights
        self._irregular = irregular
        self.first_epoch = midnights[0]
        self.last_epoch = midnights[-1] + _DAY
        self.epoch_start = midnights[-first]  # local midnight starting day 0
        self.epoch_end = midnights[self.days - first]  # local midnight after the last day

    def date(self, d: int) -> date:
        return self.start + timedelta(days=d)

    def day_of(self, value: dt.date) -> int:
        return (value - self.start).days

    def iso_weekday(self, d: int) -> int:
        return self.date(d).isoweekday()

    def local(self, d: int, second: int) -> int:
        """Epoch seconds of local clock time ``second`` (0..86399) on day ``d``.

        A clock time that does not exist (the skipped hour in March) resolves with the offset
        before the change (02:30 -> 03:30 summer time); a repeated one (October) to its first.
        """
        i = d - self._first
        if not self._irregular[i]:
            return self._midnight[i] + second
        day = self.date(d)
        hour, rest = divmod(second, 3600)
        local = datetime(day.year, day.month, day.day, hour, rest // 60, rest % 60, tzinfo=self.tz)
        return int(local.timestamp())

    def transitions(self) -> list[tuple[int, int]]:
        """(epoch, UTC offset in seconds from then on) for the start and every change in range."""
        result: list[tuple[int, int]] = []
        epoch = self.first_epoch
        while epoch < self.last_epoch:
            offset = _offset(self.tz, epoch)
            if not result or result[-1][1] != offset:
                result.append((epoch, offset))
            epoch += 900
        return result


def _offset(tz: ZoneInfo, epoch: int) -> int:
    delta = datetime.fromtimestamp(epoch, UTC).astimezone(tz).utcoffset()
    return int(delta.total_seconds()) if delta is not None else 0


class UtcText:
    """Epoch seconds -> ``YYYY-MM-DD HH:MM:SS`` in UTC (= store.types.sqlite_timestamp).

    ``days[epoch // 86400 - base] + HMS[epoch % 86400]`` is the same text without a call, for
    hot loops over epochs known to lie within the timeline's range.
    """

    def __init__(self, timeline: Timeline) -> None:
        self.base = timeline.first_epoch // _DAY
        count = (timeline.last_epoch // _DAY) - self.base + 2
        first = datetime.fromtimestamp(self.base * _DAY, UTC).date()
        self.days = tuple((first + timedelta(days=i)).isoformat() + " " for i in range(count))

    def __call__(self, epoch: int) -> str:
        index = epoch // _DAY - self.base
        if 0 <= index < len(self.days):
            return self.days[index] + HMS[epoch % _DAY]
        return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d %H:%M:%S")


class LocalIso:
    """Epoch seconds -> ISO 8601 local time with its offset, e.g. ``2026-03-29T03:15:00+02:00``."""

    def __init__(self, timeline: Timeline) -> None:
        self._tz = timeline.tz
        self._transitions = timeline.transitions()
        self._base = timeline.first_epoch // _DAY - 1
        count = (timeline.last_epoch // _DAY) - self._base + 3
        first = datetime.fromtimestamp(self._base * _DAY, UTC).date()
        self._days = tuple((first + timedelta(days=i)).isoformat() + "T" for i in range(count))
        self._first = self._transitions[0][0]
        self._last = timeline.last_epoch

    def __call__(self, epoch: int) -> str:
        if not self._first <= epoch < self._last:
            return datetime.fromtimestamp(epoch, UTC).astimezone(self._tz).isoformat()
        offset = self._transitions[0][1]
        for start, value in self._transitions:
            if epoch < start:
                break
            offset = value
        local = epoch + offset
        sign = "+" if offset >= 0 else "-"
        hours, minutes = divmod(abs(offset) // 60, 60)
        return (
            self._days[local // _DAY - self._base]
            + HMS[local % _DAY]
            + f"{sign}{hours:02d}:{minutes:02d}"
        )
