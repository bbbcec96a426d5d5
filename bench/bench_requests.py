"""Requests: how fast a verdict is reached, and how many cases per second can be registered.

Measures (1) judging a request in the domain alone, (2) ``check_request`` against a migrated SQLite
database, (3) ``submit_request`` one after another on SQLite, and (4) parallel submits on
PostgreSQL (if a server answers on 127.0.0.1:5432), where every submit takes the year's diary
counter row lock.
"""

from __future__ import annotations

import tempfile
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text

from loggutdrag.config import Mode, Settings
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.enums import UserRole
from loggutdrag.domain.personnummer import with_check_digit
from loggutdrag.domain.request_json import parse_request
from loggutdrag.domain.verdict import evaluate
from loggutdrag.services import requests
from loggutdrag.services.context import AppContext
from loggutdrag.store.db import make_engine, upgrade

OFFICER = Actor(username="bench", role=UserRole.OFFICER)
POSTGRES_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"

REQUEST: dict[str, Any] = {
    "kind": "supervision_log",
    "scope": "recipient",
    "provider": "NORR",
    "requester": {"category": "provider", "name": "Maria", "role": "manager"},
    "reason": "Fallolycka",
    "period": {"start": "2026-10-01", "end": "2026-10-31"},
    "recipient": {"name": "Greta Gran", "personnummer": with_check_digit("19400101123")},
    "camera_serial": "CAM-2041-7781",
    "received_at": "2026-11-20T10:15:00+01:00",
}


def _rate(count: int, action: Callable[[], object]) -> tuple[float, float]:
    started = time.perf_counter()
    for _ in range(count):
        action()
    seconds = time.perf_counter() - started
    return count / seconds, seconds * 1000 / count


def _settings(url: str, folder: Path) -> Settings:
    return Settings(
        mode=Mode.TEST, secret_key="bench-" + "x" * 32, data_dir=folder, database_url=url
    )


def _postgres_parallel(submits: int, threads: int) -> str:
    try:
        admin = make_engine(POSTGRES_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("select 1"))
    except Exception as error:  # no server (any error connecting): skip this part
        return f"| parallel submit, PostgreSQL | skipped ({str(error).splitlines()[0]}) | |"
    name = f"loggutdrag_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    engine = make_engine(url, pool_size=threads, max_overflow=0)
    try:
        upgrade(engine)
        with tempfile.TemporaryDirectory() as folder:
            ctx = AppContext(settings=_settings(url, Path(folder)), engine=engine)
            per_thread = submits // threads
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=threads) as pool:
                list(
                    pool.map(
                        lambda _: [
                            requests.submit_request(ctx, OFFICER, REQUEST)
                            for _ in range(per_thread)
                        ],
                        range(threads),
                    )
                )
            seconds = time.perf_counter() - started
        done = per_thread * threads
        return (
            f"| parallel submit, PostgreSQL, {threads} threads | {done / seconds:,.0f} /s "
            f"| {seconds * 1000 / done:.2f} ms |"
        )
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run(quick: bool) -> str:
    n_domain = 500 if quick else 5_000
    n_db = 50 if quick else 500
    rows = ["| what | rate | per request |", "|---|---|---|"]
    request = parse_request(REQUEST)
    rate, ms = _rate(
        n_domain, lambda: evaluate(request, today=date(2026, 11, 20), working_days=2).to_json()
    )
    rows.append(f"| verdict in the domain (parse excluded) | {rate:,.0f} /s | {ms:.3f} ms |")
    rate, ms = _rate(n_domain, lambda: parse_request(REQUEST))
    rows.append(f"| parse contract-2 JSON | {rate:,.0f} /s | {ms:.3f} ms |")
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        engine = make_engine(url)
        upgrade(engine)
        ctx = AppContext(settings=_settings(url, Path(folder)), engine=engine)
        rate, ms = _rate(n_db, lambda: requests.check_request(ctx, OFFICER, REQUEST))
        rows.append(f"| check_request, SQLite | {rate:,.0f} /s | {ms:.2f} ms |")
        rate, ms = _rate(n_db, lambda: requests.submit_request(ctx, OFFICER, REQUEST))
        rows.append(f"| submit_request one by one, SQLite | {rate:,.0f} /s | {ms:.2f} ms |")
        engine.dispose()
    rows.append(_postgres_parallel(n_db, 8))
    return "## Requests (bench_requests)\n\n" + "\n".join(rows) + "\n"
