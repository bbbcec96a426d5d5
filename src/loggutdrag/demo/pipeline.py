"""Generate the log rows in a second process while this one writes them to the database.

Generation and the database's insert cost about the same per row, so on two cores the load takes
about half the time. The second process builds the same municipality from seed and scale (it is
deterministic) and sends numbered batches of rows through a bounded queue; the order, and so
every id, is the same as in a load in one process.
"""

from __future__ import annotations

import multiprocessing
import traceback
from queue import Empty
from typing import Any

from loggutdrag.demo.activity import akutlarm_activity, recipient_activity
from loggutdrag.demo.context import Context
from loggutdrag.demo.progress import Progress
from loggutdrag.demo.rows import LogRows
from loggutdrag.demo.world import build_world
from loggutdrag.demo.writers import DatabaseWriter

_FAILED = -1


def _produce(seed: int, scale: float, queue: Any) -> None:
    """The second process: (recipients done, batch) messages, then (recipients done, None)."""
    try:
        world = build_world(seed, scale)
        ctx = Context.of(world)
        rows = LogRows(world)
        done = 0
        for done, recipient in enumerate(world.recipients, start=1):
            for batch in rows.add(recipient, recipient_activity(ctx, recipient)):
                queue.put((done, batch))
        for alarm in world.akutlarm:
            for batch in rows.add_akutlarm(alarm, akutlarm_activity(ctx, alarm)):
                queue.put((done, batch))
        for batch in rows.drain():
            queue.put((done, batch))
        queue.put((done, None))
    except BaseException:
        queue.put((_FAILED, traceback.format_exc()))
        raise


class ParallelLogs:
    """``logs = ParallelLogs(seed, scale)`` starts the generator; ``logs.write(writer, bar)``."""

    def __init__(self, seed: int, scale: float) -> None:
        context = multiprocessing.get_context("spawn")
        self._queue: Any = context.Queue(maxsize=8)
        self._process = context.Process(
            target=_produce, args=(seed, scale, self._queue), name="loggutdrag-demo", daemon=True
        )
        self._process.start()

    def write(self, writer: DatabaseWriter, bar: Progress) -> None:
        """Write every batch the generator sends; raises if it fails."""
        reported = 0
        try:
            while True:
                try:
                    done, payload = self._queue.get(timeout=2)
                except Empty:
                    if not self._process.is_alive():
                        raise RuntimeError("the demo generator process stopped") from None
                    continue
                if done == _FAILED:
                    raise RuntimeError(f"the demo generator process failed:\n{payload}")
                if payload is None:
                    break
                writer.write([payload])
                bar.advance(done - reported)
                reported = done
        finally:
            self.stop()

    def stop(self) -> None:
        self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()
