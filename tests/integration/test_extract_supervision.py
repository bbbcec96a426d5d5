"""Supervision log (R10-R12): look-ins with planned and performed time, deviations flagged, and
nights an active order had no look-in at all; across the October night's repeated hour."""

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
from loggutdrag.extracts.render.csv import render_csv

HEADER = ExtractHeader(local("2026-11-02 09:00"), "handlaggare", "VÄN 2026-003", "Anna Väst")


def _build(engine: Engine, spec: ExtractSpec) -> ExtractData:
    with engine.connect() as connection:
        return build_extract(connection, spec, HEADER, STOCKHOLM)


def _supervision(engine: Engine) -> None:
    with engine.begin() as connection:
        w = world(connection)
        basic_people(w)
        w.camera("CAM-1", PNR_ASTRID)
        w.camera("CAM-2", PNR_GORAN)
        w.camera("CAM-3", PNR_KARIN)
        a, g = PNR_ASTRID, PNR_GORAN
        w.order("O1", a, "CAM-1", "VAST", "22:00", date(2026, 10, 1))
        w.order("O2", a, "CAM-1", "VAST", "02:30", date(2026, 10, 1), weekdays="7")
        w.order("O3", g, "CAM-2", "VAST", "23:00", date(2026, 10, 24), date(2026, 10, 25))
        w.order("O4", PNR_KARIN, "CAM-3", "OST", "23:00", date(2026, 10, 1))
        w.lookin(
            "L1",
            "O1",
            "CAM-1",
            a,
            "VAST",
            local("2026-10-23 22:00"),
            local("2026-10-23 22:05"),
            "in_bed",
        )
        w.lookin(
            "L2",
            "O1",
            "CAM-1",
            a,
            "VAST",
            local("2026-10-24 22:00"),
            local("2026-10-24 22:20"),
            "not_in_bed",
            "called_provider",
            local("2026-10-24 22:22"),
        )
        w.lookin(
            "L3",
            "O1",
            "CAM-1",
            a,
            "VAST",
            local("2026-10-25 22:00"),
            None,
            "not_performed",
            operator=None,
        )
        # The first 02:30 (+02:00): not visible; the look-in at the second 02:32 (+01:00) is
        # 67 minutes later, so it is no recheck within 20 minutes.
        w.lookin(
            "L4",
            "O2",
            "CAM-1",
            a,
            "VAST",
            local("2026-10-25 02:30"),
            local("2026-10-25 02:25"),
            "not_visible",
        )
        w.lookin(
            "L5",
            None,
            "CAM-1",
            a,
            "VAST",
            local("2026-10-25 02:30", fold=1),
            local("2026-10-25 02:32", fold=1),
            "in_bed",
        )
        w.lookin(
            "L8",
            "O3",
            "CAM-2",
            g,
            "VAST",
            local("2026-10-24 23:00"),
            local("2026-10-24 23:02"),
            "not_visible",
            "recheck",
            local("2026-10-24 23:15"),
        )
        w.lookin(
            "L9",
            "O3",
            "CAM-2",
            g,
            "VAST",
            local("2026-10-25 23:00"),
            local("2026-10-25 23:01"),
            "not_in_bed",
        )
        w.lookin(
            "L10", "O4", "CAM-3", PNR_KARIN, "OST", local("2026-10-24 23:00"), None, "not_performed"
        )


def test_a_recipients_camera_log_flags_every_deviation_and_the_missing_night(
    engine: Engine,
) -> None:
    _supervision(engine)
    spec = ExtractSpec(
        ExtractKind.SUPERVISION_LOG,
        Scope.RECIPIENT,
        period=Period(date(2026, 10, 23), date(2026, 10, 26)),
        recipient_personnummer=PNR_ASTRID,
        camera_serial="CAM-1",
    )
    data = _build(engine, spec)
    assert data.rows == [
        (
            "O1",
            "CAM-1",
            local("2026-10-23 22:00"),
            local("2026-10-23 22:05"),
            5.0,
            "Operatör Olle",
            "in_bed",
            "none",
            None,
            (),
        ),
        (
            "O1",
            "CAM-1",
            local("2026-10-24 22:00"),
            local("2026-10-24 22:20"),
            20.0,
            "Operatör Olle",
            "not_in_bed",
            "called_provider",
            local("2026-10-24 22:22"),
            ("late",),
        ),
        (
            "O2",
            "CAM-1",
            local("2026-10-25 02:30"),
            local("2026-10-25 02:25"),
            -5.0,
            "Operatör Olle",
            "not_visible",
            "none",
            None,
            ("not_visible_no_recheck",),
        ),
        (
            "",
            "CAM-1",
            local("2026-10-25 02:30", fold=1),
            local("2026-10-25 02:32", fold=1),
            2.0,
            "Operatör Olle",
            "in_bed",
            "none",
            None,
            (),
        ),
        (
            "O1",
            "CAM-1",
            local("2026-10-25 22:00"),
            None,
            None,
            "",
            "not_performed",
            "none",
            None,
            ("not_performed",),
        ),
    ]
    assert data.summary == {
        "orders": 2,
        "lookins": 5,
        "performed": 4,
        "not_performed": 1,
        "late": 1,
        "not_visible_no_recheck": 1,
        "not_in_bed_no_call": 0,
        "deviations": 3,
        "nights_without_lookin": 1,
    }
    (nights,) = data.sections
    assert nights.rows == [(date(2026, 10, 26), "O1", "22:00", "CAM-1")]
    assert data.subject["camera_serial"] == "CAM-1"


def test_the_repeated_hour_shows_its_offsets_in_the_supervision_csv(engine: Engine) -> None:
    _supervision(engine)
    spec = ExtractSpec(
        ExtractKind.SUPERVISION_LOG,
        Scope.RECIPIENT,
        period=Period(date(2026, 10, 25), date(2026, 10, 25)),
        recipient_personnummer=PNR_ASTRID,
    )
    lines = render_csv(_build(engine, spec)).decode("utf-8-sig").splitlines()
    assert lines[1].startswith("O2;CAM-1;2026-10-25 02:30 (+02:00);2026-10-25 02:25 (+02:00);")
    assert lines[2].startswith(";CAM-1;2026-10-25 02:30 (+01:00);2026-10-25 02:32 (+01:00);")
    assert lines[1].endswith(";Ej synlig, ingen ny kontroll inom 20 min")


def test_a_providers_supervision_log_covers_all_its_cameras_and_only_them(engine: Engine) -> None:
    _supervision(engine)
    spec = ExtractSpec(
        ExtractKind.SUPERVISION_LOG,
        Scope.PROVIDER,
        "VAST",
        period=Period(date(2026, 10, 24), date(2026, 10, 25)),
    )
    data = _build(engine, spec)
    assert [(row[0], row[2], row[4], row[11]) for row in data.rows] == [
        ("Astrid Ärlig", "O1", local("2026-10-24 22:00"), ("late",)),
        ("Göran Öst", "O3", local("2026-10-24 23:00"), ()),
        ("Astrid Ärlig", "O2", local("2026-10-25 02:30"), ("not_visible_no_recheck",)),
        ("Astrid Ärlig", "", local("2026-10-25 02:30", fold=1), ()),
        ("Astrid Ärlig", "O1", local("2026-10-25 22:00"), ("not_performed",)),
        ("Göran Öst", "O3", local("2026-10-25 23:00"), ("not_in_bed_no_call",)),
    ]
    assert data.summary == {
        "orders": 3,
        "lookins": 6,
        "performed": 5,
        "not_performed": 1,
        "late": 1,
        "not_visible_no_recheck": 1,
        "not_in_bed_no_call": 1,
        "deviations": 4,
        "nights_without_lookin": 0,
    }
    assert data.sections[0].rows == []


def test_an_unknown_camera_gives_an_empty_log_not_another_cameras(engine: Engine) -> None:
    _supervision(engine)
    spec = ExtractSpec(
        ExtractKind.SUPERVISION_LOG,
        Scope.RECIPIENT,
        period=Period(date(2026, 10, 23), date(2026, 10, 26)),
        recipient_personnummer=PNR_ASTRID,
        camera_serial="CAM-X",
    )
    data = _build(engine, spec)
    assert data.rows == []
    assert data.summary["orders"] == 0
