"""Commands describe themselves in words and are frozen."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from tui_planner.sync import (
    CommandOutcome,
    GeneratePosts,
    ScheduleDrafts,
    UpdateActivity,
)


def test_commands_say_what_they_ask_for() -> None:
    assert ScheduleDrafts(("a", "b", "c", "d")).describe() == "Schedule 4 drafts"
    assert ScheduleDrafts(("a",)).describe() == "Schedule 1 draft"
    assert GeneratePosts(("a", "b")).describe() == "Generate posts for 2 activities"


def test_update_activity_masks_only_the_fields_it_sets() -> None:
    when = datetime(2026, 7, 9, tzinfo=UTC)

    assert UpdateActivity("a", title="T").field_mask == ("title",)
    assert UpdateActivity("a", description="", target_date=when).field_mask == (
        "description",
        "targetDate",
    )


def test_commands_and_outcomes_are_frozen() -> None:
    command = ScheduleDrafts(("a",))
    outcome = CommandOutcome(command, ok=True, message="Scheduled 1 of 1 draft")

    with pytest.raises(dataclasses.FrozenInstanceError):
        command.draft_ids = ()  # type: ignore[misc]
    assert outcome.scheduled_ids == ()
