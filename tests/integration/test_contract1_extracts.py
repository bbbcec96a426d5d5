"""Acceptance, contract 1: extracts from our own data.

After importing the made-up municipality of tests/factories_contract1.py, a complete request of
every kind and scope is submitted (`request submit --json`) and `extract CASE --format
json|csv|pdf|xlsx --out PATH` runs as a real command in a child process (SQLite and PostgreSQL).
Every count is worked out by hand from the files; the test reports all differences at once rather
than stopping at the first. Billing and delivery: test_contract1_billing.py.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from cli_subprocess import Cli, Findings, submit_all
from factories_contract1 import ASTRID, BERTIL, ELSA, FOLKE, GUSTAV, dashed, import_world
from factories_contract1_requests import EXTRACT_REQUESTS
from loggutdrag.services.context import AppContext

CONTRACT_KEYS = {"kind", "scope", "period", "subject", "summary", "rows"}


@pytest.fixture
def cli(database_url: str, ctx: AppContext, tmp_path: Path) -> Cli:
    import_world(ctx, tmp_path / "files")
    return Cli(database_url, tmp_path / "work")


def _check_shape(
    found: Findings, name: str, extract: dict[str, Any], kind: str, scope: str
) -> None:
    found.expect(f"{name} keys", CONTRACT_KEYS - set(extract), set())
    found.expect(f"{name} kind/scope", (extract.get("kind"), extract.get("scope")), (kind, scope))
    period = extract.get("period") or {}
    found.expect(f"{name} period keys", {"start", "end"} <= set(period), True)
    found.expect(
        f"{name} rows are objects", all(isinstance(r, dict) for r in extract["rows"]), True
    )


def _check_active_alarms(found: Findings, extracts: dict[str, dict[str, Any]]) -> None:
    expected = {
        "aac_ht01": ({"T1", "T2", "T7", "K1"}, {ASTRID, BERTIL, GUSTAV}, (4, 1, 3)),
        "aac_ht02": ({"T5", "T6", "K2", "K4"}, {ELSA, FOLKE}, (4, 2, 2)),
    }
    for name, (alarm_ids, people, (total, akutlarm, billable)) in expected.items():
        extract = extracts[name]
        _check_shape(found, name, extract, "active_alarm_customers", "provider")
        summary, rows = extract["summary"], extract["rows"]
        found.expect(f"{name} rows", len(rows), total)
        found.expect(
            f"{name} total/akutlarm/billable",
            (summary.get("total"), summary.get("akutlarm"), summary.get("billable")),
            (total, akutlarm, billable),
        )
        found.expect(f"{name} alarms", {row.get("alarm_id") for row in rows}, alarm_ids)
        listed = {row.get("personnummer") for row in rows if row.get("personnummer")}
        found.expect(f"{name} persons", listed, {dashed(p) for p in people})
        found.expect(
            f"{name} period", extract["period"], {"start": "2026-10-15", "end": "2026-10-15"}
        )


def _check_calls(found: Findings, extracts: dict[str, dict[str, Any]]) -> None:
    astrid_calls, provider_calls = extracts["calls_astrid"], extracts["calls_ht01"]
    _check_shape(found, "calls_astrid", astrid_calls, "escalated_alarm_calls", "recipient")
    _check_shape(found, "calls_ht01", provider_calls, "escalated_alarm_calls", "provider")
    found.expect("calls_astrid ids", [r.get("call_id") for r in astrid_calls["rows"]], ["C3", "C1"])
    found.expect(
        "calls_astrid C3 is on 1 October in Stockholm",
        astrid_calls["rows"][0].get("triggered_at") if astrid_calls["rows"] else None,
        "2026-10-01T00:30:00+02:00",
    )
    found.expect(
        "calls_astrid calls/escalated",
        (astrid_calls["summary"].get("calls"), astrid_calls["summary"].get("escalated")),
        (3, 2),
    )
    found.expect(
        "calls_ht01 ids",
        [r.get("call_id") for r in provider_calls["rows"]],
        ["C3", "C1", "C4", "C6"],
    )
    found.expect(
        "calls_ht01 calls/escalated",
        (provider_calls["summary"].get("calls"), provider_calls["summary"].get("escalated")),
        (5, 4),
    )


def _check_locks(found: Findings, extracts: dict[str, dict[str, Any]]) -> None:
    home, anna = extracts["locks_astrid"], extracts["locks_anna"]
    _check_shape(found, "locks_astrid", home, "lock_log", "recipient")
    _check_shape(found, "locks_anna", anna, "lock_log", "staff")
    found.expect(
        "locks_astrid times (local; both 02:30 of 25 October told apart)",
        [row.get("occurred_at") for row in home["rows"]],
        [
            "2026-10-02T08:00:00+02:00",
            "2026-10-02T08:25:00+02:00",
            "2026-10-05T19:00:00+02:00",  # imported without offset: Stockholm time
            "2026-10-05T19:20:00+02:00",
            "2026-10-25T02:30:00+02:00",
            "2026-10-25T02:30:00+01:00",
        ],
    )
    summary = home["summary"]
    found.expect(
        "locks_astrid events/unlock/lock",
        (summary.get("events"), summary.get("unlock"), summary.get("lock")),
        (6, 3, 3),
    )
    locks = [row.get("lock_id") for row in anna["rows"]]
    found.expect("locks_anna locks", locks, ["LAS-A", "LAS-A", "LAS-B", "LAS-B"])
    summary = anna["summary"]
    found.expect(
        "locks_anna events/unlock/lock/denied",
        tuple(summary.get(key) for key in ("events", "unlock", "lock", "denied")),
        (4, 2, 1, 1),
    )


def _check_supervision(found: Findings, extracts: dict[str, dict[str, Any]]) -> None:
    home, provider = extracts["supervision_astrid"], extracts["supervision_ht02"]
    _check_shape(found, "supervision_astrid", home, "supervision_log", "recipient")
    _check_shape(found, "supervision_ht02", provider, "supervision_log", "provider")
    found.expect("supervision_astrid rows", len(home["rows"]), 2)
    summary = home["summary"]
    found.expect(
        "supervision_astrid lookins/performed/late/nights without look-in",
        tuple(summary.get(k) for k in ("lookins", "performed", "late", "nights_without_lookin")),
        (2, 2, 1, 1),
    )
    found.expect("supervision_ht02 rows", len(provider["rows"]), 1)
    summary = provider["summary"]
    found.expect(
        "supervision_ht02 not performed/nights without look-in",
        (summary.get("not_performed"), summary.get("nights_without_lookin")),
        (1, 2),
    )


def _csv_rows(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=";,")
    return list(csv.reader(io.StringIO(text), dialect))


def test_every_kind_and_scope_is_extracted_with_the_counts_worked_out_by_hand(cli: Cli) -> None:
    found = Findings()
    cases = submit_all(cli, found, EXTRACT_REQUESTS, due="2026-11-04")
    out = cli.workdir / "out"
    out.mkdir()
    results = cli.many(
        [
            ("extract", case, "--format", "json", "--out", out / f"{name}.json")
            for name, case in cases.items()
        ]
    )
    extracts = {}
    for name, result in zip(cases, results, strict=True):
        if found.code(f"extract {name} json", result, 0):
            extracts[name] = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
    found.assert_none()  # without the JSON files nothing below can be checked
    _check_active_alarms(found, extracts)
    _check_calls(found, extracts)
    _check_locks(found, extracts)
    _check_supervision(found, extracts)

    files = {
        "locks_astrid": out / "locks_astrid.csv",
        "aac_ht01": out / "aac_ht01.csv",
        "calls_astrid": out / "calls_astrid.pdf",
        "locks_anna": out / "locks_anna.xlsx",
    }
    results = cli.many(
        [
            ("extract", cases[name], "--format", path.suffix[1:], "--out", path)
            for name, path in files.items()
        ]
    )
    for (name, path), result in zip(files.items(), results, strict=True):
        found.code(f"extract {name} {path.suffix}", result, 0)
    for name, key in (("locks_astrid", "lock_id"), ("aac_ht01", "alarm_id")):
        header, *rows = _csv_rows(files[name])
        found.expect(f"{name} csv rows", len(rows), len(extracts[name]["rows"]))
        found.expect(f"{name} csv widths", {len(row) for row in rows} - {len(header)}, set())
        listed = [row[key] for row in extracts[name]["rows"]]
        found.expect(
            f"{name} csv is the same rows",
            [wanted in row for wanted, row in zip(listed, rows, strict=False)],
            [True] * len(rows),
        )
    found.expect("pdf", files["calls_astrid"].read_bytes()[:4], b"%PDF")
    found.expect("xlsx", files["locks_anna"].read_bytes()[:2], b"PK")
    found.assert_none()
