"""Shared test settings. Data comes from small factories next to the tests that use them."""

from __future__ import annotations

import os

# Tests never touch ./var or a developer's .env.
os.environ.setdefault("LOGGUTDRAG_MODE", "test")
os.environ.setdefault("LOGGUTDRAG_SECRET_KEY", "test-secret-key-not-for-production")


def pytest_runtest_teardown() -> None:
    """Settings are cached per process; a test that changed the environment must not leak them."""
    from loggutdrag.config import get_settings

    get_settings.cache_clear()
