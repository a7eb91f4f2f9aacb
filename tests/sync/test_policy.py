"""The polling policy's arithmetic."""

from __future__ import annotations

import random

from tui_planner.sync import PollPolicy


def test_generating_polls_start_at_a_second_and_stretch_to_five() -> None:
    policy = PollPolicy()

    assert [policy.generating_delay(n) for n in range(6)] == [1.0, 1.5, 2.25, 3.375, 5.0, 5.0]


def test_error_waits_stay_in_the_upper_half_of_each_step_and_cap_at_a_minute() -> None:
    policy = PollPolicy()
    rng = random.Random(3)

    for failures in range(1, 12):
        step = min(60.0, 2.0 ** (failures - 1))
        for _ in range(50):
            assert step / 2 <= policy.error_delay(failures, rng) <= step


def test_retry_after_beats_a_shorter_backoff() -> None:
    policy = PollPolicy()

    assert policy.error_delay(1, random.Random(0), retry_after=120.0) == 120.0


def test_a_costly_idle_poll_stretches_the_next_wait_to_keep_two_requests_a_minute() -> None:
    policy = PollPolicy(idle_interval=30.0)

    assert policy.idle_delay(1) == 30.0
    assert policy.idle_delay(11) == 330.0
