"""Timestamps of vendor logs: offsets, Stockholm time, the October repeat and the March gap."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loggutdrag.sources.timeparse import (
    Ambiguity,
    DateConverter,
    TimeRules,
    TimestampConverter,
    TimeValueError,
    convert_clock,
)

STOCKHOLM = TimestampConverter(TimeRules())


def test_an_offset_is_respected() -> None:
    assert STOCKHOLM.convert("2025-06-01T10:00:00+02:00") == "2025-06-01 08:00:00"
    assert STOCKHOLM.convert("2025-06-01T10:00:00Z") == "2025-06-01 10:00:00"
    assert STOCKHOLM.convert("2025-06-01T10:00:00-0130") == "2025-06-01 11:30:00"


def test_a_local_time_without_offset_is_stockholm_time() -> None:
    assert STOCKHOLM.convert("2025-01-15 12:00:00") == "2025-01-15 11:00:00"  # winter, +01
    assert STOCKHOLM.convert("2025-07-15T12:00:00") == "2025-07-15 10:00:00"  # summer, +02


def test_the_repeated_october_hour_is_rejected_as_ambiguous() -> None:
    with pytest.raises(TimeValueError, match="tvetydig"):
        STOCKHOLM.convert("2025-10-26 02:30:00")
    values, errors = STOCKHOLM.column(["2025-10-26 02:30:00", "2025-10-26 03:30:00"])
    assert values == [None, "2025-10-26 02:30:00"]
    assert "tvetydig" in errors[0]


def test_a_profile_can_resolve_the_repeated_hour() -> None:
    earlier = TimestampConverter(TimeRules(ambiguous=Ambiguity.EARLIER))
    later = TimestampConverter(TimeRules(ambiguous=Ambiguity.LATER))
    assert earlier.convert("2025-10-26 02:30:00") == "2025-10-26 00:30:00"
    assert later.convert("2025-10-26 02:30:00") == "2025-10-26 01:30:00"
    assert earlier.column(["2025-10-26T02:30:00"])[0] == ["2025-10-26 00:30:00"]
    assert later.column(["2025-10-26T02:30:00"])[0] == ["2025-10-26 01:30:00"]


def test_the_repeated_hour_with_an_offset_is_unambiguous() -> None:
    assert STOCKHOLM.convert("2025-10-26T02:30:00+02:00") == "2025-10-26 00:30:00"
    assert STOCKHOLM.convert("2025-10-26T02:30:00+01:00") == "2025-10-26 01:30:00"


def test_the_march_gap_does_not_exist() -> None:
    for policy in Ambiguity:
        converter = TimestampConverter(TimeRules(ambiguous=policy))
        with pytest.raises(TimeValueError, match="finns inte"):
            converter.convert("2025-03-30 02:30:00")
        assert "finns inte" in converter.column(["2025-03-30T02:30:00"])[1][0]


def test_garbage_and_impossible_times_are_rejected_with_a_reason() -> None:
    values, errors = STOCKHOLM.column(["igår", "2025-02-30T10:00:00", "2025-01-01T25:00:00", ""])
    assert values == [None, None, None, None]
    assert set(errors) == {0, 1, 2}  # empty is missing, not bad


def test_profile_formats_and_unix_time() -> None:
    converter = TimestampConverter(TimeRules(formats=("%d.%m.%Y %H:%M", "epoch")))
    assert converter.convert("01.02.2025 08:30") == "2025-02-01 07:30:00"
    assert converter.convert("1735689600") == "2025-01-01 00:00:00"


def test_fractional_seconds_are_cut_to_whole_seconds() -> None:
    assert STOCKHOLM.column(["2025-06-01T10:00:00.999+02:00"])[0] == ["2025-06-01 08:00:00"]


@settings(max_examples=300, deadline=None)
@given(
    moment=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31)),  # noqa: DTZ001
    with_offset=st.booleans(),
    separator=st.sampled_from(["T", " "]),
)
def test_the_fast_column_path_agrees_with_the_careful_one(
    moment: datetime, with_offset: bool, separator: str
) -> None:
    moment = moment.replace(microsecond=0)
    text = moment.isoformat(sep=separator)
    if with_offset:
        text += "+01:00"
    converter = TimestampConverter(TimeRules())
    try:
        expected: str | None = TimestampConverter(TimeRules()).convert(text)
    except TimeValueError:
        expected = None
    values, errors = converter.column([text, text])
    assert values == [expected, expected]
    assert bool(errors) == (expected is None)
    if expected is not None and with_offset:
        utc = (moment - timedelta(hours=1)).replace(tzinfo=UTC)
        assert expected == utc.strftime("%Y-%m-%d %H:%M:%S")


def test_dates_and_times_of_day() -> None:
    dates = DateConverter(TimeRules(date_formats=("%d/%m/%Y",)), STOCKHOLM)
    assert dates.convert("2025-04-01") == "2025-04-01"
    assert dates.convert("01/04/2025") == "2025-04-01"
    assert dates.convert("2025-04-01 00:00:00") == "2025-04-01"
    assert dates.convert("2025-03-31T23:30:00Z") == "2025-04-01"  # local date of the instant
    with pytest.raises(TimeValueError):
        dates.convert("2025-13-01")
    assert convert_clock("7:05") == "07:05"
    assert convert_clock("22.30") == "22:30"
    with pytest.raises(TimeValueError):
        convert_clock("25:00")
