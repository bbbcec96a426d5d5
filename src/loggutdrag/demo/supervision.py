"""Nightly camera look-ins by the alarm centre's operators, with realistic deviations.

Most look-ins are on time and the person is in bed. Some are missed (``not_performed``) or late;
when the person is not visible the operator should look again within 20 minutes (mostly does);
when the person is not in bed the operator should call the provider (mostly does), who then
sends someone: that visit shows in the lock log.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from random import Random

from loggutdrag.demo.context import Context, Days, LockEvent, Lookin
from loggutdrag.demo.model import Recipient
from loggutdrag.domain.enums import LookinAction, LookinOutcome

SHARE_MISSED = 0.015
SHARE_LATE = 0.05
SHARE_NOT_IN_BED = 0.045
SHARE_NOT_VISIBLE = 0.055
SHARE_NO_PICTURE = 0.02

IN_BED = LookinOutcome.IN_BED.value
NOT_IN_BED = LookinOutcome.NOT_IN_BED.value
NOT_VISIBLE = LookinOutcome.NOT_VISIBLE.value
NO_PICTURE = LookinOutcome.NO_PICTURE.value
NOT_PERFORMED = LookinOutcome.NOT_PERFORMED.value
NONE = LookinAction.NONE.value
RECHECK = LookinAction.RECHECK.value
CALLED_RECIPIENT = LookinAction.CALLED_RECIPIENT.value
CALLED_PROVIDER = LookinAction.CALLED_PROVIDER.value


def lookins(
    ctx: Context, rng: Random, recipient: Recipient, days: Days, events: list[LockEvent]
) -> list[Lookin]:
    random = rng.random
    at_home = set(days.at_home)
    result: list[Lookin] = []
    for order in recipient.orders:
        second = order.planned_second
        weekdays = order.weekdays
        for d in range(max(0, order.first_day), min(ctx.days - 1, order.last_day) + 1):
            if d not in at_home or str(ctx.weekday[d]) not in weekdays:
                continue
            planned = ctx.local(d, second)
            if random() < SHARE_MISSED:
                result.append((order.id, planned, 0, "", NOT_PERFORMED, NONE, 0))
                continue
            if random() < SHARE_LATE:
                performed = planned + 1200 + int(random() * 4200)  # 20-90 minutes late
            else:
                performed = planned - 120 + int(random() * 720)  # -2 .. +10 minutes
            operator = ctx.operator(rng)
            draw = random()
            if draw < SHARE_NOT_IN_BED:
                outcome = NOT_IN_BED
                action, action_at = _not_in_bed(random, performed)
            elif draw < SHARE_NOT_IN_BED + SHARE_NOT_VISIBLE:
                outcome = NOT_VISIBLE
                action, action_at = _not_visible(random, performed)
            elif draw < SHARE_NOT_IN_BED + SHARE_NOT_VISIBLE + SHARE_NO_PICTURE:
                outcome = NO_PICTURE
                action = CALLED_PROVIDER if random() < 0.6 else CALLED_RECIPIENT
                action_at = performed + 60 + int(random() * 600)
            else:
                outcome, action, action_at = IN_BED, NONE, 0
            if action == CALLED_PROVIDER and random() < 0.85:
                _provider_visit(ctx, rng, days, d, called_at=action_at, events=events)
            result.append((order.id, planned, performed, operator, outcome, action, action_at))
    result.sort(key=itemgetter(1))
    return result


def _not_in_bed(random: Callable[[], float], performed: int) -> tuple[str, int]:
    draw = random()
    if draw < 0.75:
        return CALLED_PROVIDER, performed + 60 + int(random() * 240)
    if draw < 0.85:
        return CALLED_RECIPIENT, performed + 30 + int(random() * 120)
    return NONE, 0  # the deviation the seed describes: nobody called the provider


def _not_visible(random: Callable[[], float], performed: int) -> tuple[str, int]:
    draw = random()
    if draw < 0.8:
        return RECHECK, performed + 300 + int(random() * 900)
    if draw < 0.9:
        return RECHECK, performed + 1500 + int(random() * 2100)
    return NONE, 0  # never looked again


def _provider_visit(
    ctx: Context, rng: Random, days: Days, d: int, *, called_at: int, events: list[LockEvent]
) -> None:
    segment = days.segment_of[d]
    if segment is None:
        return
    staff_id = ctx.pick_staff(rng, d, segment.provider_id, segment.team, night=True)
    method = ctx.staff_method[staff_id]
    arrived = called_at + 900 + int(rng.random() * 1800)
    events.append((arrived, staff_id, "unlock", method, segment.provider_id))
    events.append(
        (arrived + 300 + int(rng.random() * 900), staff_id, "lock", method, segment.provider_id)
    )
