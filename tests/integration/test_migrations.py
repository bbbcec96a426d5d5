"""The same Alembic migrations build the schema on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

from loggutdrag.store.db import downgrade, upgrade
from loggutdrag.store.tables import metadata


def test_upgrade_from_empty_gives_exactly_the_declared_schema(engine: Engine) -> None:
    downgrade(engine, "base")
    assert inspect(engine).get_table_names() == ["alembic_version"]
    upgrade(engine)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []


def test_the_extract_queries_have_their_indexes(engine: Engine) -> None:
    inspector = inspect(engine)

    def indexed(table: str) -> set[tuple[str, ...]]:
        return {tuple(index["column_names"]) for index in inspector.get_indexes(table)}  # type: ignore[misc]

    assert ("recipient_id", "occurred_at") in indexed("lock_events")
    assert ("staff_id", "occurred_at") in indexed("lock_events")
    assert ("provider_id", "occurred_at") in indexed("lock_events")
    assert ("recipient_id", "triggered_at") in indexed("alarm_calls")
    assert ("provider_id", "triggered_at") in indexed("alarm_calls")
    assert ("recipient_id", "planned_at") in indexed("lookins")
    assert ("provider_id", "planned_at") in indexed("lookins")


def test_upgrading_twice_changes_nothing(engine: Engine) -> None:
    before = sorted(inspect(engine).get_table_names())
    upgrade(engine)
    assert sorted(inspect(engine).get_table_names()) == before
