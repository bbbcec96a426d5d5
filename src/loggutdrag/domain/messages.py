"""The Swedish words of a verdict: field labels and the message sent back to the requester."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from loggutdrag.domain.enums import DeliveryMethod
from loggutdrag.domain.findings import FieldProblem, Note, Refusal

INCOMPLETE_PREFIX = "Ärendet kan inte hanteras förrän följande uppgifter har kompletterats: "
"""The routines' answer to an incomplete request (seed 004: the ticket must be completed first)."""

REFUSED_PREFIX = "Begäran om loggutdrag kan inte beviljas. "

FIELD_LABELS_SV: dict[str, str] = {
    "kind": "typ av loggutdrag",
    "scope": "vad utdraget avser (en brukare, en personal eller hela verksamheten)",
    "provider": "utförare (verksamhet)",
    "requester.category": "vem som begär utdraget (utförare, brukaren själv eller annan person)",
    "requester.name": "namn på den som begär utdraget",
    "requester.role": "beställarens roll (verksamhetschef/annan ansvarig eller personal)",
    "reason": "orsak till och syfte med begäran",
    "period.start": "tidsperiodens första dag",
    "period.end": "tidsperiodens sista dag",
    "as_of": "datum som utdraget ska gälla",
    "recipient.name": "brukarens namn",
    "recipient.personnummer": "brukarens personnummer",
    "staff.name": "personalens namn",
    "staff.username": "personalens användarnamn",
    "camera_serial": "tillsynskamerans serienummer",
    "consent.kind": "typ av medgivande (fullmakt eller skriftligt samtycke)",
    "consent.held_by": "vem som har tagit emot samtycket (utföraren eller förvaltningen)",
    "consent.diary_number": "samtyckets diarienummer",
    "delivery.method": "hur utdraget ska lämnas ut (personligen eller rekommenderat brev)",
    "delivery.address.name": "mottagarens namn för det rekommenderade brevet",
    "delivery.address.street": "mottagarens gatuadress",
    "delivery.address.postcode": "mottagarens postnummer",
    "delivery.address.city": "mottagarens postort",
}

DELIVERY_SV: dict[DeliveryMethod, str] = {
    DeliveryMethod.SERVICE_DESK: "som bifogad fil i ärendet i Lindesk",
    DeliveryMethod.IN_PERSON: "personligen",
    DeliveryMethod.REGISTERED_MAIL: "med rekommenderat brev",
}


def field_label(path: str) -> str:
    return FIELD_LABELS_SV.get(path, path)


def problem_text(problem: FieldProblem) -> str:
    label = field_label(problem.field)
    if problem.absent or not problem.reason_sv:
        return label
    return f"{label} ({problem.reason_sv})"


def incomplete_message(problems: Sequence[FieldProblem]) -> str:
    return INCOMPLETE_PREFIX + "; ".join(problem_text(p) for p in problems) + "."


def refused_message(refusals: Sequence[Refusal]) -> str:
    return REFUSED_PREFIX + " ".join(f"{r.message_sv.rstrip('.')} ({r.rule})." for r in refusals)


def ready_message(due: date | None, method: DeliveryMethod | None) -> str:
    text = "Begäran är komplett och tas om hand."
    if due is not None:
        how = f" {DELIVERY_SV[method]}" if method is not None else ""
        text += f" Loggutdraget tas fram och lämnas ut{how} senast {due.isoformat()}."
    return text


def verdict_message(
    problems: Sequence[FieldProblem],
    refusals: Sequence[Refusal],
    notes: Sequence[Note],
    due: date | None,
    method: DeliveryMethod | None,
) -> str:
    """The text to send back: a refusal first, else what is missing, else when it comes."""
    parts: list[str] = []
    if refusals:
        parts.append(refused_message(refusals))
        if problems:
            parts.append("Uppgifter som också saknas eller är felaktiga: ")
            parts[-1] += "; ".join(problem_text(p) for p in problems) + "."
    elif problems:
        parts.append(incomplete_message(problems))
    else:
        parts.append(ready_message(due, method))
    parts.extend(note.message_sv for note in notes if note.for_requester)
    return " ".join(parts)
