"""The guided order form: the form's fields become contract-2 JSON, blank fields left out."""

from __future__ import annotations

from loggutdrag.domain.actor import Actor
from loggutdrag.domain.enums import UserRole
from loggutdrag.web.ui.order_form import FORMS_BY_SLUG, form_to_request, request_to_form

MANAGER = Actor("chef.omsorg", UserRole.PROVIDER_MANAGER, "HT01")
STAFF = Actor("personal.omsorg", UserRole.PROVIDER_STAFF, "HT01")
VOF = Actor("vof.rep", UserRole.ADMINISTRATION_REPRESENTATIVE)


def test_a_provider_is_the_requester_and_gets_the_file_on_the_ticket() -> None:
    data = form_to_request(
        FORMS_BY_SLUG["laslogg"],
        {"scope": "recipient", "reason": " fall ", "period.start": "2026-10-01", "period.end": ""},
        MANAGER,
        "Karin Ek",
    )
    assert data["provider"] == "HT01"
    assert data["requester"] == {
        "category": "provider",
        "name": "Karin Ek",
        "role": "manager",
        "organisation": "HT01",
        "channel": "service_desk",
    }
    assert data["delivery"] == {"method": "service_desk"}
    assert data["reason"] == "fall"
    assert data["period"] == {"start": "2026-10-01"}  # the blank end is left out: it is missing


def test_staff_order_as_staff() -> None:
    data = form_to_request(FORMS_BY_SLUG["laslogg"], {}, STAFF, "P")
    assert data["requester"]["role"] == "staff"


def test_only_the_fields_of_the_chosen_scope_are_sent() -> None:
    form = {
        "scope": "staff",
        "recipient.personnummer": "194001011230",
        "staff.name": "Anna A",
        "staff.username": "ht01.anna",
    }
    data = form_to_request(FORMS_BY_SLUG["laslogg"], form, MANAGER, None)
    assert "recipient" not in data
    assert data["staff"] == {"name": "Anna A", "username": "ht01.anna"}


def test_active_alarm_customers_ask_for_a_date_not_a_period() -> None:
    data = form_to_request(
        FORMS_BY_SLUG["aktiva-larmkunder"],
        {"as_of": "2026-11-03", "period.start": "2026-10-01"},
        MANAGER,
        None,
    )
    assert data["scope"] == "provider"
    assert data["as_of"] == "2026-11-03"
    assert "period" not in data


def test_a_supervision_log_for_a_recipient_carries_the_camera_serial() -> None:
    data = form_to_request(
        FORMS_BY_SLUG["tillsyn"],
        {"scope": "recipient", "camera_serial": "CAM-10234", "recipient.name": "G"},
        MANAGER,
        None,
    )
    assert data["camera_serial"] == "CAM-10234"


def test_an_administration_representative_says_who_asks_and_how_it_is_delivered() -> None:
    form = {
        "provider": "HT01",
        "requester.category": "third_party",
        "requester.name": "Anna Anhörig",
        "consent.kind": "power_of_attorney",
        "consent.diary_number": "VÄN 2026-900",
        "delivery.method": "registered_mail",
        "delivery.address.street": "Storgatan 1",
    }
    data = form_to_request(FORMS_BY_SLUG["laslogg"], form, VOF, None)
    assert data["requester"] == {
        "category": "third_party",
        "name": "Anna Anhörig",
        "channel": "administration_representative",
    }
    assert data["consent"] == {"kind": "power_of_attorney", "diary_number": "VÄN 2026-900"}
    assert data["delivery"] == {"method": "registered_mail", "address": {"street": "Storgatan 1"}}


def test_a_stored_request_fills_the_supplement_form_again() -> None:
    flat = request_to_form({"period": {"start": "2026-10-01"}, "scope": "recipient", "x": None})
    assert flat == {"period.start": "2026-10-01", "scope": "recipient"}
