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
    posts = [
        post
        for activity in activities[:10]
        for post in activity_posts(
            DEMO_PROFILE, chosen, activity, seed=SEED, generation=generation, media_url=media_url
        )
    ]
    assert posts, "no posts were generated to check"
    for post in posts:
        text = str(post.content.get("caption") or post.content.get("description"))
        assert text.strip()
        for field in ("caption", "description", "title", "link"):
            _assert_clean(str(post.content.get(field, "")), excluded)
    frames = [
        frame
        for activity in activities
        for frame in story_frame_titles(
            DEMO_PROFILE, chosen, activity, seed=SEED, generation=generation
        )
    ]
    assert frames, "no story frames were generated to check"
    for frame in frames:
        _assert_clean(frame, excluded)


def _whole_plan_text(chosen: Settings) -> list[str]:
    """Every title, description, post and story of the plan ``chosen`` generates."""
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
    texts = [activity.title + " " + activity.description for activity in activities]
    for activity in activities:
        posts = activity_posts(
            DEMO_PROFILE, chosen, activity, seed=SEED, generation=0, media_url=media_url
        )
        stories = activity_stories(
            DEMO_PROFILE,
            chosen,
            activity,
            seed=SEED,
            generation=0,
            media_url=lambda channel, frame: f"http://sandbox.test/{channel.value}/{frame}.png",
        )
        texts.extend(str(item.content) for item in (*posts, *stories))
    return texts


def test_excluding_a_product_keeps_it_out_of_the_whole_plan() -> None:
    # Without the exclusion the mugs are all over the plan, so their absence means something.
    assert sum("mug" in text.lower() for text in _whole_plan_text(Settings())) > 10

    texts = _whole_plan_text(Settings(topics=Topics(excluded=("mug",))))

    assert len(texts) > 100
    for text in texts:
        _assert_clean(text, ["mug"])


def test_an_excluded_topic_wins_over_the_same_included_topic() -> None:
    def plan(topics: Topics) -> list[str]:
        activities = plan_activities(
            DEMO_PROFILE,
            Settings(topics=topics),
            None,
            (),
            seed=SEED,
            today=TODAY,
            period_end=PERIOD_END,
            generation=0,
        )
        return [activity.title + " " + activity.description for activity in activities]

    # Included alone, the topic shows up; excluded too, it is gone.
    assert any("gift" in text.lower() for text in plan(Topics(included=("gift ideas",))))
    texts = plan(Topics(included=("gift ideas",), excluded=("gift",)))

    assert len(texts) > 10
    for text in texts:
        _assert_clean(text, ["gift"])
