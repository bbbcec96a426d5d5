"""Alembic environment: the engine is handed in by loggutdrag.store.db (no alembic.ini)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from loggutdrag.store.tables import metadata

engine: Engine = context.config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
