"""Create or migrate the database."""

from __future__ import annotations

from sqlalchemy import func, select

from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import ServiceError
from loggutdrag.store import db
from loggutdrag.store.tables import providers


def init_database(ctx: AppContext) -> None:
    """Create the schema on an empty database, or upgrade an existing one to the latest version."""
    db.upgrade(ctx.engine)


def has_data(ctx: AppContext) -> bool:
    """True once any provider exists (the demo data is then not loaded again)."""
    if not db.is_initialised(ctx.engine):
        return False
    with ctx.engine.connect() as connection:
        return bool(connection.execute(select(func.count()).select_from(providers)).scalar_one())


class DatabaseMissingError(ServiceError):
    """The database has no schema yet (``loggutdrag init`` has not been run)."""

    exit_code = 2
    http_status = 503


def database_ready(ctx: AppContext) -> bool:
    """True when the database exists and has its schema (never creates an SQLite file)."""
    from loggutdrag.services.log_checks import database_ready as ready

    return ready(ctx)


def require_database(ctx: AppContext) -> AppContext:
    """``ctx`` when its database has the schema; else a Swedish error that says what to do.

    Checking never creates the database (an SQLite file that does not exist stays absent)."""
    if not database_ready(ctx):
        raise DatabaseMissingError(
            "databasen är inte skapad ännu; kör först: loggutdrag init", field="database"
        )
    return ctx
