"""What the per-recipient log generators share, flattened into lists for speed.

Generated records are plain tuples of integers and strings (epoch seconds, database ids); writers
turn them into rows. A staff or provider id of 0 means "none".
"""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

from loggutdrag.demo.model import Provider, Recipient, Segment, World

# (epoch, staff_id, event, method, provider_id)
LockEvent = tuple[int, int, str, str, int]
# (triggered, answered, operator, reason, escalated_at, acknowledged_at, arrived_at, closed_at,
#  provider_id); escalated_at == 0: not escalated; arrived_at == 0: nobody arrived
Call = tuple[int, int, str, str, int, int, int, int, int]
# (order_id, planned_at, performed_at, operator, outcome, action, action_at); 0 / "" when absent
Lookin = tuple[int, int, int, str, str, str, int]


@dataclass(slots=True)
class Context:
    world: World
    days: int
    weekday: list[int]  # ISO weekday of each day
    staff_first: list[int]  # by staff id (index 0 unused)
    staff_last: list[int]
    staff_method: list[str]
    operators: list[str]

    @classmethod
    def of(cls, world: World) -> Context:
        timeline = world.timeline
        return cls(
            world=world,
            days=timeline.days,
            weekday=[timeline.iso_weekday(d) for d in range(timeline.days)],
            staff_first=[0] + [s.first_day for s in world.staff],
            staff_last=[0] + [s.last_day for s in world.staff],
            staff_method=[""] + [s.method for s in world.staff],
            operators=world.operators,
        )

    def local(self, d: int, second: int) -> int:
        return self.world.timeline.local(d, second)

    def provider(self, provider_id: int) -> Provider:
        return self.world.providers[provider_id - 1]

    def operator(self, rng: Random) -> str:
        return self.operators[int(rng.random() * len(self.operators))]

    def pick_staff(
        self, rng: Random, d: int, provider_id: int, team: list[int], night: bool
    ) -> int:
        """A staff member working on day ``d``: from the team by day, the night patrol by night."""
        provider = self.world.providers[provider_id - 1]
        pool = provider.night_staff if night else team
        first, last = self.staff_first, self.staff_last
        for _ in range(3):
            staff_id = pool[int(rng.random() * len(pool))]
            if first[staff_id] <= d <= last[staff_id]:
                return staff_id
        core = provider.core_night_staff if night else provider.core_day_staff
        return core[int(rng.random() * len(core))]


@dataclass(slots=True)
class Days:
    """One recipient's year: which segment (provider) covers each day, and the days at home."""

    segment_of: list[Segment | None]
    at_home: list[int]  # active days not away, ascending

    @classmethod
    def of(cls, recipient: Recipient, days: int) -> Days:
        segment_of: list[Segment | None] = [None] * days
        for segment in recipient.segments:
            for d in range(max(0, segment.first_day), min(days - 1, segment.last_day) + 1):
                segment_of[d] = segment
        away: set[int] = set()
        for start, end in recipient.away:
            away.update(range(start, end + 1))
        at_home = [d for d in range(days) if segment_of[d] is not None and d not in away]
        return cls(segment_of=segment_of, at_home=at_home)


def is_night(second: int) -> bool:
    return second >= 22 * 3600 or second < 7 * 3600
