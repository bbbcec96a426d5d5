"""Two queries answer "which alarms were active on day D": the import's register history
(store/alarm_register.py) and the active-alarm-customers extract (store/extract_queries.py).
On the same imported data they must give the same answer, day by day and provider by provider.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from factories_contract1 import write_world
from loggutdrag.services.context import AppContext
from loggutdrag.store import alarm_register, extract_queries

DAYS = [
    date(2023, 12, 31),  # before anything
    date(2024, 1, 1),  # the first akutlarm start
    date(2026, 6, 30),  # K3's last day
    date(2026, 7, 1),  # K3 gone
    date(2026, 9, 15),
    date(2026, 9, 30),  # T3's last day, T5's last day with HT01
    date(2026, 10, 1),  # T5's first day with HT02
    date(2026, 10, 15),  # T7 starts
    date(2026, 10, 20),  # T4 starts
    date(2030, 1, 1),
]


def test_the_register_history_and_the_extract_agree_on_every_day_and_provider(
    ctx: AppContext, engine: Engine, tmp_path: Path
) -> None:
    from loggutdrag.services.imports import import_file

    for source, path in write_world(tmp_path / "files").in_import_order()[:2]:
        import_file(ctx, source, path)
    with engine.connect() as connection:
        providers = extract_queries.all_providers(connection)
        assert [p.code for p in providers] == ["HT01", "HT02"]
        seen_any = False
        for day in DAYS:
            everyone = {
                (a.provider_code, a.alarm_id)
                for a in alarm_register.active_alarms_on(connection, day)
            }
            union = set()
            for provider in providers:
                register = [
                    (a.alarm_id, a.alarm_type, a.personnummer, a.active_from, a.active_to)
                    for a in alarm_register.active_alarms_on(connection, day, provider.code)
                ]
                extract = [
                    (a.alarm_id, a.alarm_type, a.personnummer, a.active_from, a.active_to)
                    for a in extract_queries.active_alarms(connection, provider.id, day)
                ]
                assert sorted(register) == sorted(extract), (day, provider.code)
                union |= {(provider.code, alarm[0]) for alarm in extract}
                seen_any = seen_any or bool(extract)
            assert everyone == union, day
        assert seen_any
