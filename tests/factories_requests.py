"""Small factories of contract-2 requests (made-up people only) for the request and rule tests."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from loggutdrag.domain.personnummer import with_check_digit
from loggutdrag.domain.request import Request
from loggutdrag.domain.request_json import parse_request
from loggutdrag.domain.verdict import Verdict, evaluate

PNR = with_check_digit("19400101123")  # made up
OTHER_PNR = with_check_digit("19450202456")  # made up
SAMORDNINGSNUMMER = with_check_digit("19500161789")  # day 01 + 60, made up
RECEIVED = "2026-11-20T10:15:00+01:00"  # a Friday
RECEIVED_DAY = date(2026, 11, 20)

MANAGER = {
    "category": "provider",
    "name": "Maria Chef",
    "role": "manager",
    "organisation": "Hemtjänst Norr",
    "channel": "service_desk",
}


def _base(kind: str, scope: str) -> dict[str, Any]:
    return {
        "kind": kind,
        "scope": scope,
        "provider": "NORR",
        "requester": dict(MANAGER),
        "reason": "Klagomål från anhörig om utebliven insats",
        "period": {"start": "2026-10-01", "end": "2026-10-31"},
        "received_at": RECEIVED,
    }


def active_alarm_customers(**changes: Any) -> dict[str, Any]:
    data = {
        "kind": "active_alarm_customers",
        "scope": "provider",
        "provider": "NORR",
        "requester": dict(MANAGER),
        "received_at": RECEIVED,
    }
    return changed(data, **changes)


def lock_log_recipient(**changes: Any) -> dict[str, Any]:
    data = _base("lock_log", "recipient")
    data["recipient"] = {"name": "Greta Gran", "personnummer": PNR}
    return changed(data, **changes)


def lock_log_staff(**changes: Any) -> dict[str, Any]:
    data = _base("lock_log", "staff")
    data["staff"] = {"name": "Sven Personal", "username": "sven.p"}
    return changed(data, **changes)


def escalated_calls_recipient(**changes: Any) -> dict[str, Any]:
    data = _base("escalated_alarm_calls", "recipient")
    data["recipient"] = {"name": "Greta Gran", "personnummer": PNR}
    return changed(data, **changes)


def escalated_calls_provider(**changes: Any) -> dict[str, Any]:
    return changed(_base("escalated_alarm_calls", "provider"), **changes)


def supervision_recipient(**changes: Any) -> dict[str, Any]:
    data = _base("supervision_log", "recipient")
    data["reason"] = "Fallolycka natten till den 12 oktober"
    data["recipient"] = {"name": "Greta Gran", "personnummer": PNR}
    data["camera_serial"] = "CAM-2041-7781"
    return changed(data, **changes)


def supervision_provider(**changes: Any) -> dict[str, Any]:
    data = _base("supervision_log", "provider")
    data["reason"] = "Matcha beställda och utförda tillsynstider"
    return changed(data, **changes)


def recipient_asking(**changes: Any) -> dict[str, Any]:
    """Greta asks for her own lock log, in person, to be handed over in person."""
    data = _base("lock_log", "recipient")
    data.pop("provider")
    data["requester"] = {"category": "recipient", "name": "Greta Gran", "channel": "in_person"}
    data["recipient"] = {"name": "Greta Gran", "personnummer": PNR}
    data["delivery"] = {"method": "in_person"}
    return changed(data, **changes)


def third_party_asking(**changes: Any) -> dict[str, Any]:
    """Greta's son asks through an administration representative, with a registered consent."""
    data = _base("escalated_alarm_calls", "recipient")
    data.pop("provider")
    data["requester"] = {
        "category": "third_party",
        "name": "Olof Gran",
        "channel": "administration_representative",
    }
    data["recipient"] = {"name": "Greta Gran", "personnummer": PNR}
    data["consent"] = {
        "kind": "written_consent",
        "held_by": "administration",
        "diary_number": "VÄN 2026-412",
    }
    data["delivery"] = {
        "method": "registered_mail",
        "address": {
            "name": "Olof Gran",
            "street": "Storgatan 1",
            "postcode": "581 83",
            "city": "Linköping",
        },
    }
    return changed(data, **changes)


def changed(data: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A copy with changes: ``recipient__personnummer=...`` reaches into a part; None removes."""
    result = copy.deepcopy(data)
    for key, value in changes.items():
        path = key.split("__")
        target = result
        for part in path[:-1]:
            target = target.setdefault(part, {})
        if value is None:
            target.pop(path[-1], None)
        else:
            target[path[-1]] = value
    return result


def request(data: dict[str, Any]) -> Request:
    return parse_request(data)


def verdict(
    data: dict[str, Any],
    *,
    today: date = RECEIVED_DAY,
    working_days: int = 2,
    complete_on: date | None = None,
) -> Verdict:
    return evaluate(
        parse_request(data), today=today, working_days=working_days, complete_on=complete_on
    )
