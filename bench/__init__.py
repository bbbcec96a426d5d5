"""Benchmarks (`make bench`): each bench_<area>.py has ``run(quick: bool) -> str`` (a markdown section)."""
