"""Create or migrate the database."""

from __future__ import annotations

from sqlalchemy import func, select

from loggutdrag.services.context import AppContext
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
