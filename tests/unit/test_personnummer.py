"""Personnummer and samordningsnummer are checked by the maintained library behind our wrapper."""

from __future__ import annotations

from datetime import date

import pytest

from loggutdrag.domain.personnummer import (
    InvalidPersonnummerError,
    parse_personnummer,
    with_check_digit,
)

# Officially published test numbers (Skatteverket's test series) and made-up ones only.


def test_a_twelve_digit_number_with_a_dash_is_kept_as_twelve_digits() -> None:
    assert parse_personnummer("19811218-9876").long == "198112189876"


def test_a_ten_digit_number_gets_its_century() -> None:
    assert parse_personnummer("811218-9876").long == "198112189876"


def test_a_plus_sign_means_a_hundred_years_or_older() -> None:
    number = parse_personnummer("121212+1212")
    assert number.long == "191212121212"
    assert number.birth_date == date(1912, 12, 12)


def test_a_samordningsnummer_adds_sixty_to_the_day() -> None:
    number = parse_personnummer("19701063-2391")
    assert number.is_samordningsnummer
    assert number.birth_date == date(1970, 10, 3)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("19811218-9877", "kontrollsiffran"),
        ("20230230-1234", "kontrollsiffran eller datumet"),
        ("1981-12-18", "10 eller 12 siffror"),
        ("", "10 eller 12 siffror"),
    ],
)
def test_an_invalid_number_is_refused_with_a_swedish_reason(text: str, reason: str) -> None:
    with pytest.raises(InvalidPersonnummerError, match=reason):
        parse_personnummer(text)


def test_made_up_numbers_get_a_valid_check_digit() -> None:
    assert parse_personnummer(with_check_digit("19400101123")).long.startswith("19400101123")


def test_lists_show_a_masked_number() -> None:
    assert parse_personnummer("19811218-9876").masked == "19811218-****"
