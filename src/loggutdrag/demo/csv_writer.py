"""Writes the demo municipality as the native import files of DESIGN.md (one file per source).

UTF-8, comma-separated, a header line with the exact column names, timestamps ISO 8601 in local
time with their offset (``2026-03-29T03:15:00+02:00``), personnummer as ``YYYYMMDD-NNNN``.
What the native format has no column for (protected identity, staff employment dates, users) is
not written.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from loggutdrag.demo.activity import Activity
from loggutdrag.demo.context import Call
from loggutdrag.demo.model import Akutlarm, Recipient, World
from loggutdrag.demo.rows import AKUTLARM, TRYGGHETSLARM, call_id, lookin_id
from loggutdrag.demo.year import LocalIso
from loggutdrag.domain.personnummer import Personnummer

HEADERS: dict[str, tuple[str, ...]] = {
    "alarm-register": (
        "alarm_id",
        "alarm_type",
        "provider",
        "recipient_personnummer",
        "recipient_name",
        "address",
        "active_from",
        "active_to",
    ),
    "alarm-calls": (
        "call_id",
        "alarm_id",
        "recipient_personnummer",
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
    "lock-events": (
        "event_id",
        "occurred_at",
        "lock_id",
        "recipient_personnummer",
        "provider",
        "staff_username",
        "staff_name",
        "event",
        "method",
    ),
    "supervision-orders": (
        "order_id",
        "recipient_personnummer",
        "camera_serial",
        "provider",
        "planned_time",
        "weekdays",
        "valid_from",
        "valid_to",
    ),
    "supervision-lookins": (
        "lookin_id",
        "order_id",
        "camera_serial",
        "recipient_personnummer",
        "planned_at",
        "performed_at",
        "operator",
        "outcome",
        "action",
        "action_at",
    ),
}


def display_personnummer(long: str) -> str:
    return Personnummer(long).display


class CsvWriter:
    def __init__(self, directory: Path, world: World) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.world = world
        self.iso = LocalIso(world.timeline)
        self._files: dict[str, TextIO] = {}
        self._writers: dict[str, Any] = {}
        self.counts: dict[str, int] = dict.fromkeys(HEADERS, 0)
        for source, header in HEADERS.items():
            handle = (directory / f"{source}.csv").open("w", encoding="utf-8", newline="")
            self._files[source] = handle
            self._writers[source] = csv.writer(handle, lineterminator="\n")
            self._writers[source].writerow(header)
        self._codes = [""] + [p.code for p in world.providers]
        self._provider_names = [""] + [p.name for p in world.providers]
        self._usernames = [""] + [s.username for s in world.staff]
        self._staff_names = [""] + [s.name for s in world.staff]

    @property
    def pending_indexes(self) -> int:
        return 0  # files have no indexes

    def _write(self, source: str, rows: list[tuple[Any, ...]]) -> None:
        self._writers[source].writerows(rows)
        self.counts[source] += len(rows)

    def register(self, world: World) -> None:
        codes = self._codes
        rows: list[tuple[Any, ...]] = [
            (
                a.external_id,
                AKUTLARM,
                codes[a.provider_id],
                "",
                "",
                a.address,
                a.active_from.isoformat(),
                a.active_to.isoformat() if a.active_to else "",
            )
            for a in world.akutlarm
        ]
        rows += [
            (
                r.alarm_external_id,
                TRYGGHETSLARM,
                codes[s.provider_id],
                display_personnummer(r.person.personnummer),
                r.person.name,
                r.address.line,
                s.active_from.isoformat(),
                s.active_to.isoformat() if s.active_to else "",
            )
            for r in world.recipients
            for s in r.segments
        ]
        self._write("alarm-register", rows)
        self._write(
            "supervision-orders",
            [
                (
                    o.external_id,
                    display_personnummer(r.person.personnummer),
                    r.camera_serial,
                    codes[o.provider_id],
                    o.planned_time,
                    o.weekdays,
                    o.valid_from.isoformat(),
                    o.valid_to.isoformat() if o.valid_to else "",
                )
                for r in world.recipients
                for o in r.orders
            ],
        )

    def add(self, recipient: Recipient, activity: Activity) -> None:
        pnr = display_personnummer(recipient.person.personnummer)
        if activity.calls:
            self._add_calls(recipient.alarm_external_id, pnr, activity.calls)
        iso = self.iso
        if activity.events:
            lock = recipient.lock_external_id
            codes, usernames, names = self._codes, self._usernames, self._staff_names
            start = self.counts["lock-events"] + 1
            self._write(
                "lock-events",
                [
                    (
                        f"LE{n:09d}",
                        iso(e[0]),
                        lock,
                        pnr,
                        codes[e[4]],
                        usernames[e[1]],
                        names[e[1]],
                        e[2],
                        e[3],
                    )
                    for n, e in enumerate(activity.events, start)
                ],
            )
        if activity.lookins:
            orders = {o.id: o.external_id for o in recipient.orders}
            camera = recipient.camera_serial
            start = self.counts["supervision-lookins"] + 1
            self._write(
                "supervision-lookins",
                [
                    (
                        lookin_id(n),
                        orders[order_id],
                        camera,
                        pnr,
                        iso(planned),
                        iso(performed) if performed else "",
                        operator,
                        outcome,
                        action,
                        iso(action_at) if action_at else "",
                    )
                    for n, (
                        order_id,
                        planned,
                        performed,
                        operator,
                        outcome,
                        action,
                        action_at,
                    ) in enumerate(activity.lookins, start)
                ],
            )

    def add_akutlarm(self, alarm: Akutlarm, calls: list[Call]) -> None:
        self._add_calls(alarm.external_id, "", calls)

    def _add_calls(self, alarm_external_id: str, pnr: str, calls: list[Call]) -> None:
        iso = self.iso
        names = self._provider_names
        start = self.counts["alarm-calls"] + 1
        self._write(
            "alarm-calls",
            [
                (
                    call_id(n),
                    alarm_external_id,
                    pnr,
                    iso(trig),
                    iso(ans),
                    op,
                    reason,
                    "true" if esc else "false",
                    iso(esc) if esc else "",
                    names[prov] if esc else "",
                    iso(ack) if ack else "",
                    iso(arr) if arr else "",
                    iso(closed),
                )
                for n, (trig, ans, op, reason, esc, ack, arr, closed, prov) in enumerate(
                    calls, start
                )
            ],
        )

    def close(self, each_index: Callable[[str], None] | None = None) -> dict[str, int]:
        for handle in self._files.values():
            handle.close()
        return {f"{source}.csv": count for source, count in self.counts.items()}
