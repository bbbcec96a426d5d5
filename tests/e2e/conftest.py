"""Browser tests: the app served by uvicorn on a free port, driven by Debian's chromium.

The server runs in a thread against a temporary SQLite database with a small made-up dataset
(two providers, one account per role, a recipient with lock events). Screenshots go to
test-artifacts/e2e/ (kept by CI as artifacts, ignored by git).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from e2e_support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, PERSONNUMMER


@dataclass(frozen=True)
class Server:
    url: str


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    import uvicorn

    from factories_web import ROLE_USERS, FixedClock, make_lock_events, make_provider, make_user
    from loggutdrag.config import Mode, Settings
    from loggutdrag.domain.enums import UserRole
    from loggutdrag.services.context import AppContext
    from loggutdrag.store.db import make_engine, upgrade
    from loggutdrag.web.app import create_app

    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run 'bash scripts/ensure-chromium.sh' (make test does)"
        )
    folder = tmp_path_factory.mktemp("e2e")
    url = f"sqlite:///{folder / 'loggutdrag.db'}"
    engine = make_engine(url)
    upgrade(engine)
    settings = Settings(
        mode=Mode.TEST,
        secret_key="e2e-secret-key-not-for-production-0123456789",
        data_dir=folder,
        database_url=url,
        login_attempts_per_minute=1000,
    )
    ctx = AppContext(settings, engine, FixedClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC)))
    make_provider(engine, "HT01", "Hemtjänst Norr")
    make_provider(engine, "HT04", "Omsorg Privat AB")
    make_lock_events(engine, "HT01", PERSONNUMMER)
    for role, (username, provider) in ROLE_USERS.items():
        make_user(engine, username, role, provider)
    make_user(engine, "chef.privat", UserRole.PROVIDER_MANAGER, "HT04")
    port = _free_port()
    config = uvicorn.Config(
        create_app(settings, ctx),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        access_log=False,
    )
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if uv.started:
            break
        time.sleep(0.05)
    yield Server(f"http://127.0.0.1:{port}")
    uv.should_exit = True
    thread.join(timeout=10)
    engine.dispose()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session", autouse=True)
def _artifacts_folder() -> None:
    # Not emptied first: with pytest-xdist several workers write here at once (same names
    # are simply overwritten).
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
