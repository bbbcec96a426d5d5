"""R14: the audit trail is hash-chained; any changed, removed or reordered entry is found."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, update

from loggutdrag.audit.trail import record, verify
from loggutdrag.domain.audit import AuditAction, AuditEntry
from loggutdrag.store.tables import audit_events

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _three_entries(engine: Engine) -> list[int]:
    with engine.begin() as connection:
        return [
            record(
                connection,
                AuditEntry(
                    T0 + timedelta(minutes=i),
                    "handlaggare",
                    AuditAction.CASE_VIEWED,
                    details={"n": i},
                ),
            )
            for i in range(3)
        ]


def test_an_untouched_trail_verifies(engine: Engine) -> None:
    _three_entries(engine)
    with engine.connect() as connection:
        assert verify(connection) == []


def test_a_changed_entry_is_found(engine: Engine) -> None:
    ids = _three_entries(engine)
    with engine.begin() as connection:
        connection.execute(
            update(audit_events).where(audit_events.c.id == ids[1]).values(actor="någon")
        )
        problems = verify(connection)
    assert [p.audit_id for p in problems] == [ids[1]]
    assert "ändrats" in problems[0].problem_sv


def test_a_removed_entry_is_found(engine: Engine) -> None:
    ids = _three_entries(engine)
    with engine.begin() as connection:
        connection.execute(delete(audit_events).where(audit_events.c.id == ids[1]))
        problems = verify(connection)
    assert [p.audit_id for p in problems] == [ids[2]]
    assert "bruten" in problems[0].problem_sv
