"""What the activity detail asks before a command that loses something, and when its story
keys apply: the wording and the key states, without a terminal."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tui_planner.api.models import ItemStatus, PlanMarketingActivity, PostItem
from tui_planner.sync.commands import ClearStories, DeleteActivity, RegenerateStories
from tui_planner.ui.screens import activity_questions as questions
from tui_planner.zone import zone_named

WHEN = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)


def _item(item_id: str, status: ItemStatus, *, story: bool = False) -> PostItem:
    return PostItem.model_validate(
        {
            "id": item_id,
            "channel": {"name": "INSTAGRAM"},
            "status": status.value,
            "type": "STORY" if story else "POST",
        }
    )


def _activity(*items: PostItem) -> PlanMarketingActivity:
    return PlanMarketingActivity(
        marketing_activity_id="act-1", date=WHEN, title="Winter glaze sale", items=items
    )


def test_regenerating_stories_without_stories_is_refused_with_the_reason() -> None:
    asked = questions.regenerate_stories(_activity(_item("p", ItemStatus.DRAFT)))
    assert isinstance(asked, questions.Refusal)
    assert asked.title == "Nothing to regenerate"
    assert "“Winter glaze sale” has no stories" in asked.body


def test_regenerating_stories_with_none_left_as_drafts_is_refused() -> None:
    scheduled = _item("s", ItemStatus.SCHEDULED, story=True)
    asked = questions.regenerate_stories(_activity(scheduled))
    assert isinstance(asked, questions.Refusal)
    assert "already scheduled or published" in asked.body


def test_regenerating_story_drafts_asks_and_sends_regenerate_stories() -> None:
    activity = _activity(_item("d", ItemStatus.DRAFT, story=True))
    asked = questions.regenerate_stories(activity)
    assert isinstance(asked, questions.Question)
    assert asked.command == RegenerateStories("act-1")
    assert asked.label == "Regenerate stories"
    assert "The posts stay as they are." in asked.body


def test_clearing_story_drafts_names_what_stays() -> None:
    activity = _activity(
        _item("d", ItemStatus.DRAFT, story=True), _item("s", ItemStatus.SCHEDULED, story=True)
    )
    asked = questions.clear_stories(activity)
    assert asked.command == ClearStories("act-1")
    assert "Only drafts go:" in asked.body


def test_deleting_names_the_day_in_the_users_zone() -> None:
    asked = questions.delete_activity(_activity(), zone_named("Europe/Berlin"))
    assert asked.command == DeleteActivity("act-1")
    # 23:30 UTC on the 24th is already the 25th in Berlin.
    assert "“Winter glaze sale” on Wed 25 Nov." in asked.body


@pytest.mark.parametrize(
    ("items", "generating", "regenerate", "clear"),
    [
        ((), False, True, False),  # no stories: regenerate says why, clear is hidden
        ((), True, None, False),  # generating: regenerate waits, clear still hidden
        ((("d", ItemStatus.DRAFT),), False, True, True),
        ((("d", ItemStatus.DRAFT),), True, None, None),
        ((("s", ItemStatus.SCHEDULED),), False, True, None),  # nothing to clear: dimmed
    ],
)
def test_story_keys_apply_as_the_stories_allow(
    items: tuple[tuple[str, ItemStatus], ...],
    generating: bool,
    regenerate: bool | None,
    clear: bool | None,
) -> None:
    activity = _activity(*(_item(key, status, story=True) for key, status in items))
    assert questions.story_key_state(activity, generating, "regenerate_stories") is regenerate
    assert questions.story_key_state(activity, generating, "clear_stories") is clear


def test_story_keys_are_hidden_without_an_activity() -> None:
    assert questions.story_key_state(None, False, "regenerate_stories") is False
