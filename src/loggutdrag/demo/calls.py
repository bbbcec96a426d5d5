"""A year of alarm calls, with the escalation chain and the arriving staff's unlock at the door."""

from __future__ import annotations

from operator import itemgetter
from random import Random

from loggutdrag.demo.context import Call, Context, Days, LockEvent, is_night
from loggutdrag.demo.model import Akutlarm, Recipient
from loggutdrag.demo.people import WeightedIndex

# (reason, weight for most callers, weight for frequent callers, probability of escalation)
REASONS: tuple[tuple[str, float, float, float], ...] = (
    ("Fall", 14, 5, 0.92),
    ("Hjälp till toalett", 16, 20, 0.85),
    ("Oro", 12, 25, 0.25),
    ("Ofrivilligt larm", 18, 10, 0.0),
    ("Smärta", 6, 5, 0.7),
    ("Andningsbesvär", 3, 2, 0.55),
    ("Hjälp att komma i säng", 7, 8, 0.85),
    ("Vill prata", 6, 18, 0.05),
    ("Yrsel", 4, 2, 0.5),
    ("Hjälp med inkontinensskydd", 5, 5, 0.85),
    ("Ingen kontakt i högtalaren", 4, 1, 0.95),
    ("Fråga om medicin", 3, 3, 0.2),
    ("Provlarm", 2, 0.5, 0.0),
    ("Tekniskt fel", 1, 0.5, 0.0),
)
_REASON = WeightedIndex([r[1] for r in REASONS])
_REASON_FREQUENT = WeightedIndex([r[2] for r in REASONS])
FREQUENT_RATE = 1.0  # calls a day from which someone counts as a frequent caller

# Relative call intensity per local hour: quiet nights, peaks morning and evening.
_HOURS = WeightedIndex(
    [2, 1.5, 1.5, 1.5, 1.5, 2, 3, 6, 8, 7, 6, 5, 5, 5, 5, 5, 5, 6, 7, 7, 7, 6, 4, 3]
)
_HOURS_FREQUENT = WeightedIndex([3] * 7 + [5] * 15 + [4, 4])


def recipient_calls(
    ctx: Context, rng: Random, recipient: Recipient, days: Days, events: list[LockEvent]
) -> list[Call]:
    """The recipient's calls; staff arriving at an escalated call unlock the door (``events``).

    Calls come as a Poisson process over the days the person is at home, at a person's own rate.
    """
    rate = recipient.call_rate
    at_home = days.at_home
    if not at_home or rate <= 0:
        return []
    frequent = rate >= FREQUENT_RATE
    hours = _HOURS_FREQUENT if frequent else _HOURS
    reasons = _REASON_FREQUENT if frequent else _REASON
    random = rng.random
    calls: list[Call] = []
    position = rng.expovariate(rate)
    while position < len(at_home):
        d = at_home[int(position)]
        position += rng.expovariate(rate)
        segment = days.segment_of[d]
        if segment is None:  # never: at_home only holds days within a segment
            continue
        second = hours.pick(rng) * 3600 + int(random() * 3600)
        triggered = ctx.local(d, second)
        answered = triggered + (
            10 + int(random() * 80) if random() < 0.95 else 90 + int(random() * 240)
        )
        reason, _w, _wf, escalation = REASONS[reasons.pick(rng)]
        operator = ctx.operator(rng)
        provider_id = segment.provider_id
        if random() >= escalation:
            closed = answered + 40 + int(random() * 560)
            calls.append((triggered, answered, operator, reason, 0, 0, 0, closed, provider_id))
            continue
        escalated = answered + 40 + int(random() * 200)
        slow = random() < 0.03
        acknowledged = escalated + (300 + int(random() * 900) if slow else 15 + int(random() * 285))
        if random() < 0.03:  # cancelled: the person was fine after all, or an ambulance came
            closed = acknowledged + 300 + int(random() * 2100)
            calls.append(
                (
                    triggered,
                    answered,
                    operator,
                    reason,
                    escalated,
                    acknowledged,
                    0,
                    closed,
                    provider_id,
                )
            )
            continue
        arrived = acknowledged + 600 + int(random() * 3000)  # 10-60 minutes
        staff_id = ctx.pick_staff(rng, d, provider_id, segment.team, is_night(second))
        method = ctx.staff_method[staff_id]
        left = arrived + 600 + int(random() * 1800)
        events.append((arrived - int(random() * 45), staff_id, "unlock", method, provider_id))
        events.append((left, staff_id, "lock", method, provider_id))
        closed = left + 30 + int(random() * 570)
        calls.append(
            (
                triggered,
                answered,
                operator,
                reason,
                escalated,
                acknowledged,
                arrived,
                closed,
                provider_id,
            )
        )
    calls.sort(key=itemgetter(0))
    return calls


AKUTLARM_REASONS = ("Provlarm", "Personal behöver hjälp", "Ofrivilligt larm")


def akutlarm_calls(ctx: Context, rng: Random, alarm: Akutlarm) -> list[Call]:
    """A monthly test call, and now and then a real one; the provider's own staff are on site."""
    random = rng.random
    calls: list[Call] = []
    test_day = 1 + int(random() * 27)
    for d in range(max(0, alarm.first_day), min(ctx.days - 1, alarm.last_day) + 1):
        if ctx.world.timeline.date(d).day == test_day:
            reason = AKUTLARM_REASONS[0]
        elif random() < 0.015:
            reason = AKUTLARM_REASONS[1 + int(random() * 2)]
        else:
            continue
        second = (9 if reason == AKUTLARM_REASONS[0] else int(random() * 24)) * 3600
        triggered = ctx.local(d, second + int(random() * 3600))
        answered = triggered + 10 + int(random() * 60)
        closed = answered + 60 + int(random() * 600)
        calls.append(
            (triggered, answered, ctx.operator(rng), reason, 0, 0, 0, closed, alarm.provider_id)
        )
    return calls
