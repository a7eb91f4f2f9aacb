"""Generating a large plan and all its posts stays well under a second."""

from __future__ import annotations

import time

from generator_helpers import plan, posts

from tui_planner.api.models import Frequency, FrequencyInterval, SettingsOverrides, ToolOverride


def test_two_hundred_activities_and_their_posts_generate_quickly() -> None:
    overrides = SettingsOverrides(
        social_marketing=ToolOverride(
            frequency=Frequency(interval=FrequencyInterval.WEEK, count=25)
        )
    )
    start = time.perf_counter()
    activities = plan(None, overrides)[:200]
    generated = [post for activity in activities for post in posts(activity)]
    elapsed = time.perf_counter() - start
    assert len(activities) == 200
    assert len(generated) == 1400
    # Typically about 0.3 s; the margin keeps a busy test machine from failing the build.
    assert elapsed < 2.0
