"""Import speed: lock events from the native CSV into SQLite and PostgreSQL, against a naive loop.

Data: a native lock-events CSV of N rows (5,000,000; ``--quick``: 200,000), generated once into
``/tmp/loggutdrag-bench/`` and reused: a year of events in time order, 2,500 recipients with
made-up personnummer, 240 staff of 6 providers, sequential event ids, half of the times local
without an offset and half with one. Every database starts with the reference rows (providers,
recipients, staff, locks) in place and an empty lock_events table with all its indexes.

Measured:
* ours: ``loggutdrag import lock-events FILE --json`` as a child process (start-up, hashing the
  file, parsing, checking, writing, rebuilding the secondary indexes and committing included:
  a file this large into an empty table takes the bulk path of services/imports.py); peak RSS
  of that process;
* baseline: the plain loop the issue names, in this process: ``csv.reader`` + ``executemany`` in
  batches of 10,000 with a commit each, the id look-ups from dicts, on a connection with the
  application's settings (WAL, synchronous=NORMAL, foreign keys on, though lock_events has no
  foreign keys), into the same indexed table. Its per-row work is lighter than a correct import
  (it cuts the time text to 19 characters instead of converting local times to UTC, and checks
  nothing). It runs on the first min(N, 1,000,000) rows only (it slows down as the table grows,
  so this flatters the baseline);
* PostgreSQL: the same import command against a database of its own (COPY).

Targets (issue 3): SQLite >= 300,000 rows/s and >= 2.4 x the baseline; PostgreSQL >= 400,000 rows/s.
"""

from __future__ import annotations

import csv
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from itertools import islice
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, insert, text

from loggutdrag.domain.personnummer import with_check_digit
from loggutdrag.store.db import make_engine, upgrade
from loggutdrag.store.tables import locks, providers, recipients, staff

CACHE = Path("/tmp/loggutdrag-bench")  # noqa: S108 - a cache shared by bench runs
POSTGRES_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
HEADER = [
    "event_id", "occurred_at", "lock_id", "recipient_personnummer", "provider",
    "staff_username", "staff_name", "event", "method",
]  # fmt: skip
BASELINE_MAX = 1_000_000


def _people(rng: random.Random) -> tuple[list[str], list[tuple[str, str, str]]]:
    numbers: dict[str, None] = {}
    while len(numbers) < 2500:
        year, month, day = rng.randint(1920, 1950), rng.randint(1, 12), rng.randint(1, 28)
        numbers[with_check_digit(f"{year}{month:02d}{day:02d}{rng.randint(1, 999):03d}")] = None
    workers = [
        (f"u{p}{j:03d}", f"Personal {p} {j}", f"HT0{p}") for p in range(1, 7) for j in range(40)
    ]
    return list(numbers), workers


def generate(rows: int) -> Path:
    path = CACHE / f"lock-events-{rows}.csv"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1)
    numbers, workers = _people(rng)
    zone = ZoneInfo("Europe/Stockholm")
    start = datetime(2025, 1, 1, tzinfo=UTC)
    step = 365 * 86400 / rows
    local_hours: dict[datetime, datetime] = {}
    partial = path.with_suffix(".part")
    with partial.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number in range(rows):
            moment = start + timedelta(seconds=int(number * step))
            hour = moment.replace(minute=0, second=0)
            local = local_hours.get(hour)
            if local is None:
                local = local_hours[hour] = hour.astimezone(zone)
            shown = local + (moment - hour)
            wall = shown.replace(tzinfo=None)
            ambiguous = (
                wall.replace(tzinfo=zone, fold=1).utcoffset()
                != wall.replace(tzinfo=zone, fold=0).utcoffset()
            )
            when = shown.isoformat() if number % 2 or ambiguous else wall.isoformat()
            who = rng.randrange(2500)
            user, name, provider = workers[(who * 7 + rng.randrange(5)) % 240]
            event = ("unlock", "lock", "unlock", "lock", "denied")[rng.randrange(5)]
            person = numbers[who]
            pnr = f"{person[:8]}-{person[8:]}"
            lock = f"LAS-{who:05d}"
            event_id = f"{100_000_000 + number}"
            writer.writerow([event_id, when, lock, pnr, provider, user, name, event, "app"])
    partial.rename(path)
    return path


def prepare(engine: Engine) -> None:
    """The schema and the reference rows; an empty lock_events table with its indexes."""
    upgrade(engine)
    numbers, workers = _people(random.Random(1))
    with engine.begin() as connection:
        connection.execute(
            insert(providers),
            [{"id": p, "code": f"HT0{p}", "name": f"HT0{p}"} for p in range(1, 7)],
        )
        connection.execute(
            insert(recipients), [{"id": i + 1, "personnummer": n} for i, n in enumerate(numbers)]
        )
        connection.execute(
            insert(staff),
            [
                {"id": i + 1, "username": u, "name": n, "provider_id": int(p[-1])}
                for i, (u, n, p) in enumerate(workers)
            ],
        )
        connection.execute(
            insert(locks),
            [
                {"id": i + 1, "external_id": f"LAS-{i:05d}", "recipient_id": i + 1}
                for i in range(2500)
            ],
        )
        if engine.dialect.name == "postgresql":
            for table in ("providers", "recipients", "staff", "locks"):
                connection.execute(
                    text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))")  # noqa: S608
                )


def baseline(engine: Engine, path: Path, rows: int) -> float:
    """The naive loop: rows/s."""
    with engine.connect() as connection:
        ids = {
            name: dict(connection.execute(text(sql)).tuples().all())
            for name, sql in {
                "locks": "SELECT external_id, id FROM locks",
                "recipients": "SELECT personnummer, id FROM recipients",
                "providers": "SELECT code, id FROM providers",
                "staff": "SELECT username, id FROM staff",
            }.items()
        }
    raw = engine.raw_connection()
    driver = raw.driver_connection
    assert driver is not None
    sql = (
        "INSERT INTO lock_events (external_id, occurred_at, lock_id, recipient_id, provider_id, "
        "staff_id, event, method) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    )
    started = time.perf_counter()
    with path.open(newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        batch = []
        for row in islice(reader, rows):
            batch.append((
                row[0], row[1][:19].replace("T", " "), ids["locks"][row[2]],
                ids["recipients"][row[3].replace("-", "")], ids["providers"][row[4]],
                ids["staff"][row[5]], row[7], row[8],
            ))  # fmt: skip
            if len(batch) == 10_000:
                driver.executemany(sql, batch)
                driver.commit()
                batch = []
        driver.executemany(sql, batch)
        driver.commit()
    elapsed = time.perf_counter() - started
    raw.close()
    return rows / elapsed


def ours(database_url: str, path: Path) -> tuple[float, float, dict[str, object]]:
    """Our import as the CLI runs it: rows/s, peak RSS (MB), the JSON report."""
    env = dict(
        os.environ, LOGGUTDRAG_DATABASE_URL=database_url, LOGGUTDRAG_DATA_DIR=str(CACHE / "var")
    )
    program = str(Path(sys.executable).parent / "loggutdrag")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run([program, "import", "lock-events", str(path), "--json"], env=env,
                          capture_output=True, text=True, check=False)  # fmt: skip
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if done.returncode != 0:
        raise RuntimeError(f"import failed ({done.returncode}): {done.stderr[-2000:]}")
    report: dict[str, object] = json.loads(done.stdout)
    rss = max(peak, before) / 1024
    return int(report["read"]) / elapsed, rss, report  # type: ignore[call-overload]


def _postgres_database(name: str) -> str | None:
    admin = make_engine(POSTGRES_ADMIN, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception:
        return None
    finally:
        admin.dispose()
    return POSTGRES_ADMIN.rsplit("/", 1)[0] + f"/{name}"


def run(quick: bool) -> str:
    rows = 200_000 if quick else 5_000_000
    path = generate(rows)
    load = os.getloadavg()[0]
    lines = ["## Import (bench_import)", ""]
    lines.append(f"{rows:,} lock events, native CSV ({path.stat().st_size / 1e6:.0f} MB); "
                 f"machine {platform.machine()}, {os.cpu_count()} cores, Python "
                 f"{platform.python_version()}; load average at start {load:.1f}.")  # fmt: skip
    lines += ["", "| what | rows | rows/s | peak RSS | vs baseline |", "|---|---|---|---|---|"]

    base_db = CACHE / "baseline.db"
    base_db.unlink(missing_ok=True)
    base_engine = make_engine(f"sqlite:///{base_db}")
    prepare(base_engine)
    base_rows = min(rows, BASELINE_MAX)
    base_rate = baseline(base_engine, path, base_rows)
    base_engine.dispose()
    lines.append(
        f"| baseline: csv + executemany, SQLite | {base_rows:,} | {base_rate:,.0f} | - | 1.0 |"
    )

    our_db = CACHE / "ours.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{our_db}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{our_db}"
    engine = make_engine(url)
    prepare(engine)
    engine.dispose()
    rate, rss, report = ours(url, path)
    assert report["inserted"] == rows, report
    lines.append(
        f"| loggutdrag import, SQLite | {rows:,} | {rate:,.0f} | {rss:,.0f} MB "
        f"| {rate / base_rate:.1f} |"
    )

    pg_url = _postgres_database("loggutdrag_bench_import")
    if pg_url is None:
        lines.append("| loggutdrag import, PostgreSQL | - | (no server) | - | - |")
    else:
        engine = make_engine(pg_url)
        prepare(engine)
        engine.dispose()
        pg_rate, pg_rss, pg_report = ours(pg_url, path)
        assert pg_report["inserted"] == rows, pg_report
        lines.append(
            f"| loggutdrag import, PostgreSQL (COPY) | {rows:,} | {pg_rate:,.0f} "
            f"| {pg_rss:,.0f} MB | - |"
        )
    lines += [
        "",
        f"Load average at the end {os.getloadavg()[0]:.1f}. Targets: SQLite >= 300,000 rows/s "
        "and >= 2.4 x baseline; PostgreSQL >= 400,000 rows/s.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run("--quick" in sys.argv))
