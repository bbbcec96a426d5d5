"""Databases for integration tests: every test runs on SQLite and on PostgreSQL.

PostgreSQL is used when ``LOGGUTDRAG_TEST_POSTGRES_URL`` is set or a server answers on
127.0.0.1:5432; otherwise its tests are skipped, unless ``LOGGUTDRAG_TEST_REQUIRE_POSTGRES=1``
(set by CI), which turns the skip into a failure.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, make_url, text

from loggutdrag.config import Mode, Settings
from loggutdrag.services.context import AppContext
from loggutdrag.store.db import make_engine, upgrade
from loggutdrag.store.tables import metadata

DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _postgres_unavailable(reason: str) -> None:
    if os.environ.get("LOGGUTDRAG_TEST_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL tests are required but cannot run: {reason}")
    pytest.skip(f"PostgreSQL not available: {reason}")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated once; each test gets a copy."""
    path = tmp_path_factory.mktemp("sqlite") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh database on the PostgreSQL server, migrated once, dropped at the end."""
    admin_url = os.environ.get("LOGGUTDRAG_TEST_POSTGRES_URL", DEFAULT_POSTGRES)
    admin = make_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text("select 1"))
    except Exception as error:
        admin.dispose()
        _postgres_unavailable(str(error).splitlines()[0])
    name = f"loggutdrag_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate_postgres(engine: Engine) -> None:
    names = ", ".join(f'"{table.name}"' for table in metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty, migrated database; once SQLite, once PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "loggutdrag.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url: str = request.getfixturevalue("postgres_url")
    engine = make_engine(url)
    _truncate_postgres(engine)
    engine.dispose()
    return url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(
        mode=Mode.TEST,
        secret_key="test-secret-key-not-for-production",
        data_dir=tmp_path,
        database_url=database_url,
    )


@pytest.fixture
def ctx(settings: Settings, engine: Engine) -> AppContext:
    return AppContext(settings=settings, engine=engine)
