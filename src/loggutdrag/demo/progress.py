"""Progress of a demo load: a rich progress bar on a terminal, nothing otherwise."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any, Self


class Progress:
    """``with Progress(enabled) as p: p.start("…", total); p.advance(); p.note("…")``."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stdout.isatty()
        self._bar: Any = None
        self._task: Any = None
        self._total = 1

    def __enter__(self) -> Self:
        if self.enabled:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                transient=False,
            )
            self._bar.__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            if exc_type is None:
                self.done()
            self._bar.__exit__(exc_type, exc, tb)

    def start(self, description: str, total: int) -> None:
        if self._bar is not None:
            self.done()
            self._task = self._bar.add_task(description, total=total)
            self._total = total

    def advance(self, steps: int = 1) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task, steps)

    def note(self, description: str) -> None:
        """A step without a known size (e.g. building an index): a line of its own."""
        if self._bar is not None:
            self.done()
            self._task = self._bar.add_task(description, total=1)
            self._total = 1

    def done(self) -> None:
        """Mark the current step finished."""
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=self._total)
