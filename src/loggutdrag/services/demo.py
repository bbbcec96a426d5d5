"""Use case: fill the database (or a folder of native CSV files) with the synthetic municipality."""

from __future__ import annotations

from pathlib import Path

from loggutdrag.demo.logins import DEMO_LOGINS, DemoLogin
from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import BadInputError


def demo_logins() -> list[DemoLogin]:
    return list(DEMO_LOGINS)


def load_demo(
    ctx: AppContext, *, scale: float, seed: int, csv_dir: Path | None, progress: bool
) -> dict[str, int]:
    """Generate the demo municipality; returns how many of each thing were written."""
    from loggutdrag.demo.generate import DemoDataError, generate

    try:
        return generate(
            None if csv_dir is not None else ctx.engine,
            scale=scale,
            seed=seed,
            csv_dir=csv_dir,
            progress=progress,
        )
    except DemoDataError as error:
        raise BadInputError(error.message_sv) from error
