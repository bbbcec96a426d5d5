"""Lock events of home-care visits, low batteries, and refused attempts."""

from __future__ import annotations

from random import Random

from loggutdrag.demo.context import Context, Days, LockEvent
from loggutdrag.demo.model import Recipient

SHARE_DENIED = 0.004  # visits that start with a refused attempt (phone not synced, wrong lock ...)
SHARE_CANCELLED = 0.03  # planned visits that did not happen (the person was out, had a visitor ...)
SHARE_EXTRA = 0.03  # days with an extra, unplanned visit


def home_care_visits(
    ctx: Context, rng: Random, recipient: Recipient, days: Days
) -> list[LockEvent]:
    """2-4 visits a day: the staff member unlocks, stays 10-40 minutes (sometimes longer), locks."""
    times = recipient.visit_times
    if not times:
        return []
    random = rng.random
    local = ctx.local
    method_of = ctx.staff_method
    pick_staff = ctx.pick_staff
    events: list[LockEvent] = []
    append = events.append
    for d in days.at_home:
        segment = days.segment_of[d]
        if segment is None:
            continue
        provider_id = segment.provider_id
        team = segment.team
        planned = times
        if random() < SHARE_EXTRA:
            planned = [*times, 36000 + int(random() * 28800)]  # between 10:00 and 18:00
        for base in planned:
            if random() < SHARE_CANCELLED:
                continue
            second = base - 1500 + int(random() * 3000)  # +- 25 minutes
            start = local(d, second)
            staff_id = pick_staff(rng, d, provider_id, team, second >= 79200)
            method = method_of[staff_id]
            if random() < SHARE_DENIED:
                append((start - 10 - int(random() * 80), staff_id, "denied", method, provider_id))
            append((start, staff_id, "unlock", method, provider_id))
            # 10-40 minutes; now and then longer (a shower, or a bad day)
            stay = 600 + int(random() * 1800) if random() < 0.93 else 2400 + int(random() * 1800)
            append((start + stay, staff_id, "lock", method, provider_id))
    return events


def battery_warnings(ctx: Context, rng: Random, days: Days) -> list[LockEvent]:
    """Now and then the lock's battery runs low: a daily warning for 2-7 days until changed."""
    at_home = days.at_home
    if not at_home:
        return []
    draw = rng.random()
    episodes = 0 if draw < 0.25 else (1 if draw < 0.8 else 2)
    events: list[LockEvent] = []
    for _ in range(episodes):
        first = at_home[int(rng.random() * len(at_home))]
        second = int(rng.random() * 86400)
        for d in range(first, min(ctx.days, first + rng.randint(2, 7))):
            segment = days.segment_of[d]
            if segment is not None:
                events.append(
                    (ctx.local(d, second), 0, "battery_low", "system", segment.provider_id)
                )
    return events


def denied_after_switch(ctx: Context, rng: Random, recipient: Recipient) -> list[LockEvent]:
    """After a change of provider, someone from the old provider tries the lock once: refused."""
    events: list[LockEvent] = []
    for previous, segment in zip(recipient.segments, recipient.segments[1:], strict=False):
        d = min(ctx.days - 1, segment.first_day + rng.randint(0, 4))
        staff_id = previous.team[int(rng.random() * len(previous.team))]
        second = 28800 + int(rng.random() * 36000)
        events.append(
            (
                ctx.local(d, second),
                staff_id,
                "denied",
                ctx.staff_method[staff_id],
                previous.provider_id,
            )
        )
    return events
