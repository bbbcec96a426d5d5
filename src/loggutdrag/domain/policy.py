"""Who may ask for what (R4, R6-R11, R14): refusals that cite a rule, and notes that do not block.

The checks here need only the request. Whether a provider actually served the recipient or staff
member in the period needs the logs; the service layer asks the database and adds its refusal
(:func:`not_served_refusal`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from loggutdrag.domain.completeness import consent_holder
from loggutdrag.domain.enums import (
    Channel,
    ConsentHolder,
    DeliveryMethod,
    ExtractKind,
    RequesterCategory,
    RequesterRole,
    Scope,
)
from loggutdrag.domain.findings import Note, Refusal, RuleId
from loggutdrag.domain.personnummer import InvalidPersonnummerError, parse_personnummer
from loggutdrag.domain.request import Request

ONLY_PROVIDER_ACTIVE_ALARMS = (
    "Loggutdrag över aktiva larmkunder kan bara begäras av utföraren själv, via Lindesk."
)
ONLY_MANAGER_STAFF_LOCK_LOG = (
    "Loggutdrag över en viss personals låsanvändning får bara begäras av verksamhetschef eller "
    "annan ansvarig på verksamheten."
)
ONLY_MANAGER_SUPERVISION = (
    "Loggkontroll av visuell digital tillsyn får bara beställas av verksamhetschef eller annan "
    "ansvarig på verksamheten."
)
THIRD_PARTY_NEEDS_CONSENT = (
    "Annan person än brukaren behöver fullmakt eller skriftligt samtycke från brukaren som "
    "loggutdraget gäller."
)
RECIPIENT_ONLY_THEMSELF = (
    "En brukare kan bara begära loggutdrag om sig själv; för någon annan krävs fullmakt eller "
    "skriftligt samtycke från den personen."
)
PROVIDER_WIDE_ONLY_PROVIDER = (
    "Loggutdrag över en hel verksamhet innehåller flera brukares uppgifter och lämnas bara till "
    "utföraren."
)
REFER_TO_PROVIDER = (
    "Brukare och andra personer hänvisas i första hand till sin utförare för att begära loggutdrag."
)


@dataclass(frozen=True, slots=True)
class PolicyResult:
    refusals: tuple[Refusal, ...]
    notes: tuple[Note, ...]


def check_policy(request: Request) -> PolicyResult:
    return PolicyResult(tuple(_refusals(request)), tuple(_notes(request)))


def _refusals(request: Request) -> Iterator[Refusal]:
    kind = request.kind
    scope = request.effective_scope
    category = request.requester.category
    role = request.requester.role
    is_provider = category is RequesterCategory.PROVIDER
    is_person = category in (RequesterCategory.RECIPIENT, RequesterCategory.THIRD_PARTY)
    not_a_manager = category is not None and (not is_provider or role is RequesterRole.STAFF)
    if kind is ExtractKind.ACTIVE_ALARM_CUSTOMERS and is_person:
        yield Refusal(RuleId.R4, ONLY_PROVIDER_ACTIVE_ALARMS)
    if kind is ExtractKind.LOCK_LOG and scope is Scope.STAFF and not_a_manager:
        yield Refusal(RuleId.R6, ONLY_MANAGER_STAFF_LOCK_LOG)
    if kind is ExtractKind.SUPERVISION_LOG and not_a_manager:
        yield Refusal(RuleId.R11, ONLY_MANAGER_SUPERVISION)
    if is_person and scope is Scope.PROVIDER and kind is ExtractKind.ESCALATED_ALARM_CALLS:
        yield Refusal(RuleId.R14, PROVIDER_WIDE_ONLY_PROVIDER)
    if category is RequesterCategory.THIRD_PARTY and not request.consent.is_given:
        yield Refusal(RuleId.R8, THIRD_PARTY_NEEDS_CONSENT)
    if (
        category is RequesterCategory.RECIPIENT
        and scope is Scope.RECIPIENT
        and not _asks_about_themself(request)
    ):
        yield Refusal(RuleId.R8, RECIPIENT_ONLY_THEMSELF)


def _asks_about_themself(request: Request) -> bool:
    """A recipient asking: do the requester and the recipient look like the same person?

    A personnummer given for the requester decides; otherwise the names are compared as sets of
    words (case, accents of the form and order ignored). When either is unknown, nothing is
    decided here (the missing name is reported by completeness).
    """
    requester, recipient = request.requester, request.recipient
    if requester.personnummer is not None and recipient.identity is not None:
        try:
            return parse_personnummer(requester.personnummer) == recipient.identity
        except InvalidPersonnummerError:
            return False
    if requester.name is None or recipient.name is None:
        return True
    return _name_words(requester.name) == _name_words(recipient.name)


def _name_words(name: str) -> frozenset[str]:
    normal = unicodedata.normalize("NFC", name).casefold().replace(",", " ")
    return frozenset(word for word in normal.split() if word)


def _notes(request: Request) -> Iterator[Note]:
    category = request.requester.category
    channel = request.requester.channel
    is_person = category in (RequesterCategory.RECIPIENT, RequesterCategory.THIRD_PARTY)
    if is_person and channel is not Channel.PROVIDER:
        yield Note(RuleId.R8, REFER_TO_PROVIDER)
    if category is RequesterCategory.THIRD_PARTY and request.consent.is_given:
        holder = consent_holder(request)
        if holder is ConsentHolder.PROVIDER:
            yield Note(
                RuleId.R8,
                "Utföraren inhämtar fullmakten eller samtycket och arkiverar det enligt sina "
                "lokala rutiner.",
                for_requester=False,
            )
        elif holder is ConsentHolder.ADMINISTRATION:
            yield Note(
                RuleId.R8,
                "Det underskrivna samtycket skannas in och skickas till diariet, som diarieför "
                "det under ett unikt diarienummer och belägger det med sekretess.",
                for_requester=False,
            )
    if category is RequesterCategory.PROVIDER and channel not in (None, Channel.SERVICE_DESK):
        yield Note(
            RuleId.R7,
            "Utförare beställer loggutdrag via Lindesk; utdraget skickas som bifogad fil i "
            "ärendet.",
        )
    if is_person and request.delivery.method is DeliveryMethod.REGISTERED_MAIL:
        yield Note(
            RuleId.R9,
            "Utdraget och mottagarens adressuppgifter lämnas till administratören, som skickar "
            "det som rekommenderat brev.",
            for_requester=False,
        )
    if request.unknown_fields:
        yield Note(
            None,
            "Okända fält i begäran lästes inte: " + ", ".join(request.unknown_fields) + ".",
            for_requester=False,
        )


def not_served_refusal(scope: Scope, provider: str) -> Refusal:
    """The provider has no recipient or staff member by that identity in the logs of the period."""
    if scope is Scope.STAFF:
        return Refusal(
            RuleId.R6,
            f"Personalen tillhör inte utföraren {provider} enligt loggarna och personalregistret "
            "under perioden; loggutdraget kan bara begäras av personalens egen verksamhet.",
        )
    return Refusal(
        RuleId.R14,
        f"Utföraren {provider} har enligt loggarna inte haft brukaren under perioden; "
        "loggutdraget lämnas bara till den utförare som utfört insatsen.",
    )
