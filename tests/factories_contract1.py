"""A small made-up municipality in the native import format of DESIGN.md, with the answers worked
out by hand, for the acceptance-style tests of contract 1 (tests/integration/test_contract1_*).

Everything here is written from DESIGN.md, DOMAIN.md and the seeds only: native CSV files, and
contract-2 requests. Personnummer are made up (valid check digits from ``with_check_digit``).

Two providers: HT01 (Hemtjänst Norr) and HT02 (Hemtjänst Syd). Elsa Ek's safety alarm T5 moved from
HT01 to HT02 on 2026-10-01 (the second, ``;``-separated register file says so).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from loggutdrag.domain.personnummer import with_check_digit
from loggutdrag.services.context import AppContext

ASTRID = with_check_digit("19380412123")  # Astrid Andersson, HT01
BERTIL = with_check_digit("19400518234")  # Bertil Berg, HT01
CECILIA = with_check_digit("19331107345")  # Cecilia Carlsson, HT01 until 2026-09-30
DAVID = with_check_digit("19450223456")  # David Dahl, HT01 from 2026-10-20
ELSA = with_check_digit("19360930567")  # Elsa Ek, HT01, moved to HT02 on 2026-10-01
FOLKE = with_check_digit("19420714678")  # Folke Fors, HT02
GUSTAV = with_check_digit("19391201789")  # Gustav Grön, HT01 from 2026-10-15


def header(line: str) -> tuple[str, ...]:
    """The columns of a native CSV header line."""
    return tuple(line.split(","))


def dashed(personnummer: str) -> str:
    """YYYYMMDD-NNNN, as people write it."""
    return f"{personnummer[:8]}-{personnummer[8:]}"


def bad_check_digit(personnummer: str) -> str:
    return personnummer[:-1] + str((int(personnummer[-1]) + 1) % 10)


REGISTER_HEADER = header(
    "alarm_id,alarm_type,provider,recipient_personnummer,recipient_name,address,active_from,active_to"
)
ADDRESSES = {
    ASTRID: ("Astrid Andersson", "Storgatan 1, 582 22 Linköping"),
    BERTIL: ("Bertil Berg", "Ågatan 2, 582 23 Linköping"),
    CECILIA: ("Cecilia Carlsson", "Drottninggatan 3, 582 24 Linköping"),
    DAVID: ("David Dahl", "Nygatan 4, 582 25 Linköping"),
    ELSA: ("Elsa Ek", "Hamngatan 5, 582 26 Linköping"),
    FOLKE: ("Folke Fors", "Vasavägen 6, 583 30 Linköping"),
    GUSTAV: ("Gustav Grön", "Kungsgatan 7, 582 27 Linköping"),
}


def alarm(alarm_id: str, provider: str, who: str, start: str, end: str = "") -> tuple[str, ...]:
    """A recipient's safety alarm (trygghetslarm) as a native register row."""
    name, address = ADDRESSES[who]
    return (alarm_id, "trygghetslarm", provider, who, name, address, start, end)


def akutlarm(
    alarm_id: str, provider: str, place: str, start: str, end: str = ""
) -> tuple[str, ...]:
    """A provider's own emergency alarm: no recipient."""
    return (alarm_id, "akutlarm", provider, "", "", place, start, end)


REGISTER_ROWS = (
    alarm("T1", "HT01", ASTRID, "2025-01-01"),
    alarm("T2", "HT01", BERTIL, "2025-06-01"),
    alarm("T3", "HT01", CECILIA, "2024-03-01", "2026-09-30"),
    alarm("T4", "HT01", DAVID, "2026-10-20"),
    alarm("T5", "HT01", ELSA, "2025-02-01"),
    alarm("T6", "HT02", FOLKE, "2026-01-01"),
    alarm("T7", "HT01", GUSTAV, "2026-10-15"),
    akutlarm("K1", "HT01", "Personalrum Norr", "2024-01-01"),
    akutlarm("K2", "HT02", "Personalrum Syd", "2024-01-01"),
    akutlarm("K3", "HT01", "Nattpatrull Norr", "2024-01-01", "2026-06-30"),
    akutlarm("K4", "HT02", "Nattpatrull Syd", "2025-01-01"),
)
# A later snapshot that overlaps the first: T1 again unchanged, T5 ended at HT01, T5 at HT02.
REGISTER_UPDATE_ROWS = (
    REGISTER_ROWS[0],
    alarm("T5", "HT01", ELSA, "2025-02-01", "2026-09-30"),
    alarm("T5", "HT02", ELSA, "2026-10-01"),
)

# Active on 2026-10-15 (a Thursday), by hand:
#   HT01: T1 Astrid, T2 Bertil, T7 Gustav (starts that day), K1  -> total 4, akutlarm 1, billable 3
#         (not T3: ended 09-30; not T4: starts 10-20; not T5: moved; not K3: ended 06-30)
#   HT02: T5 Elsa (moved in 10-01), T6 Folke, K2, K4             -> total 4, akutlarm 2, billable 2
# Active on 2026-09-15 (a Tuesday):
#   HT01: T1, T2, T3, T5, K1 -> 5, 1, 4          HT02: T6, K2, K4 -> 3, 2, 1
BILLING_2026_10_15 = {"HT01": (4, 1, 3), "HT02": (4, 2, 2)}
BILLING_2026_09_15 = {"HT01": (5, 1, 4), "HT02": (3, 2, 1)}

CALLS_HEADER = header(
    "call_id,alarm_id,recipient_personnummer,triggered_at,answered_at,operator,reason,escalated,escalated_at,escalated_to,acknowledged_at,arrived_at,closed_at"
)


def _call(
    call_id: str, alarm_id: str, who: str, at: str, *, escalated: bool, reason: str = "fall"
) -> tuple[str, ...]:
    """A call triggered at ``at`` (ISO, with or without offset); the chain follows in minutes."""
    start = datetime.fromisoformat(at)

    def plus(minutes: int) -> str:
        return (start + timedelta(minutes=minutes)).isoformat()

    if not escalated:
        answered, closed = plus(1), plus(3)
        return (
            call_id,
            alarm_id,
            who,
            at,
            answered,
            "op.karin",
            reason,
            "false",
            *[""] * 4,
            closed,
        )
    return (
        call_id, alarm_id, who, at, plus(1), "op.karin", reason, "true",
        plus(2), "Hemtjänst", plus(3), plus(20), plus(40),
    )  # fmt: skip


CALLS_ROWS = (
    _call("C1", "T1", ASTRID, "2026-10-03T22:10:00+02:00", escalated=True),
    # a local time without offset; not escalated:
    _call("C2", "T1", ASTRID, "2026-10-05T08:00:00", escalated=False, reason="felanrop"),
    # 22:30 UTC on 30 September is 00:30 on 1 October in Stockholm:
    _call("C3", "T1", ASTRID, "2026-09-30T22:30:00Z", escalated=True),
    _call("C4", "T2", BERTIL, "2026-10-11T14:00:00+02:00", escalated=True),
    _call("C5", "T2", BERTIL, "2026-11-01T00:30:00+01:00", escalated=True),  # November
    _call("C6", "T2", BERTIL, "2026-10-31T23:30:00+01:00", escalated=True),  # October's last hour
    _call("C7", "T6", FOLKE, "2026-10-12T10:00:00+02:00", escalated=True),
    _call("C8", "T5", ELSA, "2026-09-20T10:00:00+02:00", escalated=True),  # Elsa still at HT01
)
# October 2026 by hand: Astrid C1, C2, C3 (C1 and C3 escalated); HT01 calls C1, C2, C3, C4, C6
# (escalated C1, C3, C4, C6); HT02 C7. September 2026: HT01 has Elsa's escalated C8.

LOCK_HEADER = header(
    "event_id,occurred_at,lock_id,recipient_personnummer,provider,staff_username,staff_name,event,method"
)
ANNA = ("anna.s", "Anna Svensson")
BO = ("bo.l", "Bo Lind")


LOCKS = {ASTRID: "LAS-A", BERTIL: "LAS-B"}


def lock(
    event_id: str,
    at: str,
    who: str,
    staff: tuple[str, str],
    event: str,
    *,
    lock_id: str | None = None,
) -> tuple[str, ...]:
    """A lock event at HT01 on the recipient's lock; staff Anna opens by app, Bo by tag."""
    method = "app" if staff == ANNA else "tag"
    lock_id = LOCKS[who] if lock_id is None else lock_id
    return (event_id, at, lock_id, who, "HT01", *staff, event, method)


LOCK_ROWS = (
    lock("L1", "2026-10-02T08:00:00+02:00", ASTRID, ANNA, "unlock"),
    lock("L2", "2026-10-02T08:25:00+02:00", ASTRID, ANNA, "lock"),
    lock("L3", "2026-10-05T19:00:00", ASTRID, BO, "unlock"),  # local time, no offset
    lock("L4", "2026-10-05T19:20:00", ASTRID, BO, "lock"),
    lock("L5", "2026-10-06T09:00:00+02:00", BERTIL, ANNA, "unlock"),
    lock("L6", "2026-10-06T09:30:00+02:00", BERTIL, ANNA, "denied"),
    lock("L7", "2026-11-02T09:00:00+01:00", ASTRID, ANNA, "unlock"),  # November
    lock("L8", "2026-10-25T02:30:00+02:00", ASTRID, BO, "unlock"),  # the first 02:30
    lock("L9", "2026-10-25T02:30:00+01:00", ASTRID, BO, "lock"),  # the second 02:30
)
# Rows that must be rejected, on lines 11-14 of the file (the header is line 1):
LOCK_BAD_ROWS = (
    lock(
        "L10", "2026-10-07T08:00:00+02:00", bad_check_digit(ASTRID), ANNA, "unlock", lock_id="LAS-A"
    ),
    lock("L11", "igår kl 8", ASTRID, ANNA, "unlock"),  # unparseable time
    lock("L12", "2026-10-07T09:00:00+02:00", ASTRID, ANNA, "opened"),  # unknown event
    lock("L13", "2026-10-07T10:00:00+02:00", ASTRID, ANNA, "unlock", lock_id=""),  # no lock_id
)
# October 2026 by hand: at Astrid's home L1, L2, L3, L4, L8, L9 (3 unlock, 3 lock);
# Anna Svensson L1, L2, L5, L6; Bo Lind L3, L4, L8, L9.

ORDERS_HEADER = header(
    "order_id,recipient_personnummer,camera_serial,provider,planned_time,weekdays,valid_from,valid_to"
)
ORDERS_ROWS = (
    ("O1", ASTRID, "CAM-1001", "HT01", "23:00", "1234567", "2026-09-01", ""),
    ("O2", FOLKE, "CAM-2002", "HT02", "22:30", "1234567", "2026-10-01", ""),
)
LOOKINS_HEADER = header(
    "lookin_id,order_id,camera_serial,recipient_personnummer,planned_at,performed_at,operator,outcome,action,action_at"
)


def lookin(
    lookin_id: str,
    order: tuple[str, str, str],
    planned: str,
    performed: str,
    outcome: str,
    *,
    action: str = "none",
    action_at: str = "",
) -> tuple[str, ...]:
    order_id, camera, who = order
    operator = "op.lisa"
    return (
        lookin_id,
        order_id,
        camera,
        who,
        planned,
        performed,
        operator,
        outcome,
        action,
        action_at,
    )


O1 = ("O1", "CAM-1001", ASTRID)
O2 = ("O2", "CAM-2002", FOLKE)
LOOKINS_ROWS = (
    lookin("V1", O1, "2026-10-01T23:00:00+02:00", "2026-10-01T23:02:00+02:00", "in_bed"),
    lookin(
        "V2", O1, "2026-10-02T23:00:00+02:00", "2026-10-02T23:40:00+02:00", "not_in_bed",
        action="called_provider", action_at="2026-10-02T23:42:00+02:00",
    ),
    lookin("V3", O2, "2026-10-01T22:30:00+02:00", "", "not_performed"),
    lookin("V4", O1, "2026-10-05T23:00:00+02:00", "2026-10-05T23:01:00+02:00", "in_bed"),
)  # fmt: skip
# 2026-10-01..2026-10-03 by hand: Astrid/CAM-1001 V1, V2 (V2 40 minutes late), no look-in on the
# night of 10-03; HT02: V3 (not performed).


def write_csv(
    path: Path, header: Sequence[str], rows: Sequence[Sequence[str]], delimiter: str = ","
) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@dataclass(frozen=True)
class WorldFiles:
    register: Path
    register_update: Path  # `;`-separated, overlaps the first
    calls: Path
    locks: Path  # with the four bad rows at the end
    orders: Path
    lookins: Path

    def in_import_order(self) -> list[tuple[str, Path]]:
        return [
            ("alarm-register", self.register),
            ("alarm-register", self.register_update),
            ("alarm-calls", self.calls),
            ("lock-events", self.locks),
            ("supervision-orders", self.orders),
            ("supervision-lookins", self.lookins),
        ]


def write_world(folder: Path) -> WorldFiles:
    folder.mkdir(parents=True, exist_ok=True)
    return WorldFiles(
        register=write_csv(folder / "register.csv", REGISTER_HEADER, REGISTER_ROWS),
        register_update=write_csv(
            folder / "register_oktober.csv", REGISTER_HEADER, REGISTER_UPDATE_ROWS, delimiter=";"
        ),
        calls=write_csv(folder / "calls.csv", CALLS_HEADER, CALLS_ROWS),
        locks=write_csv(folder / "locks.csv", LOCK_HEADER, (*LOCK_ROWS, *LOCK_BAD_ROWS)),
        orders=write_csv(folder / "orders.csv", ORDERS_HEADER, ORDERS_ROWS),
        lookins=write_csv(folder / "lookins.csv", LOOKINS_HEADER, LOOKINS_ROWS),
    )


def import_world(ctx: AppContext, folder: Path) -> WorldFiles:
    """The municipality written to ``folder`` and imported in-process (the import itself is
    tested through the command line in test_contract1_import.py)."""
    from loggutdrag.services.imports import import_file

    world = write_world(folder)
    for source, path in world.in_import_order():
        import_file(ctx, source, path)
    return world
