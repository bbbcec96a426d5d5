"""Sign-in throttling: accounts lock after repeated failures, client addresses are rate-limited."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from loggutdrag.auth.lockout import RateLimiter, after_failure, is_locked

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def test_failures_below_the_limit_only_count() -> None:
    outcome = after_failure(3, NOW, max_failures=5, lockout_minutes=15)
    assert (outcome.failed_logins, outcome.locked_until) == (4, None)


def test_the_fifth_failure_locks_the_account_for_the_lockout_time() -> None:
    outcome = after_failure(4, NOW, max_failures=5, lockout_minutes=15)
    assert outcome.locked_until == NOW + timedelta(minutes=15)
    assert outcome.failed_logins == 0  # the count starts again after the lock


def test_a_lock_lasts_until_its_time() -> None:
    until = NOW + timedelta(minutes=15)
    assert is_locked(until, NOW)
    assert not is_locked(until, until)
    assert not is_locked(None, NOW)


def test_the_rate_limiter_refuses_past_the_limit_and_forgets_after_the_window() -> None:
    now = [0.0]
    limiter = RateLimiter(3, window=60.0, clock=lambda: now[0])
    assert [limiter.allow("10.0.0.1") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("10.0.0.2")  # another address has its own count
    now[0] = 61.0
    assert limiter.allow("10.0.0.1")
