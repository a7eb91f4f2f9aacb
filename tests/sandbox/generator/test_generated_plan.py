"""Planning activities: deterministic, inside the period, shaped by tools, frequency and events."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, date, timedelta

import pytest

from tests.sandbox.generator.generator_helpers import PERIOD_END, TODAY, plan
from tui_planner.api.models import (
    Frequency,
    FrequencyInterval,
    MarketingActivityType,
    MarketingPlanGoal,
    MarketingTool,
    PlanGoal,
    Settings,
    SettingsOverrides,
    ToolOverride,
    Topics,
)
from tui_planner.sandbox.generator import EventOccurrence, GeneratedActivity

SOCIAL = MarketingActivityType.SOCIAL_MARKETING
BLOG = MarketingActivityType.BLOG
EMAIL = MarketingActivityType.EMAIL_MARKETING
PLACEHOLDERS = re.compile(r"lorem|ipsum|\bpost \d|\bTODO\b|\bTBD\b|\{|\}", re.IGNORECASE)


def _types(activities: list[GeneratedActivity]) -> Counter[MarketingActivityType]:
    return Counter(activity.activity_type for activity in activities)


def test_the_same_inputs_give_the_same_plan() -> None:
    assert plan() == plan()


def test_a_new_generation_gives_new_titles_and_dates() -> None:
    first, second = plan(generation=0), plan(generation=1)
    assert [a.title for a in first] != [a.title for a in second]
    assert [a.date for a in first] != [a.date for a in second]


def test_a_different_seed_gives_a_different_plan() -> None:
    assert [a.title for a in plan(seed=1)] != [a.title for a in plan(seed=2)]


def test_activities_are_sorted_inside_the_period_at_business_hours_in_utc(
    demo_plan: list[GeneratedActivity],
) -> None:
    assert demo_plan == sorted(demo_plan, key=lambda a: a.date)
    for activity in demo_plan:
        assert activity.date.tzinfo == UTC
        assert TODAY <= activity.date.date() <= PERIOD_END
        assert (9, 0) <= (activity.date.hour, activity.date.minute) <= (18, 0)


def test_keys_are_unique_slugs(demo_plan: list[GeneratedActivity]) -> None:
    keys = [activity.key for activity in demo_plan]
    assert len(set(keys)) == len(keys)
    assert all(re.fullmatch(r"[a-z0-9-]+", key) for key in keys)


def test_default_cadence_is_three_social_a_week_and_two_blogs_and_emails_a_month(
    demo_plan: list[GeneratedActivity],
) -> None:
    days = (PERIOD_END - TODAY).days + 1  # 54 days
    counts = _types(demo_plan)
    assert counts[SOCIAL] == round(3 * days / 7)
    assert counts[BLOG] == round(2 * days / (365.25 / 12))
    assert counts[EMAIL] == counts[BLOG]


def test_per_tool_frequency_overrides_set_the_mix() -> None:
    overrides = SettingsOverrides(
        social_marketing=ToolOverride(
            frequency=Frequency(interval=FrequencyInterval.WEEK, count=7)
        ),
        blogs=ToolOverride(frequency=Frequency(interval=FrequencyInterval.WEEK, count=1)),
        email_marketing=ToolOverride(
            frequency=Frequency(interval=FrequencyInterval.MONTH, count=1)
        ),
    )
    counts = _types(plan(overrides=overrides, period_end=TODAY + timedelta(days=27)))
    assert counts == {SOCIAL: 28, BLOG: 4, EMAIL: 1}


def test_core_frequency_applies_to_tools_without_their_own() -> None:
    settings = Settings(frequency=Frequency(interval=FrequencyInterval.WEEK, count=2))
    overrides = SettingsOverrides(
        blogs=ToolOverride(frequency=Frequency(interval=FrequencyInterval.WEEK, count=1))
    )
    counts = _types(plan(settings, overrides, period_end=TODAY + timedelta(days=13)))
    assert counts == {SOCIAL: 4, BLOG: 2, EMAIL: 4}


def test_only_enabled_marketing_tools_get_activities() -> None:
    settings = Settings(marketing_tools=(MarketingTool.BLOGS, MarketingTool.EMAIL_MARKETING))
    counts = _types(plan(settings))
    assert SOCIAL not in counts
    assert counts[BLOG] > 0
    assert counts[EMAIL] > 0
    assert plan(Settings(marketing_tools=())) == []


def test_an_event_gets_a_lead_up_a_day_of_and_a_follow_up() -> None:
    event = EventOccurrence("Spring Open Studio", "Free wheel demos.", date(2026, 4, 25))
    activities = [a for a in plan(events=(event,)) if a.key.startswith("event-")]
    days = sorted(a.date.date() for a in activities)
    assert len(activities) == 3
    assert days[0] < event.date == days[1] < days[2]
    assert (event.date - days[0]).days in range(2, 6)
    assert (days[2] - event.date).days in range(1, 4)
    assert all("Spring Open Studio" in a.title + a.description for a in activities)


def test_event_activities_outside_the_period_are_left_out() -> None:
    event = EventOccurrence("Opening night", None, TODAY)
    activities = [a for a in plan(events=(event,)) if a.key.startswith("event-")]
    assert [a.key.split("-2026")[0] for a in activities] == ["event-day", "event-follow-up"]
    assert activities[0].date.date() == TODAY


def test_event_order_does_not_change_the_plan() -> None:
    one = EventOccurrence("Kiln opening", None, date(2026, 4, 20))
    two = EventOccurrence("Makers market", "Stall 12.", date(2026, 5, 9))
    assert plan(events=(one, two)) == plan(events=(two, one))


def test_event_arc_uses_email_when_social_is_off() -> None:
    settings = Settings(marketing_tools=(MarketingTool.EMAIL_MARKETING,))
    event = EventOccurrence("Spring Open Studio", None, date(2026, 4, 25))
    activities = [a for a in plan(settings, events=(event,)) if a.key.startswith("event-")]
    assert {a.activity_type for a in activities} == {EMAIL}


def test_included_topics_appear_in_titles_and_descriptions() -> None:
    topics = ("sustainability", "wedding gifts")
    activities = plan(Settings(topics=Topics(included=topics)))
    for topic in topics:
        assert any(topic in a.title.lower() for a in activities)
        assert sum(topic in a.description.lower() for a in activities) >= len(activities) // 3


@pytest.mark.parametrize(
    ("goal", "marker"),
    [
        (PlanGoal.BOOST_SALES, "sales"),
        (PlanGoal.BRAND_AWARENESS, "awareness"),
        (PlanGoal.DRIVE_TRAFFIC, "traffic"),
        (PlanGoal.COLLECT_LEADS, "sign-up"),
    ],
)
def test_the_goal_shapes_every_description(goal: PlanGoal, marker: str) -> None:
    settings = Settings(marketing_plan_goal=MarketingPlanGoal(goal_key=goal))
    descriptions = [a.description.lower() for a in plan(settings)]
    assert all("aim:" in d for d in descriptions)
    assert any(marker in d for d in descriptions)


def test_sales_goal_leans_on_offers_and_awareness_on_stories() -> None:
    def themes(goal: PlanGoal) -> Counter[str]:
        settings = Settings(marketing_plan_goal=MarketingPlanGoal(goal_key=goal))
        return Counter(a.key.split("-2026")[0] for a in plan(settings))

    sales, awareness = themes(PlanGoal.BOOST_SALES), themes(PlanGoal.BRAND_AWARENESS)
    assert sales["offer"] > awareness["offer"]
    assert awareness["behind-the-scenes"] + awareness["customer-story"] > (
        sales["behind-the-scenes"] + sales["customer-story"]
    )


def test_titles_read_like_copy_and_vary(demo_plan: list[GeneratedActivity]) -> None:
    titles = [a.title for a in demo_plan]
    for activity in demo_plan:
        assert not PLACEHOLDERS.search(activity.title + activity.description)
        assert activity.title[0].isupper() or activity.title[0].isdigit()
        assert len(activity.title) <= 120
    assert len(set(titles)) == len(titles)


def test_an_empty_or_reversed_period_has_no_activities() -> None:
    assert plan(period_end=TODAY - timedelta(days=1)) == []
