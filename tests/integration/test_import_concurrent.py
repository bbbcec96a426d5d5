"""Two imports at the same time that create the same new recipients, staff and locks in opposite
orders both finish: on PostgreSQL one import transaction writes at a time (an advisory lock), so
they cannot deadlock; on SQLite the write lock does the same."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from factories_import import LOCK_HEADER, lock_event, made_up_personnummer, write_csv
from loggutdrag.services.context import AppContext
from loggutdrag.services.imports import import_file

PEOPLE = 1500


def _files(folder: Path, round_no: int) -> tuple[Path, Path]:
    rng = random.Random(round_no)
    people = sorted({made_up_personnummer(rng) for _ in range(PEOPLE)})

    def rows(prefix: str, order: list[int]) -> list[list[str]]:
        return [
            lock_event(
                f"{prefix}{round_no}-{i}",
                lock=f"LAS-{round_no}-{i}",
                personnummer=people[i],
                username=f"u{round_no}.{i % 50}",
                name=f"Personal {i % 50}",
                provider=f"R{round_no}P{i % 4}",
            )
            for i in order
        ]

    forwards = list(range(len(people)))
    first = write_csv(folder / f"a{round_no}.csv", LOCK_HEADER, rows("A", forwards))
    second = write_csv(folder / f"b{round_no}.csv", LOCK_HEADER, rows("B", forwards[::-1]))
    return first, second


def test_parallel_imports_sharing_new_recipients_in_opposite_orders_both_finish(
    ctx: AppContext, tmp_path: Path
) -> None:
    for round_no in range(5):  # the deadlock needed luck; five rounds made it show most times
        first, second = _files(tmp_path, round_no)
        with ThreadPoolExecutor(max_workers=2) as pool:
            reports = list(
                pool.map(lambda path: import_file(ctx, "lock-events", path), (first, second))
            )
        for report in reports:
            assert report.rejected == 0
            assert report.inserted == report.read > 0
