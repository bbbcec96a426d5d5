"""Registers with history: the alarm register and the camera supervision orders.

These exports are snapshots or change lists, imported again and again. A row's natural key is the
vendor's id and the start of its period (``alarm_id + active_from``; for orders the order id). A row
whose key is new inserts a period. A row whose key is stored is merged into that period:

* an end date (``active_to`` / ``valid_to``) in the row is kept: it fills an open period or corrects
  an earlier end; an empty end date never reopens a period (an old snapshot re-imported after the
  alarm ended changes nothing);
* the descriptive values (type, provider, recipient, address; for orders time, weekdays, camera)
  are taken from the row when they are given and differ: the export imported last is the vendor's
  latest word.

A merge that changes something counts as ``updated`` (and, the key being known, as a duplicate);
one that changes nothing is a plain duplicate. Absence from a snapshot ends nothing: exports are
often partial (one provider, one month), so only an explicit end date ends a period.

After a register import, alarm calls that name the alarm but had no provider or recipient get them
from the register; after an orders import, look-ins get their order, camera, recipient and provider.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, exists, insert, or_, select, update

from loggutdrag.store.bulk import WriteOutcome
from loggutdrag.store.bulk_refs import References
from loggutdrag.store.tables import alarm_calls, alarms, lookins, supervision_orders

_CHUNK = 500


def _day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _merge(stored: dict[str, Any], row: dict[str, Any], end: str) -> dict[str, Any]:
    """The values of ``stored`` that ``row`` changes (empty: nothing to do)."""
    changes = {}
    for name, value in row.items():
        if value is None or name == "id":
            continue
        if stored.get(name) != value:
            changes[name] = value
    if row.get(end) is None:
        changes.pop(end, None)
    return changes


class AlarmRegisterWriter:
    def __init__(self, connection: Connection, refs: References) -> None:
        self.connection = connection
        self.refs = refs

    def write(self, keys: list[str], c: dict[str, list[Any]]) -> WriteOutcome:
        refs = self.refs
        provider_ids = refs.provider_ids(c["provider"])
        recipient_ids = refs.recipient_ids(
            c["recipient_personnummer"], c["recipient_name"], c["address"]
        )
        rows = [
            {
                "external_id": key,
                "alarm_type": kind,
                "provider_id": provider,
                "recipient_id": recipient,
                "address": address,
                "active_from": _day(start),
                "active_to": _day(end),
            }
            for key, kind, provider, recipient, address, start, end in zip(
                keys,
                c["alarm_type"],
                provider_ids,
                recipient_ids,
                c["address"],
                c["active_from"],
                c["active_to"],
                strict=True,
            )
        ]
        outcome = merge_rows(
            self.connection, alarms, rows, ("external_id", "active_from"), "active_to"
        )
        for row in rows:  # calls imported later find the alarm's new periods
            refs.alarms.pop(row["external_id"], None)
        return outcome

    def finish(self) -> None:
        """Give alarm calls that name an alarm, but had no provider or recipient, those of the
        register period the call was made in."""
        c = alarm_calls.c
        waiting = self.connection.execute(
            select(c.id, c.alarm_external_id, c.triggered_at, c.provider_id, c.recipient_id).where(
                c.alarm_external_id.is_not(None),
                or_(c.provider_id.is_(None), c.recipient_id.is_(None)),
            )
        ).all()
        if not waiting:
            return
        self.refs.alarms.clear()
        found = self.refs.alarm_refs(
            [w.alarm_external_id for w in waiting], [w.triggered_at for w in waiting]
        )
        changes = [
            {
                "call": w.id,
                "provider": w.provider_id or ref[0],
                "recipient": w.recipient_id or ref[1],
            }
            for w, ref in zip(waiting, found, strict=True)
            if ref is not None
        ]
        if changes:
            self.connection.execute(
                update(alarm_calls)
                .where(c.id == bindparam("call"))
                .values(provider_id=bindparam("provider"), recipient_id=bindparam("recipient")),
                changes,
            )


class SupervisionOrderWriter:
    def __init__(self, connection: Connection, refs: References) -> None:
        self.connection = connection
        self.refs = refs

    def write(self, keys: list[str], c: dict[str, list[Any]]) -> WriteOutcome:
        refs = self.refs
        recipient_ids = refs.recipient_ids(c["recipient_personnummer"])
        camera_ids, _owners = refs.camera_ids(c["camera_serial"], recipient_ids)
        provider_ids = refs.provider_ids(c["provider"])
        rows = [
            {
                "external_id": key,
                "recipient_id": recipient,
                "camera_id": camera,
                "provider_id": provider,
                "planned_time": planned,
                "weekdays": weekdays,
                "valid_from": _day(start),
                "valid_to": _day(end),
            }
            for key, recipient, camera, provider, planned, weekdays, start, end in zip(
                keys,
                recipient_ids,
                camera_ids,
                provider_ids,
                c["planned_time"],
                c["weekdays"],
                c["valid_from"],
                c["valid_to"],
                strict=True,
            )
        ]
        outcome = merge_rows(
            self.connection, supervision_orders, rows, ("external_id",), "valid_to"
        )
        for row in rows:
            refs.orders.pop(row["external_id"], None)
        return outcome

    def finish(self) -> None:
        """Give look-ins that name an order what the order knows, where they had nothing."""
        o, lk = supervision_orders.c, lookins.c
        pairs = (
            ("order_id", o.id),
            ("camera_id", o.camera_id),
            ("recipient_id", o.recipient_id),
            ("provider_id", o.provider_id),
        )
        for name, source in pairs:
            value = select(source).where(o.external_id == lk.order_external_id).scalar_subquery()
            known = exists().where(o.external_id == lk.order_external_id)
            self.connection.execute(
                update(lookins)
                .where(getattr(lk, name).is_(None), lk.order_external_id.is_not(None), known)
                .values({name: value})
            )


def merge_rows(
    connection: Connection,
    table: Any,
    rows: list[dict[str, Any]],
    key: tuple[str, ...],
    end: str,
) -> WriteOutcome:
    """Insert new periods, merge known ones (see the module docstring); count what happened."""
    outcome = WriteOutcome()
    stored: dict[tuple[Any, ...], dict[str, Any]] = {}
    ids = list(dict.fromkeys(row["external_id"] for row in rows))
    columns = [table.c.id, *(table.c[name] for name in rows[0])] if rows else []
    for start in range(0, len(ids), _CHUNK):
        part = ids[start : start + _CHUNK]
        for found in connection.execute(select(*columns).where(table.c.external_id.in_(part))):
            record = dict(found._mapping)
            stored[tuple(record[name] for name in key)] = record
    new: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        identity = tuple(row[name] for name in key)
        if identity in new:
            pending = new[identity]
            pending.update(_merge(pending, row, end))
            outcome.duplicates += 1
            continue
        if identity not in stored:
            new[identity] = dict(row)
            continue
        outcome.duplicates += 1
        changes = _merge(stored[identity], row, end)
        if changes:
            connection.execute(
                update(table).where(table.c.id == stored[identity]["id"]).values(changes)
            )
            stored[identity].update(changes)
            outcome.updated += 1
    if new:
        connection.execute(insert(table), list(new.values()))
    outcome.inserted = len(new)
    return outcome
