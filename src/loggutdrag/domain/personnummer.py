"""Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer).

A thin wrapper round the maintained ``personnummer`` package: it checks the Luhn digit and the
date, accepts 10 or 12 digits with ``-`` or ``+`` and samordningsnummer (day + 60). We keep the
12-digit form ``YYYYMMDDNNNN`` everywhere inside the product.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from personnummer import personnummer as _lib


class InvalidPersonnummerError(ValueError):
    """The text is not a valid personnummer or samordningsnummer; ``reason`` is in Swedish."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(reason)
        self.text = text
        self.reason = reason


_SHAPE = re.compile(r"^(\d{6}|\d{8})[-+]?\d{4}$")


@dataclass(frozen=True, slots=True)
class Personnummer:
    long: str  # YYYYMMDDNNNN

    @property
    def birth_date(self) -> date:
        day = int(self.long[6:8])
        return date(int(self.long[:4]), int(self.long[4:6]), day - 60 if day > 60 else day)

    @property
    def is_samordningsnummer(self) -> bool:
        return int(self.long[6:8]) > 60

    @property
    def display(self) -> str:
        """YYYYMMDD-NNNN, the form people read."""
        return f"{self.long[:8]}-{self.long[8:]}"

    @property
    def masked(self) -> str:
        """YYYYMMDD-****, for lists where the full number is not needed."""
        return f"{self.long[:8]}-****"

    def __str__(self) -> str:
        return self.display


def parse_personnummer(text: str) -> Personnummer:
    """Parse and validate; raises :class:`InvalidPersonnummerError` with a Swedish reason."""
    cleaned = text.strip().replace(" ", "")
    if not _SHAPE.match(cleaned):
        raise InvalidPersonnummerError(
            text, "ska ha 10 eller 12 siffror, t.ex. ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN"
        )
    try:
        parsed = _lib.parse(cleaned)
    except _lib.PersonnummerException:
        raise InvalidPersonnummerError(text, "kontrollsiffran eller datumet stämmer inte") from None
    return Personnummer(parsed.format(long_format=True))


def is_valid_personnummer(text: str) -> bool:
    try:
        parse_personnummer(text)
    except InvalidPersonnummerError:
        return False
    return True


def with_check_digit(first_eleven: str) -> str:
    """Complete ``YYYYMMDDNNN`` with the check digit that makes it valid (for made-up test data)."""
    for digit in "0123456789":
        candidate = first_eleven + digit
        if is_valid_personnummer(candidate):
            return candidate
    raise InvalidPersonnummerError(first_eleven, "inget giltigt personnummer med detta datum")
