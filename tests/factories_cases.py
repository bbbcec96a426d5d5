"""Factories for the case and request integration tests: a settable clock, actors, log rows."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

from sqlalchemy import Engine, insert, select

from loggutdrag.domain.actor import Actor
from loggutdrag.domain.enums import UserRole
from loggutdrag.services.context import AppContext
from loggutdrag.store.tables import alarms, lock_events, locks, providers, recipients, staff

OFFICER = Actor(username="vft.anna", role=UserRole.OFFICER)
NORR_MANAGER = Actor(username="norr.chef", role=UserRole.PROVIDER_MANAGER, provider_code="NORR")
NORR_STAFF = Actor(username="norr.personal", role=UserRole.PROVIDER_STAFF, provider_code="NORR")
SODER_MANAGER = Actor(username="soder.chef", role=UserRole.PROVIDER_MANAGER, provider_code="SODER")


class Clock:
    """A clock the test sets by hand (aware UTC)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def at(ctx: AppContext, now: datetime) -> tuple[AppContext, Clock]:
    clock = Clock(now)
    return dataclasses.replace(ctx, clock=clock), clock


MONDAY_23_NOV = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def provider(engine: Engine, code: str) -> int:
    with engine.begin() as connection:
        found = connection.execute(select(providers.c.id).where(providers.c.code == code)).scalar()
        if found is not None:
            return int(found)
        return int(
            connection.execute(
                insert(providers).values(code=code, name=f"Hemtjänst {code.title()}")
            ).inserted_primary_key[0]  # type: ignore[index]
        )


def recipient(engine: Engine, personnummer: str, name: str = "Greta Gran") -> int:
    with engine.begin() as connection:
        return int(
            connection.execute(
                insert(recipients).values(personnummer=personnummer, name=name)
            ).inserted_primary_key[0]  # type: ignore[index]
        )


def staff_member(
    engine: Engine,
    username: str,
    provider_id: int,
    valid_from: date | None = None,
    valid_to: date | None = None,
) -> int:
    with engine.begin() as connection:
        return int(
            connection.execute(
                insert(staff).values(
                    username=username,
                    name=username.title(),
                    provider_id=provider_id,
                    valid_from=valid_from,
                    valid_to=valid_to,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        )


def alarm(
    engine: Engine,
    provider_id: int,
    recipient_id: int,
    active_from: date,
    active_to: date | None = None,
) -> None:
    with engine.begin() as connection:
        connection.execute(
            insert(alarms).values(
                external_id=f"A-{provider_id}-{recipient_id}-{active_from}",
                alarm_type="trygghetslarm",
                provider_id=provider_id,
                recipient_id=recipient_id,
                active_from=active_from,
                active_to=active_to,
            )
        )


def lock_event(
    engine: Engine,
    provider_id: int,
    recipient_id: int,
    staff_id: int | None,
    occurred_at: datetime,
) -> None:
    with engine.begin() as connection:
        lock_id = connection.execute(
            select(locks.c.id).where(locks.c.recipient_id == recipient_id)
        ).scalar()
        if lock_id is None:
            lock_id = connection.execute(
                insert(locks).values(external_id=f"L-{recipient_id}", recipient_id=recipient_id)
            ).inserted_primary_key[0]  # type: ignore[index]
        connection.execute(
            insert(lock_events).values(
                external_id=f"E-{recipient_id}-{occurred_at.isoformat()}",
                occurred_at=occurred_at,
                lock_id=lock_id,
                recipient_id=recipient_id,
                provider_id=provider_id,
                staff_id=staff_id,
                event="unlock",
            )
        )
