"""Who may ask for what (R4, R6, R7, R8, R9, R10, R11, R14), and the notes that do not block."""

from __future__ import annotations

from factories_requests import (
    OTHER_PNR,
    PNR,
    active_alarm_customers,
    escalated_calls_provider,
    lock_log_recipient,
    lock_log_staff,
    recipient_asking,
    supervision_provider,
    supervision_recipient,
    third_party_asking,
    verdict,
)
from loggutdrag.domain.enums import CaseStatus, DeliveryMethod
from loggutdrag.domain.verdict import Verdict


def _rules(result: Verdict) -> list[str]:
    return [str(refusal.rule) for refusal in result.refusals]


def _note_rules(result: Verdict) -> list[str | None]:
    return [None if note.rule is None else str(note.rule) for note in result.notes]


def _refused_by(result: Verdict, rule: str) -> None:
    assert rule in _rules(result)
    assert not result.allowed
    assert result.status is CaseStatus.REFUSED
    assert result.due is None
    assert result.exit_code == 4
    refusal = next(r for r in result.refusals if r.rule == rule)
    assert f"{refusal.message_sv.rstrip('.')} ({rule})" in result.message_sv


# --- R6: a staff member's lock use only by the provider's manager -------------------------------


def test_staff_lock_log_needs_a_manager() -> None:
    _refused_by(verdict(lock_log_staff(requester__role="staff")), "R6")


def test_staff_lock_log_by_a_manager_is_allowed() -> None:
    assert verdict(lock_log_staff()).allowed


def test_a_recipient_cannot_ask_for_a_staff_members_lock_log() -> None:
    data = recipient_asking(
        scope="staff", recipient=None, staff={"name": "Sven", "username": "sven.p"}
    )
    _refused_by(verdict(data), "R6")


def test_a_provider_staff_member_may_ask_for_a_recipients_lock_log() -> None:
    assert verdict(lock_log_recipient(requester__role="staff")).allowed


# --- R10, R11: supervision logs only by the provider's manager ----------------------------------


def test_supervision_log_needs_a_manager() -> None:
    _refused_by(verdict(supervision_recipient(requester__role="staff")), "R11")
    _refused_by(verdict(supervision_provider(requester__role="staff")), "R11")


def test_supervision_log_by_a_manager_is_allowed_for_a_recipient_or_a_period() -> None:
    assert verdict(supervision_recipient()).allowed
    assert verdict(supervision_provider()).allowed


def test_a_recipient_cannot_order_a_supervision_log() -> None:
    data = recipient_asking(
        kind="supervision_log", camera_serial="CAM-2041-7781", reason="Fallolycka"
    )
    _refused_by(verdict(data), "R11")


# --- R4: active alarm customers only by the provider itself -----------------------------------


def test_active_alarm_customers_only_by_the_provider() -> None:
    data = active_alarm_customers(
        requester={"category": "third_party", "name": "Olof Gran"},
        consent={"kind": "written_consent", "held_by": "provider"},
        delivery={"method": "in_person"},
    )
    _refused_by(verdict(data), "R4")


def test_active_alarm_customers_by_any_provider_user_is_allowed() -> None:
    assert verdict(active_alarm_customers(requester__role="staff")).allowed


# --- R8: a recipient only about themself; a third party only with consent ---------------------


def test_a_recipient_may_ask_about_themself() -> None:
    assert verdict(recipient_asking()).allowed


def test_a_recipient_asking_about_someone_else_is_refused() -> None:
    data = recipient_asking(recipient={"name": "Nils Nilsson", "personnummer": OTHER_PNR})
    _refused_by(verdict(data), "R8")


def test_names_are_compared_regardless_of_case_and_order() -> None:
    data = recipient_asking(requester__name="GRAN, Greta")
    assert verdict(data).allowed


def test_a_recipients_own_personnummer_decides_over_the_name() -> None:
    same = recipient_asking(requester__personnummer=PNR, requester__name="Greta G")
    assert verdict(same).allowed
    other = recipient_asking(requester__personnummer=OTHER_PNR)
    _refused_by(verdict(other), "R8")


def test_a_third_party_without_consent_is_refused() -> None:
    _refused_by(verdict(third_party_asking(consent=None)), "R8")


def test_a_third_party_with_a_power_of_attorney_is_allowed() -> None:
    data = third_party_asking(consent__kind="power_of_attorney")
    assert verdict(data).allowed


def test_a_third_party_cannot_have_a_whole_providers_calls() -> None:
    data = third_party_asking(scope="provider", recipient=None, provider="NORR")
    _refused_by(verdict(data), "R14")


def test_refusal_takes_precedence_over_incompleteness() -> None:
    result = verdict(third_party_asking(consent=None, period=None))
    assert not result.complete
    assert not result.allowed
    assert result.missing == ("period.start", "period.end")
    assert result.status is CaseStatus.REFUSED
    assert result.exit_code == 4
    assert result.message_sv.startswith("Begäran om loggutdrag kan inte beviljas.")
    assert "tidsperiodens första dag" in result.message_sv


def test_recipients_and_third_parties_asking_directly_are_referred_to_their_provider() -> None:
    """R8: a note, not a refusal."""
    for data in (recipient_asking(), third_party_asking()):
        result = verdict(data)
        assert result.allowed
        assert "R8" in _note_rules(result)
        assert "hänvisas i första hand till sin utförare" in result.message_sv


def test_a_third_party_asking_through_the_provider_gets_no_referral() -> None:
    data = third_party_asking(
        requester__channel="provider", consent={"kind": "written_consent", "held_by": "provider"}
    )
    result = verdict(data)
    assert "hänvisas" not in result.message_sv
    assert any("arkiverar" in note.message_sv for note in result.notes)


def test_a_consent_held_by_the_administration_is_registered_by_the_registry() -> None:
    result = verdict(third_party_asking())
    registry = [note for note in result.notes if "diariet" in note.message_sv]
    assert registry
    assert not registry[0].for_requester
    assert "diariet" not in result.message_sv


def test_a_provider_is_never_referred_to_itself() -> None:
    assert "R8" not in _note_rules(verdict(lock_log_recipient()))


# --- R7, R9: who asks decides delivery -----------------------------------------------------------


def test_a_provider_gets_the_extract_on_the_service_desk_ticket() -> None:
    result = verdict(escalated_calls_provider())
    assert result.delivery is DeliveryMethod.SERVICE_DESK
    assert "bifogad fil i ärendet i Lindesk" in result.message_sv


def test_a_recipient_gets_it_in_person_or_by_registered_mail() -> None:
    assert verdict(recipient_asking()).delivery is DeliveryMethod.IN_PERSON
    by_mail = recipient_asking(
        delivery={
            "method": "registered_mail",
            "address": {"street": "Gatan 2", "postcode": "58183", "city": "Linköping"},
        }
    )
    result = verdict(by_mail)
    assert result.complete
    assert result.delivery is DeliveryMethod.REGISTERED_MAIL


def test_registered_mail_goes_through_the_mail_desk() -> None:
    result = verdict(third_party_asking())
    assert "R9" in _note_rules(result)


def test_a_provider_ordering_outside_the_service_desk_gets_a_note() -> None:
    result = verdict(lock_log_recipient(requester__channel="in_person"))
    assert result.allowed
    assert "R7" in _note_rules(result)
