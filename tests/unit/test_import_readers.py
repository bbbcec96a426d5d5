"""Readers: CSV with , ; and quotes, XLSX, JSON and NDJSON, streamed in batches with lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from factories_import import LOCK_HEADER, PNR_A, lock_event, write_csv
from loggutdrag.sources.errors import FileUnreadableError
from loggutdrag.sources.profile import Profile, find_profile
from loggutdrag.sources.readers import RawBatch, batch_after, detect_format, open_reader

NATIVE = Profile.native("lock-events")


def _all(
    path: Path, profile: Profile = NATIVE, wanted: list[str] | None = None, size: int = 2
) -> tuple[list[str], RawBatch]:
    reader = open_reader(path, profile, wanted or LOCK_HEADER)
    merged = RawBatch([], [], records=None)
    try:
        for batch in reader.batches(size):
            merged.lines += batch.lines
            merged.rows += batch.rows
            merged.bad += batch.bad
        assert reader.done() > 0
        return reader.header, merged
    finally:
        reader.close()


def test_a_comma_csv_is_read_with_file_line_numbers(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "a.csv", LOCK_HEADER, [lock_event("E1"), lock_event("E2"), lock_event("E3")]
    )
    header, batch = _all(path)
    assert header == LOCK_HEADER
    assert batch.lines == [2, 3, 4]
    assert [row[0] for row in batch.rows] == ["E1", "E2", "E3"]


def test_a_semicolon_csv_with_quoted_newlines_and_blank_lines_keeps_line_numbers(
    tmp_path: Path,
) -> None:
    text = (
        "\ufeffevent_id;occurred_at;lock_id;recipient_personnummer;provider;staff_username;staff_name;event;method\r\n"
        "E1;2025-01-01T10:00:00;L;" + PNR_A + ';HT01;u;"Anna\r\nAndersson";unlock;app\r\n'
        "\r\n"
        "E2;2025-01-01T11:00:00;L;" + PNR_A + ";HT01;u;Anna;lock;app\r\n"
    )
    path = tmp_path / "b.csv"
    path.write_bytes(text.encode("utf-8"))
    header, batch = _all(path)
    assert header[0] == "event_id" or header[0] == "\ufeffevent_id"
    assert batch.lines == [2, 5]
    assert batch.rows[0][6] == "Anna\r\nAndersson"


def test_a_file_in_another_encoding_is_unreadable_with_a_hint(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "c.csv", LOCK_HEADER, [lock_event("E1", name="Åsa Öberg")], encoding="cp1252"
    )
    with pytest.raises(FileUnreadableError, match="encoding"):
        _all(path)


def test_an_empty_file_and_a_missing_file_are_unreadable(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(FileUnreadableError, match="tom"):
        _all(tmp_path / "empty.csv")
    with pytest.raises(FileUnreadableError, match="finns inte"):
        _all(tmp_path / "nothing.csv")


def test_an_xlsx_sheet_is_streamed_with_row_numbers(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Händelser"
    sheet.append(["Rapport"])
    sheet.append(LOCK_HEADER)
    sheet.append(lock_event("E1"))
    sheet.append([None] * len(LOCK_HEADER))
    sheet.append(lock_event("E2"))
    book.save(tmp_path / "d.xlsx")
    profile = Profile(
        name="x", source=NATIVE.source, header_row=2, columns=NATIVE.columns, sheet="Händelser"
    )
    header, batch = _all(tmp_path / "d.xlsx", profile)
    assert header == LOCK_HEADER
    assert batch.lines == [3, 5]
    assert batch.rows[1][0] == "E2"


def test_a_broken_xlsx_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(FileUnreadableError, match="XLSX"):
        _all(tmp_path / "broken.xlsx")


def test_a_json_array_under_a_key_is_streamed_and_flattened(tmp_path: Path) -> None:
    records = [
        {
            "id": f"C{i}",
            "alarm": {"subject": {"ssn": PNR_A}},
            "escalation": {"escalated": i % 2 == 0},
        }
        for i in range(5)
    ]
    path = tmp_path / "calls.json"
    path.write_text(json.dumps({"export": {"at": "2025-01-01"}, "calls": records}, indent=1))
    profile = find_profile("larmanrop-json", "alarm-calls")
    wanted = ["id", "alarm.subject.ssn", "escalation.escalated"]
    header, batch = _all(path, profile, wanted)
    assert header == wanted
    assert batch.lines == [1, 2, 3, 4, 5]
    assert batch.rows[0] == ["C0", PNR_A, "true"]


def test_ndjson_rejects_a_bad_line_and_reads_on(tmp_path: Path) -> None:
    path = tmp_path / "events.ndjson"
    path.write_text('{"eventId": "E1"}\n{not json\n\n[1, 2]\n{"eventId": "E2"}\n')
    header, batch = _all(path, NATIVE, ["eventId"], size=10)
    assert batch.lines == [1, 5]
    assert [line for line, _reason, _raw in batch.bad] == [2, 4]
    assert header == ["eventId"]


def test_the_format_follows_the_extension_or_the_content(tmp_path: Path) -> None:
    (tmp_path / "x.data").write_text('[{"a": 1}]')
    (tmp_path / "y.data").write_text('{"a": 1}\n{"a": 2}\n')
    (tmp_path / "z.data").write_text("a;b\n1;2\n")
    assert detect_format(tmp_path / "x.data", NATIVE) == "json"
    assert detect_format(tmp_path / "y.data", NATIVE) == "ndjson"
    assert detect_format(tmp_path / "z.data", NATIVE) == "csv"
    assert detect_format(tmp_path / "w.XLSX", NATIVE) == "xlsx"


def test_resuming_skips_what_was_already_stored() -> None:
    batch = RawBatch([2, 3, 5], [["a"], ["b"], ["c"]], bad=[(4, "x", {})])
    assert batch_after(batch, 5) is None
    rest = batch_after(batch, 3)
    assert rest is not None
    assert rest.lines == [5]
    assert rest.rows == [["c"]]
    assert [bad[0] for bad in rest.bad] == [4]
