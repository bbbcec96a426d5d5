"""How one value is shown: as text (PDF, XLSX, CSV), as JSON, and neutralised for spreadsheets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from loggutdrag.domain.extract import Cell, CellFormat, Column, SummaryValue
from loggutdrag.domain.localtime import format_local

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A text a spreadsheet would take for a formula (= + - @, or a tab/CR before one) gets a
    leading apostrophe, so it stays text (formula injection, OWASP CSV injection)."""
    if text and text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def _text(value: str, column: Column) -> str:
    text = value.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return column.labels.get(text, text) if column.labels else text


def _codes(value: tuple[str, ...], column: Column) -> str:
    labels = column.labels or {}
    return "; ".join(labels.get(code, code) for code in value)


def _instant(value: datetime, column: Column) -> str:
    return format_local(value, seconds=column.format is not CellFormat.DATETIME_MINUTES)


def _decimal(value: float, _column: Column) -> str:
    return f"{value:.1f}".replace(".", ",")


_BY_TYPE: dict[type, Callable[[Any, Column], str]] = {
    str: _text,
    int: lambda value, _column: str(value),
    float: _decimal,
    bool: lambda value, _column: "ja" if value else "nej",
    datetime: _instant,
    date: lambda value, _column: value.isoformat(),
    tuple: _codes,
}


def text_of(value: Cell, column: Column) -> str:
    """The value as people read it: local time (offset shown in the repeated hour), Swedish
    labels for codes, a decimal comma."""
    if value is None:
        return ""
    return _BY_TYPE[type(value)](value, column)


def json_of(value: Cell | SummaryValue) -> Any:
    """The value in JSON: instants as local ISO 8601 with their offset, codes as codes."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def summary_text(value: SummaryValue) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)
