"""Run the benchmarks: ``python -m bench [--quick] [AREA ...]``.

Prints markdown to record in RESULTS.md.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path


def _areas() -> list[str]:
    folder = Path(__file__).parent
    return sorted(
        m.name.removeprefix("bench_")
        for m in pkgutil.iter_modules([str(folder)])
        if m.name.startswith("bench_")
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument(
        "areas", nargs="*", help=f"which benchmarks (default all: {', '.join(_areas())})"
    )
    args = parser.parse_args()
    areas = args.areas or _areas()
    print(f"# Benchmark run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    machine = f"{platform.machine()}, {platform.processor() or 'cpu'}"
    print(f"Machine: {machine}, Python {platform.python_version()}")
    print(f"Command: {' '.join([Path(sys.executable).name, '-m', 'bench', *sys.argv[1:]])}\n")
    for area in areas:
        module = importlib.import_module(f"bench.bench_{area}")
        print(module.run(args.quick), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
