"""Benchmarks (`make bench`).

Each bench_<area>.py has ``run(quick: bool) -> str``, returning a markdown section.
"""
