"""Diary numbers stay unique and gap-free when many requests are submitted at the same time."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import Connection, select

from factories_cases import MONDAY_23_NOV, OFFICER, at
from factories_requests import lock_log_recipient
from loggutdrag.services import requests
from loggutdrag.services.context import AppContext
from loggutdrag.store import cases_repo
from loggutdrag.store.tables import cases, diary_counters

THREADS = 8
PER_THREAD = 4


def test_parallel_submits_get_unique_gap_free_diary_numbers(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, _ = at(ctx, MONDAY_23_NOV)
    real_next = cases_repo.next_diary_number

    def slow_next(connection: Connection, year: int) -> int:
        number = real_next(connection, year)
        time.sleep(0.005)  # hold the number a moment inside the transaction: widen any race
        return number

    monkeypatch.setattr(cases_repo, "next_diary_number", slow_next)
    start = threading.Barrier(THREADS)

    def worker(_: int) -> list[str]:
        start.wait()
        return [
            requests.submit_request(ctx, OFFICER, lock_log_recipient()).diary_number
            for _ in range(PER_THREAD)
        ]

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results: list[Any] = list(pool.map(worker, range(THREADS)))
    numbers = sorted(number for batch in results for number in batch)
    total = THREADS * PER_THREAD
    assert numbers == [f"VÄN 2026-{n:03d}" for n in range(1, total + 1)]
    with ctx.engine.connect() as connection:
        stored = sorted(connection.execute(select(cases.c.diary_number)).scalars())
        last = connection.execute(
            select(diary_counters.c.last_number).where(diary_counters.c.year == 2026)
        ).scalar_one()
    assert stored == numbers
    assert last == total
