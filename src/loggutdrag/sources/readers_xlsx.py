"""XLSX reader: openpyxl in read-only mode, one row at a time (flat memory)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from itertools import islice
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from loggutdrag.sources.errors import FileUnreadableError
from loggutdrag.sources.profile import Profile
from loggutdrag.sources.readers import RawBatch


def cell_text(value: Any) -> str:
    """A cell as the text a CSV export would have held."""
    text: str
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, datetime):
        text = (value if value.tzinfo else value.replace(microsecond=0)).isoformat(sep=" ")
    elif isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, time):
        text = value.strftime("%H:%M:%S")
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    return text


class XlsxReader:
    format = "xlsx"

    def __init__(self, path: Path, profile: Profile) -> None:
        self.name = path.name
        try:
            self._book = load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as error:
            raise FileUnreadableError(
                f"filen {path.name} är ingen giltig XLSX-fil ({error})"
            ) from None
        if profile.sheet:
            if profile.sheet not in self._book.sheetnames:
                names = ", ".join(self._book.sheetnames)
                self._book.close()
                raise FileUnreadableError(f"bladet {profile.sheet!r} finns inte (finns: {names})")
            sheet: Any = self._book[profile.sheet]
        else:
            sheet = self._book.worksheets[0]
        self._first = profile.header_row
        self._rows = sheet.iter_rows(min_row=profile.header_row, values_only=True)
        header = next(self._rows, None)
        if header is None or all(cell is None for cell in header):
            self._book.close()
            raise FileUnreadableError(f"filen {path.name} saknar rubrikrad på rad {self._first}")
        self.header = [cell_text(cell) for cell in header]
        while self.header and not self.header[-1]:
            self.header.pop()
        self.total = max((sheet.max_row or 0) - self._first, 0)
        self._done = 0

    def done(self) -> int:
        return self._done

    def batches(self, size: int) -> Iterator[RawBatch]:
        width = len(self.header)
        line = self._first
        while True:
            try:
                chunk = list(islice(self._rows, size))
            except (zipfile.BadZipFile, KeyError, ValueError) as error:
                raise FileUnreadableError(
                    f"filen {self.name} går inte att läsa efter rad {line}: {error}"
                ) from None
            if not chunk:
                return
            batch = RawBatch([], [])
            for cells in chunk:
                line += 1
                if all(cell is None for cell in cells):
                    continue
                row = [cell_text(cell) for cell in cells]
                if len(row) > width and not any(row[width:]):
                    del row[width:]
                elif len(row) < width:
                    row.extend([""] * (width - len(row)))
                batch.lines.append(line)
                batch.rows.append(row)
            self._done += len(chunk)
            yield batch

    def close(self) -> None:
        self._book.close()
