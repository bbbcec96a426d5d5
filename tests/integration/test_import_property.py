"""Property: any mix of valid, invalid and duplicate rows reconciles, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select

from factories_import import LOCK_HEADER, PNR_A, bad_check_digit, lock_event, write_csv
from loggutdrag.services.context import AppContext
from loggutdrag.services.imports import import_file
from loggutdrag.store.tables import lock_events, quarantine

INVALID = [
    {"when": "2025-13-01T10:00:00"},
    {"when": "2025-03-30T02:15:00"},
    {"personnummer": bad_check_digit(PNR_A)},
    {"event": "smashed"},
    {"lock": ""},
]

row_plan = st.lists(
    st.one_of(
        st.tuples(st.just("valid"), st.integers(0, 30)),
        st.tuples(st.just("invalid"), st.integers(0, len(INVALID) - 1)),
    ),
    max_size=60,
)


def _count(engine: Engine, table: object) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(plan=row_plan, batch=st.sampled_from([1, 3, 50_000]))
def test_read_is_always_inserted_plus_duplicates_plus_rejected(
    ctx: AppContext,
    engine: Engine,
    tmp_path_factory: object,
    plan: list[tuple[str, int]],
    batch: int,
) -> None:
    from loggutdrag.services import imports

    prefix = uuid.uuid4().hex[:8]
    rows = []
    for kind, number in plan:
        if kind == "valid":
            rows.append(lock_event(f"{prefix}-{number}", f"2025-02-01T10:{number:02d}:00+01:00"))
        else:
            rows.append(lock_event(f"{prefix}-bad-{len(rows)}", **INVALID[number]))  # type: ignore[arg-type]
    folder = Path(str(tmp_path_factory.mktemp("prop")))  # type: ignore[attr-defined]
    path = write_csv(folder / "mix.csv", LOCK_HEADER, rows)
    valid_ids = [f"{prefix}-{number}" for kind, number in plan if kind == "valid"]
    before_events, before_quarantine = _count(engine, lock_events), _count(engine, quarantine)
    old_batch = imports.BATCH_ROWS
    imports.BATCH_ROWS = batch
    try:
        report = import_file(ctx, "lock-events", path)
        again = import_file(ctx, "lock-events", path)
    finally:
        imports.BATCH_ROWS = old_batch
    invalid = len(plan) - len(valid_ids)
    assert report.read == report.inserted + report.duplicates + report.rejected == len(plan)
    assert report.inserted == len(set(valid_ids))
    assert report.duplicates == len(valid_ids) - len(set(valid_ids))
    assert report.rejected == invalid == len(report.rejections)
    assert again.read == again.inserted + again.duplicates + again.rejected
    assert (again.inserted, again.duplicates, again.rejected) == (0, len(valid_ids), invalid)
    assert _count(engine, lock_events) - before_events == len(set(valid_ids))
    assert _count(engine, quarantine) - before_quarantine == invalid  # not again on re-import
