"""The demo municipality's register data, kept in memory while the logs are generated.

Ids are the database ids the rows get (assigned here, so the same seed gives the same ids). Day
numbers count from the first day of the demo year (see year.py); ``first_day``/``last_day`` are
clipped to the year, while the ``date`` fields hold what the register says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from loggutdrag.demo.people import Address, Person
from loggutdrag.demo.year import Timeline
from loggutdrag.domain.enums import ProviderOwnership

ALWAYS = 10**6  # a day number far outside the year: "no limit"


@dataclass(slots=True)
class Provider:
    id: int
    code: str
    name: str
    ownership: ProviderOwnership
    org_number: str
    contact_email: str
    staff_room: Address
    weight: float
    day_staff: list[int] = field(default_factory=list)
    night_staff: list[int] = field(default_factory=list)
    core_day_staff: list[int] = field(default_factory=list)  # employed the whole year
    core_night_staff: list[int] = field(default_factory=list)


@dataclass(slots=True)
class StaffMember:
    id: int
    provider_id: int
    username: str
    name: str
    valid_from: date | None
    valid_to: date | None
    first_day: int
    last_day: int
    night: bool
    method: str  # how they usually open locks: app | tag


@dataclass(slots=True)
class Segment:
    """One row of the alarm register: the recipient's alarm with one provider for a period."""

    alarm_id: int
    provider_id: int
    active_from: date
    active_to: date | None
    first_day: int
    last_day: int
    team: list[int]  # the staff who usually visit


@dataclass(slots=True)
class Order:
    """A supervision order: one planned look-in time on the given weekdays."""

    id: int
    external_id: str
    recipient_id: int
    camera_id: int
    provider_id: int
    planned_time: str  # local HH:MM
    weekdays: str  # ISO weekdays, e.g. 1234567
    valid_from: date
    valid_to: date | None
    first_day: int
    last_day: int

    @property
    def planned_second(self) -> int:
        hours, minutes = self.planned_time.split(":")
        return int(hours) * 3600 + int(minutes) * 60


@dataclass(slots=True)
class Recipient:
    id: int
    person: Person
    address: Address
    protected: bool
    alarm_external_id: str
    segments: list[Segment]
    lock_id: int
    lock_external_id: str
    visits_per_day: int  # 0: no home-care visits (the lock is only used when an alarm is answered)
    visit_times: list[int]  # the person's usual visit times, local seconds of the day
    call_rate: float  # alarm calls per day
    away: list[tuple[int, int]]  # days in hospital or elsewhere (no visits, no calls)
    camera_id: int | None = None
    camera_serial: str | None = None
    orders: list[Order] = field(default_factory=list)

    @property
    def first_day(self) -> int:
        return self.segments[0].first_day

    @property
    def last_day(self) -> int:
        return self.segments[-1].last_day


@dataclass(slots=True)
class Akutlarm:
    """A provider's own emergency alarm (e.g. in the staff room): in the register, no recipient."""

    alarm_id: int
    external_id: str
    provider_id: int
    address: str
    active_from: date
    active_to: date | None
    first_day: int
    last_day: int


@dataclass(slots=True)
class World:
    seed: int
    scale: float
    timeline: Timeline
    providers: list[Provider]
    staff: list[StaffMember]
    recipients: list[Recipient]
    akutlarm: list[Akutlarm]
    operators: list[str]

    def provider(self, provider_id: int) -> Provider:
        return self.providers[provider_id - 1]

    def member(self, staff_id: int) -> StaffMember:
        return self.staff[staff_id - 1]
