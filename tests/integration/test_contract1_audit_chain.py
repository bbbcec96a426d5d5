"""The audit trail stays one unbroken chain when several writers append at once (R14): web
threads and command-line processes share the database. Found by running contract-1 commands side
by side; on SQLite two writers used to read the same last entry and fork the chain."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from sqlalchemy import Engine

from loggutdrag.audit.trail import record, verify
from loggutdrag.domain.audit import AuditAction, AuditEntry

WRITERS = 4
ENTRIES_EACH = 40


def test_concurrent_writers_keep_the_audit_chain_whole(engine: Engine) -> None:
    failures: list[str] = []

    def write(writer: int) -> None:
        for number in range(ENTRIES_EACH):
            try:
                with engine.connect() as connection:
                    connection.begin()
                    record(
                        connection,
                        AuditEntry(
                            at=datetime.now(UTC),
                            actor=f"skrivare-{writer}",
                            action=AuditAction.CASE_VIEWED,
                            details={"number": number},
                        ),
                    )
                    connection.commit()
            except Exception as error:  # reported below, with the others
                failures.append(repr(error))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with engine.connect() as connection:
        assert [problem.problem_sv for problem in verify(connection)] == []
