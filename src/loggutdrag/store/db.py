"""Engines and schema migration for SQLite (embedded default) and PostgreSQL (production)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only where a migration runs: every CLI command builds an engine, and
# importing Alembic (with Mako) cost about a tenth of a second of each command's start-up.

MIGRATIONS = "loggutdrag.store:migrations"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url``; on SQLite the file's folder is created and WAL is switched on."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    script_location = resources.files("loggutdrag.store") / "migrations"
    config.set_main_option("script_location", str(script_location))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Create the schema, or bring it up to ``revision`` (the same migrations on every database)."""
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(engine), revision)


def is_initialised(engine: Engine) -> bool:
    return inspect(engine).has_table("alembic_version")
