"""Build the demo municipality's register data (all but the year of logs) from seed and scale."""

from __future__ import annotations

from random import Random

from loggutdrag.demo.model import World
from loggutdrag.demo.org import make_operators, make_providers, make_staff, provider_count
from loggutdrag.demo.register import add_cameras_and_orders, make_akutlarm, make_recipients
from loggutdrag.demo.year import Timeline

RECIPIENTS_PER_SCALE = 1000


def recipient_count(scale: float) -> int:
    return max(1, round(RECIPIENTS_PER_SCALE * scale))


def build_world(seed: int, scale: float, timeline: Timeline | None = None) -> World:
    """Providers, staff, recipients with their alarms, locks, cameras and orders; operators."""
    timeline = timeline or Timeline()
    rng = Random(f"{seed}:world")
    providers = make_providers(rng, provider_count(scale))
    akutlarm = make_akutlarm(rng, timeline, providers, alarm_id_start=1)
    recipients = make_recipients(
        rng, timeline, providers, recipient_count(scale), alarm_id_start=len(akutlarm) + 1
    )
    customers = [0] * len(providers)
    for recipient in recipients:
        for provider_id in dict.fromkeys(s.provider_id for s in recipient.segments):
            customers[provider_id - 1] += 1
    staff = make_staff(rng, timeline, providers, customers)
    for recipient in recipients:
        for segment in recipient.segments:
            day_staff = providers[segment.provider_id - 1].day_staff
            size = min(len(day_staff), rng.randint(5, 9))
            segment.team = sorted(rng.sample(day_staff, size))
    add_cameras_and_orders(rng, timeline, recipients)
    return World(
        seed=seed,
        scale=scale,
        timeline=timeline,
        providers=providers,
        staff=staff,
        recipients=recipients,
        akutlarm=akutlarm,
        operators=make_operators(rng, scale),
    )
