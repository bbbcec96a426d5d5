"""Rows in PostgreSQL's COPY text format, built column-wise by the bulk writer."""

from __future__ import annotations

from enum import StrEnum

from loggutdrag.store.bulk import copy_text


class Kind(StrEnum):
    UNLOCK = "unlock"


def test_copy_text_writes_nulls_numbers_booleans_and_enum_values() -> None:
    rows = [("E1", 1, None, True, Kind.UNLOCK), ("E2", None, "x", False, Kind.UNLOCK)]

    assert copy_text(rows) == b"E1\t1\t\\N\tTrue\tunlock\nE2\t\\N\tx\tFalse\tunlock\n"


def test_copy_text_escapes_backslashes_tabs_and_line_breaks_in_text() -> None:
    rows = [("a\\b", "c\td"), ("e\nf", "g\rh")]

    assert copy_text(rows) == b"a\\\\b\tc\\td\ne\\nf\tg\\rh\n"


def test_copy_text_leaves_a_column_of_other_values_to_the_driver() -> None:
    assert copy_text([("E1", 1.5)]) is None
