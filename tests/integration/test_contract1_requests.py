"""Acceptance, contract 1 and 2: `loggutdrag request check FILE.json --json` gives the verdict the
routines (seeds 000, 003, 004) call for, with the exit codes 0 / 2 / 3 / 4.

Black-box: real command in a child process, requests written as JSON files. Due dates are worked
out by hand: 2 working days (helgfri vardag), counted from the local day the request arrived (a
day that is not a working day counts from the next one): received Friday -> due Tuesday,
received Saturday, Sunday or Monday -> due Wednesday (docs/rules.md, decision 6).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from cli_subprocess import Cli, CliResult, write_json
from factories_contract1 import ASTRID, bad_check_digit, dashed
from factories_contract1_requests import (
    ANNA_REF,
    ASTRID_HERSELF,
    DEC_2025,
    KARL_VIA_ADMINISTRATION,
    KARL_VIA_PROVIDER,
    KARLS_ADDRESS,
    NOV_2025,
    astrid,
    request,
    with_requester,
)


@dataclass(frozen=True)
class Case:
    name: str
    data: dict[str, Any]
    code: int
    due: str | None = None
    missing: frozenset[str] = field(default_factory=frozenset)
    refused_by: str | None = None


def aac(**fields: Any) -> dict[str, Any]:
    """Active alarm customers: no reason or period needed (seed 000)."""
    return request("active_alarm_customers", "provider", reason=None, period=None, **fields)


COMPLETE = [
    Case(
        "active alarm customers as of a date, received on a Friday",
        aac(as_of="2026-10-15", received_at="2026-10-16T09:00:00+02:00"),
        0, due="2026-10-20",
    ),
    Case(
        "active alarm customers without a date, late on Friday UTC = Saturday in Stockholm",
        aac(received_at="2026-11-06T23:30:00Z"),
        0, due="2026-11-11",
    ),
    Case(
        "escalated calls of a recipient, received the day before Midsommarafton",
        request(
            "escalated_alarm_calls", "recipient", **astrid(),
            period={"start": "2026-05-01", "end": "2026-05-31"},
            received_at="2026-06-18T10:00:00+02:00",
        ),
        0, due="2026-06-23",
    ),
    Case(
        "escalated calls of a whole provider, received the day before Långfredagen",
        request(
            "escalated_alarm_calls", "provider",
            period={"start": "2026-03-01", "end": "2026-03-31"},
            received_at="2026-04-02T15:00:00+02:00",
        ),
        0, due="2026-04-08",
    ),
    Case(
        "lock log at a recipient's home, received the day before Julafton",
        request(
            "lock_log", "recipient", **astrid(), period=NOV_2025,
            received_at="2025-12-23T09:00:00+01:00",
        ),
        0, due="2025-12-30",
    ),
    Case(
        "a staff member's lock log by the manager, received the day before Nyårsafton",
        request(
            "lock_log", "staff", staff=ANNA_REF, period=NOV_2025,
            received_at="2025-12-30T09:00:00+01:00",
        ),
        0, due="2026-01-05",
    ),
    Case(
        "supervision log of a recipient and camera, received on Trettondedag jul",
        request(
            "supervision_log", "recipient", **astrid(), camera_serial="CAM-1001",
            period=DEC_2025, received_at="2026-01-06T11:00:00+01:00",
        ),
        0, due="2026-01-09",
    ),
    Case(
        "supervision log of a provider for a period, received on a Friday",
        request("supervision_log", "provider", received_at="2026-11-06T10:00:00+01:00"),
        0, due="2026-11-10",
    ),
    Case(
        "the recipient herself, in person, received the day before Kristi himmelsfärdsdag",
        request(
            "lock_log", "recipient", **astrid(), requester=ASTRID_HERSELF,
            delivery={"method": "in_person"}, period={"start": "2026-04-01", "end": "2026-04-30"},
            received_at="2026-05-13T10:00:00+02:00",
        ),
        0, due="2026-05-18",
    ),
    Case(
        "a third party with a registered power of attorney, by registered mail",
        request(
            "lock_log", "recipient", **astrid(), requester=KARL_VIA_ADMINISTRATION,
            consent={"kind": "power_of_attorney", "held_by": "administration",
                     "diary_number": "VÄN 2026-123"},
            delivery={"method": "registered_mail", "address": KARLS_ADDRESS},
            period=DEC_2025, received_at="2026-01-05T10:00:00+01:00",
        ),
        0, due="2026-01-08",
    ),
    Case(
        "a third party through the provider, whose written consent the provider keeps",
        request(
            "escalated_alarm_calls", "recipient", **astrid(), requester=KARL_VIA_PROVIDER,
            consent={"kind": "written_consent", "held_by": "provider"},
            delivery={"method": "in_person"},
        ),
        0, due="2026-11-04",
    ),
]  # fmt: skip

INCOMPLETE = [
    Case(
        "a lock log without a period and with a wrong check digit",
        request(
            "lock_log", "recipient", period=None,
            recipient={"name": "Astrid Andersson", "personnummer": dashed(bad_check_digit(ASTRID))},
        ),
        3, missing=frozenset({"period.start", "period.end", "recipient.personnummer"}),
    ),
    Case(
        "a supervision log of a recipient without camera serial and purpose (R12)",
        request("supervision_log", "recipient", **astrid(), reason=None),
        3, missing=frozenset({"camera_serial", "reason"}),
    ),
    Case(
        "a staff member's lock log without the username",
        request("lock_log", "staff", staff={"name": "Anna Svensson"}),
        3, missing=frozenset({"staff.username"}),
    ),
    Case(
        "escalated calls of a recipient named only by personnummer",
        request("escalated_alarm_calls", "recipient", recipient={"personnummer": dashed(ASTRID)}),
        3, missing=frozenset({"recipient.name"}),
    ),
    Case(
        "a third party: consent held by the administration without diary number, no address",
        request(
            "lock_log", "recipient", **astrid(), requester=KARL_VIA_ADMINISTRATION,
            consent={"kind": "written_consent", "held_by": "administration"},
            delivery={"method": "registered_mail"},
        ),
        3, missing=frozenset({
            "consent.diary_number", "delivery.address.street",
            "delivery.address.postcode", "delivery.address.city",
        }),
    ),
    Case(
        "active alarm customers as of a Saturday (R3)",
        aac(as_of="2026-10-17"), 3, missing=frozenset({"as_of"}),
    ),
    Case(
        "active alarm customers as of Midsommarafton (R3)",
        aac(as_of="2026-06-19"), 3, missing=frozenset({"as_of"}),
    ),
]  # fmt: skip

NOT_ALLOWED = [
    Case(
        "a staff member's lock log asked by provider staff, also without a period (R6)",
        with_requester(request("lock_log", "staff", staff=ANNA_REF, period=None), role="staff"),
        4, refused_by="R6", missing=frozenset({"period.start", "period.end"}),
    ),
    Case(
        "a supervision log ordered by staff (R11)",
        with_requester(
            request("supervision_log", "recipient", **astrid(), camera_serial="CAM-1001"),
            role="staff",
        ),
        4, refused_by="R11",
    ),
    Case(
        "a third party without power of attorney or consent (R8)",
        request(
            "lock_log", "recipient", **astrid(), requester=KARL_VIA_ADMINISTRATION,
            delivery={"method": "in_person"},
        ),
        4, refused_by="R8",
    ),
    Case(
        "active alarm customers asked by a third party (R4)",
        aac(
            as_of="2026-10-15", requester=KARL_VIA_ADMINISTRATION,
            consent={"kind": "power_of_attorney", "held_by": "administration",
                     "diary_number": "VÄN 2026-123"},
            delivery={"method": "in_person"},
        ),
        4, refused_by="R4",
    ),
]  # fmt: skip


def _problems(case: Case, result: CliResult) -> list[str]:
    """What differs from the expected verdict (empty when it matches)."""
    if result.code != case.code:
        return [f"exit {result.code}, expected {case.code}: {result.stdout or result.stderr}"]
    verdict = result.json()
    found: list[str] = []

    def expect(what: str, actual: object, wanted: object) -> None:
        if actual != wanted:
            found.append(f"{what} = {actual!r}, expected {wanted!r}")

    expect("complete", verdict["complete"], not case.missing)
    expect("allowed", verdict["allowed"], case.refused_by is None)
    expect("due", verdict["due"], case.due)
    expect("missing", set(verdict["missing"]), set(case.missing))
    status = {0: "ready", 3: "awaiting_supplement", 4: "refused"}[case.code]
    expect("status", verdict["status"], status)
    rules = [refusal["rule"] for refusal in verdict["refusals"]]
    expect("refusals", rules, [case.refused_by] if case.refused_by else [])
    if not verdict["message_sv"]:
        found.append("message_sv is empty")
    if case.code and any(refusal["message_sv"] == "" for refusal in verdict["refusals"]):
        found.append("a refusal without a Swedish explanation")
    return found


@pytest.fixture
def cli(database_url: str, tmp_path: Path) -> Cli:
    return Cli(database_url, tmp_path / "work")


def _check_all(cli: Cli, cases: list[Case]) -> None:
    paths = [
        write_json(cli.workdir / f"request_{number}.json", case.data)
        for number, case in enumerate(cases)
    ]
    results = cli.many([("request", "check", path, "--json") for path in paths])
    report = [
        f"{case.name}: {'; '.join(problems)}"
        for case, result in zip(cases, results, strict=True)
        if (problems := _problems(case, result))
    ]
    assert not report, "\n".join(report)


def test_complete_requests_of_every_kind_exit_0_with_the_due_date_of_the_routines(
    cli: Cli,
) -> None:
    _check_all(cli, COMPLETE)


def test_incomplete_requests_exit_3_and_list_every_missing_field(cli: Cli) -> None:
    _check_all(cli, INCOMPLETE)


def test_requests_the_routines_do_not_allow_exit_4_citing_the_rule(cli: Cli) -> None:
    _check_all(cli, NOT_ALLOWED)


def test_a_request_that_cannot_be_read_exits_2_naming_the_field(cli: Cli) -> None:
    not_json = cli.workdir / "not.json"
    not_json.write_text('{"kind": "lock_log", ', encoding="utf-8")
    cases = {
        "period.start": request(
            "lock_log", "recipient", **astrid(), period={"start": "2026-13-01", "end": "2026-10-31"}
        ),
        "kind": request("camera_log", "recipient", **astrid()),
        "scope": request("lock_log", "provider"),
        "received_at": request("lock_log", "recipient", **astrid(), received_at="igår"),
        "requester": request("lock_log", "recipient", **astrid(), requester="Maria Chef"),
    }
    paths = [write_json(cli.workdir / f"{name}.json", data) for name, data in cases.items()]
    results = cli.many([("request", "check", path, "--json") for path in [not_json, *paths]])
    assert results[0].code == 2, results[0].describe()
    assert "not.json" in results[0].stdout + results[0].stderr
    for name, result in zip(cases, results[1:], strict=True):
        assert result.code == 2, result.describe()
        assert result.json()["error"]["field"] == name, result.describe()
        assert name in result.stderr, result.describe()


def test_submit_registers_even_an_incomplete_request_with_a_diary_number(cli: Cli) -> None:
    incomplete = write_json(cli.workdir / "incomplete.json", INCOMPLETE[1].data)
    complete = write_json(
        cli.workdir / "complete.json", request("lock_log", "staff", staff=ANNA_REF)
    )
    first, second = cli.many(
        [("request", "submit", incomplete, "--json"), ("request", "submit", complete, "--json")]
    )
    assert (first.code, second.code) == (3, 0), first.describe() + second.describe()
    waiting, ready = first.json(), second.json()
    assert set(waiting["verdict"]["missing"]) == {"reason", "camera_serial"}
    assert (waiting["verdict"]["status"], waiting["verdict"]["due"]) == (
        "awaiting_supplement",
        None,
    )
    assert (ready["verdict"]["status"], ready["verdict"]["due"]) == ("ready", "2026-11-04")
    assert (ready["status"], ready["due"]) == ("ready", "2026-11-04")  # the flat reading too
    assert waiting["case_id"] != ready["case_id"]
    assert waiting["diary_number"] != ready["diary_number"]
    assert all(isinstance(x["diary_number"], str) and x["diary_number"] for x in (waiting, ready))
