"""The case lifecycle is an explicit state machine: only the allowed transitions."""

from __future__ import annotations

from itertools import pairwise

import pytest

from loggutdrag.domain.enums import CaseStatus as S
from loggutdrag.domain.lifecycle import (
    TRANSITIONS,
    IllegalTransitionError,
    can_transition,
    check_transition,
)
from loggutdrag.domain.verdict import status_for

HAPPY_PATH = [S.RECEIVED, S.AWAITING_SUPPLEMENT, S.READY, S.EXTRACT_PRODUCED, S.DELIVERED, S.CLOSED]


def test_the_happy_path_is_allowed_step_by_step() -> None:
    for current, target in pairwise(HAPPY_PATH):
        check_transition(current, target)


def test_a_complete_request_may_go_straight_to_ready() -> None:
    assert can_transition(S.RECEIVED, S.READY)


@pytest.mark.parametrize("status", [S.RECEIVED, S.AWAITING_SUPPLEMENT, S.READY])
def test_an_open_case_may_be_refused_or_withdrawn(status: S) -> None:
    assert can_transition(status, S.REFUSED)
    assert can_transition(status, S.WITHDRAWN)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.RECEIVED, S.EXTRACT_PRODUCED),
        (S.AWAITING_SUPPLEMENT, S.EXTRACT_PRODUCED),
        (S.READY, S.DELIVERED),
        (S.DELIVERED, S.READY),
        (S.REFUSED, S.READY),
        (S.WITHDRAWN, S.READY),
        (S.CLOSED, S.RECEIVED),
        (S.EXTRACT_PRODUCED, S.REFUSED),
        (S.DELIVERED, S.WITHDRAWN),
    ],
)
def test_other_transitions_are_refused_with_a_swedish_reason(current: S, target: S) -> None:
    with pytest.raises(IllegalTransitionError) as caught:
        check_transition(current, target)
    assert "kan inte bli" in caught.value.message_sv


def test_closed_is_final() -> None:
    assert TRANSITIONS[S.CLOSED] == frozenset()


def test_every_status_has_its_transitions_listed() -> None:
    assert set(TRANSITIONS) == set(S)


def test_the_verdict_decides_the_status_refusal_first() -> None:
    assert status_for(complete=True, allowed=True) is S.READY
    assert status_for(complete=False, allowed=True) is S.AWAITING_SUPPLEMENT
    assert status_for(complete=False, allowed=False) is S.REFUSED
    assert status_for(complete=True, allowed=False) is S.REFUSED
