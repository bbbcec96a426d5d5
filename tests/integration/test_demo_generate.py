"""The demo municipality in the database, on SQLite and PostgreSQL (small scale)."""

from __future__ import annotations

import hashlib
import os
import uuid
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, insert, inspect, make_url, select, text

from loggutdrag.config import Mode, Settings
from loggutdrag.demo.generate import DemoDataError, generate
from loggutdrag.domain.personnummer import parse_personnummer
from loggutdrag.services.context import AppContext
from loggutdrag.services.demo import load_demo
from loggutdrag.services.errors import BadInputError
from loggutdrag.store.db import make_engine, upgrade
from loggutdrag.store.tables import (
    alarm_calls,
    alarms,
    lock_events,
    lookins,
    metadata,
    providers,
    recipients,
    staff,
    users,
)

SCALE = 0.02
SEED = 5
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@dataclass
class Loaded:
    engine: Engine
    url: str
    counts: dict[str, int]


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def loaded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Loaded]:
    """One demo load per database kind, shared by this module's read-only tests."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
        engine = make_engine(url)
        upgrade(engine)
        yield Loaded(engine, url, generate(engine, scale=SCALE, seed=SEED))
        engine.dispose()
        return
    admin_url = os.environ.get("LOGGUTDRAG_TEST_POSTGRES_URL", DEFAULT_POSTGRES)
    admin = make_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"loggutdrag_demo_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # any failure to connect means "not available"
        admin.dispose()
        if os.environ.get("LOGGUTDRAG_TEST_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL tests are required but cannot run: {error}")
        pytest.skip(f"PostgreSQL not available: {str(error).splitlines()[0]}")
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade(engine)
    yield Loaded(engine, url, generate(engine, scale=SCALE, seed=SEED))
    engine.dispose()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _fingerprint(engine: Engine) -> dict[str, str]:
    """A digest of every demo table's rows, with instants normalised to UTC."""

    def value(v: object) -> str:
        if isinstance(v, datetime):
            return v.astimezone(UTC).isoformat()
        if isinstance(v, bool):
            return str(int(v))
        return str(v)

    result = {}
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            if table.name in ("users", "alembic_version", "audit_head"):
                continue  # users carry salted password hashes
            digest = hashlib.sha256()
            for row in connection.execute(select(table).order_by(*table.primary_key.columns)):
                digest.update("|".join(value(v) for v in row).encode())
            result[table.name] = digest.hexdigest()
    return result


def test_the_returned_counts_are_what_the_database_holds(loaded: Loaded) -> None:
    with loaded.engine.connect() as connection:
        for name, count in loaded.counts.items():
            table = metadata.tables[name]
            assert connection.execute(select(func.count()).select_from(table)).scalar_one() == count
    assert loaded.counts["recipients"] == 20
    assert loaded.counts["providers"] == 5
    assert 10_000 < loaded.counts["lock_events"] < 40_000  # about a million per unit of scale


def test_the_same_seed_gives_identical_data_ids_included_on_any_database(
    loaded: Loaded, tmp_path: Path
) -> None:
    # The second load generates in a second process (as large scales do): same data, same ids.
    other = make_engine(f"sqlite:///{tmp_path / 'again.db'}")
    upgrade(other)
    generate(other, scale=SCALE, seed=SEED, parallel=True)
    assert _fingerprint(other) == _fingerprint(loaded.engine)
    other.dispose()


def test_another_seed_gives_other_data(loaded: Loaded, tmp_path: Path) -> None:
    other = make_engine(f"sqlite:///{tmp_path / 'other.db'}")
    upgrade(other)
    generate(other, scale=SCALE, seed=SEED + 1)
    mine, theirs = _fingerprint(loaded.engine), _fingerprint(other)
    assert mine["recipients"] != theirs["recipients"]
    assert mine["lock_events"] != theirs["lock_events"]
    other.dispose()


def test_every_personnummer_is_valid_and_some_are_special(loaded: Loaded) -> None:
    with loaded.engine.connect() as connection:
        numbers = list(connection.execute(select(recipients.c.personnummer)).scalars())
    parsed = [parse_personnummer(n) for n in numbers]
    assert [p.long for p in parsed] == numbers
    assert any(p.is_samordningsnummer for p in parsed)
    assert any(p.birth_date.year < 1926 for p in parsed)  # the 10-digit form has a "+"


def test_every_arrival_at_an_escalated_call_shows_as_an_unlock_by_the_providers_staff(
    loaded: Loaded,
) -> None:
    with loaded.engine.connect() as connection:
        calls = connection.execute(
            select(
                alarm_calls.c.recipient_id, alarm_calls.c.provider_id, alarm_calls.c.arrived_at
            ).where(alarm_calls.c.escalated, alarm_calls.c.arrived_at.is_not(None))
        ).all()
        unlocks: dict[int, list[tuple[datetime, int]]] = defaultdict(list)
        for recipient_id, at, provider_id in connection.execute(
            select(lock_events.c.recipient_id, lock_events.c.occurred_at, staff.c.provider_id)
            .join(staff, staff.c.id == lock_events.c.staff_id)
            .where(lock_events.c.event == "unlock")
            .order_by(lock_events.c.occurred_at)
        ):
            unlocks[recipient_id].append((at, provider_id))
    assert len(calls) > 100
    minute = timedelta(minutes=1)
    for recipient_id, provider_id, arrived in calls:
        door = unlocks[recipient_id]
        times = [at for at, _p in door]
        near = door[bisect_left(times, arrived - minute) : bisect_right(times, arrived + minute)]
        assert any(p == provider_id for _at, p in near), (recipient_id, arrived)


def test_akutlarm_have_no_recipient_and_customers_always_have_one(loaded: Loaded) -> None:
    with loaded.engine.connect() as connection:
        rows = connection.execute(select(alarms.c.alarm_type, alarms.c.recipient_id)).all()
    assert {t for t, r in rows if r is None} == {"akutlarm"}
    assert {t for t, r in rows if r is not None} == {"trygghetslarm"}


def test_supervision_deviations_are_in_the_look_ins(loaded: Loaded) -> None:
    with loaded.engine.connect() as connection:
        pairs = set(
            connection.execute(select(lookins.c.outcome, lookins.c.action).distinct()).all()
        )
    assert ("not_performed", "none") in pairs
    assert ("not_visible", "recheck") in pairs
    assert ("not_in_bed", "called_provider") in pairs


def test_the_demo_logins_exist_and_belong_to_their_provider(loaded: Loaded) -> None:
    with loaded.engine.connect() as connection:
        rows = connection.execute(
            select(users.c.username, providers.c.code).outerjoin(
                providers, providers.c.id == users.c.provider_id
            )
        ).all()
    accounts = dict(rows)
    assert accounts["chef.omsorg"] == "HT01"
    assert accounts["chef.privat"] == "HT04"
    assert accounts["handlaggare"] is None


def test_the_log_indexes_are_back_after_the_load(loaded: Loaded) -> None:
    inspector = inspect(loaded.engine)
    for table in (lock_events, alarm_calls, lookins):
        names = {ix["name"] for ix in inspector.get_indexes(table.name)}
        assert {str(ix.name) for ix in table.indexes} <= names


def test_new_rows_get_fresh_ids_after_the_load(loaded: Loaded) -> None:
    with loaded.engine.connect() as connection, connection.begin() as transaction:
        new_id = connection.execute(
            insert(providers).values(code="HT99", name="Ny utförare").returning(providers.c.id)
        ).scalar_one()
        transaction.rollback()
    assert new_id == loaded.counts["providers"] + 1


def test_a_second_load_into_the_same_database_is_refused(loaded: Loaded, tmp_path: Path) -> None:
    settings = Settings(
        mode=Mode.TEST,
        secret_key="test-secret-key-not-for-production",
        data_dir=tmp_path,
        database_url=loaded.url,
    )
    ctx = AppContext(settings=settings, engine=loaded.engine)
    with pytest.raises(BadInputError, match="redan data"):
        load_demo(ctx, scale=SCALE, seed=SEED, csv_dir=None, progress=False)


def test_an_uninitialised_database_is_refused(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    with pytest.raises(DemoDataError, match="loggutdrag init"):
        generate(engine, scale=SCALE, seed=SEED)
    engine.dispose()
