"""What every use case needs from the outside world, built once from the settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy import Engine

from loggutdrag.config import Settings
from loggutdrag.store.db import make_engine
from loggutdrag.store.uow import UnitOfWork


class Clock(Protocol):
    def __call__(self) -> datetime: ...


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class AppContext:
    settings: Settings
    engine: Engine
    clock: Clock = field(default=utc_now)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.engine)


def build_context(settings: Settings) -> AppContext:
    return AppContext(settings=settings, engine=make_engine(settings.effective_database_url))
