"""The billing run as a use case (R1-R4): counts per provider, files stored with their checksum,
the run and every written extract in the audit trail; only the team runs it."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from factories_extracts import PNR_ASTRID, PNR_GORAN, PNR_KARIN, basic_people, world
from loggutdrag.domain.actor import SYSTEM, Actor
from loggutdrag.domain.enums import UserRole
from loggutdrag.extracts.render import ExtractFormat
from loggutdrag.services import billing
from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import BadInputError, NotAllowedError, NotFoundError
from loggutdrag.store.tables import audit_events, documents

NOW = datetime(2026, 12, 1, 6, 30, tzinfo=UTC)  # Tuesday 1 December: the first working day


@pytest.fixture
def fixed(ctx: AppContext, engine: Engine) -> AppContext:
    with engine.begin() as connection:
        w = world(connection)
        basic_people(w)
        w.alarm("A1", "trygghetslarm", "VAST", PNR_ASTRID, date(2025, 1, 1))
        w.alarm("A2", "trygghetslarm", "VAST", PNR_GORAN, date(2025, 1, 1), date(2026, 11, 30))
        w.alarm("A3", "akutlarm", "VAST", None, date(2025, 1, 1))
        w.alarm("B1", "trygghetslarm", "OST", PNR_KARIN, date(2025, 1, 1))
    return dataclasses.replace(ctx, clock=lambda: NOW)


def test_without_a_date_the_run_is_as_of_today(fixed: AppContext) -> None:
    run = billing.run_billing(fixed, SYSTEM)
    assert run.as_of == date(2026, 12, 1)
    assert [(p.provider, p.total, p.akutlarm, p.billable) for p in run.providers] == [
        ("OST", 1, 0, 1),
        ("VAST", 2, 1, 1),  # Göran's alarm ended on 30 November
    ]
    assert (run.total, run.akutlarm, run.billable) == (3, 1, 2)


def test_a_run_with_files_stores_and_audits_each_extract(
    fixed: AppContext, engine: Engine, tmp_path: Path
) -> None:
    run = billing.run_billing(
        fixed,
        SYSTEM,
        provider_code="VAST",
        as_of=date(2026, 11, 2),
        out_dir=tmp_path,
        formats=(ExtractFormat.PDF, ExtractFormat.CSV),
    )
    (line,) = run.providers
    assert (line.total, line.akutlarm, line.billable) == (3, 1, 2)
    assert [Path(f).name for f in line.files] == [
        "VAST_aktiva_larmkunder_2026-11-02.pdf",
        "VAST_aktiva_larmkunder_2026-11-02.csv",
    ]
    csv_lines = Path(line.files[1]).read_text(encoding="utf-8-sig").splitlines()
    assert len(csv_lines) == 1 + 3
    with engine.connect() as connection:
        kinds = connection.execute(select(documents.c.kind)).scalars().all()
        actions = connection.execute(select(audit_events.c.action)).scalars().all()
    assert kinds.count("extract") == 2
    assert kinds.count("billing_summary") == 3
    assert actions.count("extract_produced") == 2
    assert actions.count("billing_run") == 1


def test_the_run_refuses_a_holiday_an_unknown_provider_and_anyone_outside_the_team(
    fixed: AppContext,
) -> None:
    with pytest.raises(BadInputError) as error:
        billing.run_billing(fixed, SYSTEM, as_of=date(2026, 12, 25))
    assert "Juldagen" in error.value.message_sv
    with pytest.raises(NotFoundError):
        billing.run_billing(fixed, SYSTEM, provider_code="NOPE")
    with pytest.raises(NotAllowedError):
        billing.run_billing(fixed, Actor("vast.chef", UserRole.PROVIDER_MANAGER, "VAST"))
