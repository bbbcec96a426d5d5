"""Readers: a vendor file -> a header and batches of rows of text, streamed (flat memory).

Formats: CSV (``,`` ``;`` or tab, detected from the header line unless the profile says), XLSX
(openpyxl read-only, row by row), a JSON array of objects (streamed element by element, optionally
under a key: ``records = "data.events"``) and NDJSON (one object a line). Nested JSON objects are
flattened with dotted keys (``recipient.personnummer``).

Line numbers are what an officer finds in the file: the CSV/NDJSON line where the record starts
(the header is line 1), the XLSX row number, or the ordinal of a record in a JSON array.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO, Protocol

from loggutdrag.sources.errors import FileUnreadableError
from loggutdrag.sources.profile import Profile

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

EXTENSIONS = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".json": "json",
    ".ndjson": "ndjson",
    ".jsonl": "ndjson",
}


@dataclass(slots=True)
class RawBatch:
    """Rows of texts aligned to the reader's header, with their line numbers."""

    lines: list[int]
    rows: list[list[str]]
    records: list[dict[str, str]] | None = None  # JSON: the whole flattened record, for quarantine
    bad: list[tuple[int, str, dict[str, str]]] = field(default_factory=list)  # (line, reason, raw)

    def __len__(self) -> int:
        return len(self.rows) + len(self.bad)


class Reader(Protocol):
    header: list[str]
    format: str
    total: int  # for progress, in the unit of done()

    def batches(self, size: int) -> Iterator[RawBatch]: ...

    def done(self) -> int: ...

    def close(self) -> None: ...


def detect_format(path: Path, profile: Profile) -> str:
    if profile.format:
        return profile.format
    by_extension = EXTENSIONS.get(path.suffix.casefold())
    if by_extension:
        return by_extension
    with path.open("rb") as handle:
        start = handle.read(4096)
    if start.startswith(b"PK\x03\x04"):
        return "xlsx"
    stripped = start.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"["):
        return "json"
    if stripped.startswith(b"{"):
        return "ndjson" if b"\n{" in stripped or b"\n" not in stripped.rstrip() else "json"
    return "csv"


def open_reader(path: Path, profile: Profile, wanted: list[str]) -> Reader:
    """Open ``path`` for ``profile``; ``wanted`` are the vendor columns the profile maps (JSON)."""
    if not path.is_file():
        raise FileUnreadableError(f"filen {path.name} finns inte")
    if path.stat().st_size == 0:
        raise FileUnreadableError(f"filen {path.name} är tom")
    fmt = detect_format(path, profile)
    if fmt == "xlsx":
        from loggutdrag.sources.readers_xlsx import XlsxReader

        return XlsxReader(path, profile)
    if fmt in ("json", "ndjson"):
        from loggutdrag.sources.readers_json import JsonReader

        return JsonReader(path, profile, wanted, ndjson=fmt == "ndjson")
    return CsvReader(path, profile)


def _text_stream(raw: IO[bytes], encoding: str, name: str) -> io.TextIOWrapper:
    head = raw.read(4)
    raw.seek(0)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif head.startswith(b"PK\x03\x04"):
        raise FileUnreadableError(
            f"filen {name} är en XLSX-fil (zip), inte CSV; byt filändelse eller ange format"
        )
    try:
        return io.TextIOWrapper(raw, encoding=encoding, newline="")
    except LookupError:
        raise FileUnreadableError(f"okänd teckenkodning {encoding!r} i profilen") from None


def decode_error(name: str, error: UnicodeDecodeError, encoding: str) -> FileUnreadableError:
    return FileUnreadableError(
        f"filen {name} går inte att läsa som {encoding} ({error.reason}); "
        'ange rätt teckenkodning i profilen, t.ex. encoding = "cp1252"'
    )


class CsvReader:
    format = "csv"

    def __init__(self, path: Path, profile: Profile) -> None:
        self.name = path.name
        self.encoding = profile.encoding
        self._raw = path.open("rb")
        self.total = path.stat().st_size
        self._text = _text_stream(self._raw, profile.encoding, path.name)
        try:
            for _ in range(profile.skip_lines):
                self._text.readline()
            header_line = self._text.readline()
        except UnicodeDecodeError as error:
            self.close()
            raise decode_error(self.name, error, self.encoding) from None
        if not header_line.strip():
            self.close()
            raise FileUnreadableError(f"filen {path.name} saknar rubrikrad")
        delimiter = profile.delimiter or _sniff_delimiter(header_line)
        self.header = next(csv.reader([header_line], delimiter=delimiter))
        self._line = profile.skip_lines + 1  # lines before the data
        self._reader = csv.reader(
            self._text, delimiter=delimiter, quotechar=profile.quotechar, strict=False
        )

    def done(self) -> int:
        return self._raw.tell()

    def batches(self, size: int) -> Iterator[RawBatch]:
        reader = self._reader
        while True:
            before = reader.line_num
            try:
                rows = list(islice(reader, size))
            except UnicodeDecodeError as error:
                raise decode_error(self.name, error, self.encoding) from None
            except csv.Error as error:
                raise FileUnreadableError(
                    f"filen {self.name} har en felaktig CSV-rad efter rad "
                    f"{self._line + reader.line_num}: {error}"
                ) from None
            if not rows:
                return
            consumed = reader.line_num - before
            first = self._line + before + 1
            if consumed == len(rows):
                lines = list(range(first, first + len(rows)))
            else:  # some records span several lines (quoted newlines)
                lines = []
                line = first
                for row in rows:
                    lines.append(line)
                    line += 1 + sum(value.count("\n") for value in row)
            if [] in rows:  # blank lines are no records
                kept = [(line, row) for line, row in zip(lines, rows, strict=True) if row]
                lines = [line for line, _ in kept]
                rows = [row for _, row in kept]
            yield RawBatch(lines, rows)

    def close(self) -> None:
        self._raw.close()


def _sniff_delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def batch_after(batch: RawBatch, line: int) -> RawBatch | None:
    """The part of ``batch`` after ``line`` (resuming an interrupted import); None if nothing."""
    last = max([*batch.lines, *(bad[0] for bad in batch.bad)], default=0)
    if last <= line:
        return None
    keep = [number > line for number in batch.lines]
    return RawBatch(
        [number for number in batch.lines if number > line],
        [row for row, kept in zip(batch.rows, keep, strict=True) if kept],
        None
        if batch.records is None
        else [record for record, kept in zip(batch.records, keep, strict=True) if kept],
        [bad for bad in batch.bad if bad[0] > line],
    )


def last_line(batch: RawBatch) -> int:
    return max([*batch.lines[-1:], *(bad[0] for bad in batch.bad)], default=0)
