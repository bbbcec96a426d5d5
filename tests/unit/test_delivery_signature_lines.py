"""The signature lines of a receipt stand apart: the signature and the printed name never run
together into one line."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Table

from loggutdrag.delivery.pdf import signature_block


def _lines(table: Table) -> list[tuple[int, int, int]]:
    """(row, first column, last column) of every line drawn below a cell."""
    commands: list[Any] = table._linecmds  # reportlab keeps the line commands here
    return [(start[1], start[0], end[0]) for op, start, end, *_ in commands if op == "LINEBELOW"]


def test_each_signature_line_has_a_gap_to_the_next() -> None:
    block = signature_block(["Mottagarens underskrift", "Utlämnat av"])
    table = next(item for item in block._content if isinstance(item, Table))
    lines = _lines(table)
    assert len(lines) == 4  # a signature and a printed name under each label
    for row in {row for row, _, _ in lines}:
        columns = sorted(c for r, first, last in lines if r == row for c in range(first, last + 1))
        assert len(columns) == 2
        assert columns[1] - columns[0] > 1, "the two lines touch"
