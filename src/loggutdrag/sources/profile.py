"""Vendor profiles: how a vendor's export maps onto the native format, kept as TOML data files.

An officer adds a profile for a new export by writing one TOML file (docs/import.md has a worked
example); no code changes. Profiles shipped with the product live in ``sources/profiles/``; the
officer's own go in ``<data_dir>/profiles/`` (they win over shipped ones of the same name), or are
given by path: ``--profile ./min-profil.toml``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from loggutdrag.domain.enums import ImportSource
from loggutdrag.sources.spec import FieldKind, SourceSpec, spec_for
from loggutdrag.sources.timeparse import Ambiguity, TimeRules, TimeValueError, load_zone

NATIVE = "native"
FORMATS = ("csv", "xlsx", "json", "ndjson")
_TOP_KEYS = {
    "name",
    "source",
    "description",
    "format",
    "csv",
    "xlsx",
    "json",
    "time",
    "columns",
    "values",
    "defaults",
}
_SECTION_KEYS = {
    "csv": {"delimiter", "encoding", "skip_lines", "quotechar"},
    "xlsx": {"sheet", "header_row"},
    "json": {"records"},
    "time": {"zone", "formats", "date_formats", "ambiguous"},
}


class ProfileError(ValueError):
    """A profile cannot be found or is not valid; the message is Swedish, for the officer."""


@dataclass(frozen=True)
class Profile:
    name: str
    source: ImportSource
    description: str = ""
    format: str | None = None  # None: from the file name's extension
    delimiter: str | None = None  # None: "," or ";" (or tab) detected from the header line
    encoding: str = "utf-8-sig"
    quotechar: str = '"'
    skip_lines: int = 0  # lines before the header (CSV)
    sheet: str | None = None  # XLSX sheet name; None: the first
    header_row: int = 1  # XLSX row holding the headers
    records: str = ""  # JSON: dotted path to the array of records; "" = the top level
    time: TimeRules = field(default_factory=TimeRules)
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # native -> vendor headers
    templates: dict[str, str] = field(default_factory=dict)  # native -> "{Datum} {Tid}"
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # native -> vendor -> native
    defaults: dict[str, str] = field(default_factory=dict)  # native -> value when empty
    path: str | None = None

    @property
    def is_native(self) -> bool:
        return self.name == NATIVE

    @classmethod
    def native(cls, source: ImportSource | str, zone: str = "Europe/Stockholm") -> Profile:
        spec = spec_for(source)
        return cls(
            name=NATIVE,
            source=spec.source,
            description="Det inbyggda formatet (DESIGN.md): kolumnnamn som fälten.",
            time=TimeRules(zone=zone),
            columns={name: (name,) for name in spec.names},
        )


def profile_from_toml(text: str, *, origin: str, default_name: str) -> Profile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(f"profilen {origin} är inte giltig TOML: {error}") from None
    return profile_from_mapping(data, origin=origin, default_name=default_name)


def profile_from_mapping(data: dict[str, Any], *, origin: str, default_name: str) -> Profile:
    def bad(message: str) -> ProfileError:
        return ProfileError(f"profilen {origin}: {message}")

    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise bad(f"okänd nyckel {sorted(unknown)[0]!r}")
    for section, allowed in _SECTION_KEYS.items():
        extra = set(_table(data, section, bad)) - allowed
        if extra:
            raise bad(f"okänd nyckel {sorted(extra)[0]!r} i [{section}]")
    try:
        source = ImportSource(str(data.get("source", "")))
    except ValueError:
        sources = ", ".join(member.value for member in ImportSource)
        raise bad(f"source ska vara en av {sources}") from None
    spec = spec_for(source)
    fmt = data.get("format")
    if fmt is not None and fmt not in FORMATS:
        raise bad(f"format ska vara en av {', '.join(FORMATS)}")
    csv_section = _table(data, "csv", bad)
    xlsx_section = _table(data, "xlsx", bad)
    time_section = _table(data, "time", bad)
    time = _time_rules(time_section, bad)

    columns, templates = _columns(data, spec, bad)
    values = _values(data, spec, bad)
    defaults = {}
    for native, value in _table(data, "defaults", bad).items():
        if native not in spec.names:
            raise bad(f"[defaults] {native!r} är inget fält i {source}")
        defaults[native] = str(value)
    missing = [
        f.name
        for f in spec.fields
        if f.required
        and f.name not in columns
        and f.name not in templates
        and f.name not in defaults
        and not f.default
    ]
    if missing:
        raise bad(f"[columns] saknar obligatoriska fält: {', '.join(missing)}")
    delimiter = csv_section.get("delimiter")
    if delimiter is not None and (not isinstance(delimiter, str) or len(delimiter) != 1):
        raise bad('[csv] delimiter ska vara ett tecken, t.ex. ";"')
    return Profile(
        name=str(data.get("name") or default_name),
        source=source,
        description=str(data.get("description", "")),
        format=fmt,
        delimiter=delimiter,
        encoding=str(csv_section.get("encoding", "utf-8-sig")),
        quotechar=str(csv_section.get("quotechar", '"')),
        skip_lines=_int(csv_section.get("skip_lines", 0), "[csv] skip_lines", bad),
        sheet=xlsx_section.get("sheet"),
        header_row=_int(xlsx_section.get("header_row", 1), "[xlsx] header_row", bad, minimum=1),
        records=str(_table(data, "json", bad).get("records", "")),
        time=time,
        columns=columns,
        templates=templates,
        values=values,
        defaults=defaults,
        path=origin,
    )


def _columns(
    data: dict[str, Any], spec: SourceSpec, bad: Any
) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    columns: dict[str, tuple[str, ...]] = {}
    templates: dict[str, str] = {}
    for native, vendor in _table(data, "columns", bad).items():
        if native not in spec.names:
            raise bad(
                f"[columns] {native!r} är inget fält i {spec.source} ({', '.join(spec.names)})"
            )
        if isinstance(vendor, str) and "{" in vendor:
            templates[native] = vendor
        elif isinstance(vendor, str) and vendor.strip():
            columns[native] = (vendor,)
        elif isinstance(vendor, list) and vendor and all(isinstance(v, str) for v in vendor):
            columns[native] = tuple(vendor)
        else:
            raise bad(f"[columns] {native} ska vara ett kolumnnamn eller en lista av kolumnnamn")
    return columns, templates


def _values(data: dict[str, Any], spec: SourceSpec, bad: Any) -> dict[str, dict[str, str]]:
    values: dict[str, dict[str, str]] = {}
    for native, mapping in _table(data, "values", bad).items():
        if native not in spec.names:
            raise bad(f"[values.{native}] är inget fält i {spec.source}")
        if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
            raise bad(f'[values.{native}] ska vara par av text: "leverantörens kod" = "kod"')
        target = spec.field(native)
        if target.kind is FieldKind.CODE:
            wrong = [v for v in mapping.values() if v and v not in target.codes]
            if wrong:
                raise bad(
                    f"[values.{native}] {wrong[0]!r} är ingen kod för {native} "
                    f"({', '.join(target.codes)})"
                )
        values[native] = {str(k): v for k, v in mapping.items()}
    return values


def _table(data: dict[str, Any], key: str, bad: Any) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise bad(f"[{key}] ska vara en tabell")
    return value


def _int(value: Any, label: str, bad: Any, minimum: int = 0) -> int:
    if not isinstance(value, int) or value < minimum:
        raise bad(f"{label} ska vara ett heltal ≥ {minimum}")
    return value


def _time_rules(section: dict[str, Any], bad: Any) -> TimeRules:
    zone = str(section.get("zone", "Europe/Stockholm"))
    try:
        load_zone(zone)
    except TimeValueError as error:
        raise bad(f"[time] {error.reason}") from None
    try:
        ambiguous = Ambiguity(section.get("ambiguous", "reject"))
    except ValueError:
        raise bad("[time] ambiguous ska vara reject, earlier eller later") from None
    formats = section.get("formats", [])
    date_formats = section.get("date_formats", [])
    for name, patterns in (("formats", formats), ("date_formats", date_formats)):
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise bad(f'[time] {name} ska vara en lista av format, t.ex. ["%d.%m.%Y %H:%M"]')
    return TimeRules(
        zone=zone, formats=tuple(formats), date_formats=tuple(date_formats), ambiguous=ambiguous
    )


# --- finding profiles --------------------------------------------------------------------------


def _shipped() -> list[tuple[str, str, str]]:
    """(origin, default name, text) of the profiles that ship with the product."""
    found = []
    for entry in sorted(
        resources.files("loggutdrag.sources").joinpath("profiles").iterdir(), key=str
    ):
        if entry.name.endswith(".toml"):
            found.append((f"profiles/{entry.name}", entry.name[:-5], entry.read_text("utf-8")))
    return found


def _own(directory: Path | None) -> list[tuple[str, str, str]]:
    if directory is None or not directory.is_dir():
        return []
    return [
        (str(path), path.stem, path.read_text("utf-8")) for path in sorted(directory.glob("*.toml"))
    ]


def all_profiles(own_dir: Path | None = None) -> list[Profile]:
    """Every profile: the officer's own first, then the shipped ones not overridden."""
    seen: set[str] = set()
    profiles = []
    for origin, default_name, text in [*_own(own_dir), *_shipped()]:
        profile = profile_from_toml(text, origin=origin, default_name=default_name)
        if profile.name not in seen:
            seen.add(profile.name)
            profiles.append(profile)
    return profiles


def find_profile(
    name: str | None,
    source: ImportSource | str,
    *,
    own_dir: Path | None = None,
    zone: str = "Europe/Stockholm",
) -> Profile:
    """The profile called ``name`` (or at path ``name``) for ``source``; None/"native" = native."""
    source = ImportSource(source)
    if not name or name == NATIVE:
        return Profile.native(source, zone)
    if name.endswith(".toml"):
        path = Path(name)
        if not path.is_file():
            raise ProfileError(f"profilfilen {name} finns inte")
        profile = profile_from_toml(path.read_text("utf-8"), origin=name, default_name=path.stem)
    else:
        matches = [p for p in all_profiles(own_dir) if p.name == name]
        if not matches:
            names = ", ".join(p.name for p in all_profiles(own_dir) if p.source == source)
            raise ProfileError(f"profilen {name!r} finns inte; för {source} finns: {names}")
        profile = matches[0]
    if profile.source != source:
        raise ProfileError(f"profilen {profile.name!r} gäller {profile.source}, inte {source}")
    return profile
