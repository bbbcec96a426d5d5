"""JSON and NDJSON readers, streamed: a JSON array is decoded one element at a time."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from loggutdrag.sources.errors import FileUnreadableError
from loggutdrag.sources.profile import Profile
from loggutdrag.sources.readers import RawBatch, decode_error

_CHUNK = 1 << 20
_WHITESPACE = " \t\r\n"


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """{"a": {"b": 1}} -> {"a.b": "1"}; null -> "", booleans -> true/false, lists -> JSON text."""
    flat: dict[str, str] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif value is None:
            flat[name] = ""
        elif isinstance(value, bool):
            flat[name] = "true" if value else "false"
        elif isinstance(value, float) and value.is_integer():
            flat[name] = str(int(value))
        elif isinstance(value, list):
            flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = str(value)
    return flat


class JsonReader:
    def __init__(self, path: Path, profile: Profile, wanted: list[str], *, ndjson: bool) -> None:
        self.name = path.name
        self.format = "ndjson" if ndjson else "json"
        self.encoding = profile.encoding
        self.total = path.stat().st_size
        self._raw = path.open("rb")
        self._text = _open_text(self._raw, profile.encoding)
        self._ndjson = ndjson
        self._records = profile.records
        self.header = list(dict.fromkeys(wanted))
        self._positions = {name.casefold(): index for index, name in enumerate(self.header)}
        self._buffer = ""
        self._pos = 0
        self._eof = False
        if not ndjson:
            self._seek_array()

    def done(self) -> int:
        return self._raw.tell()

    def close(self) -> None:
        self._raw.close()

    # --- reading -------------------------------------------------------------------------------

    def _more(self) -> bool:
        if self._eof:
            return False
        try:
            chunk = self._text.read(_CHUNK)
        except UnicodeDecodeError as error:
            raise decode_error(self.name, error, self.encoding) from None
        if not chunk:
            self._eof = True
            return False
        if self._pos > len(self._buffer) // 2:
            self._buffer = self._buffer[self._pos :]
            self._pos = 0
        self._buffer += chunk
        return True

    def _skip(self, characters: str) -> str:
        """Skip ``characters``; returns the next character ("" at the end of the file)."""
        while True:
            while self._pos < len(self._buffer) and self._buffer[self._pos] in characters:
                self._pos += 1
            if self._pos < len(self._buffer):
                return self._buffer[self._pos]
            if not self._more():
                return ""

    def _seek_array(self) -> None:
        path = [part for part in self._records.split(".") if part]
        for part in path:
            needle = json.dumps(part)
            while True:
                found = self._buffer.find(needle, self._pos)
                if found >= 0:
                    self._pos = found + len(needle)
                    if self._skip(_WHITESPACE) == ":":
                        self._pos += 1
                        break
                    continue
                self._pos = max(self._pos, len(self._buffer) - len(needle))
                if not self._more():
                    raise FileUnreadableError(
                        f"filen {self.name} saknar nyckeln {part!r} (records)"
                    )
        if self._skip(_WHITESPACE + "\ufeff") != "[":
            where = f" under {self._records!r}" if self._records else ""
            raise FileUnreadableError(
                f"filen {self.name} har ingen lista av poster{where}; "
                'ange records = "nyckel" i profilens [json]'
            )
        self._pos += 1

    def _elements(self) -> Iterator[tuple[int, Any]]:
        decoder = json.JSONDecoder()
        ordinal = 0
        while True:
            nxt = self._skip(_WHITESPACE + ",")
            if nxt in ("]", ""):
                if nxt == "":
                    raise FileUnreadableError(f"filen {self.name} tar slut mitt i JSON-listan")
                return
            while True:
                try:
                    value, end = decoder.raw_decode(self._buffer, self._pos)
                except json.JSONDecodeError as error:
                    if self._more():
                        continue
                    raise FileUnreadableError(
                        f"filen {self.name} har ogiltig JSON efter post {ordinal}: {error.msg}"
                    ) from None
                if end == len(self._buffer) and not self._eof and self._more():
                    continue  # a number may go on in the next chunk
                break
            self._pos = end
            ordinal += 1
            yield ordinal, value

    def _lines(self) -> Iterator[tuple[int, Any]]:
        for number, line in enumerate(self._text_lines(), start=1):
            text = line.strip().lstrip("\ufeff")
            if not text:
                continue
            try:
                yield number, json.loads(text)
            except json.JSONDecodeError as error:
                yield number, _BadLine(f"ogiltig JSON: {error.msg}", text)

    def _text_lines(self) -> Iterator[str]:
        try:
            yield from self._text
        except UnicodeDecodeError as error:
            raise decode_error(self.name, error, self.encoding) from None

    def batches(self, size: int) -> Iterator[RawBatch]:
        source = self._lines() if self._ndjson else self._elements()
        batch = RawBatch([], [], records=[])
        for line, value in source:
            if isinstance(value, _BadLine):
                batch.bad.append((line, value.reason, {"_text": value.text[:2000]}))
            elif not isinstance(value, dict):
                batch.bad.append(
                    (line, "posten är inget JSON-objekt", {"_text": str(value)[:2000]})
                )
            else:
                flat = flatten(value)
                row = [""] * len(self.header)
                positions = self._positions
                for key, text in flat.items():
                    index = positions.get(key.casefold())
                    if index is not None:
                        row[index] = text
                batch.lines.append(line)
                batch.rows.append(row)
                batch.records.append(flat)  # type: ignore[union-attr]
            if len(batch) >= size:
                yield batch
                batch = RawBatch([], [], records=[])
        if len(batch):
            yield batch


class _BadLine:
    def __init__(self, reason: str, text: str) -> None:
        self.reason = reason
        self.text = text


def _open_text(raw: Any, encoding: str) -> Any:
    import io

    try:
        return io.TextIOWrapper(raw, encoding=encoding, newline="")
    except LookupError:
        raise FileUnreadableError(f"okänd teckenkodning {encoding!r} i profilen") from None
