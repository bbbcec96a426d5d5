"""Use case: fill the database (or a folder of native CSV files) with the synthetic municipality."""

from __future__ import annotations

from pathlib import Path

from loggutdrag.demo.logins import DEMO_LOGINS, DemoLogin
from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import BadInputError

# Swedish names of what load_demo counts, for people reading the result (CSV files keep their name).
COUNT_LABELS_SV = {
    "providers": "utförare",
    "staff": "personal",
    "recipients": "brukare",
    "alarms": "rader i larmregistret",
    "locks": "digitala lås",
    "cameras": "kameror",
    "supervision_orders": "tillsynsbeställningar",
    "alarm_calls": "larmanrop",
    "lock_events": "låshändelser",
    "lookins": "tillsyner",
    "users": "demokonton",
}


def describe_counts(counts: dict[str, int]) -> list[str]:
    """One Swedish line per count, e.g. ``låshändelser: 966 535``."""
    return [
        f"{COUNT_LABELS_SV.get(name, name)}: {count:,}".replace(",", " ")
        for name, count in counts.items()
    ]


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
