"""Completeness per kind and scope (R5, R12), validity of values (R3, personnummer, periods)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from factories_requests import (
    PNR,
    SAMORDNINGSNUMMER,
    active_alarm_customers,
    changed,
    escalated_calls_provider,
    escalated_calls_recipient,
    lock_log_recipient,
    lock_log_staff,
    recipient_asking,
    supervision_provider,
    supervision_recipient,
    third_party_asking,
    verdict,
)
from loggutdrag.domain.enums import CaseStatus
from loggutdrag.domain.messages import INCOMPLETE_PREFIX
from loggutdrag.domain.personnummer import is_valid_personnummer

COMPLETE_REQUESTS = {
    "active alarm customers": active_alarm_customers,
    "escalated calls, one recipient": escalated_calls_recipient,
    "escalated calls, whole provider": escalated_calls_provider,
    "lock log, one recipient": lock_log_recipient,
    "lock log, one staff member": lock_log_staff,
    "supervision log, one recipient": supervision_recipient,
    "supervision log, whole provider": supervision_provider,
    "recipient asking about themself": recipient_asking,
    "third party with registered consent": third_party_asking,
}


@pytest.mark.parametrize("name", COMPLETE_REQUESTS)
def test_a_complete_request_of_every_kind_is_complete(name: str) -> None:
    result = verdict(COMPLETE_REQUESTS[name]())
    assert result.missing == ()
    assert result.complete
    assert result.allowed, result.refusals
    assert result.status is CaseStatus.READY
    assert result.exit_code == 0


@pytest.mark.parametrize(
    ("factory", "expected"),
    [
        (
            lock_log_recipient,
            [
                "reason",
                "period.start",
                "period.end",
                "recipient.name",
                "recipient.personnummer",
            ],
        ),
        (lock_log_staff, ["reason", "period.start", "period.end", "staff.name", "staff.username"]),
        (
            supervision_recipient,
            [
                "reason",
                "period.start",
                "period.end",
                "recipient.name",
                "recipient.personnummer",
                "camera_serial",
            ],
        ),
        (supervision_provider, ["reason", "period.start", "period.end"]),
        (escalated_calls_provider, ["reason", "period.start", "period.end"]),
    ],
)
def test_every_missing_field_is_listed_at_once(factory: Any, expected: list[str]) -> None:
    data = factory(reason=None, period=None, recipient=None, staff=None, camera_serial=None)
    result = verdict(data)
    assert list(result.missing) == expected
    assert not result.complete
    assert result.status is CaseStatus.AWAITING_SUPPLEMENT
    assert result.due is None
    assert result.exit_code == 3


def test_the_message_asks_for_everything_missing_in_swedish() -> None:
    result = verdict(supervision_recipient(camera_serial=None, recipient__personnummer=None))
    assert result.message_sv == (
        INCOMPLETE_PREFIX + "brukarens personnummer; tillsynskamerans serienummer."
    )


def test_active_alarm_customers_needs_no_period_reason_or_subject() -> None:
    assert verdict(active_alarm_customers()).complete


def test_active_alarm_customers_needs_the_provider() -> None:
    assert verdict(active_alarm_customers(provider=None)).missing == ("provider",)


def test_who_is_asking_must_be_stated() -> None:
    result = verdict(lock_log_recipient(requester=None))
    assert result.missing == ("requester.category",)


def test_a_third_party_must_give_their_name() -> None:
    assert verdict(third_party_asking(requester__name=None)).missing == ("requester.name",)


def test_a_provider_or_recipient_need_not_give_a_personal_name() -> None:
    assert verdict(lock_log_recipient(requester__name=None)).complete
    assert verdict(recipient_asking(requester__name=None)).complete


def test_the_kind_must_be_stated() -> None:
    assert "kind" in verdict(lock_log_recipient(kind=None)).missing


def test_without_scope_or_subject_the_scope_is_missing() -> None:
    assert "scope" in verdict(escalated_calls_provider(scope=None)).missing


def test_a_providers_role_is_needed_for_a_staff_lock_log() -> None:
    assert verdict(lock_log_staff(requester__role=None)).missing == ("requester.role",)


def test_a_providers_role_is_needed_for_a_supervision_log() -> None:
    assert verdict(supervision_provider(requester__role=None)).missing == ("requester.role",)


def test_a_providers_role_is_not_needed_for_a_recipients_lock_log() -> None:
    assert verdict(lock_log_recipient(requester__role=None)).complete


# --- validity -----------------------------------------------------------------------------------


WRONG_CHECK_DIGIT = PNR[:-1] + str((int(PNR[-1]) + 1) % 10)


@pytest.mark.parametrize(
    "number", [WRONG_CHECK_DIGIT, "19401301-1234", "1234", "19400101-12345", "abcdefgh-ijkl"]
)
def test_an_invalid_personnummer_is_reported_as_a_field_to_correct(number: str) -> None:
    assert not is_valid_personnummer(number)
    result = verdict(lock_log_recipient(recipient__personnummer=number))
    assert result.missing == ("recipient.personnummer",)
    invalid = result.to_json()["invalid"]
    assert invalid[0]["field"] == "recipient.personnummer"
    assert invalid[0]["message_sv"]
    assert "brukarens personnummer (" in result.message_sv
    assert result.exit_code == 3


def test_a_samordningsnummer_is_accepted() -> None:
    assert verdict(lock_log_recipient(recipient__personnummer=SAMORDNINGSNUMMER)).complete


def test_a_ten_digit_personnummer_is_accepted() -> None:
    short = f"{PNR[2:8]}-{PNR[8:]}"
    assert verdict(lock_log_recipient(recipient__personnummer=short)).complete


def test_a_period_that_ends_before_it_starts_is_to_be_corrected() -> None:
    result = verdict(lock_log_recipient(period={"start": "2026-10-31", "end": "2026-10-01"}))
    assert result.missing == ("period.start", "period.end")
    assert not result.complete


def test_a_period_in_the_future_is_to_be_corrected() -> None:
    result = verdict(lock_log_recipient(period={"start": "2026-11-01", "end": "2026-11-30"}))
    assert result.missing == ("period.end",)


def test_a_period_ending_the_day_the_request_arrives_is_fine() -> None:
    data = lock_log_recipient(period={"start": "2026-11-01", "end": "2026-11-20"})
    assert verdict(data, today=date(2026, 11, 20)).complete


@pytest.mark.parametrize(
    "as_of",
    ["2026-11-21", "2026-11-22", "2026-12-24", "2026-12-25", "2026-06-19", "2027-01-06"],
)
def test_an_as_of_date_must_be_a_holiday_free_weekday(as_of: str) -> None:
    """R3: a specific date must fall on a helgfri vardag."""
    result = verdict(active_alarm_customers(as_of=as_of))
    assert result.missing == ("as_of",)
    assert "helgfri vardag" in result.message_sv
    assert result.to_json()["invalid"][0]["rule"] == "R3"


def test_an_as_of_date_on_a_working_day_is_fine() -> None:
    assert verdict(active_alarm_customers(as_of="2026-11-02")).complete


@pytest.mark.parametrize("serial", ["X", "no digits here", "CAM 2041", "!2041"])
def test_an_implausible_camera_serial_is_to_be_corrected(serial: str) -> None:
    assert verdict(supervision_recipient(camera_serial=serial)).missing == ("camera_serial",)


@pytest.mark.parametrize("serial", ["CAM-2041-7781", "SN0042", "1234-AB/7"])
def test_a_plausible_camera_serial_is_fine(serial: str) -> None:
    assert verdict(supervision_recipient(camera_serial=serial)).complete


@pytest.mark.parametrize("username", ["s", "sven p", "sven/p"])
def test_an_implausible_username_is_to_be_corrected(username: str) -> None:
    assert verdict(lock_log_staff(staff__username=username)).missing == ("staff.username",)


# --- consent and delivery details -------------------------------------------------------------


def test_a_consent_held_by_the_administration_needs_its_diary_number() -> None:
    result = verdict(third_party_asking(consent__diary_number=None))
    assert result.missing == ("consent.diary_number",)
    assert result.allowed


def test_a_consent_held_by_the_provider_needs_no_diary_number() -> None:
    data = third_party_asking(
        consent={"kind": "power_of_attorney", "held_by": "provider"},
        requester__channel="provider",
    )
    assert verdict(data).complete


def test_the_consent_holder_follows_from_the_channel_when_left_out() -> None:
    through_provider = third_party_asking(
        consent={"kind": "written_consent"}, requester__channel="provider"
    )
    assert verdict(through_provider).complete
    through_administration = third_party_asking(consent={"kind": "written_consent"})
    assert verdict(through_administration).missing == ("consent.diary_number",)


def test_registered_mail_needs_the_address() -> None:
    result = verdict(third_party_asking(delivery={"method": "registered_mail"}))
    assert result.missing == (
        "delivery.address.street",
        "delivery.address.postcode",
        "delivery.address.city",
    )


def test_a_swedish_postcode_has_five_digits() -> None:
    result = verdict(third_party_asking(delivery__address__postcode="5818"))
    assert result.missing == ("delivery.address.postcode",)


def test_a_recipient_must_say_how_to_get_the_extract() -> None:
    assert verdict(recipient_asking(delivery=None)).missing == ("delivery.method",)


def test_a_provider_gets_the_service_desk_when_nothing_is_said() -> None:
    result = verdict(lock_log_recipient())
    assert result.delivery is not None
    assert result.delivery.value == "service_desk"


def test_a_delivery_method_the_rules_do_not_allow_is_to_be_corrected() -> None:
    provider_by_mail = lock_log_recipient(delivery={"method": "registered_mail"})
    assert verdict(provider_by_mail).missing == ("delivery.method",)
    recipient_by_service_desk = recipient_asking(delivery={"method": "service_desk"})
    assert verdict(recipient_by_service_desk).missing == ("delivery.method",)


def test_missing_fields_come_in_contract_order_each_once() -> None:
    data = changed(
        third_party_asking(),
        reason=None,
        period__start="2026-12-01",
        recipient__personnummer=None,
        delivery__address=None,
    )
    missing = verdict(data).missing
    assert list(missing) == [
        "reason",
        "period.start",
        "period.end",
        "recipient.personnummer",
        "delivery.address.street",
        "delivery.address.postcode",
        "delivery.address.city",
    ]
