"""Contract-2 requests for the acceptance-style tests of contract 1 (test_contract1_*): a provider
manager's request via the service desk by default, about the made-up people of
tests/factories_contract1.py."""

from __future__ import annotations

import json
from typing import Any

from factories_contract1 import ASTRID, dashed

MANAGER_HT01 = {
    "category": "provider",
    "name": "Maria Chef",
    "role": "manager",
    "organisation": "Hemtjänst Norr",
    "channel": "service_desk",
}
MANAGER_HT02 = {
    "category": "provider",
    "name": "Sara Chef",
    "role": "manager",
    "organisation": "Hemtjänst Syd",
    "channel": "service_desk",
}
OCTOBER = {"start": "2026-10-01", "end": "2026-10-31"}
RECEIVED = "2026-11-02T10:00:00+01:00"  # a Monday: due Wednesday 2026-11-04
ADDRESS = {
    "name": "Astrid Andersson",
    "street": "Storgatan 1",
    "postcode": "582 22",
    "city": "Linköping",
}


def request(kind: str, scope: str | None, **fields: Any) -> dict[str, Any]:
    """A provider manager's request via the service desk, received on a Monday; ``fields`` replace
    the defaults (``None`` removes one)."""
    data: dict[str, Any] = {
        "kind": kind,
        "scope": scope,
        "provider": "HT01",
        "requester": dict(MANAGER_HT01),
        "reason": "Anhörig oroad över uteblivna besök",
        "period": dict(OCTOBER),
        "received_at": RECEIVED,
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def astrid(**extra: Any) -> dict[str, Any]:
    return {"recipient": {"name": "Astrid Andersson", "personnummer": dashed(ASTRID)}, **extra}


def with_requester(data: dict[str, Any], **changes: Any) -> dict[str, Any]:
    changed = json.loads(json.dumps(data))
    changed["requester"].update(changes)
    changed["requester"] = {k: v for k, v in changed["requester"].items() if v is not None}
    return changed


NOV_2025 = {"start": "2025-11-01", "end": "2025-11-30"}
DEC_2025 = {"start": "2025-12-01", "end": "2025-12-31"}
ANNA_REF = {"name": "Anna Svensson", "username": "anna.s"}
KARL_VIA_ADMINISTRATION = {
    "category": "third_party",
    "name": "Karl Andersson",
    "channel": "administration_representative",
}
KARL_VIA_PROVIDER = {"category": "third_party", "name": "Karl Andersson", "channel": "provider"}
KARLS_ADDRESS = {"street": "Lillgatan 9", "postcode": "58333", "city": "Linköping"}
ASTRID_HERSELF = {"category": "recipient", "name": "Astrid Andersson", "channel": "in_person"}
FIRST_DAYS = {"start": "2026-10-01", "end": "2026-10-03"}
BY_MAIL = {
    "method": "registered_mail",
    "address": {"street": "Storgatan 1", "postcode": "582 22", "city": "Linköping"},
}

# One complete request per kind and scope, received on Monday 2026-11-02 (due 2026-11-04).
EXTRACT_REQUESTS = {
    "aac_ht01": request("active_alarm_customers", "provider", as_of="2026-10-15", period=None),
    "aac_ht02": request(
        "active_alarm_customers", "provider", as_of="2026-10-15", period=None,
        provider="HT02", requester=MANAGER_HT02,
    ),
    "calls_astrid": request("escalated_alarm_calls", "recipient", **astrid()),
    "calls_ht01": request("escalated_alarm_calls", "provider"),
    "locks_astrid": request("lock_log", "recipient", **astrid()),
    "locks_anna": request("lock_log", "staff", staff=ANNA_REF),
    "supervision_astrid": request(
        "supervision_log", "recipient", **astrid(), camera_serial="CAM-1001", period=FIRST_DAYS
    ),
    "supervision_ht02": request(
        "supervision_log", "provider", provider="HT02", requester=MANAGER_HT02, period=FIRST_DAYS
    ),
}  # fmt: skip
