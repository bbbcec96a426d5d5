"""Sign-in throttling: an account locks after many failures; a client address is rate-limited."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class FailureOutcome:
    failed_logins: int
    locked_until: datetime | None


def is_locked(locked_until: datetime | None, now: datetime) -> bool:
    return locked_until is not None and locked_until > now


def after_failure(
    failed_logins: int, now: datetime, *, max_failures: int, lockout_minutes: int
) -> FailureOutcome:
    """One more failure; the account locks when ``max_failures`` in a row are reached."""
    count = failed_logins + 1
    if count >= max_failures:
        return FailureOutcome(0, now + timedelta(minutes=lockout_minutes))
    return FailureOutcome(count, None)


class RateLimiter:
    """At most ``limit`` events per ``window`` seconds per key (e.g. a client address), in memory.

    One process serves the app; several processes would each count on their own, which only makes
    the limit looser, never blocks a legitimate user longer.
    """

    def __init__(
        self, limit: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        """Count an attempt for ``key``; False when the key is over its limit (nothing counted)."""
        now = self._clock()
        with self._lock:
            events = self._events.setdefault(key, deque())
            while events and events[0] <= now - self.window:
                events.popleft()
            if len(events) >= self.limit:
                return False
            events.append(now)
            if len(self._events) > 10_000:  # forget idle keys so memory stays bounded
                for stale in [k for k, v in self._events.items() if not v]:
                    del self._events[stale]
            return True
