"""The demo-data use case's answer, as people read it."""

from __future__ import annotations

from loggutdrag.services.demo import demo_logins, describe_counts


def test_counts_are_described_in_swedish_with_spaced_thousands() -> None:
    lines = describe_counts({"lock_events": 966_535, "recipients": 1000, "lock-events.csv": 12})
    assert lines == ["låshändelser: 966 535", "brukare: 1 000", "lock-events.csv: 12"]


def test_the_demo_logins_name_the_providers_the_demo_creates() -> None:
    codes = {login.provider_code for login in demo_logins()}
    assert codes == {None, "HT01", "HT04"}
    assert all(login.display_name for login in demo_logins())
