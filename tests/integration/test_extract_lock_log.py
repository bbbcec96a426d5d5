"""Lock log (R5, R6): every event at a recipient's locks, or every lock one staff member used.

Periods are local calendar dates: an event at 00:00 local on the day after the period is out even
though its UTC date is inside; the two 02:30 of the October night are both listed, told apart.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from factories_extracts import (
    PNR_ASTRID,
    PNR_GORAN,
    STOCKHOLM,
    basic_people,
    local,
    world,
)
from loggutdrag.domain.enums import ExtractKind, Scope
from loggutdrag.domain.extract import ExtractData, ExtractHeader, ExtractSpec, Period
from loggutdrag.extracts.builders import build_extract
from loggutdrag.extracts.render.csv import render_csv

HEADER = ExtractHeader(local("2026-11-02 09:00"), "handlaggare", "VÄN 2026-001", "Anna Väst")
OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))


def _lock_world(engine: Engine) -> None:
    with engine.begin() as connection:
        w = world(connection)
        basic_people(w)
        w.lock("L-A", PNR_ASTRID)
        w.lock("L-G", PNR_GORAN)
        a = PNR_ASTRID
        w.lock_event(
            local("2026-09-30 23:59"),
            "L-A",
            "unlock",
            username="anna.v",
            provider="VAST",
            personnummer=a,
        )
        w.lock_event(
            local("2026-10-01 07:55"),
            "L-A",
            "unlock",
            username="anna.v",
            provider="VAST",
            personnummer=a,
        )
        w.lock_event(
            local("2026-10-01 08:20"),
            "L-A",
            "lock",
            username="anna.v",
            provider="VAST",
            personnummer=a,
            method="knapp",
        )
        w.lock_event(
            local("2026-10-15 12:00"),
            "L-A",
            "battery_low",
            username=None,
            provider=None,
            personnummer=a,
            method="",
        )
        w.lock_event(
            local("2026-10-25 02:30"),
            "L-A",
            "unlock",
            username="bo.v",
            provider="VAST",
            personnummer=a,
        )
        w.lock_event(
            local("2026-10-25 02:30", fold=1),
            "L-A",
            "lock",
            username="bo.v",
            provider="VAST",
            personnummer=a,
        )
        w.lock_event(
            local("2026-10-31 23:59"),
            "L-A",
            "denied",
            username="cia.o",
            provider="OST",
            personnummer=a,
            method="tagg",
        )
        w.lock_event(
            local("2026-11-01 00:00"),
            "L-A",
            "unlock",
            username="anna.v",
            provider="VAST",
            personnummer=a,
        )
        w.lock_event(
            local("2026-10-02 09:00"),
            "L-G",
            "unlock",
            username="anna.v",
            provider="VAST",
            personnummer=PNR_GORAN,
        )


def _build(engine: Engine, spec: ExtractSpec) -> ExtractData:
    with engine.connect() as connection:
        return build_extract(connection, spec, HEADER, STOCKHOLM)


def test_a_recipients_lock_log_lists_every_event_at_their_locks_in_the_period(
    engine: Engine,
) -> None:
    _lock_world(engine)
    spec = ExtractSpec(
        ExtractKind.LOCK_LOG, Scope.RECIPIENT, period=OCTOBER, recipient_personnummer=PNR_ASTRID
    )
    data = _build(engine, spec)
    assert [c.key for c in data.columns] == [
        "occurred_at",
        "lock_id",
        "event",
        "method",
        "staff_name",
        "staff_username",
        "provider",
    ]
    assert data.rows == [
        (
            local("2026-10-01 07:55"),
            "L-A",
            "unlock",
            "app",
            "Anna Väst",
            "anna.v",
            "Hemtjänst Väst AB",
        ),
        (
            local("2026-10-01 08:20"),
            "L-A",
            "lock",
            "knapp",
            "Anna Väst",
            "anna.v",
            "Hemtjänst Väst AB",
        ),
        (local("2026-10-15 12:00"), "L-A", "battery_low", "", "", "", ""),
        (
            local("2026-10-25 02:30"),
            "L-A",
            "unlock",
            "app",
            "Bo Ström",
            "bo.v",
            "Hemtjänst Väst AB",
        ),
        (
            local("2026-10-25 02:30", fold=1),
            "L-A",
            "lock",
            "app",
            "Bo Ström",
            "bo.v",
            "Hemtjänst Väst AB",
        ),
        (local("2026-10-31 23:59"), "L-A", "denied", "tagg", "Cia Öberg", "cia.o", "Omsorg Öst"),
    ]
    assert data.summary == {
        "events": 6,
        "unlock": 2,
        "lock": 2,
        "denied": 1,
        "battery_low": 1,
        "staff": 3,
        "providers": 2,
    }
    assert data.subject == {
        "type": "recipient",
        "name": "Astrid Ärlig",
        "personnummer": f"{PNR_ASTRID[:8]}-{PNR_ASTRID[8:]}",
    }


def test_the_two_0230_of_the_october_night_are_told_apart_in_the_csv(engine: Engine) -> None:
    _lock_world(engine)
    spec = ExtractSpec(
        ExtractKind.LOCK_LOG, Scope.RECIPIENT, period=OCTOBER, recipient_personnummer=PNR_ASTRID
    )
    text = render_csv(_build(engine, spec)).decode("utf-8-sig")
    assert "2026-10-25 02:30:00 (+02:00);L-A;Upplåst" in text
    assert "2026-10-25 02:30:00 (+01:00);L-A;Låst" in text
    assert "2026-10-01 07:55:00;" in text  # no offset outside the repeated hour


def test_a_staff_members_lock_log_lists_every_lock_they_used_and_whose_it_was(
    engine: Engine,
) -> None:
    _lock_world(engine)
    spec = ExtractSpec(ExtractKind.LOCK_LOG, Scope.STAFF, period=OCTOBER, staff_username="anna.v")
    data = _build(engine, spec)
    astrid = f"{PNR_ASTRID[:8]}-{PNR_ASTRID[8:]}"
    goran = f"{PNR_GORAN[:8]}-{PNR_GORAN[8:]}"
    assert data.rows == [
        (
            local("2026-10-01 07:55"),
            "L-A",
            "Astrid Ärlig",
            astrid,
            "unlock",
            "app",
            "Hemtjänst Väst AB",
        ),
        (
            local("2026-10-01 08:20"),
            "L-A",
            "Astrid Ärlig",
            astrid,
            "lock",
            "knapp",
            "Hemtjänst Väst AB",
        ),
        (
            local("2026-10-02 09:00"),
            "L-G",
            "Göran Öst",
            goran,
            "unlock",
            "app",
            "Hemtjänst Väst AB",
        ),
    ]
    assert data.summary == {
        "events": 3,
        "unlock": 2,
        "lock": 1,
        "denied": 0,
        "battery_low": 0,
        "locks": 2,
        "recipients": 2,
    }
    assert data.subject == {
        "type": "staff",
        "name": "Anna Väst",
        "username": "anna.v",
        "provider": "Hemtjänst Väst AB",
    }


def test_a_recipient_no_log_knows_gets_an_empty_extract_not_an_error(engine: Engine) -> None:
    _lock_world(engine)
    spec = ExtractSpec(
        ExtractKind.LOCK_LOG,
        Scope.RECIPIENT,
        period=OCTOBER,
        recipient_personnummer="19121212-1212",
        recipient_name="Tolvan Tolvansson",
    )
    data = _build(engine, spec)
    assert data.rows == []
    assert data.summary["events"] == 0
    assert data.subject["name"] == "Tolvan Tolvansson"
