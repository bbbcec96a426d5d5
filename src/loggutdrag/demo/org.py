"""Home-care providers, their staff, and the alarm centre's operators."""

from __future__ import annotations

import math
from datetime import timedelta
from random import Random

from loggutdrag.demo import names
from loggutdrag.demo.model import ALWAYS, Provider, StaffMember
from loggutdrag.demo.people import ascii_slug, make_address, org_number, staff_username, worker_name
from loggutdrag.demo.year import Timeline
from loggutdrag.domain.enums import ProviderOwnership

MUNICIPAL = ProviderOwnership.MUNICIPAL
PRIVATE = ProviderOwnership.PRIVATE

# The first six are the demo's named providers; demo/logins.py refers to HT01 and HT04.
NAMED_PROVIDERS: tuple[tuple[str, ProviderOwnership, float], ...] = (
    ("Hemtjänst Norr", MUNICIPAL, 3.0),
    ("Hemtjänst Syd", MUNICIPAL, 2.5),
    ("Hemtjänst Centrum", MUNICIPAL, 2.0),
    ("Trygga Händer Omsorg AB", PRIVATE, 1.5),
    ("Vardagsstöd Östergötland AB", PRIVATE, 1.0),
    ("Stångådalens Hemtjänst AB", PRIVATE, 1.0),
)
MUNICIPAL_ORG_NUMBER = org_number("212000999")  # made up: "the municipality"


def provider_count(scale: float) -> int:
    """Six providers at scale 1 (at least five), growing with the square root of the scale."""
    return max(5, round(6 * math.sqrt(scale)))


def make_providers(rng: Random, count: int) -> list[Provider]:
    specs = list(NAMED_PROVIDERS[:count])
    districts = [d for d in names.DISTRICTS if f"Hemtjänst {d}" not in {s[0] for s in specs}]
    words = list(names.PRIVATE_WORDS[3:])
    i = 0
    while len(specs) < count:
        if i % 2 == 0:
            district = districts[(i // 2) % len(districts)]
            round_ = i // (2 * len(districts))
            suffix = f" {round_ + 1}" if round_ else ""
            specs.append((f"Hemtjänst {district}{suffix}", MUNICIPAL, 1.0 + rng.random()))
        else:
            word = words[(i // 2) % len(words)]
            round_ = i // (2 * len(words))
            kind = ("Omsorg AB", "Hemtjänst AB", "Vård och Omsorg AB")[round_ % 3]
            suffix = f" {round_ // 3 + 2}" if round_ >= 3 else ""
            specs.append((f"{word} {kind}{suffix}", PRIVATE, 0.5 + rng.random()))
        i += 1
    providers = []
    for index, (name, ownership, weight) in enumerate(specs, start=1):
        slug = ascii_slug(name.removesuffix(" AB")).replace(".", "")
        if ownership is MUNICIPAL:
            number = MUNICIPAL_ORG_NUMBER
            email = f"{ascii_slug(name)}@kommun.example"
        else:
            number = org_number(f"559{rng.randrange(100000, 999999)}")
            email = f"info@{slug}.example"
        providers.append(
            Provider(
                id=index,
                code=f"HT{index:02d}",
                name=name,
                ownership=ownership,
                org_number=number,
                contact_email=email,
                staff_room=make_address(rng),
                weight=weight,
            )
        )
    return providers


def make_staff(
    rng: Random, timeline: Timeline, providers: list[Provider], recipients_per_provider: list[int]
) -> list[StaffMember]:
    """About one care worker per four alarm customers (40 a provider at scale 1), 12% on nights.

    Most were employed before the year and stay; some start or leave during it.
    """
    staff: list[StaffMember] = []
    taken: set[str] = set()
    for provider, customers in zip(providers, recipients_per_provider, strict=True):
        count = max(8, round(customers * 0.24))
        nights = max(2, round(count * 0.12))
        vendor_style = provider.ownership is PRIVATE and provider.id % 2 == 0
        for n in range(count):
            first, last = worker_name(rng)
            username = staff_username(rng, first, last, taken, vendor_style=vendor_style)
            night = n < nights
            core = n in (0, 1, 2, nights, nights + 1, nights + 2)  # always some who stay all year
            valid_from = timeline.start - timedelta(days=rng.randint(20, 4000))
            valid_to = None
            first_day, last_day = -ALWAYS, ALWAYS
            draw = rng.random()
            if not core and draw < 0.1:  # started during the year
                first_day = rng.randrange(10, timeline.days - 10)
                valid_from = timeline.date(first_day)
            elif not core and draw < 0.2:  # left during the year
                last_day = rng.randrange(10, timeline.days - 10)
                valid_to = timeline.date(last_day)
            member = StaffMember(
                id=len(staff) + 1,
                provider_id=provider.id,
                username=username,
                name=f"{first} {last}",
                valid_from=valid_from,
                valid_to=valid_to,
                first_day=first_day,
                last_day=last_day,
                night=night,
                method="tag" if rng.random() < 0.1 else "app",
            )
            staff.append(member)
            (provider.night_staff if night else provider.day_staff).append(member.id)
            if core:
                (provider.core_night_staff if night else provider.core_day_staff).append(member.id)
    return staff


def make_operators(rng: Random, scale: float) -> list[str]:
    """The alarm centre's operators who answer calls and perform the camera look-ins."""
    count = max(8, round(25 * math.sqrt(scale)))
    result: list[str] = []
    while len(result) < count:
        first, last = worker_name(rng)
        name = f"{first} {last}"
        if name not in result:
            result.append(name)
    return result
