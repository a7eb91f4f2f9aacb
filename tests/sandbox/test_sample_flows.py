"""The contract's sample flows (§8) end to end: the real client against the in-process sandbox.

Every flow runs over both answer shapes (``shape``): the documented one answers only what the
contract states, so a flow that passes there relies on nothing the contract only guesses.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tests.sandbox.harness import BASE_URL, START
from tui_planner.api import FailedPreconditionError, MarketingPlanClient, PublisherClient
from tui_planner.api.models import (
    CalendarEvent,
    ChannelName,
    Frequency,
    FrequencyInterval,
    ItemStatus,
    MarketingActivity,
    MarketingActivityType,
    MarketingPlanGoal,
    MarketingSettings,
    PlanGoal,
    PlanStatus,
    PointOfView,
    Settings,
    SettingsOverrides,
    SocialMarketingPlan,
    TokenStatus,
    ToolOverride,
    Topics,
)
from tui_planner.clock import ManualClock
from tui_planner.sandbox import SandboxOptions, create_app
from tui_planner.sandbox.options import Shape

TWITTER_SUNSET = datetime(2026, 8, 1, tzinfo=UTC)


@dataclass
class Clients:
    """The real API clients over one in-process sandbox."""

    plan: MarketingPlanClient
    publisher: PublisherClient
    clock: ManualClock
    options: SandboxOptions

    async def poll_until_settled(self) -> SocialMarketingPlan:
        """Poll GetSocialMarketingPlan every 5 s (manual clock) until ACTIVE or FAILED."""
        for _ in range(200):
            plan = await self.plan.get_social_marketing_plan()
            if plan.status in (PlanStatus.ACTIVE, PlanStatus.FAILED):
                return plan
            self.clock.advance(5)
        pytest.fail("the plan never settled")


async def _clients(clock: ManualClock, **switches: object) -> AsyncIterator[Clients]:
    options = SandboxOptions(**switches)  # type: ignore[arg-type]
    app = create_app(data_file=":memory:", clock=clock, options=options)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app)) as http:
        common = {"base_url": BASE_URL, "api_key": "key", "site_id": "site", "clock": clock}
        yield Clients(
            MarketingPlanClient(http, **common),  # type: ignore[arg-type]
            PublisherClient(http, **common),  # type: ignore[arg-type]
            clock,
            options,
        )


@pytest.fixture
async def clients(clock: ManualClock, shape: Shape) -> AsyncIterator[Clients]:
    """Clients over a sandbox with the default switches, in each answer shape."""
    async for built in _clients(clock, shape=shape):
        yield built


async def test_flow_8_1_generate_plan_and_schedule_its_posts(clients: Clients) -> None:
    assert await clients.plan.generate_marketing_plan() == PlanStatus.GENERATING
    plan = await clients.poll_until_settled()
    assert plan.status == PlanStatus.ACTIVE
    drafts = [
        item
        for activity in plan.marketing_activities
        for item in activity.posts
        if item.status == ItemStatus.DRAFT
        and not (item.channel.name == ChannelName.TWITTER and activity.date >= TWITTER_SUNSET)
    ]
    assert len(drafts) > 20, "enough drafts to need two ScheduleDrafts calls"
    answer = await clients.plan.schedule_drafts(item.id for item in drafts)
    scheduled = {item.id for item in answer.items}
    connected = {
        item.id
        for item in drafts
        if item.channel.name in (ChannelName.FACEBOOK, ChannelName.INSTAGRAM, ChannelName.LINKEDIN)
    }
    assert scheduled == connected
    after = await clients.plan.get_social_marketing_plan()
    statuses = {item.id: item.status for a in after.marketing_activities for item in a.items}
    assert {statuses[i] for i in scheduled} == {ItemStatus.SCHEDULED}
    assert {statuses[d.id] for d in drafts if d.id not in scheduled} == {ItemStatus.DRAFT}


async def test_flow_8_1_without_premium_stops_at_failed_precondition(
    clock: ManualClock, shape: Shape
) -> None:
    async for clients in _clients(clock, premium=False, shape=shape):
        await clients.plan.generate_marketing_plan()
        plan = await clients.poll_until_settled()
        draft = next(item for a in plan.marketing_activities for item in a.posts)
        with pytest.raises(FailedPreconditionError):
            await clients.plan.schedule_drafts([draft.id])


async def test_flow_8_1_a_failed_generation_is_retried_by_regenerating(
    clock: ManualClock, shape: Shape
) -> None:
    # An unpublished site with an even seed fails; the failed plan exists, so the retry is
    # RegenerateMarketingPlan (the contract steers callers of an existing plan there).
    async for clients in _clients(clock, site_published=False, seed=8, shape=shape):
        await clients.plan.generate_marketing_plan()
        assert (await clients.poll_until_settled()).status == PlanStatus.FAILED
        assert await clients.plan.regenerate_marketing_plan() == PlanStatus.GENERATING
        assert (await clients.poll_until_settled()).status == PlanStatus.FAILED


async def test_flow_8_2_tailor_settings_then_generate(clients: Clients) -> None:
    goals = await clients.plan.get_plan_goal_options()
    points = await clients.plan.get_point_of_view_options()
    defaults = await clients.plan.get_marketing_settings_defaults()
    calendars = await clients.plan.get_calendar_options()
    assert goals
    assert points
    assert calendars
    assert defaults.marketing_plan_goal
    settings = MarketingSettings(
        settings=Settings(
            marketing_plan_goal=MarketingPlanGoal(goal_key=PlanGoal.BOOST_SALES),
            point_of_view=PointOfView.SECOND_PERSON,
            tone_of_voice="warm and playful",
            topics=Topics(included=("glaze recipes",), excluded=("politics",)),
        ),
        overrides=SettingsOverrides(
            social_marketing=ToolOverride(
                frequency=Frequency(interval=FrequencyInterval.WEEK, count=2)
            )
        ),
    )
    saved = await clients.plan.upsert_marketing_settings(
        settings,
        [
            "settings.marketingPlanGoal",
            "settings.pointOfView",
            "settings.toneOfVoice",
            "settings.topics",
            "overrides.socialMarketing.frequency",
        ],
    )
    assert saved.settings.point_of_view == PointOfView.SECOND_PERSON
    assert (
        await clients.plan.get_marketing_settings()
    ).settings.tone_of_voice == "warm and playful"
    await clients.plan.generate_marketing_plan()
    plan = await clients.poll_until_settled()
    assert plan.status == PlanStatus.ACTIVE
    text = " ".join(
        f"{a.title} {a.description} {item.text}"
        for a in plan.marketing_activities
        for item in a.items
    ).lower()
    assert "politics" not in text
    # The existing plan is then regenerated with keyword research after the topics change.
    assert (
        await clients.plan.regenerate_marketing_plan_with_keyword_research()
        == PlanStatus.GENERATING
    )
    assert (await clients.poll_until_settled()).status == PlanStatus.ACTIVE


async def test_flow_8_3_plan_around_a_custom_event(clients: Clients) -> None:
    event = await clients.plan.create_event(
        CalendarEvent(
            name="Kiln Opening Party", description="Open doors", date=START + timedelta(days=20)
        )
    )
    assert event.id
    found = await clients.plan.query_events(START, START + timedelta(days=40))
    assert any(e.id == event.id for e in found)
    await clients.plan.generate_marketing_plan()
    plan = await clients.poll_until_settled()
    assert any("Kiln Opening Party" in a.title for a in plan.marketing_activities)


async def test_flow_8_4_generate_and_schedule_posts_for_later_activities(clients: Clients) -> None:
    await clients.plan.generate_marketing_plan()
    plan = await clients.poll_until_settled()
    # The plan view does not document an activity's type; QueryMarketingActivities does.
    social = {
        a.id
        for a in await clients.plan.query_marketing_activities(
            start=START, end=START + timedelta(days=60)
        )
        if a.marketing_activity_type == MarketingActivityType.SOCIAL_MARKETING
    }
    later = [a for a in plan.marketing_activities if not a.items and a.id in social][:3]
    assert later
    ids = [a.id for a in later]
    await clients.plan.generate_social_posts(ids)
    for _ in range(10):
        posts = await clients.plan.get_marketing_activity_posts(ids)
        if all(entry.items for entry in posts.marketing_activities):
            break
        clients.clock.advance(1)
    drafts = [
        item.id
        for entry in posts.marketing_activities
        for item in entry.items
        if item.status == ItemStatus.DRAFT
    ]
    assert drafts
    answer = await clients.plan.schedule_drafts(drafts)
    assert answer.items
    assert {item.status for item in answer.items} == {ItemStatus.SCHEDULED}


async def test_flow_8_5_refresh_one_activity(clients: Clients) -> None:
    await clients.plan.generate_marketing_plan()
    plan = await clients.poll_until_settled()
    activity = next(a for a in plan.marketing_activities if a.posts)
    before = {item.id: (item.text, item.image) for item in activity.posts}
    await clients.plan.regenerate_marketing_activity_posts_media(activity.id)
    clients.clock.advance(clients.options.posts_seconds)
    entry = (await clients.plan.get_marketing_activity_posts([activity.id])).marketing_activities[0]
    refreshed = [item for item in entry.items if not item.is_story]
    assert all(item.text == before[item.id][0] for item in refreshed)
    assert all(item.image != before[item.id][1] for item in refreshed)
    await clients.plan.update_marketing_activity_posts_media(
        activity.id, "https://static.wixstatic.com/media/own.jpg"
    )
    await clients.plan.clear_marketing_activity_posts(activity.id)
    await clients.plan.generate_social_posts([activity.id])
    clients.clock.advance(clients.options.posts_seconds)
    entry = (await clients.plan.get_marketing_activity_posts([activity.id])).marketing_activities[0]
    assert len([item for item in entry.items if not item.is_story]) == 7


async def test_flow_8_5_refresh_one_activitys_stories(clients: Clients) -> None:
    await clients.plan.generate_marketing_plan()
    plan = await clients.poll_until_settled()
    with_posts = [a.id for a in plan.marketing_activities if a.posts]
    entries = (await clients.plan.get_marketing_activity_posts(with_posts)).marketing_activities
    entry = next(e for e in entries if any(item.is_story for item in e.items))
    activity_id = entry.marketing_activity_id
    frames = {item.id: item.image for item in entry.items if item.is_story}
    posts = {item.id for item in entry.items if not item.is_story}
    await clients.plan.regenerate_marketing_activity_stories(activity_id)
    clients.clock.advance(clients.options.posts_seconds)
    (entry,) = (await clients.plan.get_marketing_activity_posts([activity_id])).marketing_activities
    regenerated = {item.id: item.image for item in entry.items if item.is_story}
    assert regenerated.keys() == frames.keys()
    assert all(regenerated[key] != frames[key] for key in frames)
    await clients.plan.clear_marketing_activity_stories(activity_id)
    (entry,) = (await clients.plan.get_marketing_activity_posts([activity_id])).marketing_activities
    assert not [item for item in entry.items if item.is_story]
    assert {item.id for item in entry.items} == posts


async def test_flow_8_6_manage_activities_directly(clients: Clients) -> None:
    await clients.plan.generate_marketing_plan()
    await clients.poll_until_settled()
    created = await clients.plan.create_marketing_activity(
        MarketingActivity(
            title="Back-to-school promo",
            description="Email + social push for the September sale.",
            target_date=datetime(2026, 8, 20, 9, tzinfo=UTC),
            marketing_activity_type=MarketingActivityType.EMAIL_MARKETING,
        )
    )
    assert created.id
    updated = await clients.plan.update_marketing_activity(
        MarketingActivity(id=created.id, title="Back-to-school mega promo"), ["title"]
    )
    assert updated.title == "Back-to-school mega promo"
    assert updated.description == created.description
    fetched = await clients.plan.get_marketing_activity(created.id)
    assert fetched == updated
    emails = await clients.plan.query_marketing_activities(
        start=datetime(2026, 8, 1, tzinfo=UTC), activity_type=MarketingActivityType.EMAIL_MARKETING
    )
    assert created.id in {a.id for a in emails}
    await clients.plan.delete_plan_marketing_activity(created.id)
    assert not await clients.plan.query_marketing_activities(ids=[created.id])
    await clients.plan.delete_marketing_plan()
    assert (await clients.plan.get_social_marketing_plan()).status == PlanStatus.NEVER_CREATED


async def test_flow_8_7_reactivate_an_inactive_plan(clients: Clients) -> None:
    await clients.plan.generate_marketing_plan()
    await clients.poll_until_settled()
    clients.clock.advance(timedelta(days=clients.options.idle_days_until_inactive).total_seconds())
    inactive = await clients.plan.get_social_marketing_plan()
    assert inactive.status == PlanStatus.INACTIVE
    assert inactive.marketing_activities == ()
    await clients.plan.regenerate_marketing_plan()
    assert (await clients.poll_until_settled()).status == PlanStatus.ACTIVE


async def test_publisher_flow_connect_check_and_lifecycle(clients: Clients) -> None:
    assert await clients.publisher.get_token_status(ChannelName.INSTAGRAM) == TokenStatus.VALID
    assert await clients.publisher.get_token_status(ChannelName.TIKTOK) == TokenStatus.NEVER_CREATED
    (account,) = await clients.publisher.list_accounts(ChannelName.INSTAGRAM)
    await clients.plan.generate_marketing_plan()
    plan = await clients.poll_until_settled()
    item = next(
        i
        for a in plan.marketing_activities
        for i in a.posts
        if i.channel.name == ChannelName.INSTAGRAM
    )
    assert item.channel.account_id == account.id
    (scheduled,) = (await clients.plan.schedule_drafts([item.id])).items
    moved = await clients.publisher.reschedule_item(item.id, START + timedelta(days=3))
    if moved is None:
        # The wrapper of Reschedule's answer is UNVERIFIED: without one, read the item back.
        owner = next(a.id for a in plan.marketing_activities if item in a.items)
        (entry,) = (await clients.plan.get_marketing_activity_posts([owner])).marketing_activities
        moved = next(i for i in entry.items if i.id == item.id)
    assert moved.scheduled_date == START + timedelta(days=3)
    canceled = await clients.publisher.cancel_scheduled_item(scheduled.id)
    assert canceled is not None
    assert canceled.status == ItemStatus.CANCELED
