"""The import's progress bar on a terminal: share done, rows read, rows/s and time left."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn


@contextmanager
def import_progress(name: str) -> Iterator[Callable[[int, int, int], None]]:
    """A callback (done, total, rows) that drives a rich progress bar on standard error."""
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rows]:>12,} rader  {task.fields[speed]:>9,.0f} rader/s"),
        TextColumn("kvar"),
        TimeRemainingColumn(),
    )
    started = time.perf_counter()
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task(f"Importerar {name}", total=None, rows=0, speed=0.0)

        def update(done: int, total: int, rows: int) -> None:
            elapsed = max(time.perf_counter() - started, 1e-6)
            bar.update(task, completed=done, total=total, rows=rows, speed=rows / elapsed)

        yield update
