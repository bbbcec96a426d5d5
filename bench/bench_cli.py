"""Command-line start-up: every contract-1 command is a new process, so its start-up is paid by
every call (the acceptance suite tests/integration/test_contract1_*.py makes about 160).

Measures the wall time of a few commands as child processes against a fresh SQLite database:
``--help``, ``init`` on an existing database, ``request check`` (counts working days),
``import`` of a small file and ``extract --format json``. Median of several runs each.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from loggutdrag.domain.personnummer import with_check_digit

PNR = with_check_digit("19400101123")  # made up
LOCKS = (
    "event_id,occurred_at,lock_id,recipient_personnummer,provider,staff_username,staff_name,"
    "event,method\n"
    + "".join(
        f"E{n},2026-10-0{1 + n % 9}T08:00:00+02:00,LAS-1,{PNR},HT01,anna.s,Anna,unlock,app\n"
        for n in range(20)
    )
)
REQUEST = {
    "kind": "lock_log",
    "scope": "recipient",
    "provider": "HT01",
    "requester": {"category": "provider", "name": "Maria", "role": "manager"},
    "reason": "Klagomål",
    "period": {"start": "2026-10-01", "end": "2026-10-31"},
    "recipient": {"name": "Greta Gran", "personnummer": PNR},
    "received_at": "2026-11-02T10:00:00+01:00",
}


def _command() -> list[str]:
    script = Path(sys.executable).parent / "loggutdrag"
    return [str(script)] if script.exists() else [sys.executable, "-m", "loggutdrag"]


def _time(args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(
        [*_command(), *args], env=env, cwd=cwd, capture_output=True, check=False, timeout=120
    )
    return time.perf_counter() - start, done.returncode


def run(quick: bool) -> str:
    repeats = 3 if quick else 9
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = {
            **os.environ,
            "LOGGUTDRAG_DATABASE_URL": f"sqlite:///{work / 'bench.db'}",
            "LOGGUTDRAG_MODE": "test",
            "LOGGUTDRAG_SECRET_KEY": "bench-secret-key-not-for-production",
        }
        (work / "locks.csv").write_text(LOCKS, encoding="utf-8")
        (work / "request.json").write_text(json.dumps(REQUEST), encoding="utf-8")
        _time(["init"], env, work)
        _time(["import", "lock-events", "locks.csv"], env, work)
        submitted = subprocess.run(
            [*_command(), "request", "submit", "request.json", "--json"],
            env=env,
            cwd=work,
            capture_output=True,
            check=True,
        )
        case = str(json.loads(submitted.stdout)["case_id"])
        commands = {
            "--help": ["--help"],
            "init (database exists)": ["init"],
            "request check FILE --json": ["request", "check", "request.json", "--json"],
            "import lock-events FILE --json (20 rows, re-import)": [
                "import",
                "lock-events",
                "locks.csv",
                "--json",
            ],
            "extract CASE --format json --out F": [
                "extract",
                case,
                "--format",
                "json",
                "--out",
                "extract.json",
            ],
        }
        lines = [
            "## CLI start-up (bench_cli)",
            "",
            f"Median wall time of {repeats} runs per command, child processes, SQLite.",
            "",
            "| command | median | min | exit |",
            "|---|---|---|---|",
        ]
        for name, args in commands.items():
            times, codes = [], set()
            for _ in range(repeats):
                seconds, code = _time(args, env, work)
                times.append(seconds)
                codes.add(code)
            lines.append(
                f"| `{name}` | {statistics.median(times):.2f} s | {min(times):.2f} s | "
                f"{','.join(map(str, sorted(codes)))} |"
            )
    return "\n".join(lines) + "\n"
