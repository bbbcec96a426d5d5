"""Column converters: a column of vendor texts -> native values, with a reason per bad one.

Every converter caches by input text, so the common case (a value seen before) is one dictionary
look-up done in C over the whole column; only new texts run Python code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from loggutdrag.domain.personnummer import InvalidPersonnummerError, parse_personnummer
from loggutdrag.sources.spec import FieldKind, FieldSpec
from loggutdrag.sources.timeparse import (
    DateConverter,
    TimestampConverter,
    TimeValueError,
    convert_clock,
)

_CACHE_LIMIT = 200_000
_TRUE = frozenset({"true", "1", "ja", "j", "yes", "y", "sant", "x"})
_FALSE = frozenset({"false", "0", "nej", "n", "no", "falskt", ""})


class ColumnConverter(Protocol):
    def column(self, values: list[str]) -> tuple[list[object], dict[int, str]]: ...


class _Invalid:
    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


class CachedConverter:
    """Applies a one-value function to a column, caching by text; bad values carry a reason."""

    def __init__(self, convert: Callable[[str], object]) -> None:
        self._convert = convert
        self._cache: dict[str, object] = {}
        self._bad: set[str] = set()

    def _one(self, text: str) -> object:
        try:
            value = self._convert(text)
        except (TimeValueError, InvalidPersonnummerError, ValueError) as error:
            reason = getattr(error, "reason", None) or str(error)
            self._bad.add(text)
            value = _Invalid(reason)
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
            self._bad.clear()
        self._cache[text] = value
        return value

    def column(self, values: list[str]) -> tuple[list[object], dict[int, str]]:
        cache = self._cache
        missing = set(values).difference(cache)
        for text in missing:
            self._one(text)
        if len(cache) < len(missing):  # the cache was cleared on the way: convert one by one
            out = [self._one(text) for text in values]
        else:
            out = list(map(cache.__getitem__, values))
        errors: dict[int, str] = {}
        if self._bad and not self._bad.isdisjoint(values):
            for index, value in enumerate(out):
                if isinstance(value, _Invalid):
                    errors[index] = value.reason
                    out[index] = None
        return out, errors


def _text(spec: FieldSpec) -> Callable[[str], object]:
    limit = spec.max_length

    def convert(text: str) -> object:
        value = text.strip()
        if len(value) > limit:
            raise ValueError(f"värdet är för långt ({len(value)} tecken, högst {limit})")
        return value or None

    return convert


def _personnummer(text: str) -> object:
    value = text.strip()
    if not value:
        return None
    try:
        return parse_personnummer(value).long
    except InvalidPersonnummerError as error:
        raise ValueError(f"personnumret {value!r} är ogiltigt: {error.reason}") from None


def _bool(text: str) -> object:
    value = text.strip().casefold()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{text.strip()!r} är inte sant/falskt (true|false)")


def _weekdays(text: str) -> object:
    value = "".join(ch for ch in text.strip() if ch not in ", ")
    if not value:
        return None
    if not value.isdigit() or any(ch not in "1234567" for ch in value):
        raise ValueError(f"veckodagarna {text.strip()!r} ska vara siffror 1–7 (1 = måndag)")
    return "".join(sorted(set(value)))


def _code(spec: FieldSpec, mapping: Mapping[str, str]) -> Callable[[str], object]:
    known = {code.casefold(): code for code in spec.codes}
    mapped = {key.strip().casefold(): value for key, value in mapping.items()}
    allowed = ", ".join(spec.codes)

    def convert(text: str) -> object:
        value = text.strip()
        if not value:
            return None
        folded = value.casefold()
        if folded in mapped:
            return mapped[folded] or None
        if folded in known:
            return known[folded]
        raise ValueError(f"okänd kod {value!r} (tillåtna: {allowed}, eller profilens värden)")

    return convert


class TextColumn:
    """Plain text: trimmed, empty = missing, too long = bad (no cache: ids are all different)."""

    def __init__(self, spec: FieldSpec) -> None:
        self._limit = spec.max_length

    def column(self, values: list[str]) -> tuple[list[object], dict[int, str]]:
        out: list[object] = list(map(str.strip, values))
        errors: dict[int, str] = {}
        if out and max(map(len, out)) > self._limit:  # type: ignore[arg-type]
            limit = self._limit
            for index, value in enumerate(out):
                if len(value) > limit:  # type: ignore[arg-type]
                    errors[index] = f"värdet är för långt ({len(value)} tecken, högst {limit})"  # type: ignore[arg-type]
                    out[index] = None
        if "" in out:
            out = [value or None for value in out]
        return out, errors


class TimestampColumn:
    def __init__(self, converter: TimestampConverter) -> None:
        self._converter = converter

    def column(self, values: list[str]) -> tuple[list[object], dict[int, str]]:
        out, errors = self._converter.column(values)
        return list(out), errors


def converter_for(
    spec: FieldSpec,
    *,
    timestamps: TimestampConverter,
    dates: DateConverter,
    value_map: Mapping[str, str],
) -> ColumnConverter:
    """The converter of one native field (``value_map`` maps vendor codes, for CODE fields)."""
    kind = spec.kind
    if kind is FieldKind.TIMESTAMP and not value_map:
        return TimestampColumn(timestamps)
    if kind is FieldKind.TEXT and not value_map:
        return TextColumn(spec)
    if kind is FieldKind.CODE:
        return CachedConverter(_code(spec, value_map))
    base: Callable[[str], object] = {
        FieldKind.TIMESTAMP: timestamps.convert,
        FieldKind.DATE: dates.convert,
        FieldKind.PERSONNUMMER: _personnummer,
        FieldKind.BOOL: _bool,
        FieldKind.CLOCK: convert_clock,
        FieldKind.WEEKDAYS: _weekdays,
        FieldKind.TEXT: _text(spec),
    }[kind]
    if not value_map:
        return CachedConverter(base)
    mapped = {key.strip().casefold(): value for key, value in value_map.items()}
    return CachedConverter(lambda text: base(mapped.get(text.strip().casefold(), text)))
