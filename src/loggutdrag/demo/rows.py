"""The demo municipality as database rows: register tables at once, log tables in numbered batches.

Log rows are numbered in the order they are given (recipient by recipient, then the akutlarm), so
the same seed gives the same ids and external ids; the CSV writer uses the same external ids.
Timestamps are UTC text (store.types.sqlite_timestamp), dates ISO text.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from loggutdrag.demo.activity import Activity
from loggutdrag.demo.context import Call
from loggutdrag.demo.model import Akutlarm, Recipient, World
from loggutdrag.demo.year import HMS, UtcText
from loggutdrag.domain.enums import AlarmType

TRYGGHETSLARM = AlarmType.TRYGGHETSLARM.value
AKUTLARM = AlarmType.AKUTLARM.value

Rows = list[tuple[Any, ...]]
Batch = tuple[str, Rows]  # table name, rows


def call_id(n: int) -> str:
    return f"AC{n:08d}"


def event_id(n: int) -> str:
    return f"LE{n:09d}"


def lookin_id(n: int) -> str:
    return f"LI{n:08d}"


LOG_COLUMNS: dict[str, tuple[str, ...]] = {
    "alarm_calls": (
        "id",
        "external_id",
        "alarm_external_id",
        "recipient_id",
        "provider_id",
        "triggered_at",
        "answered_at",
        "operator",
        "reason",
        "escalated",
        "escalated_at",
        "escalated_to",
        "acknowledged_at",
        "arrived_at",
        "closed_at",
    ),
    "lock_events": (
        "id",
        "external_id",
        "occurred_at",
        "lock_id",
        "recipient_id",
        "provider_id",
        "staff_id",
        "event",
        "method",
    ),
    "lookins": (
        "id",
        "external_id",
        "order_id",
        "camera_id",
        "recipient_id",
        "provider_id",
        "planned_at",
        "performed_at",
        "operator",
        "outcome",
        "action",
        "action_at",
    ),
}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def register_rows(world: World) -> Iterator[tuple[str, tuple[str, ...], Rows]]:
    """(table, columns, rows) of everything but the logs, parents before children."""
    yield (
        "providers",
        ("id", "code", "name", "ownership", "org_number", "contact_email"),
        [
            (p.id, p.code, p.name, p.ownership.value, p.org_number, p.contact_email)
            for p in world.providers
        ],
    )
    yield (
        "staff",
        ("id", "provider_id", "username", "name", "valid_from", "valid_to"),
        [
            (s.id, s.provider_id, s.username, s.name, _iso(s.valid_from), _iso(s.valid_to))
            for s in world.staff
        ],
    )
    yield (
        "recipients",
        ("id", "personnummer", "name", "street", "postcode", "city", "protected_identity"),
        [
            (
                r.id,
                r.person.personnummer,
                r.person.name,
                r.address.street,
                r.address.postcode,
                r.address.city,
                r.protected,
            )
            for r in world.recipients
        ],
    )
    alarms: Rows = [
        (
            a.alarm_id,
            a.external_id,
            AKUTLARM,
            a.provider_id,
            None,
            a.address,
            a.active_from.isoformat(),
            _iso(a.active_to),
        )
        for a in world.akutlarm
    ]
    alarms += [
        (
            s.alarm_id,
            r.alarm_external_id,
            TRYGGHETSLARM,
            s.provider_id,
            r.id,
            r.address.line,
            s.active_from.isoformat(),
            _iso(s.active_to),
        )
        for r in world.recipients
        for s in r.segments
    ]
    yield (
        "alarms",
        (
            "id",
            "external_id",
            "alarm_type",
            "provider_id",
            "recipient_id",
            "address",
            "active_from",
            "active_to",
        ),
        alarms,
    )
    yield (
        "locks",
        ("id", "external_id", "recipient_id"),
        [(r.lock_id, r.lock_external_id, r.id) for r in world.recipients],
    )
    with_camera = [r for r in world.recipients if r.camera_id is not None]
    yield (
        "cameras",
        ("id", "serial", "recipient_id"),
        [(r.camera_id, r.camera_serial, r.id) for r in with_camera],
    )
    yield (
        "supervision_orders",
        (
            "id",
            "external_id",
            "recipient_id",
            "camera_id",
            "provider_id",
            "planned_time",
            "weekdays",
            "valid_from",
            "valid_to",
        ),
        [
            (
                o.id,
                o.external_id,
                o.recipient_id,
                o.camera_id,
                o.provider_id,
                o.planned_time,
                o.weekdays,
                o.valid_from.isoformat(),
                _iso(o.valid_to),
            )
            for r in with_camera
            for o in r.orders
        ],
    )


class LogRows:
    """Turns each recipient's activity into numbered log rows; hands out batches of ``batch``."""

    def __init__(self, world: World, batch: int = 50_000) -> None:
        self.batch = batch
        self.ts = UtcText(world.timeline)
        self.next_id = {"alarm_calls": 1, "lock_events": 1, "lookins": 1}
        self._rows: dict[str, Rows] = {name: [] for name in self.next_id}
        self._provider_names = [""] + [p.name for p in world.providers]

    def add(self, recipient: Recipient, activity: Activity) -> list[Batch]:
        rid = recipient.id
        if activity.calls:
            self._add_calls(recipient.alarm_external_id, rid, activity.calls)
        if activity.events:
            self._add_events(recipient, activity)
        if activity.lookins:
            self._add_lookins(recipient, activity)
        return self._full()

    def add_akutlarm(self, alarm: Akutlarm, calls: list[Call]) -> list[Batch]:
        self._add_calls(alarm.external_id, None, calls)
        return self._full()

    def drain(self) -> list[Batch]:
        """Everything not yet handed out."""
        batches = [(name, rows) for name, rows in self._rows.items() if rows]
        self._rows = {name: [] for name in self._rows}
        return batches

    def _full(self) -> list[Batch]:
        batches = []
        for name, rows in self._rows.items():
            if len(rows) >= self.batch:
                batches.append((name, rows))
                self._rows[name] = []
        return batches

    def _add_events(self, recipient: Recipient, activity: Activity) -> None:
        lock_id, rid = recipient.lock_id, recipient.id
        start = self.next_id["lock_events"]
        self.next_id["lock_events"] = start + len(activity.events)
        days, base = self.ts.days, self.ts.base  # UtcText inlined: this is the hottest loop
        self._rows["lock_events"].extend(
            (
                n,
                f"LE{n:09d}",
                days[t // 86400 - base] + HMS[t % 86400],
                lock_id,
                rid,
                p,
                s or None,
                ev,
                m,
            )
            for n, (t, s, ev, m, p) in enumerate(activity.events, start)
        )

    def _add_lookins(self, recipient: Recipient, activity: Activity) -> None:
        ts, rid = self.ts, recipient.id
        orders = {o.id: o for o in recipient.orders}
        start = self.next_id["lookins"]
        self.next_id["lookins"] = start + len(activity.lookins)
        rows = self._rows["lookins"]
        for n, lookin in enumerate(activity.lookins, start):
            order_id, planned, performed, operator, outcome, action, action_at = lookin
            order = orders[order_id]
            rows.append(
                (
                    n,
                    lookin_id(n),
                    order_id,
                    order.camera_id,
                    rid,
                    order.provider_id,
                    ts(planned),
                    ts(performed) if performed else None,
                    operator or None,
                    outcome,
                    action,
                    ts(action_at) if action_at else None,
                )
            )

    def _add_calls(self, alarm_external_id: str, rid: int | None, calls: list[Call]) -> None:
        ts, names = self.ts, self._provider_names
        start = self.next_id["alarm_calls"]
        self.next_id["alarm_calls"] = start + len(calls)
        rows = self._rows["alarm_calls"]
        for n, (trig, ans, op, reason, esc, ack, arr, closed, prov) in enumerate(calls, start):
            rows.append(
                (
                    n,
                    call_id(n),
                    alarm_external_id,
                    rid,
                    prov,
                    ts(trig),
                    ts(ans),
                    op,
                    reason,
                    esc != 0,
                    ts(esc) if esc else None,
                    names[prov] if esc else None,
                    ts(ack) if ack else None,
                    ts(arr) if arr else None,
                    ts(closed),
                )
            )
