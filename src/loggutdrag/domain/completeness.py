"""Is the request complete and are its values valid? (R3, R5, R7-R9, R12)

:func:`field_problems` lists *every* field that must be supplied or corrected, at once, in the
order of contract 2. A request with any problem is incomplete: it is not handled and its clock does
not run (R12).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from loggutdrag.domain.delivery_rules import ALLOWED_METHODS, needs_address
from loggutdrag.domain.enums import (
    Channel,
    ConsentHolder,
    ExtractKind,
    RequesterCategory,
    Scope,
)
from loggutdrag.domain.findings import FieldProblem, RuleId
from loggutdrag.domain.personnummer import InvalidPersonnummerError, parse_personnummer
from loggutdrag.domain.request import KIND_SCOPES, Request
from loggutdrag.domain.workdays import not_a_working_day_reason

CAMERA_SERIAL = re.compile(r"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9._/-]{3,39}$")
"""4-40 letters, digits and . _ / -, starting with a letter or digit, with at least one digit."""

USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,79}$")
"""2-80 characters without spaces: letters, digits and . _ @ -."""

POSTCODE = re.compile(r"^\d{3} ?\d{2}$")

KINDS_WITH_PERIOD = frozenset(
    {ExtractKind.ESCALATED_ALARM_CALLS, ExtractKind.LOCK_LOG, ExtractKind.SUPERVISION_LOG}
)


def field_problems(request: Request, *, today: date) -> tuple[FieldProblem, ...]:
    """Every field to supply or correct. ``today`` is the local date the request (or its latest
    supplement) arrived: a period may not end after it."""
    return tuple(_problems(request, today))


def _absent(path: str, rule: RuleId) -> FieldProblem:
    return FieldProblem(field=path, absent=True, rule=rule)


def _invalid(path: str, rule: RuleId, reason_sv: str) -> FieldProblem:
    return FieldProblem(field=path, absent=False, rule=rule, reason_sv=reason_sv)


def _problems(request: Request, today: date) -> Iterator[FieldProblem]:
    kind = request.kind
    scope = request.effective_scope
    category = request.requester.category
    if kind is None:
        yield _absent("kind", RuleId.R5)
    if scope is None:
        yield _absent("scope", RuleId.R5)
    elif kind is not None and scope not in KIND_SCOPES[kind]:
        yield _invalid("scope", RuleId.R5, f"ett utdrag av typen {kind} kan inte avse {scope}")
    if request.provider is None and (
        category is RequesterCategory.PROVIDER
        or scope is Scope.PROVIDER
        or kind is ExtractKind.SUPERVISION_LOG
    ):
        yield _absent("provider", RuleId.R5)
    yield from _requester_problems(request)
    if kind is not ExtractKind.ACTIVE_ALARM_CUSTOMERS and request.reason is None:
        yield _absent("reason", RuleId.R12 if kind is ExtractKind.SUPERVISION_LOG else RuleId.R5)
    yield from _period_problems(request, today)
    yield from _as_of_problems(request)
    if scope is Scope.RECIPIENT:
        yield from _recipient_problems(request, today)
    if scope is Scope.STAFF:
        yield from _staff_problems(request)
    yield from _consent_problems(request)
    yield from _delivery_problems(request)


def _requester_problems(request: Request) -> Iterator[FieldProblem]:
    requester = request.requester
    if requester.category is None:
        yield _absent("requester.category", RuleId.R5)
    # Who is asking is first of all the category (seed 003). A third party must also give their
    # name: the extract is handed over or mailed to them. A provider is known by its code and
    # ticket, a recipient by the recipient fields.
    if requester.category is RequesterCategory.THIRD_PARTY and requester.name is None:
        yield _absent("requester.name", RuleId.R8)
    # The role decides whether a provider may order a staff lock log (R6) or a supervision log
    # (R11); for other extracts it does not matter.
    role_decides = request.kind is ExtractKind.SUPERVISION_LOG or (
        request.kind is ExtractKind.LOCK_LOG and request.effective_scope is Scope.STAFF
    )
    if requester.category is RequesterCategory.PROVIDER and role_decides and requester.role is None:
        yield _absent(
            "requester.role",
            RuleId.R11 if request.kind is ExtractKind.SUPERVISION_LOG else RuleId.R6,
        )


def _period_problems(request: Request, today: date) -> Iterator[FieldProblem]:
    period = request.period
    needed = request.kind is None or request.kind in KINDS_WITH_PERIOD
    rule = RuleId.R12 if request.kind is ExtractKind.SUPERVISION_LOG else RuleId.R5
    if needed and period.start is None:
        yield _absent("period.start", rule)
    if needed and period.end is None:
        yield _absent("period.end", rule)
    if period.start is not None and period.end is not None and period.start > period.end:
        reason = "perioden slutar innan den börjar"
        yield _invalid("period.start", rule, reason)
        yield _invalid("period.end", rule, reason)
        return
    for path, day in (("period.start", period.start), ("period.end", period.end)):
        if day is not None and day > today:
            yield _invalid(path, rule, f"{day.isoformat()} har inte varit än")


def _as_of_problems(request: Request) -> Iterator[FieldProblem]:
    if request.kind is not ExtractKind.ACTIVE_ALARM_CUSTOMERS or request.as_of is None:
        return
    reason = not_a_working_day_reason(request.as_of)
    if reason is not None:
        yield _invalid("as_of", RuleId.R3, f"datumet måste vara en helgfri vardag; {reason}")


def _recipient_problems(request: Request, today: date) -> Iterator[FieldProblem]:
    recipient = request.recipient
    rule = RuleId.R12 if request.kind is ExtractKind.SUPERVISION_LOG else RuleId.R5
    if recipient.name is None:
        yield _absent("recipient.name", rule)
    if recipient.personnummer is None:
        yield _absent("recipient.personnummer", rule)
    else:
        try:
            number = parse_personnummer(recipient.personnummer)
        except InvalidPersonnummerError as error:
            yield _invalid("recipient.personnummer", rule, error.reason)
        else:
            if number.birth_date > today:
                yield _invalid("recipient.personnummer", rule, "födelsedatumet har inte varit än")
    if request.kind is ExtractKind.SUPERVISION_LOG:
        serial = request.camera_serial
        if serial is None:
            yield _absent("camera_serial", RuleId.R12)
        elif not CAMERA_SERIAL.match(serial):
            yield _invalid(
                "camera_serial",
                RuleId.R12,
                "ett serienummer har 4-40 tecken (bokstäver, siffror och . _ / -) med minst "
                "en siffra",
            )


def _staff_problems(request: Request) -> Iterator[FieldProblem]:
    staff = request.staff
    if staff.name is None:
        yield _absent("staff.name", RuleId.R5)
    if staff.username is None:
        yield _absent("staff.username", RuleId.R5)
    elif not USERNAME.match(staff.username):
        yield _invalid(
            "staff.username",
            RuleId.R5,
            "ett användarnamn har 2-80 tecken utan mellanslag (bokstäver, siffror och . _ @ -)",
        )


def consent_holder(request: Request) -> ConsentHolder | None:
    """Who holds a third party's consent: as stated, else as the channel implies (R8)."""
    if request.consent.held_by is not None:
        return request.consent.held_by
    channel = request.requester.channel
    if channel is Channel.PROVIDER:
        return ConsentHolder.PROVIDER
    if channel is None:
        return None
    return ConsentHolder.ADMINISTRATION


def _consent_problems(request: Request) -> Iterator[FieldProblem]:
    # A third party without any consent is refused (policy, R8); a consent that is stated but
    # lacks details is incomplete.
    if request.requester.category is not RequesterCategory.THIRD_PARTY:
        return
    consent = request.consent
    if not consent.is_given:
        return
    if consent.kind is None:
        yield _absent("consent.kind", RuleId.R8)
    holder = consent_holder(request)
    if holder is None:
        yield _absent("consent.held_by", RuleId.R8)
    elif holder is ConsentHolder.ADMINISTRATION and consent.diary_number is None:
        yield _absent("consent.diary_number", RuleId.R8)


def _delivery_problems(request: Request) -> Iterator[FieldProblem]:
    category = request.requester.category
    if category is None:
        return
    method = request.delivery.method
    allowed = ALLOWED_METHODS[category]
    if method is None:
        if category is not RequesterCategory.PROVIDER:
            yield _absent("delivery.method", RuleId.R7)
        return
    if method not in allowed:
        if category is RequesterCategory.PROVIDER:
            reason = "en utförare får utdraget som bifogad fil i ärendet i Lindesk"
        else:
            reason = (
                "brukare och andra personer får utdraget personligen eller med rekommenderat brev"
            )
        yield _invalid("delivery.method", RuleId.R7, reason)
        return
    if needs_address(request):
        yield from _address_problems(request)


def _address_problems(request: Request) -> Iterator[FieldProblem]:
    address = request.delivery.address
    if addressee_name(request) is None:
        yield _absent("delivery.address.name", RuleId.R9)
    if address.street is None:
        yield _absent("delivery.address.street", RuleId.R9)
    if address.postcode is None:
        yield _absent("delivery.address.postcode", RuleId.R9)
    elif not POSTCODE.match(address.postcode):
        yield _invalid("delivery.address.postcode", RuleId.R9, "ett postnummer har fem siffror")
    if address.city is None:
        yield _absent("delivery.address.city", RuleId.R9)


def addressee_name(request: Request) -> str | None:
    """Whom the letter is addressed to: the address's name, else the requester's own name (for a
    recipient asking about themself, the recipient's name)."""
    if request.delivery.address.name is not None:
        return request.delivery.address.name
    if request.requester.name is not None:
        return request.requester.name
    if request.requester.category is RequesterCategory.RECIPIENT:
        return request.recipient.name
    return None
