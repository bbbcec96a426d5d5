"""Alarm customers and what is registered about them: alarms, locks, cameras, supervision orders."""

from __future__ import annotations

from datetime import date, timedelta
from random import Random

from loggutdrag.demo.model import Akutlarm, Order, Provider, Recipient, Segment
from loggutdrag.demo.people import (
    Person,
    WeightedIndex,
    birth_date,
    elderly_name,
    make_address,
    make_personnummer,
)
from loggutdrag.demo.year import REFERENCE_DATE, Timeline

# Shares of the alarm customers (each at least one person, whatever the scale).
SHARE_SAMORDNINGSNUMMER = 0.02
SHARE_CENTENARIAN = 0.015
SHARE_PROTECTED = 0.005
SHARE_STARTED = 0.18  # the alarm was installed during the year
SHARE_ENDED = 0.14  # ... or removed (moved to a care home, died)
SHARE_SWITCHED = 0.03  # changed provider during the year
SHARE_HOME_CARE = 0.5  # home-care visits through the digital lock
SHARE_CAMERA = 0.05  # night-time camera supervision
SHARE_FREQUENT = 0.005  # several calls a day

# (calls per month: low, high, share) for everyone else.
CALLER_KINDS = ((0.5, 3.0, 0.56), (3.0, 10.0, 0.30), (10.0, 30.0, 0.115), (30.0, 90.0, 0.025))
_CALLER = WeightedIndex([kind[2] for kind in CALLER_KINDS])

# Usual visit times (local hour) for 2, 3 and 4 visits a day.
VISIT_PLANS = {2: (8.0, 19.0), 3: (8.0, 12.5, 19.5), 4: (7.75, 12.0, 16.5, 21.0)}
_VISITS = WeightedIndex([0.35, 0.4, 0.25])

# Night-time look-in plans: 1-3 look-ins, e.g. 23:00, 02:00, 05:00.
# fmt: off
LOOKIN_PLANS = (
    ("23:00",), ("01:00",), ("02:00",), ("03:00",),
    ("23:00", "03:00"), ("22:30", "02:00"), ("00:00", "04:00"), ("23:00", "02:30"),
    ("23:00", "02:00", "05:00"), ("22:00", "01:00", "04:00"), ("22:30", "01:30", "05:00"),
)
# fmt: on
_LOOKIN_PLAN = WeightedIndex([1, 1, 1, 1, 1.5, 1.5, 1.5, 1.5, 1.7, 1.7, 1.6])


def quota(rng: Random, population: int, share: float) -> set[int]:
    """``share`` of ``range(population)``, at least one, chosen at random."""
    k = min(population, max(1, round(population * share)))
    return set(rng.sample(range(population), k))


def make_recipients(
    rng: Random, timeline: Timeline, providers: list[Provider], count: int, alarm_id_start: int
) -> list[Recipient]:
    """The alarm customers with their alarm periods (segments), lock, and calling and visit habits.

    Staff teams are left empty here (staff are sized from how many customers each provider has).
    """
    samordning = quota(rng, count, SHARE_SAMORDNINGSNUMMER)
    centenarian = quota(rng, count, SHARE_CENTENARIAN) - samordning
    protected = quota(rng, count, SHARE_PROTECTED)
    started = quota(rng, count, SHARE_STARTED)
    ended = quota(rng, count, SHARE_ENDED)
    switched = quota(rng, count, SHARE_SWITCHED)
    home_care = quota(rng, count, SHARE_HOME_CARE)
    frequent = quota(rng, count, SHARE_FREQUENT)
    choose_provider = WeightedIndex([p.weight for p in providers])
    taken: set[str] = set()
    lock_serials: set[str] = set()
    alarm_id = alarm_id_start
    recipients: list[Recipient] = []
    for i in range(count):
        female = rng.random() < 0.68  # most very old people are women
        born = birth_date(rng, REFERENCE_DATE, centenarian=i in centenarian)
        number = make_personnummer(
            rng, born, female=female, samordningsnummer=i in samordning, taken=taken
        )
        first, last = elderly_name(rng, female=female)
        person = Person(number, first, last, female)

        spans = _alarm_spans(
            rng,
            timeline,
            providers,
            choose_provider.pick(rng),
            started=i in started,
            ended=i in ended,
            switched=i in switched,
        )
        segments = []
        for provider_id, d0, d1, since, until in spans:
            segments.append(Segment(alarm_id, provider_id, since, until, d0, d1, []))
            alarm_id += 1
        first_day, last_day = spans[0][1], spans[-1][2]
        rate, visits, visit_times = _habits(rng, frequent=i in frequent, home_care=i in home_care)
        away: list[tuple[int, int]] = []
        if rng.random() < 0.25 and last_day - first_day > 30:
            start = rng.randrange(first_day, last_day - 16)
            away.append((start, start + rng.randint(2, 14)))

        recipients.append(
            Recipient(
                id=i + 1,
                person=person,
                address=make_address(rng),
                protected=i in protected,
                alarm_external_id=f"TL{i + 1:06d}",
                segments=segments,
                lock_id=i + 1,
                lock_external_id=_serial(rng, "LK-", lock_serials),
                visits_per_day=visits,
                visit_times=visit_times,
                call_rate=rate,
                away=away,
            )
        )
    return recipients


Span = tuple[int, int, int, date, date | None]  # provider id, first day, last day, from, to


def _alarm_spans(
    rng: Random,
    timeline: Timeline,
    providers: list[Provider],
    provider_index: int,
    *,
    started: bool,
    ended: bool,
    switched: bool,
) -> list[Span]:
    """The alarm's periods: since before the year or from a day in it, maybe ended, maybe split."""
    days = timeline.days
    if started:
        first_day = rng.randrange(1, days - 30)
        active_from = timeline.date(first_day)
    else:
        first_day = 0
        active_from = timeline.start - timedelta(days=rng.randint(1, 3650))
    last_day, active_to = days - 1, None
    if ended:
        last_day = rng.randrange(min(first_day + 20, days - 2), days - 1)
        active_to = timeline.date(last_day)
    provider = providers[provider_index]
    if not (switched and last_day - first_day > 60 and len(providers) > 1):
        return [(provider.id, first_day, last_day, active_from, active_to)]
    switch = rng.randrange(first_day + 30, last_day - 20)
    other = rng.choice([p for p in providers if p.id != provider.id])
    return [
        (provider.id, first_day, switch - 1, active_from, timeline.date(switch - 1)),
        (other.id, switch, last_day, timeline.date(switch), active_to),
    ]


def _habits(rng: Random, *, frequent: bool, home_care: bool) -> tuple[float, int, list[int]]:
    """Calls a day; home-care visits a day and their usual local times (seconds)."""
    if frequent:
        rate = rng.uniform(4.0, 8.0)
    else:
        low, high, _share = CALLER_KINDS[_CALLER.pick(rng)]
        rate = rng.uniform(low, high) / 30.4
    if not home_care:
        return rate, 0, []
    visits = 2 + _VISITS.pick(rng)
    shift = rng.randint(-30, 30) * 60  # the person's own rhythm
    return rate, visits, [int(hour * 3600) + shift for hour in VISIT_PLANS[visits]]


def _serial(rng: Random, prefix: str, taken: set[str]) -> str:
    """A device serial number such as ``CAM-7F3A21``, unique in ``taken``."""
    while True:
        serial = f"{prefix}{rng.randrange(16**6):06X}"
        if serial not in taken:
            taken.add(serial)
            return serial


def make_akutlarm(
    rng: Random, timeline: Timeline, providers: list[Provider], alarm_id_start: int
) -> list[Akutlarm]:
    """Two to four emergency alarms per provider, in the staff room; a few replaced in the year."""
    result: list[Akutlarm] = []
    alarm_id = alarm_id_start
    for provider in providers:
        room = provider.staff_room
        for n in range(rng.randint(2, 4)):
            external_id = f"AK{provider.id:03d}{n + 1:02d}"
            place = ("Personalrum", "Kontor", "Omklädningsrum", "Personalrum 2")[n]
            address = f"{place} {provider.name}, {room.line}"
            since = timeline.start - timedelta(days=rng.randint(100, 2500))
            periods: list[tuple[date, date | None, int, int]] = [
                (since, None, 0, timeline.days - 1)
            ]
            if n == 1 and rng.random() < 0.4:  # replaced during the year: two register rows
                change = rng.randrange(60, timeline.days - 60)
                periods = [
                    (since, timeline.date(change - 1), 0, change - 1),
                    (timeline.date(change), None, change, timeline.days - 1),
                ]
            for active_from, active_to, first_day, last_day in periods:
                result.append(
                    Akutlarm(
                        alarm_id=alarm_id,
                        external_id=external_id,
                        provider_id=provider.id,
                        address=address,
                        active_from=active_from,
                        active_to=active_to,
                        first_day=first_day,
                        last_day=last_day,
                    )
                )
                alarm_id += 1
    return result


def add_cameras_and_orders(rng: Random, timeline: Timeline, recipients: list[Recipient]) -> None:
    """Camera supervision for about 5% of the customers: 1-3 planned look-ins a night."""
    chosen = sorted(quota(rng, len(recipients), SHARE_CAMERA))
    serials: set[str] = set()
    order_id = 0
    for camera_id, index in enumerate(chosen, start=1):
        recipient = recipients[index]
        recipient.camera_id = camera_id
        recipient.camera_serial = _serial(rng, "CAM-", serials)
        plan = LOOKIN_PLANS[_LOOKIN_PLAN.pick(rng)]
        weekdays = "1234567" if rng.random() < 0.92 else "12345"
        installed_day = None
        if rng.random() < 0.3:  # camera installed during the year
            latest = max(recipient.first_day + 1, recipient.last_day - 20)
            installed_day = rng.randrange(recipient.first_day, latest)
        for segment in recipient.segments:
            d0, d1 = segment.first_day, segment.last_day
            since: date = segment.active_from
            if installed_day is not None:
                if installed_day > d1:
                    continue
                if installed_day > d0:
                    d0, since = installed_day, timeline.date(installed_day)
            until = segment.active_to
            changed = d1 - d0 > 90 and rng.random() < 0.15  # times changed once during the year
            change_day = rng.randrange(d0 + 30, d1 - 30) if changed else None
            for planned in plan:
                periods = [(d0, d1, since, until, planned)]
                if change_day is not None:
                    later = _shift_time(planned, rng.choice((-60, -30, 30, 60)))
                    periods = [
                        (d0, change_day - 1, since, timeline.date(change_day - 1), planned),
                        (change_day, d1, timeline.date(change_day), until, later),
                    ]
                for p0, p1, valid_from, valid_to, time in periods:
                    order_id += 1
                    recipient.orders.append(
                        Order(
                            id=order_id,
                            external_id=f"SO{order_id:06d}",
                            recipient_id=recipient.id,
                            camera_id=camera_id,
                            provider_id=segment.provider_id,
                            planned_time=time,
                            weekdays=weekdays,
                            valid_from=valid_from,
                            valid_to=valid_to,
                            first_day=p0,
                            last_day=p1,
                        )
                    )


def _shift_time(hhmm: str, minutes: int) -> str:
    hours, mins = hhmm.split(":")
    total = (int(hours) * 60 + int(mins) + minutes) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"
