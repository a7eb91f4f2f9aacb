"""Story drafts: Instagram and Facebook, one to three frames, only on the days that earn one."""

from __future__ import annotations

from datetime import date

from tests.sandbox.generator.generator_helpers import SEED, plan
from tui_planner.api.models import (
    ChannelName,
    ItemType,
    MarketingActivityType,
    MarketingTool,
    Settings,
)
from tui_planner.sandbox.generator import (
    DEMO_PROFILE,
    EventOccurrence,
    GeneratedActivity,
    GeneratedPost,
    activity_stories,
    story_frame_titles,
)

EVENT = EventOccurrence("Spring Open Studio", None, date(2026, 4, 25))


def _frame_url(channel: ChannelName, frame: int) -> str:
    return f"http://sandbox.test/story/{channel.value.lower()}/{frame}.png"


def _stories(
    activity: GeneratedActivity, settings: Settings | None = None, generation: int = 0
) -> list[GeneratedPost]:
    return activity_stories(
        DEMO_PROFILE, settings, activity, seed=SEED, generation=generation, media_url=_frame_url
    )


def test_an_event_day_gets_a_three_frame_story_on_instagram_and_facebook() -> None:
    day_of = next(a for a in plan(events=(EVENT,)) if a.key.startswith("event-day-"))
    stories = _stories(day_of)
    assert [story.channel for story in stories] == [ChannelName.INSTAGRAM, ChannelName.FACEBOOK]
    assert [story.content_key for story in stories] == ["instagramStory", "facebookStory"]
    for story in stories:
        assert story.item_type == ItemType.STORY
        media = story.content["mediaWrapper"]["media"]
        assert media == [
            {"type": "IMAGE", "url": _frame_url(story.channel, frame)} for frame in range(3)
        ]


def test_only_some_social_activities_have_stories_and_never_blogs_or_emails() -> None:
    activities = plan(events=(EVENT,))
    with_stories = [a for a in activities if _stories(a)]
    assert 0 < len(with_stories) < len(activities) // 2
    assert all(a.activity_type == MarketingActivityType.SOCIAL_MARKETING for a in with_stories)
    for activity in with_stories:
        frames = len(_stories(activity)[0].content["mediaWrapper"]["media"])
        assert 1 <= frames <= 3


def test_whether_an_activity_has_a_story_does_not_change_with_the_generation() -> None:
    for activity in plan(events=(EVENT,)):
        assert bool(_stories(activity, generation=0)) == bool(_stories(activity, generation=4))


def test_frame_titles_match_the_frames_and_change_with_the_generation() -> None:
    day_of = next(a for a in plan(events=(EVENT,)) if a.key.startswith("event-day-"))
    titles = [
        story_frame_titles(DEMO_PROFILE, None, day_of, seed=SEED, generation=generation)
        for generation in range(4)
    ]
    assert all(len(frames) == 3 and all(frames) for frames in titles)
    assert len({tuple(frames) for frames in titles}) > 1
    assert any("Spring Open Studio" in frame for frame in titles[0])


def test_no_stories_without_social_marketing() -> None:
    settings = Settings(marketing_tools=(MarketingTool.BLOGS,))
    day_of = next(a for a in plan(events=(EVENT,)) if a.key.startswith("event-day-"))
    assert _stories(day_of, settings) == []
