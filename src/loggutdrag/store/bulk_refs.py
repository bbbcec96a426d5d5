"""Reference rows an import needs (providers, recipients, staff, locks, cameras, orders, alarms).

Logs refer to people and devices the database may not know yet (a fresh database, a new staff
member, a new lock): such rows are created on the fly from what the log says, and remembered in
caches so that a million log rows cost a few thousand look-ups. All work happens in the caller's
transaction; on PostgreSQL a concurrent import creating the same row is tolerated (ON CONFLICT).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from itertools import repeat
from operator import itemgetter
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Table, select, update
from sqlalchemy.dialects import postgresql, sqlite

from loggutdrag.store.tables import (
    alarms,
    cameras,
    locks,
    providers,
    recipients,
    staff,
    supervision_orders,
)

_CHUNK = 500
_NOTHING: tuple[None, None] = (None, None)
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
_ADDRESS = re.compile(r"^(?P<street>.+?),\s*(?P<postcode>\d{3}\s?\d{2})\s+(?P<city>.+)$")


def split_address(address: str | None) -> dict[str, str]:
    """'Storgatan 1, 582 22 Linköping' -> street, postcode, city (empty when it does not parse)."""
    if not address:
        return {}
    match = _ADDRESS.match(address.strip())
    if match is None:
        return {"street": address.strip()[:200]}
    return {
        "street": match["street"][:200],
        "postcode": match["postcode"].replace(" ", ""),
        "city": match["city"][:100],
    }


def _chunks(values: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class References:
    """Caches of natural key -> ids, filled from the database and by creating missing rows."""

    def __init__(self, connection: Connection, zone: str = "Europe/Stockholm") -> None:
        self.connection = connection
        self.dialect = connection.dialect.name
        self.providers: dict[str, int] = {}
        self.recipients: dict[str, int] = {}
        self.staff: dict[str, tuple[int, int]] = {}  # username -> (id, provider id)
        self.locks: dict[str, tuple[int, int | None]] = {}  # lock id -> (id, recipient id)
        self.cameras: dict[str, tuple[int, int | None]] = {}  # serial -> (id, recipient id)
        # order id -> (id, recipient id, camera id, provider id)
        self.orders: dict[str, tuple[int, int, int, int]] = {}
        # alarm id -> its register periods (from, to, provider id, recipient id), oldest first
        self.alarms: dict[str, list[tuple[date, date | None, int, int | None]]] = {}
        self.zone = ZoneInfo(zone)
        self._local_days: dict[str, date] = {}

    # --- helpers -----------------------------------------------------------------------------

    def _insert_ignore(self, table: Table, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        if self.dialect == "postgresql":
            self.connection.execute(postgresql.insert(table).on_conflict_do_nothing(), rows)
        else:
            self.connection.execute(sqlite.insert(table).on_conflict_do_nothing(), rows)

    def _missing(self, cache: dict[str, Any], values: Iterable[Any]) -> list[str]:
        return [
            value for value in dict.fromkeys(values) if value is not None and value not in cache
        ]

    # --- providers and recipients --------------------------------------------------------------

    def provider_ids(self, codes: list[Any]) -> list[int | None]:
        missing = self._missing(self.providers, codes)
        if missing:
            self._load_providers(missing)
            new = [code for code in missing if code not in self.providers]
            self._insert_ignore(providers, [{"code": code, "name": code} for code in new])
            self._load_providers(new)
        return list(map(self.providers.get, codes))

    def _load_providers(self, codes: list[str]) -> None:
        for part in _chunks(codes):
            query = select(providers.c.code, providers.c.id).where(providers.c.code.in_(part))
            self.providers.update({row[0]: row[1] for row in self.connection.execute(query)})

    def recipient_ids(
        self,
        personnummer: list[Any],
        names: list[Any] | None = None,
        addresses: list[Any] | None = None,
    ) -> list[int | None]:
        missing = self._missing(self.recipients, personnummer)
        if missing:
            self._load_recipients(missing)
            new = {code for code in missing if code not in self.recipients}
            if new:
                rows: dict[str, dict[str, Any]] = {}
                for index, number in enumerate(personnummer):
                    if number in new and number not in rows:
                        row: dict[str, Any] = {"personnummer": number, "name": None}
                        if names is not None:
                            row["name"] = names[index]
                        address = split_address(addresses[index]) if addresses else {}
                        row.update({"street": None, "postcode": None, "city": None, **address})
                        rows[number] = row
                self._insert_ignore(recipients, list(rows.values()))
                self._load_recipients(list(rows))
        if names is not None:
            self._fill_names(personnummer, names)
        return list(map(self.recipients.get, personnummer))

    def _load_recipients(self, numbers: list[str]) -> None:
        for part in _chunks(numbers):
            query = select(recipients.c.personnummer, recipients.c.id).where(
                recipients.c.personnummer.in_(part)
            )
            self.recipients.update({row[0]: row[1] for row in self.connection.execute(query)})

    def _fill_names(self, personnummer: list[Any], names: list[Any]) -> None:
        """A register row names a recipient the database only knew by number: keep the name."""
        named = {n: name for n, name in zip(personnummer, names, strict=True) if n and name}
        for number, name in named.items():
            self.connection.execute(
                update(recipients)
                .where(recipients.c.id == self.recipients[number], recipients.c.name.is_(None))
                .values(name=name)
            )

    # --- staff ----------------------------------------------------------------------------------

    def staff_ids(
        self, usernames: list[Any], names: list[Any], provider_ids: list[int | None]
    ) -> tuple[list[int | None], list[int | None], dict[int, str]]:
        """Staff ids and their provider ids; a new username without a provider cannot be created."""
        errors: dict[int, str] = {}
        missing = self._missing(self.staff, usernames)
        if missing:
            self._load_staff(missing)
            new = {name for name in missing if name not in self.staff}
            rows: dict[str, dict[str, Any]] = {}
            for index, username in enumerate(usernames):
                if username in new and username not in rows:
                    if provider_ids[index] is None:
                        continue
                    rows[username] = {
                        "username": username,
                        "name": names[index] or username,
                        "provider_id": provider_ids[index],
                    }
            self._insert_ignore(staff, list(rows.values()))
            self._load_staff(list(rows))
        found = list(map(self.staff.get, usernames, repeat(_NOTHING)))
        ids: list[int | None] = list(map(_FIRST, found))
        if _NOTHING in found:
            for index, (username, hit) in enumerate(zip(usernames, found, strict=True)):
                if username is not None and hit is _NOTHING:
                    errors[index] = (
                        "staff_username: ny personal utan utförare (provider) kan inte läggas upp"
                    )
        return ids, list(map(_SECOND, found)), errors

    def _load_staff(self, usernames: list[str]) -> None:
        for part in _chunks(usernames):
            query = select(staff.c.username, staff.c.id, staff.c.provider_id).where(
                staff.c.username.in_(part)
            )
            self.staff.update({u: (i, p) for u, i, p in self.connection.execute(query)})

    # --- devices --------------------------------------------------------------------------------

    def lock_ids(
        self, external_ids: list[Any], recipient_ids: list[int | None]
    ) -> tuple[list[int | None], list[int | None]]:
        """Lock ids and the recipient each lock belongs to (filled in when first known)."""
        return self._devices(
            locks,
            key_column=locks.c.external_id,
            key_name="external_id",
            cache=self.locks,
            keys=external_ids,
            recipient_ids=recipient_ids,
        )

    def camera_ids(
        self, serials: list[Any], recipient_ids: list[int | None]
    ) -> tuple[list[int | None], list[int | None]]:
        return self._devices(
            cameras,
            key_column=cameras.c.serial,
            key_name="serial",
            cache=self.cameras,
            keys=serials,
            recipient_ids=recipient_ids,
        )

    def _devices(
        self,
        table: Table,
        *,
        key_column: Any,
        key_name: str,
        cache: dict[str, tuple[int, int | None]],
        keys: list[Any],
        recipient_ids: list[int | None],
    ) -> tuple[list[int | None], list[int | None]]:
        missing = self._missing(cache, keys)
        if missing:
            self._load_devices(table, key_column, cache, missing)
            new = {key for key in missing if key not in cache}
            rows: dict[str, dict[str, Any]] = {}
            for key, owner in zip(keys, recipient_ids, strict=True):
                if key in new and key not in rows:
                    rows[key] = {key_name: key, "recipient_id": owner}
            self._insert_ignore(table, list(rows.values()))
            self._load_devices(table, key_column, cache, list(rows))
        # a device first seen without a recipient gets one as soon as a row names it
        if any(value[1] is None for value in cache.values()):
            orphans = {
                key: owner
                for key, owner in zip(keys, recipient_ids, strict=True)
                if owner is not None and key is not None and cache[key][1] is None
            }
            for key, owner in orphans.items():
                device_id = cache[key][0]
                self.connection.execute(
                    update(table).where(table.c.id == device_id).values(recipient_id=owner)
                )
                cache[key] = (device_id, owner)
        found = list(map(cache.get, keys, repeat(_NOTHING)))
        return list(map(_FIRST, found)), list(map(_SECOND, found))

    def _load_devices(
        self,
        table: Table,
        key_column: Any,
        cache: dict[str, tuple[int, int | None]],
        keys: list[str],
    ) -> None:
        for part in _chunks(keys):
            query = select(key_column, table.c.id, table.c.recipient_id).where(key_column.in_(part))
            cache.update({k: (i, r) for k, i, r in self.connection.execute(query)})

    # --- orders and alarms (looked up, never created here) -------------------------------------

    def order_refs(self, order_ids: list[Any]) -> list[tuple[int, int, int, int] | None]:
        missing = self._missing(self.orders, order_ids)
        for part in _chunks(missing):
            o = supervision_orders.c
            query = select(o.external_id, o.id, o.recipient_id, o.camera_id, o.provider_id).where(
                o.external_id.in_(part)
            )
            self.orders.update(
                {row[0]: (row[1], row[2], row[3], row[4]) for row in self.connection.execute(query)}
            )
        return [self.orders.get(key) if key is not None else None for key in order_ids]

    def alarm_refs(
        self, alarm_ids: list[Any], instants: list[Any]
    ) -> list[tuple[int, int | None] | None]:
        """(provider id, recipient id) of the register period of each alarm that covers the local
        date of each instant (a call belongs to whoever had the alarm then); without such a
        period, the alarm's latest one."""
        missing = self._missing(self.alarms, alarm_ids)
        for part in _chunks(missing):
            a = alarms.c
            query = (
                select(a.external_id, a.active_from, a.active_to, a.provider_id, a.recipient_id)
                .where(a.external_id.in_(part))
                .order_by(a.external_id, a.active_from)
            )
            for key, start, end, provider, recipient in self.connection.execute(query):
                self.alarms.setdefault(key, []).append((start, end, provider, recipient))
        found: list[tuple[int, int | None] | None] = []
        for key, instant in zip(alarm_ids, instants, strict=True):
            periods = self.alarms.get(key) if key is not None else None
            if not periods:
                found.append(None)
                continue
            chosen = periods[-1]
            if instant is not None:
                day = self.local_day(instant)
                for period in periods:
                    if period[0] <= day and (period[1] is None or day <= period[1]):
                        chosen = period
            found.append((chosen[2], chosen[3]))
        return found

    def local_day(self, instant: Any) -> date:
        """The local calendar date of an instant (stored UTC text or an aware datetime)."""
        if isinstance(instant, str):
            hour = instant[:13]
            day = self._local_days.get(hour)
            if day is None:
                moment = datetime.fromisoformat(f"{hour}:00:00+00:00")
                day = self._local_days[hour] = moment.astimezone(self.zone).date()
            return day
        return cast(datetime, instant).astimezone(self.zone).date()
