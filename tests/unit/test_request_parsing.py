"""A request (contract 2) is parsed; a form error names the field (contract 1: exit code 2)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from factories_requests import PNR, changed, lock_log_recipient, third_party_asking
from loggutdrag.domain.enums import ExtractKind, RequesterCategory, Scope
from loggutdrag.domain.request_json import RequestFormatError, merge_supplement, parse_request


def _field_of_error(data: Any) -> str:
    with pytest.raises(RequestFormatError) as caught:
        parse_request(data)
    return caught.value.field


def test_a_full_request_is_parsed_into_its_parts() -> None:
    request = parse_request(third_party_asking())
    assert request.kind is ExtractKind.ESCALATED_ALARM_CALLS
    assert request.scope is Scope.RECIPIENT
    assert request.requester.category is RequesterCategory.THIRD_PARTY
    assert request.recipient.identity is not None
    assert request.recipient.identity.long == PNR
    assert request.delivery.address.postcode == "581 83"
    assert request.received_at == datetime(2026, 11, 20, 9, 15, tzinfo=UTC)


def test_the_request_goes_back_to_the_same_json() -> None:
    data = third_party_asking()
    assert parse_request(data).to_json() == parse_request(parse_request(data).to_json()).to_json()
    assert parse_request(data).to_json()["consent"] == data["consent"]


def test_a_request_that_is_not_an_object_is_bad_input() -> None:
    assert _field_of_error([1, 2]) == "request"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "all_the_logs"}, "kind"),
        ({"scope": "everyone"}, "scope"),
        ({"requester__category": "neighbour"}, "requester.category"),
        ({"requester__role": "boss"}, "requester.role"),
        ({"requester__channel": "pigeon"}, "requester.channel"),
        ({"delivery__method": "fax"}, "delivery.method"),
        ({"consent__kind": "verbal"}, "consent.kind"),
    ],
)
def test_an_unknown_value_is_bad_input_naming_the_field(
    changes: dict[str, Any], field: str
) -> None:
    assert _field_of_error(changed(third_party_asking(), **changes)) == field


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"period__start": "1 oktober"}, "period.start"),
        ({"period__end": "2026-10-32"}, "period.end"),
        ({"period__end": 20261031}, "period.end"),
        ({"as_of": "2026/11/02"}, "as_of"),
        ({"received_at": "i fredags"}, "received_at"),
        ({"recipient__personnummer": 194001011234}, "recipient.personnummer"),
        ({"reason": ["a", "b"]}, "reason"),
        ({"period": "oktober"}, "period"),
        ({"recipient": "Greta"}, "recipient"),
    ],
)
def test_a_value_of_the_wrong_form_is_bad_input_naming_the_field(
    changes: dict[str, Any], field: str
) -> None:
    assert _field_of_error(changed(lock_log_recipient(), **changes)) == field


def test_a_kind_with_a_scope_it_cannot_have_is_bad_input() -> None:
    assert _field_of_error(lock_log_recipient(scope="provider")) == "scope"
    assert _field_of_error(lock_log_recipient(kind="active_alarm_customers")) == "scope"


def test_an_invalid_personnummer_is_not_a_form_error_but_kept_for_the_verdict() -> None:
    request = parse_request(lock_log_recipient(recipient__personnummer="19400101-0000"))
    assert request.recipient.personnummer == "19400101-0000"
    assert request.recipient.identity is None
    assert request.recipient.personnummer_is_invalid


def test_a_time_without_offset_is_local_swedish_time() -> None:
    request = parse_request(lock_log_recipient(received_at="2026-07-01T10:00:00"))
    assert request.received_at == datetime(2026, 7, 1, 8, 0, tzinfo=UTC)


def test_empty_text_counts_as_left_out() -> None:
    request = parse_request(lock_log_recipient(reason="   ", recipient__name=""))
    assert request.reason is None
    assert request.recipient.name is None


def test_unknown_top_level_fields_are_kept_aside() -> None:
    assert parse_request(lock_log_recipient(comment="hej")).unknown_fields == ("comment",)


def test_scope_is_implied_when_left_out() -> None:
    assert parse_request(lock_log_recipient(scope=None)).effective_scope is Scope.RECIPIENT
    data = changed(lock_log_recipient(scope=None, recipient=None), staff={"username": "sven"})
    assert parse_request(data).effective_scope is Scope.STAFF
    aac = {"kind": "active_alarm_customers"}
    assert parse_request(aac).effective_scope is Scope.PROVIDER


def test_a_supplement_is_laid_over_the_request_part_by_part() -> None:
    original = lock_log_recipient(recipient={"name": "Greta Gran"}, period=None)
    supplement = {
        "recipient": {"personnummer": PNR},
        "period": {"start": "2026-10-01", "end": "2026-10-31"},
        "reason": None,
        "received_at": "2026-11-23T08:00:00+01:00",
    }
    merged = merge_supplement(original, supplement)
    assert merged["recipient"] == {"name": "Greta Gran", "personnummer": PNR}
    assert merged["period"] == {"start": "2026-10-01", "end": "2026-10-31"}
    assert "reason" not in merged
    assert merged["received_at"] == original["received_at"]
