"""The demo municipality's register: providers, staff, customers, alarms, cameras, orders."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from loggutdrag.demo.model import World
from loggutdrag.demo.world import build_world
from loggutdrag.domain.enums import ProviderOwnership
from loggutdrag.domain.personnummer import parse_personnummer


@pytest.fixture(scope="module")
def world() -> World:
    return build_world(seed=7, scale=1.0)


def test_scale_one_has_a_thousand_customers_over_six_providers(world: World) -> None:
    assert len(world.recipients) == 1000
    assert [p.code for p in world.providers] == [f"HT0{n}" for n in range(1, 7)]


def test_the_providers_the_demo_logins_name_exist(world: World) -> None:
    north, private = world.providers[0], world.providers[3]
    assert (north.code, north.name, north.ownership) == (
        "HT01",
        "Hemtjänst Norr",
        ProviderOwnership.MUNICIPAL,
    )
    assert (private.code, private.ownership) == ("HT04", ProviderOwnership.PRIVATE)


def test_each_provider_has_about_forty_staff_with_unique_usernames(world: World) -> None:
    per_provider = Counter(member.provider_id for member in world.staff)
    assert all(15 <= count <= 90 for count in per_provider.values())
    assert 30 <= sum(per_provider.values()) / len(per_provider) <= 50
    usernames = [member.username for member in world.staff]
    assert len(set(usernames)) == len(usernames)
    assert all(re.fullmatch(r"[a-z]+(\.[a-z-]+)?\d*|[a-z]{2}\d{4}", u) for u in usernames)


def test_staff_who_visit_belong_to_the_customers_provider(world: World) -> None:
    for recipient in world.recipients:
        for segment in recipient.segments:
            assert segment.team
            assert {world.member(s).provider_id for s in segment.team} == {segment.provider_id}


def test_every_customer_has_a_valid_personnummer_and_a_lock(world: World) -> None:
    numbers = [r.person.personnummer for r in world.recipients]
    assert len(set(numbers)) == len(numbers)
    for number in numbers:
        assert parse_personnummer(number).long == number
    locks = [r.lock_external_id for r in world.recipients]
    assert len(set(locks)) == len(locks)


def test_there_are_samordningsnummer_centenarians_and_protected_identities(world: World) -> None:
    parsed = [parse_personnummer(r.person.personnummer) for r in world.recipients]
    assert sum(p.is_samordningsnummer for p in parsed) >= 10
    assert sum(p.birth_date.year < 1926 for p in parsed) >= 10
    assert 1 <= sum(r.protected for r in world.recipients) <= 20


def test_some_alarms_start_and_some_end_during_the_year(world: World) -> None:
    started = [r for r in world.recipients if r.first_day > 0]
    ended = [r for r in world.recipients if r.segments[-1].active_to is not None]
    assert 100 <= len(started) <= 300
    assert 80 <= len(ended) <= 250
    for recipient in ended:
        assert recipient.last_day < world.timeline.days - 1


def test_a_change_of_provider_gives_two_consecutive_register_rows(world: World) -> None:
    switched = [r for r in world.recipients if len(r.segments) > 1]
    assert switched
    for recipient in switched:
        first, second = recipient.segments
        assert first.provider_id != second.provider_id
        assert first.last_day + 1 == second.first_day
        assert first.active_to is not None
        assert (second.active_from - first.active_to).days == 1


def test_akutlarm_belong_to_a_provider_and_sit_in_its_staff_room(world: World) -> None:
    assert {a.provider_id for a in world.akutlarm} == {p.id for p in world.providers}
    for alarm in world.akutlarm:
        room = world.provider(alarm.provider_id).staff_room
        assert room.line in alarm.address


def test_alarm_ids_are_unique_across_akutlarm_and_customers(world: World) -> None:
    ids = [a.alarm_id for a in world.akutlarm] + [
        s.alarm_id for r in world.recipients for s in r.segments
    ]
    assert sorted(ids) == list(range(1, len(ids) + 1))


def test_about_five_percent_have_camera_supervision_with_night_look_ins(world: World) -> None:
    with_camera = [r for r in world.recipients if r.camera_id is not None]
    assert len(with_camera) == 50
    for recipient in with_camera:
        assert re.fullmatch(r"CAM-[0-9A-F]{6}", recipient.camera_serial or "")
        assert recipient.orders
        for order in recipient.orders:
            hour = int(order.planned_time[:2])
            assert hour >= 21 or hour <= 6
            segment_providers = {s.provider_id for s in recipient.segments}
            assert order.provider_id in segment_providers
            assert recipient.first_day <= max(0, order.first_day) <= order.last_day


def test_a_few_customers_call_several_times_a_day(world: World) -> None:
    rates = sorted(r.call_rate for r in world.recipients)
    assert rates[-1] >= 4
    assert rates[len(rates) // 2] < 0.3  # the median customer calls a few times a month


def test_the_same_seed_gives_the_same_municipality() -> None:
    first, second = build_world(seed=3, scale=0.05), build_world(seed=3, scale=0.05)
    assert first.recipients == second.recipients
    assert first.staff == second.staff
    assert first.providers == second.providers


def test_another_seed_gives_other_people() -> None:
    first, second = build_world(seed=3, scale=0.05), build_world(seed=4, scale=0.05)
    assert {r.person.personnummer for r in first.recipients}.isdisjoint(
        {r.person.personnummer for r in second.recipients}
    )


def test_larger_scales_have_more_providers_and_proportionally_more_customers() -> None:
    small, large = build_world(seed=1, scale=0.02), build_world(seed=1, scale=4)
    assert (len(small.recipients), len(large.recipients)) == (20, 4000)
    assert len(small.providers) == 5
    assert len(large.providers) == 12
    assert len({p.code for p in large.providers}) == 12
    assert len({p.name for p in large.providers}) == 12
