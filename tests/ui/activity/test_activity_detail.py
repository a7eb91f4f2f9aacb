"""Activity detail: destructive actions ask first and say what they lose."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.widgets import Input

from tui_planner.api.models import ItemStatus, PlanMarketingActivity
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.dialogs import ConfirmDialog, TextPromptDialog
from tui_planner.ui.dialogs.text_prompt import check_image_url
from tui_planner.ui.screens.activity_detail import ActivityDetailScreen
from tui_planner.ui.widgets.field_error import FieldError

SIZE = (120, 40)
Settle = Callable[..., Awaitable[None]]


def first_with_posts(app: PlannerApp) -> PlanMarketingActivity:
    """The earliest activity that has posts."""
    return min((a for a in app.state.activities.values() if a.posts), key=lambda a: (a.date, a.id))


async def open_detail(app: PlannerApp, pilot: Any, settle: Settle, generate_plan: Any) -> str:
    await generate_plan(pilot)
    activity = first_with_posts(app)
    await app.push_screen(ActivityDetailScreen(activity.id))
    await settle(pilot)
    return activity.id


async def test_clear_posts_says_what_will_be_lost_and_cancel_keeps_them(
    make_app: Any, shape: str, settle: Settle, generate_plan: Any, watch_requests: Any
) -> None:
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        activity_id = await open_detail(app, pilot, settle, generate_plan)
        posts = app.state.activities[activity_id].posts
        drafts = sum(post.status == ItemStatus.DRAFT for post in posts)
        log = watch_requests(app)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        body = str(app.screen.query_one("#confirm-body").render())
        assert f"Clears {len(posts)} posts ({drafts} drafts" in body
        await pilot.press("escape")
        await settle(pilot)
        assert log.sent("PATCH", "clear-marketing-activity-posts") == []
        assert len(app.state.activities[activity_id].posts) == len(posts)

        await pilot.press("c")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot, lambda: not app.state.activities[activity_id].posts)
        assert log.sent("PATCH", "clear-marketing-activity-posts") == [
            {"marketingActivityId": activity_id}
        ]


async def test_delete_asks_first_then_closes_and_the_sandbox_forgets_it(
    make_app: Any, shape: str, settle: Settle, generate_plan: Any
) -> None:
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        activity_id = await open_detail(app, pilot, settle, generate_plan)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "This cannot be undone." in str(app.screen.query_one("#confirm-body").render())
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ActivityDetailScreen)
        assert activity_id in app.state.activities

        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot, lambda: activity_id not in app.state.activities)
        await settle(pilot)
        assert not isinstance(app.screen, ActivityDetailScreen)
        plan = await app.session.backend.plan.get_social_marketing_plan()
        assert activity_id not in {a.id for a in plan.marketing_activities}


async def test_the_screen_closes_with_a_notice_when_the_activity_is_deleted_elsewhere(
    make_app: Any, shape: str, settle: Settle, generate_plan: Any
) -> None:
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        activity_id = await open_detail(app, pilot, settle, generate_plan)
        await app.session.backend.plan.delete_plan_marketing_activity(activity_id)
        app.session.engine.request_sync()
        await settle(pilot, lambda: not isinstance(app.screen, ActivityDetailScreen))
        assert any("no longer in the plan" in n.message for n in app._notifications)


async def test_own_image_url_must_be_a_web_address(
    make_app: Any, shape: str, settle: Settle, generate_plan: Any, watch_requests: Any
) -> None:
    assert check_image_url("ftp://example.com/a.png") is not None
    assert check_image_url("https://example.com/a.png") is None
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        activity_id = await open_detail(app, pilot, settle, generate_plan)
        log = watch_requests(app)
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptDialog)
        app.screen.query_one(Input).value = "not a url"
        await pilot.press("enter")
        assert app.screen.query_one(FieldError).message == (
            "That is not a web address; it must start with https:// or http://."
        )
        app.screen.query_one(Input).value = "https://example.com/mine.png"
        await pilot.press("enter")
        await settle(pilot, lambda: bool(log.sent("PATCH", "update-marketing-activity-posts")))
        (body,) = log.sent("PATCH", "update-marketing-activity-posts-media")
        assert body["marketingActivityId"] == activity_id


async def test_generate_is_offered_only_when_there_are_no_posts(
    make_app: Any, shape: str, settle: Settle, generate_plan: Any
) -> None:
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        await open_detail(app, pilot, settle, generate_plan)
        screen = app.screen
        assert screen.check_action("generate", ()) is False
        assert screen.check_action("clear_posts", ()) is True
