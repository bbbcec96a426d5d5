"""Who asks decides how the extract is delivered (R7, R9)."""

from __future__ import annotations

from loggutdrag.domain.enums import DeliveryMethod, RequesterCategory
from loggutdrag.domain.request import Request

ALLOWED_METHODS: dict[RequesterCategory, frozenset[DeliveryMethod]] = {
    # A provider orders through the service desk and gets the file attached to the ticket.
    RequesterCategory.PROVIDER: frozenset({DeliveryMethod.SERVICE_DESK}),
    # The recipient, or a third party, gets it in person or by registered mail.
    RequesterCategory.RECIPIENT: frozenset(
        {DeliveryMethod.IN_PERSON, DeliveryMethod.REGISTERED_MAIL}
    ),
    RequesterCategory.THIRD_PARTY: frozenset(
        {DeliveryMethod.IN_PERSON, DeliveryMethod.REGISTERED_MAIL}
    ),
}

DEFAULT_METHOD: dict[RequesterCategory, DeliveryMethod] = {
    RequesterCategory.PROVIDER: DeliveryMethod.SERVICE_DESK,
}
"""The method used when the request names none; recipients and third parties must choose."""


def delivery_method(request: Request) -> DeliveryMethod | None:
    """How this request's extract will be delivered, or None while that cannot be decided.

    The method asked for counts when the rules allow it for this requester; a provider gets the
    service desk when nothing is asked for.
    """
    category = request.requester.category
    if category is None:
        return None
    asked = request.delivery.method
    if asked is None:
        return DEFAULT_METHOD.get(category)
    return asked if asked in ALLOWED_METHODS[category] else None


def needs_address(request: Request) -> bool:
    """Registered mail needs the addressee's postal address (R9)."""
    return delivery_method(request) is DeliveryMethod.REGISTERED_MAIL
