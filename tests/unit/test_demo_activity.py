"""A year of generated logs per customer: calls, lock events, look-ins (no database)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter

import pytest

from loggutdrag.demo.activity import Activity, akutlarm_activity, recipient_activity
from loggutdrag.demo.context import Context
from loggutdrag.demo.model import World
from loggutdrag.demo.world import build_world


@pytest.fixture(scope="module")
def world() -> World:
    return build_world(seed=11, scale=0.2)


@pytest.fixture(scope="module")
def context(world: World) -> Context:
    return Context.of(world)


@pytest.fixture(scope="module")
def activities(world: World, context: Context) -> dict[int, Activity]:
    return {r.id: recipient_activity(context, r) for r in world.recipients}


def test_every_escalated_call_with_an_arrival_has_the_arriving_staffs_unlock(
    world: World, activities: dict[int, Activity]
) -> None:
    checked = 0
    for recipient in world.recipients:
        activity = activities[recipient.id]
        unlocks = [e for e in activity.events if e[2] == "unlock"]
        epochs = [e[0] for e in unlocks]
        for call in activity.calls:
            arrived, provider_id = call[6], call[8]
            if not arrived:
                continue
            near = unlocks[bisect_left(epochs, arrived - 60) : bisect_right(epochs, arrived + 60)]
            assert any(
                e[4] == provider_id and world.member(e[1]).provider_id == provider_id for e in near
            ), (recipient.id, call)
            checked += 1
    assert checked > 1000


def test_the_escalation_chain_runs_forward_within_realistic_times(
    activities: dict[int, Activity],
) -> None:
    calls = [call for activity in activities.values() for call in activity.calls]
    escalated = [c for c in calls if c[4]]
    assert 0.3 < len(escalated) / len(calls) < 0.65
    for triggered, answered, operator, reason, esc, ack, arrived, closed, _p in calls:
        assert operator
        assert reason
        assert 0 < answered - triggered <= 330
        if not esc:
            assert answered < closed
            continue
        assert answered < esc < ack < closed
        if arrived:
            assert 600 <= arrived - ack <= 3600  # staff arrive 10-60 minutes later
            assert arrived < closed
    assert any(c[4] and not c[6] for c in calls)  # some escalations were called off


def test_reasons_are_in_swedish(activities: dict[int, Activity]) -> None:
    reasons = Counter(c[3] for a in activities.values() for c in a.calls)
    assert {"Fall", "Oro", "Hjälp till toalett"} <= set(reasons)


def test_most_customers_call_a_few_times_a_month_and_a_few_several_a_day(
    world: World, activities: dict[int, Activity]
) -> None:
    per_day = sorted(
        len(activities[r.id].calls) / max(1, r.last_day - r.first_day + 1) for r in world.recipients
    )
    assert per_day[len(per_day) // 2] < 0.35
    assert per_day[-1] > 2.5


def test_home_care_visits_unlock_then_lock_by_the_same_person(
    world: World, activities: dict[int, Activity]
) -> None:
    visited = [r for r in world.recipients if r.visits_per_day]
    assert visited
    for recipient in visited[:20]:
        events = [e for e in activities[recipient.id].events if e[2] in ("unlock", "lock")]
        open_by: Counter[int] = Counter()
        for _epoch, staff_id, event, _method, provider_id in events:
            assert world.member(staff_id).provider_id == provider_id
            if event == "unlock":
                open_by[staff_id] += 1
            else:
                assert open_by[staff_id] > 0  # a lock follows the same person's unlock
                open_by[staff_id] -= 1
        assert sum(open_by.values()) == 0
        days = recipient.last_day - recipient.first_day + 1
        unlocks = sum(1 for e in events if e[2] == "unlock")
        assert unlocks >= 1.6 * days * 0.8  # at least two visits on most days


def test_lock_events_are_in_time_order_and_include_refusals_and_low_batteries(
    activities: dict[int, Activity],
) -> None:
    kinds: Counter[str] = Counter()
    for activity in activities.values():
        epochs = [e[0] for e in activity.events]
        assert epochs == sorted(epochs)
        kinds.update(e[2] for e in activity.events)
    assert kinds["unlock"] > kinds["denied"] > 0
    assert kinds["battery_low"] > 0
    assert {e[1] for a in activities.values() for e in a.events if e[2] == "battery_low"} == {0}


def test_look_ins_show_the_deviations_a_log_check_looks_for(
    world: World, activities: dict[int, Activity]
) -> None:
    lookins = [lookin for a in activities.values() for lookin in a.lookins]
    assert lookins
    pairs = Counter((lookin[4], lookin[5]) for lookin in lookins)
    assert pairs[("not_performed", "none")] > 0  # missed look-ins
    assert pairs[("not_visible", "recheck")] > pairs[("not_visible", "none")] > 0
    assert pairs[("not_in_bed", "called_provider")] > pairs[("not_in_bed", "none")] > 0
    late = [lk for lk in lookins if lk[2] and lk[2] - lk[1] >= 1200]
    assert late
    for _order, planned, performed, operator, outcome, action, action_at in lookins:
        if outcome == "not_performed":
            assert (performed, operator, action_at) == (0, "", 0)
        else:
            assert performed >= planned - 120
            assert operator in world.operators
        assert bool(action_at) == (action != "none")


def test_rechecks_mostly_come_within_twenty_minutes(activities: dict[int, Activity]) -> None:
    delays = [lk[6] - lk[2] for a in activities.values() for lk in a.lookins if lk[5] == "recheck"]
    assert sum(d <= 1200 for d in delays) / len(delays) > 0.7
    assert any(d > 1200 for d in delays)


def test_akutlarm_calls_have_a_monthly_test_and_are_not_escalated(
    world: World, context: Context
) -> None:
    alarm = world.akutlarm[0]
    calls = akutlarm_activity(context, alarm)
    assert sum(c[3] == "Provlarm" for c in calls) >= 11
    assert all(c[4] == 0 and c[6] == 0 for c in calls)


def test_a_customers_logs_do_not_depend_on_anyone_elses(world: World, context: Context) -> None:
    recipient = world.recipients[5]
    alone = recipient_activity(context, recipient)
    for other in world.recipients[:5]:
        recipient_activity(context, other)
    assert recipient_activity(context, recipient) == alone


def test_log_volume_grows_in_proportion_to_the_scale() -> None:
    def total(scale: float) -> int:
        world = build_world(seed=2, scale=scale)
        context = Context.of(world)
        return sum(
            len(a.events) + len(a.calls) + len(a.lookins)
            for a in (recipient_activity(context, r) for r in world.recipients)
        )

    small, large = total(0.05), total(0.2)
    assert 2.5 < large / small < 6
    assert 30_000 < small < 90_000  # about a million log rows per unit of scale
