"""One recipient's year of logs: calls, lock events and look-ins, from the recipient's own stream.

Each recipient has a random stream of its own (seeded by the demo seed and the recipient's id), so
a recipient's logs do not depend on anyone else's, and the whole is deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from random import Random

from loggutdrag.demo.calls import akutlarm_calls, recipient_calls
from loggutdrag.demo.context import Call, Context, Days, LockEvent, Lookin
from loggutdrag.demo.model import Akutlarm, Recipient
from loggutdrag.demo.supervision import lookins
from loggutdrag.demo.visits import battery_warnings, denied_after_switch, home_care_visits


@dataclass(slots=True)
class Activity:
    calls: list[Call]
    events: list[LockEvent]  # in time order
    lookins: list[Lookin]


def recipient_activity(ctx: Context, recipient: Recipient) -> Activity:
    rng = Random(f"{ctx.world.seed}:recipient:{recipient.id}")
    days = Days.of(recipient, ctx.days)
    events = home_care_visits(ctx, rng, recipient, days)
    calls = recipient_calls(ctx, rng, recipient, days, events)
    looked = lookins(ctx, rng, recipient, days, events)
    events += battery_warnings(ctx, rng, days)
    events += denied_after_switch(ctx, rng, recipient)
    events.sort(key=itemgetter(0))
    return Activity(calls=calls, events=events, lookins=looked)


def akutlarm_activity(ctx: Context, alarm: Akutlarm) -> list[Call]:
    return akutlarm_calls(ctx, Random(f"{ctx.world.seed}:akutlarm:{alarm.alarm_id}"), alarm)
