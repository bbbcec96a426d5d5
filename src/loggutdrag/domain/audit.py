"""The audit trail's vocabulary and its hash chain.

Pure functions; the storage lives in loggutdrag.audit.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

GENESIS_HASH = "0" * 64


class AuditAction(StrEnum):
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_OUT = "sign_out"
    CASE_SUBMITTED = "case_submitted"
    CASE_VIEWED = "case_viewed"
    CASE_SUPPLEMENTED = "case_supplemented"
    CASE_TRANSITION = "case_transition"
    PERSONAL_DATA_VIEWED = "personal_data_viewed"
    SEARCHED = "searched"
    EXTRACT_PRODUCED = "extract_produced"
    EXTRACT_VIEWED = "extract_viewed"
    EXTRACT_DOWNLOADED = "extract_downloaded"
    EXTRACT_DELIVERED = "extract_delivered"
    DOCUMENT_CREATED = "document_created"
    BILLING_RUN = "billing_run"
    IMPORT_RUN = "import_run"
    USER_CHANGED = "user_changed"
    AUDIT_VIEWED = "audit_viewed"


@dataclass(frozen=True)
class AuditEntry:
    """One thing someone did; ``recipient_id``/``staff_id`` say whose personal data it touched."""

    at: datetime
    actor: str
    action: AuditAction
    case_id: int | None = None
    recipient_id: int | None = None
    staff_id: int | None = None
    details: dict[str, Any] = field(default_factory=dict)


def entry_hash(entry: AuditEntry, prev_hash: str) -> str:
    """SHA-256 over the entry and the previous entry's hash: changing, removing or reordering any
    earlier entry changes every hash after it."""
    canonical = json.dumps(
        {
            "at": entry.at.isoformat(timespec="microseconds"),
            "actor": entry.actor,
            "action": str(entry.action),
            "case_id": entry.case_id,
            "recipient_id": entry.recipient_id,
            "staff_id": entry.staff_id,
            "details": entry.details,
            "prev_hash": prev_hash,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
