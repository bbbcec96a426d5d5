"""The append-only, hash-chained audit trail (R14): who did what, to which case, with whose data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC

from sqlalchemy import Connection, func, insert, select, text, update

from loggutdrag.domain.audit import GENESIS_HASH, AuditAction, AuditEntry, entry_hash
from loggutdrag.store.tables import audit_events, audit_head

_POSTGRES_AUDIT_LOCK = 4_711_001  # advisory lock id: one writer extends the chain at a time


def record(connection: Connection, entry: AuditEntry) -> int:
    """Append ``entry`` to the trail in the caller's transaction; returns its id."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _POSTGRES_AUDIT_LOCK})
    else:
        # SQLite: take the database's write lock before reading the last hash. Without it two
        # writers (web threads, CLI commands) read the same last entry and fork the chain.
        connection.execute(
            update(audit_head).where(audit_head.c.id == 1).values(last_id=audit_head.c.last_id)
        )
    last = connection.execute(
        select(audit_events.c.hash).order_by(audit_events.c.id.desc()).limit(1)
    ).scalar_one_or_none()
    prev_hash = last or GENESIS_HASH
    # Microseconds are kept in the hash; the stored timestamp on SQLite keeps whole seconds, so
    # the entry is hashed with the precision the database gives back.
    entry = _at_stored_precision(entry)
    result = connection.execute(
        insert(audit_events).values(
            at=entry.at,
            actor=entry.actor,
            action=str(entry.action),
            case_id=entry.case_id,
            subject_recipient_id=entry.recipient_id,
            subject_staff_id=entry.staff_id,
            details=entry.details,
            prev_hash=prev_hash,
            hash=entry_hash(entry, prev_hash),
        )
    )
    key = result.inserted_primary_key
    if key is None:  # every insert here has an autoincrement key
        raise RuntimeError("the database returned no id")
    audit_id = int(key[0])
    _advance_head(connection, audit_id, entry_hash(entry, prev_hash))
    return audit_id


def _advance_head(connection: Connection, audit_id: int, last_hash: str) -> None:
    """Move the head to the new last entry (same transaction), so a cut-off tail is noticed."""
    moved = connection.execute(
        update(audit_head)
        .where(audit_head.c.id == 1)
        .values(last_id=audit_id, last_hash=last_hash, entries=audit_head.c.entries + 1)
    )
    if moved.rowcount == 0:
        count = connection.execute(select(func.count()).select_from(audit_events)).scalar_one()
        connection.execute(
            insert(audit_head).values(id=1, last_id=audit_id, last_hash=last_hash, entries=count)
        )


def _at_stored_precision(entry: AuditEntry) -> AuditEntry:
    at = entry.at.astimezone(UTC).replace(microsecond=0)
    return AuditEntry(
        at=at,
        actor=entry.actor,
        action=entry.action,
        case_id=entry.case_id,
        recipient_id=entry.recipient_id,
        staff_id=entry.staff_id,
        details=entry.details,
    )


@dataclass(frozen=True)
class ChainProblem:
    audit_id: int
    problem_sv: str


def verify(connection: Connection) -> list[ChainProblem]:
    """Walk the whole trail and report every entry whose content or place in the chain is wrong."""
    problems: list[ChainProblem] = []
    expected_prev = GENESIS_HASH
    rows = connection.execute(select(audit_events).order_by(audit_events.c.id)).mappings()
    last_id: int | None = None
    count = 0
    for row in rows:
        entry = AuditEntry(
            at=row["at"],
            actor=row["actor"],
            action=AuditAction(row["action"]),
            case_id=row["case_id"],
            recipient_id=row["subject_recipient_id"],
            staff_id=row["subject_staff_id"],
            details=row["details"],
        )
        if row["prev_hash"] != expected_prev:
            problems.append(
                ChainProblem(
                    row["id"],
                    f"post {row['id']}: kedjan är bruten före denna post "
                    "(en tidigare post har tagits bort, flyttats eller ändrats)",
                )
            )
        if entry_hash(entry, row["prev_hash"]) != row["hash"]:
            problems.append(ChainProblem(row["id"], f"post {row['id']}: innehållet har ändrats"))
        expected_prev = row["hash"]
        last_id, count = row["id"], count + 1
    problems.extend(_check_head(connection, last_id, expected_prev, None if problems else count))
    return problems


def _check_head(
    connection: Connection, last_id: int | None, last_hash: str, count: int | None
) -> list[ChainProblem]:
    """The newest entries cannot be removed unnoticed: the head names the last one written."""
    head = connection.execute(select(audit_head).where(audit_head.c.id == 1)).mappings().first()
    if head is None:
        if last_id is None:
            return []
        return [
            ChainProblem(
                last_id,
                "loggens huvud saknas: det går inte att se om de senaste posterna finns kvar",
            )
        ]
    if head["last_id"] != last_id or head["last_hash"] != last_hash:
        where = f"post {last_id}" if last_id is not None else "loggen är tom"
        return [
            ChainProblem(
                int(head["last_id"]),
                f"post {head['last_id']}: de senaste posterna har tagits bort eller ändrats "
                f"(loggen slutar nu vid {where})",
            )
        ]
    if count is not None and head["entries"] != count:  # a gap already explains a short count
        return [
            ChainProblem(
                int(head["last_id"]),
                f"loggen har {count} poster men {head['entries']} har skrivits",
            )
        ]
    return []
