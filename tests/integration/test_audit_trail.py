"""R14: the audit trail is hash-chained; any changed, removed or reordered entry is found."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, select, update

from loggutdrag.audit.trail import record, verify
from loggutdrag.domain.audit import AuditAction, AuditEntry, entry_hash
from loggutdrag.store.tables import audit_events, audit_head

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


def test_removing_the_newest_entries_is_found(engine: Engine) -> None:
    ids = _three_entries(engine)
    with engine.begin() as connection:
        connection.execute(delete(audit_events).where(audit_events.c.id >= ids[1]))
        problems = verify(connection)
    assert [p.audit_id for p in problems] == [ids[2]]
    assert "senaste posterna har tagits bort" in problems[0].problem_sv


def test_emptying_the_trail_is_found(engine: Engine) -> None:
    ids = _three_entries(engine)
    with engine.begin() as connection:
        connection.execute(delete(audit_events))
        problems = verify(connection)
    assert [p.audit_id for p in problems] == [ids[2]]


def test_a_changed_last_entry_with_a_recomputed_hash_is_found(engine: Engine) -> None:
    ids = _three_entries(engine)
    with engine.begin() as connection:
        prev = connection.execute(
            select(audit_events.c.prev_hash).where(audit_events.c.id == ids[2])
        ).scalar_one()
        forged = AuditEntry(
            T0 + timedelta(minutes=2), "någon", AuditAction.CASE_VIEWED, details={"n": 2}
        )
        connection.execute(
            update(audit_events)
            .where(audit_events.c.id == ids[2])
            .values(actor="någon", hash=entry_hash(forged, prev))
        )
        problems = verify(connection)
    assert [p.audit_id for p in problems] == [ids[2]]


def test_a_removed_head_is_reported(engine: Engine) -> None:
    ids = _three_entries(engine)
    with engine.begin() as connection:
        connection.execute(delete(audit_head))
        problems = verify(connection)
    assert [p.audit_id for p in problems] == [ids[2]]
    assert "huvud saknas" in problems[0].problem_sv


def test_reordered_entries_are_found(engine: Engine) -> None:
    ids = _three_entries(engine)
    columns = ("at", "actor", "details", "prev_hash", "hash")
    with engine.begin() as connection:
        rows = {
            row["id"]: {name: row[name] for name in columns}
            for row in connection.execute(select(audit_events)).mappings()
        }
        placeholder = {**rows[ids[1]], "hash": "f" * 64}  # the hash column is unique
        connection.execute(
            update(audit_events).where(audit_events.c.id == ids[0]).values(placeholder)
        )
        connection.execute(
            update(audit_events).where(audit_events.c.id == ids[1]).values(rows[ids[0]])
        )
        connection.execute(
            update(audit_events)
            .where(audit_events.c.id == ids[0])
            .values(hash=rows[ids[1]]["hash"])
        )
        problems = verify(connection)
    assert {p.audit_id for p in problems} == set(ids)
    assert all("bruten" in p.problem_sv for p in problems)
