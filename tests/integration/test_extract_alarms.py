"""Active alarm customers (R1, R2) and escalated alarm calls, on known data."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from factories_extracts import (
    PNR_ASTRID,
    PNR_GORAN,
    PNR_KARIN,
    STOCKHOLM,
    basic_people,
    local,
    world,
)
from loggutdrag.domain.enums import ExtractKind, Scope
from loggutdrag.domain.extract import ExtractData, ExtractHeader, ExtractSpec, Period
from loggutdrag.extracts.builders import build_extract
from loggutdrag.extracts.builders.active_alarms import PROTECTED_ADDRESS

HEADER = ExtractHeader(local("2026-11-02 09:00"), "handlaggare", "VÄN 2026-002", "Anna Väst")
OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))


def _display(pnr: str) -> str:
    return f"{pnr[:8]}-{pnr[8:]}"


def _build(engine: Engine, spec: ExtractSpec) -> ExtractData:
    with engine.connect() as connection:
        return build_extract(connection, spec, HEADER, STOCKHOLM)


def _register(engine: Engine) -> None:
    with engine.begin() as connection:
        w = world(connection)
        basic_people(w)
        w.alarm("A1", "trygghetslarm", "VAST", PNR_ASTRID, date(2025, 1, 1))
        w.alarm("A1", "trygghetslarm", "VAST", PNR_ASTRID, date(2024, 6, 1))  # older snapshot
        w.alarm("A2", "trygghetslarm", "VAST", PNR_GORAN, date(2026, 6, 1), date(2026, 11, 1))
        w.alarm("A3", "trygghetslarm", "VAST", PNR_GORAN, date(2026, 11, 2))
        w.alarm("A4", "akutlarm", "VAST", None, date(2024, 1, 1), address="Personalrum, Storg. 5")
        w.alarm("A5", "akutlarm", "VAST", None, date(2024, 1, 1), date(2026, 11, 2), "Bilen")
        w.alarm("A6", "trygghetslarm", "OST", PNR_KARIN, date(2025, 1, 1))
        w.alarm("A7", "trygghetslarm", "VAST", PNR_ASTRID, date(2026, 11, 3))  # not yet
        w.alarm("A8", "trygghetslarm", "VAST", PNR_KARIN, date(2026, 1, 1))


def test_active_alarm_customers_list_everyone_active_on_the_date_akutlarm_apart(
    engine: Engine,
) -> None:
    _register(engine)
    spec = ExtractSpec(
        ExtractKind.ACTIVE_ALARM_CUSTOMERS, Scope.PROVIDER, "VAST", as_of=date(2026, 11, 2)
    )
    data = _build(engine, spec)
    assert data.rows == [
        (
            "trygghetslarm",
            "A1",
            "Astrid Ärlig",
            _display(PNR_ASTRID),
            "Ågatan 3, 582 22 Linköping",
            date(2025, 1, 1),
            None,
        ),
        (
            "trygghetslarm",
            "A3",
            "Göran Öst",
            _display(PNR_GORAN),
            "Östgötagatan 9, 582 30 Linköping",
            date(2026, 11, 2),
            None,
        ),
        (
            "trygghetslarm",
            "A8",
            "Karin Åberg",
            _display(PNR_KARIN),
            PROTECTED_ADDRESS,
            date(2026, 1, 1),
            None,
        ),
        ("akutlarm", "A4", "", "", "Personalrum, Storg. 5", date(2024, 1, 1), None),
        ("akutlarm", "A5", "", "", "Bilen", date(2024, 1, 1), date(2026, 11, 2)),
    ]
    assert data.summary == {
        "as_of": "2026-11-02",
        "total": 5,
        "trygghetslarm": 3,
        "akutlarm": 2,
        "billable": 3,
    }
    assert data.period == Period(date(2026, 11, 2), date(2026, 11, 2))
    assert data.subject == {"type": "provider", "code": "VAST", "name": "Hemtjänst Väst AB"}


def test_an_alarm_that_ended_the_day_before_is_not_counted(engine: Engine) -> None:
    _register(engine)
    spec = ExtractSpec(
        ExtractKind.ACTIVE_ALARM_CUSTOMERS, Scope.PROVIDER, "VAST", as_of=date(2026, 11, 1)
    )
    data = _build(engine, spec)
    assert [row[1] for row in data.rows] == ["A1", "A2", "A8", "A4", "A5"]
    assert data.summary["billable"] == 3


def _calls(engine: Engine) -> None:
    with engine.begin() as connection:
        w = world(connection)
        basic_people(w)
        w.call(
            "C1",
            PNR_ASTRID,
            "VAST",
            local("2026-10-03 08:00"),
            answered=local("2026-10-03 08:01"),
            escalated=True,
            escalated_at=local("2026-10-03 08:03"),
            acknowledged=local("2026-10-03 08:05"),
            arrived=local("2026-10-03 08:25"),
            closed=local("2026-10-03 08:40"),
            reason="Fall",
        )
        w.call(
            "C2",
            PNR_ASTRID,
            "VAST",
            local("2026-10-10 22:00"),
            answered=local("2026-10-10 22:00:30"),
        )
        w.call(
            "C3",
            PNR_ASTRID,
            "VAST",
            local("2026-10-20 14:00"),
            answered=local("2026-10-20 14:02"),
            escalated=True,
            escalated_at=local("2026-10-20 14:04"),
            closed=local("2026-10-20 14:30"),
            reason="Oro",
        )
        w.call("C4", PNR_ASTRID, "VAST", local("2026-11-01 00:30"), escalated=True)
        w.call(
            "C5",
            PNR_GORAN,
            "VAST",
            local("2026-10-03 09:00"),
            answered=local("2026-10-03 09:00:30"),
            escalated=True,
            escalated_at=local("2026-10-03 09:02"),
            arrived=local("2026-10-03 09:40"),
            reason=None,
        )
        w.call("C6", PNR_KARIN, "OST", local("2026-10-05 10:00"), escalated=True)


def test_a_recipients_escalated_calls_carry_their_timeline(engine: Engine) -> None:
    _calls(engine)
    spec = ExtractSpec(
        ExtractKind.ESCALATED_ALARM_CALLS,
        Scope.RECIPIENT,
        period=OCTOBER,
        recipient_personnummer=PNR_ASTRID,
    )
    data = _build(engine, spec)
    assert data.rows == [
        (
            "C1",
            local("2026-10-03 08:00"),
            local("2026-10-03 08:01"),
            local("2026-10-03 08:03"),
            local("2026-10-03 08:05"),
            local("2026-10-03 08:25"),
            local("2026-10-03 08:40"),
            "Fall",
            "Operatör Olle",
            "VAST",
            1.0,
            25.0,
        ),
        (
            "C3",
            local("2026-10-20 14:00"),
            local("2026-10-20 14:02"),
            local("2026-10-20 14:04"),
            None,
            None,
            local("2026-10-20 14:30"),
            "Oro",
            "Operatör Olle",
            "VAST",
            2.0,
            None,
        ),
    ]
    assert data.summary == {
        "calls": 3,
        "escalated": 2,
        "arrived": 1,
        "avg_minutes_to_answer": 1.5,
        "avg_minutes_to_arrive": 25.0,
        "max_minutes_to_arrive": 25.0,
    }


def test_a_providers_escalated_calls_are_counted_per_day_week_and_reason(engine: Engine) -> None:
    _calls(engine)
    spec = ExtractSpec(ExtractKind.ESCALATED_ALARM_CALLS, Scope.PROVIDER, "VAST", period=OCTOBER)
    data = _build(engine, spec)
    assert [(row[0], row[1], row[2]) for row in data.rows] == [
        ("C1", "Astrid Ärlig", _display(PNR_ASTRID)),
        ("C5", "Göran Öst", _display(PNR_GORAN)),
        ("C3", "Astrid Ärlig", _display(PNR_ASTRID)),
    ]
    assert data.rows[1][3:] == (
        local("2026-10-03 09:00"),
        local("2026-10-03 09:00:30"),
        local("2026-10-03 09:02"),
        None,
        local("2026-10-03 09:40"),
        None,
        "",
        "Operatör Olle",
        "VAST",
        0.5,
        40.0,
    )
    summary = data.summary
    per_day = summary.pop("per_day")
    assert isinstance(per_day, dict)
    assert len(per_day) == 31
    assert {day: n for day, n in per_day.items() if n} == {"2026-10-03": 2, "2026-10-20": 1}
    assert summary == {
        "calls": 4,
        "escalated": 3,
        "recipients": 2,
        "arrived": 2,
        "avg_minutes_to_answer": 1.2,
        "avg_minutes_to_arrive": 32.5,
        "max_minutes_to_arrive": 40.0,
        "per_week": {
            "2026-W40": 2,
            "2026-W41": 0,
            "2026-W42": 0,
            "2026-W43": 1,
            "2026-W44": 0,
        },
        "per_reason": {"(orsak saknas)": 1, "Fall": 1, "Oro": 1},
    }
