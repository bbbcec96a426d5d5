"""Small factories for import tests: made-up personnummer and native CSV files."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from loggutdrag.domain.personnummer import with_check_digit

PNR_A = with_check_digit("19400101123")  # made up
PNR_B = with_check_digit("19350612456")
PNR_C = with_check_digit("19281130789")


def bad_check_digit(personnummer: str) -> str:
    """The same number with a wrong Luhn digit."""
    last = int(personnummer[-1])
    return personnummer[:-1] + str((last + 1) % 10)


def made_up_personnummer(rng: random.Random) -> str:
    year = rng.randint(1920, 1960)
    return with_check_digit(
        f"{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(1, 999):03d}"
    )


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> Path:
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if value is None else value for value in row])
    return path


def lock_event(
    event_id: str,
    when: str = "2025-03-03T08:15:00+01:00",
    *,
    lock: str = "LAS-1",
    personnummer: str = PNR_A,
    provider: str = "HT01",
    username: str = "anna.a",
    name: str = "Anna Andersson",
    event: str = "unlock",
    method: str = "app",
) -> list[str]:
    return [event_id, when, lock, personnummer, provider, username, name, event, method]


LOCK_HEADER = [
    "event_id",
    "occurred_at",
    "lock_id",
    "recipient_personnummer",
    "provider",
    "staff_username",
    "staff_name",
    "event",
    "method",
]


def lock_events_file(path: Path, count: int, *, start: int = 0, seed: int = 1) -> Path:
    """``count`` valid lock events in time order, ids E{start}..; a handful of recipients."""
    rng = random.Random(seed)
    people = [made_up_personnummer(rng) for _ in range(20)]
    first = datetime(2025, 1, 1, tzinfo=UTC)
    rows = []
    for number in range(start, start + count):
        when = first + timedelta(seconds=number * 37)
        person = number % len(people)
        rows.append(
            lock_event(
                f"E{number}",
                when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                lock=f"LAS-{person}",
                personnummer=people[person],
                provider=f"HT0{person % 3 + 1}",
                username=f"user{person % 7}",
                name=f"Personal {person % 7}",
                event="unlock" if number % 2 else "lock",
            )
        )
    return write_csv(path, LOCK_HEADER, rows)
