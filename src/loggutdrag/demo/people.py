"""Made-up people: personnummer, names, addresses, usernames."""

from __future__ import annotations

import unicodedata
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate
from random import Random

from loggutdrag.demo import names
from loggutdrag.domain.personnummer import InvalidPersonnummerError, with_check_digit


@dataclass(frozen=True, slots=True)
class Person:
    personnummer: str  # 12 digits
    first_name: str
    last_name: str
    female: bool

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True, slots=True)
class Address:
    street: str
    postcode: str
    city: str

    @property
    def line(self) -> str:
        """One line, as the alarm register keeps it: ``Storgatan 12, 582 24 Linköping``."""
        return f"{self.street}, {self.postcode} {self.city}"


def birth_date(rng: Random, reference: date, *, centenarian: bool) -> date:
    """A plausible birth date of an alarm customer; most are 75-95, some younger, a few over 100.

    A centenarian is born before 1926, so at the reference date the 10-digit form has a ``+``.
    """
    if centenarian:
        year = rng.randint(1918, 1925)
    elif rng.random() < 0.08:  # younger people with a disability also have safety alarms
        year = reference.year - rng.randint(25, 64)
    else:
        year = reference.year - min(99, int(rng.triangular(66, 100, 87)))
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


def make_personnummer(
    rng: Random, born: date, *, female: bool, samordningsnummer: bool, taken: set[str]
) -> str:
    """A valid, made-up 12-digit personnummer (or samordningsnummer: day + 60), unique in ``taken``.

    The third birth-number digit is odd for men and even for women, as in real numbers.
    """
    day = born.day + 60 if samordningsnummer else born.day
    prefix = f"{born.year:04d}{born.month:02d}{day:02d}"
    while True:
        serial = rng.randrange(1, 500) * 2 - (0 if female else 1)  # 001..998, never 000
        try:
            number = with_check_digit(f"{prefix}{serial:03d}")
        except InvalidPersonnummerError:
            continue
        if number not in taken:
            taken.add(number)
            return number


class WeightedIndex:
    """Fast repeated weighted choice of an index (cumulative weights + bisect)."""

    __slots__ = ("_cumulative", "_total")

    def __init__(self, weights: Sequence[float]) -> None:
        self._cumulative = list(accumulate(weights))
        self._total = self._cumulative[-1]

    def pick(self, rng: Random) -> int:
        return bisect(self._cumulative, rng.random() * self._total)


_PLACE_CHOICE = WeightedIndex([p[2] for p in names.PLACES])


def make_address(rng: Random) -> Address:
    city, prefixes, _weight = names.PLACES[_PLACE_CHOICE.pick(rng)]
    prefix = rng.choice(prefixes)
    postcode = prefix if " " in prefix else f"{prefix} {rng.randint(20, 79):02d}"
    street = f"{rng.choice(names.STREETS)} {rng.randint(1, 64)}"
    if rng.random() < 0.12:
        street += rng.choice(("A", "B", "C"))
    return Address(street=street, postcode=postcode, city=city)


def elderly_name(rng: Random, *, female: bool) -> tuple[str, str]:
    first = rng.choice(names.ELDERLY_WOMEN if female else names.ELDERLY_MEN)
    return first, rng.choice(names.SURNAMES)


def worker_name(rng: Random) -> tuple[str, str]:
    female = rng.random() < 0.8  # most care workers are women
    first = rng.choice(names.WORKER_WOMEN if female else names.WORKER_MEN)
    return first, rng.choice(names.WORKER_SURNAMES)


def ascii_slug(text: str) -> str:
    """``Åke Öberg-Ståhl`` -> ``ake.oberg-stahl``: lower case, no diacritics, dots for spaces."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return ".".join(plain.replace("đ", "d").split())


def staff_username(
    rng: Random, first: str, last: str, taken: set[str], *, vendor_style: bool
) -> str:
    """``anna.svensson`` (``anna.svensson2`` if taken), or a vendor-style id such as ``hn4711``."""
    if vendor_style:
        initials = ascii_slug(first)[:1] + ascii_slug(last)[:1]
        while True:
            candidate = f"{initials}{rng.randint(1000, 9999)}"
            if candidate not in taken:
                taken.add(candidate)
                return candidate
    base = f"{ascii_slug(first)}.{ascii_slug(last)}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}{n}"
    taken.add(candidate)
    return candidate


def luhn_digit(digits: str) -> str:
    """The Luhn check digit of ``digits`` (as in personnummer and organisation numbers)."""
    total = 0
    for i, char in enumerate(reversed(digits)):
        value = int(char) * (2 if i % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def org_number(first_nine: str) -> str:
    """An organisation number ``NNNNNN-NNNN`` with a valid check digit."""
    number = first_nine + luhn_digit(first_nine)
    return f"{number[:6]}-{number[6:]}"
