"""Made-up people for the demo: valid personnummer, plausible names, unique usernames."""

from __future__ import annotations

import re
from datetime import date
from random import Random

from personnummer import personnummer as reference_lib

from loggutdrag.demo.people import (
    ascii_slug,
    birth_date,
    luhn_digit,
    make_address,
    make_personnummer,
    org_number,
    staff_username,
)
from loggutdrag.domain.personnummer import parse_personnummer


def test_made_up_personnummer_are_valid_unique_and_follow_the_sex_digit() -> None:
    rng = Random(1)
    taken: set[str] = set()
    for n in range(500):
        female = n % 2 == 0
        born = birth_date(rng, date(2026, 11, 1), centenarian=False)
        number = make_personnummer(rng, born, female=female, samordningsnummer=False, taken=taken)
        parsed = parse_personnummer(number)
        assert parsed.long == number
        assert parsed.birth_date == born
        assert (int(number[10]) % 2 == 0) == female
    assert len(taken) == 500


def test_a_samordningsnummer_adds_sixty_to_the_day() -> None:
    rng = Random(2)
    number = make_personnummer(
        rng, date(1940, 5, 7), female=True, samordningsnummer=True, taken=set()
    )
    parsed = parse_personnummer(number)
    assert number[6:8] == "67"
    assert parsed.is_samordningsnummer
    assert parsed.birth_date == date(1940, 5, 7)


def test_centenarians_are_born_before_1926_so_the_short_form_has_a_plus() -> None:
    rng = Random(3)
    for _ in range(50):
        born = birth_date(rng, date(2026, 11, 1), centenarian=True)
        assert born.year < 1926
        number = make_personnummer(rng, born, female=False, samordningsnummer=False, taken=set())
        short = reference_lib.parse(number).format(long_format=False)
        assert "+" in short


def test_most_alarm_customers_are_old() -> None:
    rng = Random(4)
    ages = [2026 - birth_date(rng, date(2026, 11, 1), centenarian=False).year for _ in range(2000)]
    assert sum(age >= 65 for age in ages) / len(ages) > 0.85
    assert max(ages) <= 100


def test_usernames_are_ascii_and_unique_even_for_namesakes() -> None:
    rng = Random(5)
    taken: set[str] = set()
    first = staff_username(rng, "Åsa", "Öberg", taken, vendor_style=False)
    second = staff_username(rng, "Åsa", "Öberg", taken, vendor_style=False)
    vendor = staff_username(rng, "Åsa", "Öberg", taken, vendor_style=True)
    assert (first, second) == ("asa.oberg", "asa.oberg2")
    assert re.fullmatch(r"ao\d{4}", vendor)


def test_ascii_slug_drops_diacritics_and_joins_with_dots() -> None:
    assert ascii_slug("Hemtjänst Norr") == "hemtjanst.norr"
    assert ascii_slug("Jovanović") == "jovanovic"


def test_organisation_numbers_carry_a_luhn_check_digit() -> None:
    assert luhn_digit("556036079") == "3"  # worked by hand: sum 37 -> 3
    assert org_number("556036079") == "556036-0793"


def test_addresses_lie_in_the_municipality() -> None:
    rng = Random(6)
    cities = {make_address(rng).city for _ in range(500)}
    assert "Linköping" in cities
    address = make_address(Random(7))
    assert re.fullmatch(r"\d{3} \d{2}", address.postcode)
    assert address.line == f"{address.street}, {address.postcode} {address.city}"
