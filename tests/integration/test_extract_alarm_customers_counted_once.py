"""R1: the extract counts alarm *customers*; a customer with two active alarms counts once."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from factories_extracts import PNR_ASTRID, PNR_GORAN, STOCKHOLM, basic_people, local, world
from loggutdrag.domain.enums import ExtractKind, Scope
from loggutdrag.domain.extract import ExtractHeader, ExtractSpec
from loggutdrag.extracts.builders import build_extract

HEADER = ExtractHeader(local("2026-11-02 09:00"), "handlaggare", "VÄN 2026-003", "Anna Väst")


def test_a_customer_with_two_active_alarms_is_billed_once(engine: Engine) -> None:
    with engine.begin() as connection:
        w = world(connection)
        basic_people(w)
        w.alarm("B1", "trygghetslarm", "VAST", PNR_ASTRID, date(2025, 1, 1))
        w.alarm("B2", "trygghetslarm", "VAST", PNR_ASTRID, date(2026, 10, 1))  # a second unit
        w.alarm("B3", "trygghetslarm", "VAST", PNR_GORAN, date(2025, 1, 1))
        w.alarm("B4", "akutlarm", "VAST", None, date(2024, 1, 1), address="Personalrum")
    spec = ExtractSpec(
        ExtractKind.ACTIVE_ALARM_CUSTOMERS, Scope.PROVIDER, "VAST", as_of=date(2026, 11, 2)
    )
    with engine.connect() as connection:
        data = build_extract(connection, spec, HEADER, STOCKHOLM)
    assert len(data.rows) == 4  # every alarm is listed
    assert data.summary == {
        "as_of": "2026-11-02",
        "total": 3,
        "trygghetslarm": 2,
        "akutlarm": 1,
        "billable": 2,
    }
    assert any("räknas en gång" in note for note in data.notes)
