"""``demo-data --csv DIR``: the native import files of DESIGN.md, and nothing in a database."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from loggutdrag.demo.generate import generate
from loggutdrag.domain.personnummer import parse_personnummer

# The exact headers of DESIGN.md's native import format, column by column.
DESIGN_HEADERS = {
    "alarm-register": "alarm_id, alarm_type, provider, recipient_personnummer, recipient_name, "
    "address, active_from, active_to",
    "alarm-calls": "call_id, alarm_id, recipient_personnummer, triggered_at, answered_at, "
    "operator, reason, escalated, escalated_at, escalated_to, acknowledged_at, arrived_at, "
    "closed_at",
    "lock-events": "event_id, occurred_at, lock_id, recipient_personnummer, provider, "
    "staff_username, staff_name, event, method",
    "supervision-orders": "order_id, recipient_personnummer, camera_serial, provider, "
    "planned_time, weekdays, valid_from, valid_to",
    "supervision-lookins": "lookin_id, order_id, camera_serial, recipient_personnummer, "
    "planned_at, performed_at, operator, outcome, action, action_at",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("csv")
    return path, generate(None, scale=0.03, seed=9, csv_dir=path)


def _read(folder: Path, source: str) -> list[dict[str, str]]:
    with (folder / f"{source}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_one_file_per_source_with_the_exact_header(
    folder: tuple[Path, dict[str, int]],
) -> None:
    path, counts = folder
    assert sorted(p.name for p in path.iterdir()) == sorted(f"{s}.csv" for s in DESIGN_HEADERS)
    for source, header in DESIGN_HEADERS.items():
        with (path / f"{source}.csv").open(encoding="utf-8") as handle:
            assert handle.readline().rstrip("\n") == header.replace(" ", "")
        assert counts[f"{source}.csv"] == len(_read(path, source)) > 0


def test_timestamps_are_iso_8601_with_their_offset(folder: tuple[Path, dict[str, int]]) -> None:
    path, _counts = folder
    offsets = set()
    for row in _read(path, "lock-events"):
        parsed = datetime.fromisoformat(row["occurred_at"])
        assert parsed.utcoffset() is not None
        offsets.add(parsed.utcoffset())
    assert offsets == {timedelta(hours=1), timedelta(hours=2)}  # winter and summer time


def test_personnummer_are_valid_and_akutlarm_have_none(
    folder: tuple[Path, dict[str, int]],
) -> None:
    path, _counts = folder
    register = _read(path, "alarm-register")
    for row in register:
        if row["alarm_type"] == "akutlarm":
            assert row["recipient_personnummer"] == row["recipient_name"] == ""
        else:
            assert parse_personnummer(row["recipient_personnummer"])
            assert row["recipient_name"]
    assert {row["alarm_type"] for row in register} == {"akutlarm", "trygghetslarm"}


def test_every_arrival_is_an_unlock_in_the_lock_events_file(
    folder: tuple[Path, dict[str, int]],
) -> None:
    path, _counts = folder
    unlocks: dict[str, list[datetime]] = {}
    for row in _read(path, "lock-events"):
        if row["event"] == "unlock":
            unlocks.setdefault(row["recipient_personnummer"], []).append(
                datetime.fromisoformat(row["occurred_at"])
            )
    calls = [c for c in _read(path, "alarm-calls") if c["arrived_at"]]
    assert calls
    for call in calls:
        assert call["escalated"] == "true"
        arrived = datetime.fromisoformat(call["arrived_at"])
        door = unlocks[call["recipient_personnummer"]]
        assert any(abs(at - arrived) <= timedelta(minutes=1) for at in door)


def test_look_ins_refer_to_their_order_and_camera(folder: tuple[Path, dict[str, int]]) -> None:
    path, _counts = folder
    orders = {o["order_id"]: o for o in _read(path, "supervision-orders")}
    for lookin in _read(path, "supervision-lookins"):
        order = orders[lookin["order_id"]]
        assert lookin["camera_serial"] == order["camera_serial"]
        assert lookin["recipient_personnummer"] == order["recipient_personnummer"]
        planned = datetime.fromisoformat(lookin["planned_at"])
        spring_gap = planned.date() == date(2026, 3, 29) and planned.hour == 3  # 02:xx skipped
        assert planned.strftime("%H:%M") == order["planned_time"] or spring_gap


def test_the_csv_files_are_the_same_for_the_same_seed(
    folder: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    path, _counts = folder
    generate(None, scale=0.03, seed=9, csv_dir=tmp_path)
    for source in DESIGN_HEADERS:
        assert (tmp_path / f"{source}.csv").read_bytes() == (path / f"{source}.csv").read_bytes()
