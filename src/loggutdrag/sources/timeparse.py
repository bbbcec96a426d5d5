"""Timestamps of vendor logs -> UTC instants, fast.

Accepted: ISO 8601 with an offset (``2025-10-26T02:30:00+01:00``, ``...Z``), or a local time without
one (``2025-10-26 02:30:00``) read in the profile's zone (Europe/Stockholm by default), or one of
the profile's own formats (``strptime`` patterns, ``epoch``, ``epoch_ms``). A local time in the hour
that is repeated when daylight saving time ends is *ambiguous*: it is rejected unless the profile
says ``ambiguous = "earlier"`` (the first pass, summer time) or ``"later"``. A local time in the
hour skipped when it starts does not exist and is always rejected.

The result is the text an instant is stored as: ``YYYY-MM-DD HH:MM:SS`` in UTC (seconds resolution,
as the logs have). Converting a column of values is the hot loop of every import, so the common
shapes take a fast path: the UTC hour of each distinct "date + hour + offset" prefix is computed
once and cached, and minutes and seconds are copied as they are.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

MIN_YEAR = 1970
MAX_YEAR = 2099
_HEAD = operator.itemgetter(slice(0, 13))  # YYYY-MM-DDTHH
_TAIL = operator.itemgetter(slice(13, 19))  # :MM:SS
_SUFFIX = operator.itemgetter(slice(19, None))  # offset, if any
_VALID_TAILS = frozenset(f":{m:02d}:{s:02d}" for m in range(60) for s in range(60))
_CACHE_LIMIT = 200_000


class Ambiguity(StrEnum):
    """What to do with a local time in the repeated hour of October."""

    REJECT = "reject"
    EARLIER = "earlier"  # the first pass (still summer time)
    LATER = "later"  # the second pass (standard time)


class TimeValueError(ValueError):
    """A value is not a usable time; ``reason`` says why, in Swedish."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def load_zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise TimeValueError(f"okänd tidszon {name!r}") from None


@dataclass(frozen=True, slots=True)
class TimeRules:
    zone: str = "Europe/Stockholm"
    formats: tuple[str, ...] = ()  # tried after ISO 8601; "epoch" / "epoch_ms" for Unix time
    date_formats: tuple[str, ...] = ()  # for calendar dates, tried after YYYY-MM-DD
    ambiguous: Ambiguity = Ambiguity.REJECT


class _HeadCache(dict[str, str | None]):
    """Prefix (date, hour, offset) -> UTC ``YYYY-MM-DD HH``; None: the slow path decides."""

    def __init__(self, converter: TimestampConverter) -> None:
        super().__init__()
        self._converter = converter

    def __missing__(self, key: str) -> str | None:
        head = self._converter.utc_head(key)
        if len(self) > _CACHE_LIMIT:
            self.clear()
        self[key] = head
        return head


class TimestampConverter:
    """Converts timestamp texts to stored UTC text; one per import (its caches are per zone)."""

    def __init__(self, rules: TimeRules) -> None:
        self.rules = rules
        self.zone = load_zone(rules.zone)
        self._heads = _HeadCache(self)

    # --- one value ----------------------------------------------------------------------------

    def convert(self, text: str) -> str | None:
        """The stored UTC text of ``text``, or None when it is empty; raises TimeValueError."""
        moment = self.instant(text)
        return None if moment is None else moment.strftime("%Y-%m-%d %H:%M:%S")

    def instant(self, text: str) -> datetime | None:
        value = text.strip()
        if not value:
            return None
        parsed = self._parse(value)
        if parsed.tzinfo is None:
            parsed = self.localize(parsed, value)
        moment = parsed.astimezone(UTC).replace(microsecond=0)
        if not MIN_YEAR <= moment.year <= MAX_YEAR:
            raise TimeValueError(f"tiden {value!r} ligger utanför {MIN_YEAR}–{MAX_YEAR}")
        return moment

    def localize(self, naive: datetime, shown: str) -> datetime:
        """Attach the profile's zone to a local wall time, refusing the gap and (by default) the
        repeated hour."""
        first = naive.replace(tzinfo=self.zone, fold=0)
        second = naive.replace(tzinfo=self.zone, fold=1)
        if first.astimezone(UTC).astimezone(self.zone).replace(tzinfo=None) != naive:
            raise TimeValueError(
                f"tiden {shown!r} finns inte i {self.rules.zone} "
                "(klockan ställs fram när sommartiden börjar)"
            )
        if first.utcoffset() != second.utcoffset():
            if self.rules.ambiguous is Ambiguity.EARLIER:
                return first
            if self.rules.ambiguous is Ambiguity.LATER:
                return second
            raise TimeValueError(
                f"tiden {shown!r} är tvetydig: timmen upprepas när sommartiden slutar; "
                "ange tiden med UTC-förskjutning eller ambiguous = earlier/later i profilen"
            )
        return first

    def _parse(self, value: str) -> datetime:
        if len(value) > 10 and value[:4].isdigit() and value[4:5] == "-":
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                pass
        for pattern in self.rules.formats:
            parsed = _parse_pattern(value, pattern)
            if parsed is not None:
                return parsed
        raise TimeValueError(
            f"tiden {value!r} går inte att tolka (ISO 8601 eller profilens format)"
        )

    # --- a column (the hot path) -----------------------------------------------------------------

    def column(self, values: list[str]) -> tuple[list[str | None], dict[int, str]]:
        """Convert a column; returns the converted values and {index: reason} for bad ones."""
        heads = list(
            map(
                self._heads.__getitem__, map(operator.add, map(_HEAD, values), map(_SUFFIX, values))
            )
        )
        tails = list(map(_TAIL, values))
        out: list[str | None]
        if None not in heads and _VALID_TAILS.issuperset(tails):
            return list(map(operator.add, heads, tails)), {}
        out = [None] * len(values)
        errors: dict[int, str] = {}
        valid_tails = _VALID_TAILS
        for index, (head, tail) in enumerate(zip(heads, tails, strict=True)):
            if head is not None and tail in valid_tails:
                out[index] = head + tail
                continue
            try:
                out[index] = self.convert(values[index])
            except TimeValueError as error:
                errors[index] = error.reason
        return out, errors

    def utc_head(self, key: str) -> str | None:  # noqa: PLR0911 - early exits of the fast path
        """``YYYY-MM-DDTHH`` + optional offset -> UTC ``YYYY-MM-DD HH``; None: the slow path."""
        if len(key) < 13 or key[10] not in "T " or key[4] != "-" or key[7] != "-":
            return None
        digits = key[0:4] + key[5:7] + key[8:10] + key[11:13]
        if not digits.isdigit() or not digits.isascii():
            return None
        try:
            wall = datetime(int(key[0:4]), int(key[5:7]), int(key[8:10]), int(key[11:13]))  # noqa: DTZ001 - a wall time, zone attached below
        except ValueError:
            return None
        if not MIN_YEAR <= wall.year <= MAX_YEAR:
            return None
        suffix = key[13:]
        if suffix:
            offset = _offset_minutes(suffix)
            if offset is None or offset % 60:
                return None
            moment: datetime | None = wall - timedelta(minutes=offset)
        else:
            moment = self._local_hour_to_utc(wall)
        if moment is None:
            return None
        if not MIN_YEAR <= moment.year <= MAX_YEAR:
            return None
        return moment.strftime("%Y-%m-%d %H")

    def _local_hour_to_utc(self, wall: datetime) -> datetime | None:
        """The UTC hour of a whole local hour, if every second of it maps the same way."""
        try:
            start = self.localize(wall, "")
            end = self.localize(wall + timedelta(minutes=59, seconds=59), "")
        except TimeValueError:
            return None
        if start.utcoffset() != end.utcoffset() or start.fold != end.fold:
            return None
        utc = start.astimezone(UTC).replace(tzinfo=None)
        return None if utc.minute or utc.second else utc


def _offset_minutes(suffix: str) -> int | None:
    if suffix == "Z":
        return 0
    if len(suffix) in (3, 5, 6) and suffix[0] in "+-":
        body = suffix[1:].replace(":", "")
        if len(body) == 2:
            body += "00"
        if len(body) != 4 or not body.isdigit() or (len(suffix) == 5 and ":" in suffix):
            return None
        minutes = int(body[:2]) * 60 + int(body[2:])
        if minutes >= 24 * 60:
            return None
        return minutes if suffix[0] == "+" else -minutes
    return None


def _parse_pattern(value: str, pattern: str) -> datetime | None:
    if pattern in ("epoch", "epoch_ms"):
        try:
            number = float(value.replace(",", "."))
        except ValueError:
            return None
        seconds = number / 1000 if pattern == "epoch_ms" else number
        try:
            return datetime.fromtimestamp(seconds, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    try:
        return datetime.strptime(value, pattern)  # noqa: DTZ007 - naive on purpose: localized after
    except ValueError:
        return None


# --- calendar dates and times of day ------------------------------------------------------------


class DateConverter:
    """Local calendar dates: YYYY-MM-DD, the profile's formats, or a timestamp's local date."""

    def __init__(self, rules: TimeRules, timestamps: TimestampConverter) -> None:
        self.rules = rules
        self._timestamps = timestamps
        self._cache: dict[str, str] = {}

    def convert(self, text: str) -> str | None:
        value = text.strip()
        if not value:
            return None
        cached = self._cache.get(value)
        if cached is not None:
            return cached
        result = self._convert(value).isoformat()
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
        self._cache[value] = result
        return result

    def _convert(self, value: str) -> date:
        if len(value) == 10 and value[4:5] == "-":
            try:
                return _in_range(date.fromisoformat(value), value)
            except ValueError:
                pass
        for pattern in self.rules.date_formats:
            parsed = _parse_pattern(value, pattern)
            if parsed is not None:
                return _in_range(parsed.date(), value)
        if len(value) > 10:
            try:
                parsed = self._timestamps._parse(value)
            except TimeValueError:
                pass
            else:
                local = (
                    parsed if parsed.tzinfo is None else parsed.astimezone(self._timestamps.zone)
                )
                return _in_range(local.date(), value)
        raise TimeValueError(f"datumet {value!r} går inte att tolka (ÅÅÅÅ-MM-DD)")


def _in_range(day: date, shown: str) -> date:
    if not 1900 <= day.year <= MAX_YEAR:
        raise TimeValueError(f"datumet {shown!r} ligger utanför 1900–{MAX_YEAR}")
    return day


def convert_clock(text: str) -> str | None:
    """A local time of day -> HH:MM (accepts H:MM, HH:MM:SS and HH.MM)."""
    value = text.strip().replace(".", ":")
    if not value:
        return None
    parts = value.split(":")
    if 2 <= len(parts) <= 3 and all(part.isdigit() and len(part) <= 2 for part in parts):
        hour, minute = int(parts[0]), int(parts[1])
        second = int(parts[2]) if len(parts) == 3 else 0
        if hour < 24 and minute < 60 and second < 60:
            return f"{hour:02d}:{minute:02d}"
    raise TimeValueError(f"klockslaget {text.strip()!r} går inte att tolka (TT:MM)")
