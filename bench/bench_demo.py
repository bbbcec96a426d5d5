"""Demo data: how long `demo-data` takes and how much memory it needs.

Quick: scale 1 (about a million log rows) into a fresh SQLite file, in this process and with the
second generator process; and scale 1 as native CSV files. Full adds scale 1 on PostgreSQL and,
when ``LOGGUTDRAG_BENCH_DEMO_SCALE50=1``, scale 50 (about 50 million rows) on SQLite through the
real command line under ``/usr/bin/time -v`` (about ten minutes; the file is left in a temp dir).
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import make_url, text

from loggutdrag.demo.generate import generate
from loggutdrag.store.db import make_engine, upgrade

POSTGRES_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def _rows(counts: dict[str, int]) -> int:
    return sum(v for k, v in counts.items() if k in ("lock_events", "alarm_calls", "lookins"))


def _sqlite(scale: float, parallel: bool) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'demo.db'}")
        upgrade(engine)
        start = time.perf_counter()
        counts = generate(engine, scale=scale, seed=1, parallel=parallel)
        elapsed = time.perf_counter() - start
        engine.dispose()
    return elapsed, _rows(counts)


def _csv(scale: float) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        counts = generate(None, scale=scale, seed=1, csv_dir=Path(folder))
        elapsed = time.perf_counter() - start
    rows = sum(v for k, v in counts.items() if k != "alarm-register.csv")
    return elapsed, rows


def _postgres(scale: float) -> tuple[float, int] | None:
    admin = make_engine(POSTGRES_ADMIN, isolation_level="AUTOCOMMIT")
    name = f"loggutdrag_bench_demo_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception:  # no server: skip this line of the table
        admin.dispose()
        return None
    url = make_url(POSTGRES_ADMIN).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    try:
        upgrade(engine)
        start = time.perf_counter()
        counts = generate(engine, scale=scale, seed=1)
        elapsed = time.perf_counter() - start
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return elapsed, _rows(counts)


def _cli_scale(scale: int) -> str:
    """The real command under /usr/bin/time -v: wall time and peak RSS."""
    folder = tempfile.mkdtemp(prefix=f"loggutdrag-demo{scale}-")
    env = {**os.environ, "LOGGUTDRAG_DATA_DIR": folder}
    env.pop("LOGGUTDRAG_DATABASE_URL", None)
    exe = Path(sys.executable).parent / "loggutdrag"
    subprocess.run([str(exe), "init"], env=env, check=True, capture_output=True)
    done = subprocess.run(
        ["/usr/bin/time", "-v", str(exe), "demo-data", "--scale", str(scale), "--json"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", done.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    peak = int(rss.group(1)) // 1024 if rss else -1
    return (
        f"| scale {scale}, SQLite, CLI | {wall.group(1) if wall else '?'} | peak RSS {peak} MiB |"
    )


def run(quick: bool) -> str:
    lines = [
        "## Demo data (bench_demo)",
        "",
        "| what | time | rows/s |",
        "|---|---|---|",
    ]
    for label, (elapsed, rows) in (
        ("scale 1, SQLite, one process", _sqlite(1, parallel=False)),
        ("scale 1, SQLite, two processes", _sqlite(1, parallel=True)),
        ("scale 1, native CSV files", _csv(1)),
    ):
        lines.append(f"| {label} ({rows:,} log rows) | {elapsed:.1f} s | {rows / elapsed:,.0f} |")
    if not quick:
        measured = _postgres(1)
        if measured is not None:
            elapsed, rows = measured
            lines.append(
                f"| scale 1, PostgreSQL ({rows:,} log rows) | {elapsed:.1f} s "
                f"| {rows / elapsed:,.0f} |"
            )
        if os.environ.get("LOGGUTDRAG_BENCH_DEMO_SCALE50") == "1":
            lines.append(_cli_scale(50))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    lines += ["", f"Peak RSS of the benchmark process: {peak} MiB.", ""]
    return "\n".join(lines)
