"""Normalising rows: every row is either a checked native record or a rejection with a reason."""

from __future__ import annotations

import pytest

from factories_import import LOCK_HEADER, PNR_A, PNR_B, bad_check_digit, lock_event
from loggutdrag.sources.errors import FileUnreadableError
from loggutdrag.sources.normalise import Normaliser
from loggutdrag.sources.profile import Profile
from loggutdrag.sources.readers import RawBatch
from loggutdrag.sources.spec import spec_for

LOCKS = spec_for("lock-events")
REGISTER = spec_for("alarm-register")
REGISTER_HEADER = list(REGISTER.names)


def _normalise(header: list[str], rows: list[list[str]], source: str = "lock-events") -> tuple:  # type: ignore[type-arg]
    normaliser = Normaliser(spec_for(source), Profile.native(source), header)
    batch = RawBatch(list(range(2, 2 + len(rows))), rows)
    return normaliser.apply(batch)


def test_good_rows_become_native_values() -> None:
    normal, rejections = _normalise(
        LOCK_HEADER, [lock_event("E1", "2025-01-01T10:00:00", personnummer=PNR_A)]
    )
    assert rejections == []
    assert normal.keys == ["E1"]
    assert normal.columns["occurred_at"] == ["2025-01-01 09:00:00"]
    assert normal.columns["recipient_personnummer"] == [PNR_A]
    assert normal.columns["event"] == ["unlock"]


def test_each_bad_row_is_rejected_with_line_id_and_reason() -> None:
    rows = [
        lock_event("E1"),
        lock_event("E2", "not a time"),
        lock_event("E3", personnummer=bad_check_digit(PNR_B)),
        lock_event("E4", event="opened"),
        lock_event("E5", lock=""),
        lock_event("E6", "2025-03-30T02:30:00"),
        lock_event("E7")[:5],
    ]
    normal, rejections = _normalise(LOCK_HEADER, rows)
    assert normal.keys == ["E1"]
    found = {r.id: (r.line, r.reason) for r in rejections}
    assert found["E2"][0] == 3
    assert "occurred_at" in found["E2"][1]
    assert "personnummer" in found["E3"][1]
    assert "okänd kod" in found["E4"][1]
    assert "lock_id: obligatoriskt fält saknas" in found["E5"][1]
    assert "finns inte" in found["E6"][1]
    assert "5 fält" in found["E7"][1]
    assert all(r.raw for r in rejections)


def test_a_row_without_a_vendor_id_gets_a_hash_of_its_values() -> None:
    normal, rejections = _normalise(
        LOCK_HEADER, [lock_event(""), lock_event(""), lock_event("", event="lock")]
    )
    assert rejections == []
    assert normal.keys[0] == normal.keys[1]
    assert normal.keys[0] != normal.keys[2]
    assert normal.keys[0].startswith("h:")


def test_a_missing_required_column_makes_the_file_unusable() -> None:
    header = [name for name in LOCK_HEADER if name != "occurred_at"]
    with pytest.raises(FileUnreadableError, match="occurred_at"):
        Normaliser(LOCKS, Profile.native("lock-events"), header)


def test_extra_empty_trailing_fields_are_tolerated() -> None:
    normal, rejections = _normalise(LOCK_HEADER, [[*lock_event("E1"), "", ""]])
    assert rejections == []
    assert normal.keys == ["E1"]


def test_a_trygghetslarm_needs_a_recipient_but_an_akutlarm_does_not() -> None:
    rows = [
        ["A1", "trygghetslarm", "HT01", "", "", "", "2025-01-01", ""],
        ["A2", "akutlarm", "HT01", "", "", "Personalrum", "2025-01-01", ""],
        ["A3", "trygghetslarm", "HT01", PNR_A, "Astrid", "", "2025-02-01", "2025-01-01"],
    ]
    normal, rejections = _normalise(REGISTER_HEADER, rows, "alarm-register")
    assert normal.keys == ["A2"]
    reasons = {r.id: r.reason for r in rejections}
    assert "brukare" in reasons["A1"]
    assert "före" in reasons["A3"]


def test_value_maps_and_defaults_of_a_profile_apply() -> None:
    profile = Profile(
        name="test",
        source=LOCKS.source,
        columns={**Profile.native("lock-events").columns, "event": ("Händelse",)},
        values={"event": {"Upplåst": "unlock"}},
        defaults={"method": "bricka"},
    )
    header = [*LOCK_HEADER[:7], "Händelse", "method"]
    row = lock_event("E1", event="upplåst", method="")
    normal, rejections = Normaliser(LOCKS, profile, header).apply(RawBatch([2], [row]))
    assert rejections == []
    assert normal.columns["event"] == ["unlock"]
    assert normal.columns["method"] == ["bricka"]
