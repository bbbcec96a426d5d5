"""Importing each source into an empty database (SQLite and PostgreSQL): counts, references made on
the fly, idempotent re-import, and the alarm register as history."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import Engine, func, select

from factories_import import LOCK_HEADER, PNR_A, PNR_B, bad_check_digit, lock_event, write_csv
from loggutdrag.services.context import AppContext
from loggutdrag.services.imports import import_file
from loggutdrag.store.alarm_register import active_alarms_on
from loggutdrag.store.tables import alarm_calls, alarms, lock_events, lookins, recipients, staff

REGISTER = [
    "alarm_id",
    "alarm_type",
    "provider",
    "recipient_personnummer",
    "recipient_name",
    "address",
    "active_from",
    "active_to",
]
CALLS = [
    "call_id",
    "alarm_id",
    "recipient_personnummer",
    "triggered_at",
    "answered_at",
    "operator",
    "reason",
    "escalated",
    "escalated_at",
    "escalated_to",
    "acknowledged_at",
    "arrived_at",
    "closed_at",
]
ORDERS = [
    "order_id",
    "recipient_personnummer",
    "camera_serial",
    "provider",
    "planned_time",
    "weekdays",
    "valid_from",
    "valid_to",
]
LOOKINS = [
    "lookin_id",
    "order_id",
    "camera_serial",
    "recipient_personnummer",
    "planned_at",
    "performed_at",
    "operator",
    "outcome",
    "action",
    "action_at",
]


def _count(engine: Engine, table: object) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_lock_events_import_into_an_empty_database_and_reimport_inserts_nothing(
    ctx: AppContext, engine: Engine, tmp_path: Path
) -> None:
    rows = [
        lock_event("E1"),
        lock_event("E2", "2025-03-03T09:00:00"),
        lock_event("E2", "2025-03-03T09:00:00"),  # the same event twice in one file
        lock_event("E3", personnummer=bad_check_digit(PNR_B)),
        lock_event("E4", username="", name="", event="battery_low", method=""),
        lock_event("E5", "2025-10-26 02:15:00"),  # ambiguous local time
    ]
    path = write_csv(tmp_path / "locks.csv", LOCK_HEADER, rows)
    report = import_file(ctx, "lock-events", path)
    assert (report.read, report.inserted, report.duplicates, report.rejected) == (6, 3, 1, 2)
    assert [r["id"] for r in report.rejections] == ["E3", "E5"]
    assert [r["line"] for r in report.rejections] == [5, 7]
    assert report.exit_code == 1
    assert _count(engine, lock_events) == 3
    assert _count(engine, staff) == 1
    assert _count(engine, recipients) == 1
    again = import_file(ctx, "lock-events", path)
    assert (again.read, again.inserted, again.duplicates, again.rejected) == (6, 0, 4, 2)
    assert _count(engine, lock_events) == 3
    with engine.connect() as connection:
        stored = connection.execute(
            select(lock_events.c.occurred_at).where(lock_events.c.external_id == "E2")
        ).scalar_one()
    assert stored.isoformat() == "2025-03-03T08:00:00+00:00"


def test_the_register_is_history_that_answers_for_any_past_date(
    ctx: AppContext, engine: Engine, tmp_path: Path
) -> None:
    january = write_csv(
        tmp_path / "jan.csv",
        REGISTER,
        [
            [
                "A1",
                "trygghetslarm",
                "HT01",
                PNR_A,
                "Astrid",
                "Storgatan 1, 582 22 Linköping",
                "2024-06-01",
                "",
            ],
            ["A2", "trygghetslarm", "HT02", PNR_B, "Bertil", "", "2025-01-10", ""],
            ["K1", "akutlarm", "HT01", "", "", "Personalrum", "2023-01-01", ""],
        ],
    )
    february = write_csv(
        tmp_path / "feb.csv",
        REGISTER,
        [
            [
                "A1",
                "trygghetslarm",
                "HT01",
                PNR_A,
                "Astrid",
                "Storgatan 1, 582 22 Linköping",
                "2024-06-01",
                "2025-01-31",
            ],
            ["A2", "trygghetslarm", "HT02", PNR_B, "Bertil", "", "2025-01-10", ""],
            [
                "A1",
                "trygghetslarm",
                "HT02",
                PNR_A,
                "Astrid",
                "",
                "2025-02-15",
                "",
            ],  # moved provider
        ],
    )
    first = import_file(ctx, "alarm-register", january)
    assert (first.inserted, first.duplicates, first.updated) == (3, 0, 0)
    second = import_file(ctx, "alarm-register", february)
    assert (second.read, second.inserted, second.duplicates, second.updated) == (3, 1, 2, 1)
    # an old snapshot imported again does not reopen the ended period
    again = import_file(ctx, "alarm-register", january)
    assert (again.inserted, again.duplicates, again.updated) == (0, 3, 0)
    assert _count(engine, alarms) == 4
    with engine.connect() as connection:

        def on(day: date, provider: str | None = None) -> list[tuple[str, str, str]]:
            return [
                (a.alarm_id, a.alarm_type, a.provider_code)
                for a in active_alarms_on(connection, day, provider)
            ]

        assert on(date(2025, 1, 20), "HT01") == [
            ("K1", "akutlarm", "HT01"),
            ("A1", "trygghetslarm", "HT01"),
        ]
        assert on(date(2025, 2, 5), "HT01") == [("K1", "akutlarm", "HT01")]
        assert on(date(2025, 2, 20), "HT02") == [
            ("A1", "trygghetslarm", "HT02"),
            ("A2", "trygghetslarm", "HT02"),
        ]
        assert on(date(2024, 12, 31)) == [
            ("K1", "akutlarm", "HT01"),
            ("A1", "trygghetslarm", "HT01"),
        ]
        astrid = connection.execute(
            select(recipients.c.name, recipients.c.postcode).where(
                recipients.c.personnummer == PNR_A
            )
        ).one()
    assert tuple(astrid) == ("Astrid", "58222")


def test_alarm_calls_get_their_provider_from_the_register_whichever_comes_first(
    ctx: AppContext, engine: Engine, tmp_path: Path
) -> None:
    calls = write_csv(
        tmp_path / "calls.csv",
        CALLS,
        [
            [
                *("C1", "A1", "", "2025-02-01T22:10:00+01:00", "2025-02-01T22:11:00+01:00"),
                *("Op", "Fall", "true", "2025-02-01T22:12:00+01:00", "HT01", ""),
                *("2025-02-01T22:40:00+01:00", "2025-02-01T22:45:00+01:00"),
            ],
            ["C2", "A9", PNR_B, "2025-02-02T08:00:00Z", "", "", "", "false", "", "", "", "", ""],
            ["C3", "A1", "", "2025-02-03T08:00:00Z", "", "", "", "kanske", "", "", "", "", ""],
        ],
    )  # fmt: skip
    report = import_file(ctx, "alarm-calls", calls)
    assert (report.inserted, report.rejected) == (2, 1)
    assert "sant/falskt" in report.rejections[0]["reason"]
    register = write_csv(
        tmp_path / "reg.csv",
        REGISTER,
        [["A1", "trygghetslarm", "HT01", PNR_A, "Astrid", "", "2024-01-01", ""]],
    )
    import_file(ctx, "alarm-register", register)
    with engine.connect() as connection:
        call = connection.execute(
            select(
                alarm_calls.c.provider_id, alarm_calls.c.recipient_id, alarm_calls.c.escalated
            ).where(alarm_calls.c.external_id == "C1")
        ).one()
    assert call.provider_id is not None
    assert call.recipient_id is not None
    assert call.escalated is True


def test_supervision_orders_and_lookins_link_up(
    ctx: AppContext, engine: Engine, tmp_path: Path
) -> None:
    lookin_file = write_csv(
        tmp_path / "lookins.csv",
        LOOKINS,
        [
            [
                "T1",
                "O1",
                "CAM-1",
                PNR_A,
                "2025-02-01T22:30:00",
                "2025-02-01T22:31:00",
                "Op",
                "not_in_bed",
                "called_provider",
                "2025-02-01T22:33:00",
            ],
            ["T2", "O1", "CAM-1", PNR_A, "2025-02-02T22:30:00", "", "", "not_performed", "", ""],
            ["T3", "O1", "CAM-1", PNR_A, "2025-02-03T22:30:00", "", "", "asleep", "", ""],
        ],
    )
    assert (import_file(ctx, "supervision-lookins", lookin_file).inserted) == 2
    orders = write_csv(
        tmp_path / "orders.csv",
        ORDERS,
        [
            ["O1", PNR_A, "CAM-1", "HT01", "22:30", "", "2025-01-01", ""],
            ["O2", PNR_B, "CAM-2", "HT01", "3:00", "135", "2025-01-01", "2024-12-01"],
        ],
    )
    report = import_file(ctx, "supervision-orders", orders)
    assert (report.inserted, report.rejected) == (1, 1)
    with engine.connect() as connection:
        linked = connection.execute(
            select(lookins.c.order_id, lookins.c.provider_id, lookins.c.action).order_by(
                lookins.c.external_id
            )
        ).all()
    assert all(row.order_id is not None and row.provider_id is not None for row in linked)
    assert [row.action for row in linked] == ["called_provider", "none"]
