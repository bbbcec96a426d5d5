"""Renderers of an :class:`~loggutdrag.domain.extract.ExtractData`: PDF, XLSX, CSV and JSON.

They know nothing of the database (an import-linter contract keeps it so).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from loggutdrag.domain.extract import ExtractData


class ExtractFormat(StrEnum):
    PDF = "pdf"
    XLSX = "xlsx"
    CSV = "csv"
    JSON = "json"


MEDIA_TYPES: dict[ExtractFormat, str] = {
    ExtractFormat.PDF: "application/pdf",
    ExtractFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ExtractFormat.CSV: "text/csv; charset=utf-8",
    ExtractFormat.JSON: "application/json",
}


def render(data: ExtractData, fmt: ExtractFormat) -> bytes:
    """The extract as a file's bytes in ``fmt``."""
    return _renderer(fmt)(data)


def _renderer(fmt: ExtractFormat) -> Callable[[ExtractData], bytes]:
    if fmt is ExtractFormat.PDF:
        from loggutdrag.extracts.render.pdf import render_pdf

        return render_pdf
    if fmt is ExtractFormat.XLSX:
        from loggutdrag.extracts.render.xlsx import render_xlsx

        return render_xlsx
    if fmt is ExtractFormat.CSV:
        from loggutdrag.extracts.render.csv import render_csv

        return render_csv
    from loggutdrag.extracts.render.json import render_json

    return render_json


__all__ = ["MEDIA_TYPES", "ExtractFormat", "render"]
