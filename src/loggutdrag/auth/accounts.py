"""The users table: accounts that sign in (local password or OpenID Connect)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, Select, insert, select, update

from loggutdrag.domain.actor import Actor
from loggutdrag.domain.enums import UserRole
from loggutdrag.store.tables import providers, users


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    display_name: str
    role: UserRole
    provider_id: int | None
    provider_code: str | None
    password_hash: str | None
    active: bool
    failed_logins: int
    locked_until: datetime | None

    @property
    def actor(self) -> Actor:
        return Actor(username=self.username, role=self.role, provider_code=self.provider_code)


def _query() -> Select[Any]:
    return select(
        users.c.id,
        users.c.username,
        users.c.display_name,
        users.c.role,
        users.c.provider_id,
        providers.c.code.label("provider_code"),
        users.c.password_hash,
        users.c.active,
        users.c.failed_logins,
        users.c.locked_until,
    ).select_from(users.outerjoin(providers, providers.c.id == users.c.provider_id))


def _account(row: Row[Any]) -> Account:
    mapping = row._mapping
    return Account(
        id=int(mapping["id"]),
        username=mapping["username"],
        display_name=mapping["display_name"],
        role=UserRole(mapping["role"]),
        provider_id=mapping["provider_id"],
        provider_code=mapping["provider_code"],
        password_hash=mapping["password_hash"],
        active=bool(mapping["active"]),
        failed_logins=int(mapping["failed_logins"]),
        locked_until=mapping["locked_until"],
    )


def by_username(connection: Connection, username: str) -> Account | None:
    row = connection.execute(_query().where(users.c.username == username)).first()
    return _account(row) if row is not None else None


def by_id(connection: Connection, user_id: int) -> Account | None:
    row = connection.execute(_query().where(users.c.id == user_id)).first()
    return _account(row) if row is not None else None


def all_accounts(connection: Connection) -> list[Account]:
    return [_account(row) for row in connection.execute(_query().order_by(users.c.username))]


def provider_id(connection: Connection, code: str) -> int | None:
    found = connection.execute(select(providers.c.id).where(providers.c.code == code)).scalar()
    return int(found) if found is not None else None


def insert_account(
    connection: Connection,
    *,
    username: str,
    display_name: str,
    role: UserRole,
    provider_id: int | None,
    password_hash: str | None,
) -> int:
    result = connection.execute(
        insert(users).values(
            username=username,
            display_name=display_name,
            role=str(role),
            provider_id=provider_id,
            password_hash=password_hash,
            active=True,
            failed_logins=0,
        )
    )
    key = result.inserted_primary_key
    if key is None:  # every insert here has an autoincrement key
        raise RuntimeError("the database returned no id")
    return int(key[0])


def update_account(connection: Connection, user_id: int, **values: object) -> None:
    connection.execute(update(users).where(users.c.id == user_id).values(**values))
