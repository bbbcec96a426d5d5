"""Generate the demo municipality into the database, or as native import CSV files.

``generate(engine, scale=1, seed=1, csv_dir=None, progress=False)``: at scale 1 about 1,000 alarm
customers over six providers and a year (2025-11-01 .. 2026-10-31, see year.py) of alarm calls,
lock events and camera look-ins, about a million log rows; the logs grow in proportion to the
scale. The same seed gives the same data, ids included. Generation is streamed recipient by
recipient, so memory stays flat whatever the scale.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, insert, select

from loggutdrag.auth.passwords import hash_password
from loggutdrag.demo.activity import akutlarm_activity, recipient_activity
from loggutdrag.demo.context import Context
from loggutdrag.demo.csv_writer import CsvWriter
from loggutdrag.demo.logins import DEMO_LOGINS
from loggutdrag.demo.model import World
from loggutdrag.demo.pipeline import ParallelLogs
from loggutdrag.demo.progress import Progress
from loggutdrag.demo.world import build_world, recipient_count
from loggutdrag.demo.writers import DatabaseWriter, Writer
from loggutdrag.store import db, tables
from loggutdrag.store.bulk_demo import LOG_TABLES, BulkWriter

MAX_SCALE = 1000.0
PARALLEL_FROM = 3000  # customers; below that a second process costs more than it saves


class DemoDataError(Exception):
    """The demo data cannot be generated here; ``message_sv`` says why, in Swedish."""

    def __init__(self, message_sv: str) -> None:
        super().__init__(message_sv)
        self.message_sv = message_sv


def generate(
    engine: Engine | None,
    *,
    scale: float = 1.0,
    seed: int = 1,
    csv_dir: Path | None = None,
    progress: bool = False,
    parallel: bool | None = None,
) -> dict[str, int]:
    """Write the demo municipality; returns how many rows went to each table (or file).

    ``parallel``: generate the logs in a second process while this one writes them to the
    database; by default from :data:`PARALLEL_FROM` customers on, when there are two cores.
    """
    if not 0 < scale <= MAX_SCALE:
        raise DemoDataError(f"skalan måste vara större än 0 och högst {MAX_SCALE:g}")
    with Progress(progress) as bar:
        if csv_dir is not None:
            bar.note("Skapar utförare, personal och larmkunder")
            world = build_world(seed, scale)
            return _run(CsvWriter(csv_dir, world), world, bar)
        if engine is None:
            raise DemoDataError("ingen databas att skriva till")
        _check_database(engine)
        if parallel is None:
            parallel = recipient_count(scale) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1
        logs = ParallelLogs(seed, scale) if parallel else None
        try:
            bar.note("Skapar utförare, personal och larmkunder")
            world = build_world(seed, scale)
            with BulkWriter(engine, drop_indexes_of=LOG_TABLES) as bulk:
                writer = DatabaseWriter(bulk, world)
                if logs is None:
                    counts = _run(writer, world, bar)
                else:
                    writer.register(world)
                    bar.start("Genererar ett års loggar", len(world.recipients))
                    logs.write(writer, bar)
                    counts = _close(writer, bar)
        finally:
            if logs is not None:
                logs.stop()
        counts["users"] = create_demo_users(engine, world)
        return counts


def _run(writer: Writer, world: World, bar: Progress) -> dict[str, int]:
    ctx = Context.of(world)
    writer.register(world)
    bar.start("Genererar ett års loggar", len(world.recipients))
    step = max(1, len(world.recipients) // 200)
    for n, recipient in enumerate(world.recipients, start=1):
        writer.add(recipient, recipient_activity(ctx, recipient))
        if n % step == 0:
            bar.advance(step)
    bar.advance(len(world.recipients) % step)
    for alarm in world.akutlarm:
        writer.add_akutlarm(alarm, akutlarm_activity(ctx, alarm))
    return _close(writer, bar)


def _close(writer: Writer, bar: Progress) -> dict[str, int]:
    if writer.pending_indexes:
        bar.start("Bygger index", writer.pending_indexes)
    return writer.close(lambda _name: bar.advance())


def create_demo_users(engine: Engine, world: World) -> int:
    """The demo accounts of demo/logins.py, linked to their provider; existing ones are kept."""
    by_code = {p.code: p.id for p in world.providers}
    created = 0
    with engine.begin() as connection:
        existing = set(connection.execute(select(tables.users.c.username)).scalars())
        for login in DEMO_LOGINS:
            if login.username in existing:
                continue
            connection.execute(
                insert(tables.users).values(
                    username=login.username,
                    display_name=login.display_name or login.description,
                    role=login.role.value,
                    provider_id=by_code.get(login.provider_code or ""),
                    password_hash=hash_password(login.password),
                    active=True,
                )
            )
            created += 1
    return created


def _check_database(engine: Engine) -> None:
    if not db.is_initialised(engine):
        raise DemoDataError("databasen är inte skapad än; kör först: loggutdrag init")
    with engine.connect() as connection:
        for table in (tables.providers, tables.recipients, *LOG_TABLES):
            if connection.execute(select(table.c.id).limit(1)).first() is not None:
                raise DemoDataError(
                    "databasen har redan data; demodata kan bara läsas in i en tom databas "
                    "(använd --if-empty för att hoppa över, eller en ny databas)"
                )
