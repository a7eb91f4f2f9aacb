"""Excluded topics never appear: not in a title, description, caption, hashtag, title or link."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sandbox.generator.generator_helpers import PERIOD_END, SEED, TODAY, media_url
from tui_planner.api.channel_rules import hashtags
from tui_planner.api.models import (
    MarketingPlanGoal,
    PlanGoal,
    PointOfView,
    Settings,
    Topics,
)
from tui_planner.sandbox.generator import (
    DEMO_PROFILE,
    EventOccurrence,
    activity_posts,
    activity_stories,
    plan_activities,
    story_frame_titles,
)

_PHRASES = DEMO_PROFILE.vocabulary + tuple(p.note for p in DEMO_PROFILE.products[:3])
_WORDS = sorted(
    {word for phrase in _PHRASES for word in re.findall(r"[A-Za-z]{4,}", phrase)}
    | {DEMO_PROFILE.website, "Emberline", "newsletter", "spring", "studio", "shop"}
)
VOCABULARY = sorted({*DEMO_PROFILE.vocabulary, *_WORDS})
EVENTS = (
    EventOccurrence("Spring Open Studio", "Free wheel demos all afternoon.", date(2026, 4, 18)),
    EventOccurrence("Asheville makers market", None, date(2026, 5, 9)),
)


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


def _assert_clean(text: str, excluded: list[str]) -> None:
    lowered = text.lower()
    tags = [tag.lower() for tag in hashtags(text)]
    for term in excluded:
        assert term.lower() not in lowered, (term, text)
        assert not any(_squash(term) in tag for tag in tags), (term, text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    excluded=st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=3, unique=True),
    included=st.lists(st.sampled_from(VOCABULARY), max_size=2, unique=True),
    point_of_view=st.sampled_from(list(PointOfView)),
    goal=st.sampled_from([*PlanGoal, None]),
    generation=st.integers(min_value=0, max_value=3),
)
def test_excluded_topics_never_appear_anywhere(
    excluded: list[str],
    included: list[str],
    point_of_view: PointOfView,
    goal: PlanGoal | None,
    generation: int,
) -> None:
    chosen = Settings(
        topics=Topics(included=tuple(included), excluded=tuple(excluded)),
        point_of_view=point_of_view,
        marketing_plan_goal=MarketingPlanGoal(goal_key=goal) if goal else None,
        custom_content_guidelines="Always mention free local pickup in Asheville.",
    )
    activities = plan_activities(
        DEMO_PROFILE,
        chosen,
        None,
        EVENTS,
        seed=SEED,
        today=TODAY,
        period_end=PERIOD_END,
        generation=generation,
    )
    assert activities
    for activity in activities:
        assert activity.title.strip()
        _assert_clean(activity.title, excluded)
        _assert_clean(activity.description, excluded)
    for activity in activities[:10]:
        for post in activity_posts(
            DEMO_PROFILE, chosen, activity, seed=SEED, generation=generation, media_url=media_url
        ):
            text = str(post.content.get("caption") or post.content.get("description"))
            assert text.strip()
            for field in ("caption", "description", "title", "link"):
                _assert_clean(str(post.content.get(field, "")), excluded)
        frames = story_frame_titles(
            DEMO_PROFILE, chosen, activity, seed=SEED, generation=generation
        )
        for frame in frames:
            _assert_clean(frame, excluded)


def test_excluding_a_product_keeps_it_out_of_the_whole_plan() -> None:
    chosen = Settings(topics=Topics(excluded=("mug",)))
    activities = plan_activities(
        DEMO_PROFILE,
        chosen,
        None,
        EVENTS,
        seed=SEED,
        today=TODAY,
        period_end=PERIOD_END,
        generation=0,
    )
    assert activities
    for activity in activities:
        _assert_clean(activity.title + " " + activity.description, ["mug"])
        for post in activity_posts(
            DEMO_PROFILE, chosen, activity, seed=SEED, generation=0, media_url=media_url
        ):
            _assert_clean(str(post.content), ["mug"])
        stories = activity_stories(
            DEMO_PROFILE,
            chosen,
            activity,
            seed=SEED,
            generation=0,
            media_url=lambda channel, frame: f"http://sandbox.test/{channel.value}/{frame}.png",
        )
        assert all("mug" not in str(story.content).lower() for story in stories)


def test_an_excluded_topic_wins_over_the_same_included_topic() -> None:
    chosen = Settings(topics=Topics(included=("gift ideas",), excluded=("gift",)))
    activities = plan_activities(
        DEMO_PROFILE,
        chosen,
        None,
        (),
        seed=SEED,
        today=TODAY,
        period_end=PERIOD_END,
        generation=0,
    )
    for activity in activities:
        _assert_clean(activity.title + activity.description, ["gift"])
