"""Activity detail: ``S`` regenerates and ``X`` clears an activity's story drafts.

Both ask first and say which stories stay; regenerating an activity without story drafts
explains why nothing can happen and sends nothing; the keys wait while stories are coming.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from tui_planner.api.models import ItemStatus, PlanMarketingActivity
from tui_planner.config import Config, UiConfig
from tui_planner.sync.commands import ClearStories, RegenerateStories, ScheduleDrafts
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.dialogs import ConfirmDialog
from tui_planner.ui.screens.activity_detail import ActivityDetailScreen
from tui_planner.ui.screens.help import HelpScreen
from tui_planner.ui.widgets.activity_posts import describe_story_drafts

SIZE = (120, 40)
Settle = Callable[..., Awaitable[None]]
Advance = Callable[..., Awaitable[None]]

REGENERATE_PATH = "regenerate-marketing-activity-stories"
CLEAR_PATH = "clear-marketing-activity-stories"


def earliest(app: PlannerApp, wanted: Callable[[PlanMarketingActivity], bool]) -> str:
    """The id of the earliest activity for which ``wanted`` holds."""
    return min(
        (a for a in app.state.activities.values() if wanted(a)), key=lambda a: (a.date, a.id)
    ).id


async def open_activity(app: PlannerApp, pilot: Any, settle: Settle, activity_id: str) -> None:
    await app.push_screen(ActivityDetailScreen(activity_id))
    await settle(pilot)


def confirm_body(app: PlannerApp) -> str:
    assert isinstance(app.screen, ConfirmDialog), type(app.screen).__name__
    return str(app.screen.query_one("#confirm-body").render())


def messages(app: PlannerApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def stories_heading(app: PlannerApp) -> str:
    return str(app.screen.query_one("#stories-heading").render())


async def test_regenerate_stories_asks_then_new_stories_replace_the_drafts(
    make_app: Any,
    shape: str,
    settle: Settle,
    generate_plan: Any,
    advance: Advance,
    watch_requests: Any,
) -> None:
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        activity_id = earliest(app, lambda a: bool(a.stories))
        await open_activity(app, pilot, settle, activity_id)
        before = app.state.activities[activity_id]
        log = watch_requests(app)
        assert stories_heading(app) == "Stories   S regenerate · X clear drafts"

        await pilot.press("S")
        await pilot.pause()
        body = confirm_body(app)
        assert f"Replaces the 2 story drafts (Facebook, Instagram) of “{before.title}”" in body
        assert "Only drafts change: scheduled and published stories are never touched." in body
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ActivityDetailScreen)
        assert log.sent("POST", REGENERATE_PATH) == []

        await pilot.press("S")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot, lambda: activity_id in app.state.posts_generating, what="waiting")
        assert log.sent("POST", REGENERATE_PATH) == [{"marketingActivityId": activity_id}]
        screen = app.screen
        assert isinstance(screen, ActivityDetailScreen)
        waiting = str(screen.query_one("#detail-generating").render())
        assert waiting.startswith("Regenerating the stories…")
        # While the new stories are on their way both keys wait, dimmed, and do nothing.
        assert screen.check_action("regenerate_stories", ()) is None
        assert screen.check_action("clear_stories", ()) is None
        assert stories_heading(app) == "Stories"
        await pilot.press("S")
        await pilot.pause()
        assert app.screen is screen

        await advance(pilot, 5)
        await settle(pilot, lambda: not app.state.posts_generating, what="the new stories")
        after = app.state.activities[activity_id]
        assert [s.id for s in after.stories] == [s.id for s in before.stories]
        assert [s.content for s in after.stories] != [s.content for s in before.stories]
        assert after.posts == before.posts
        assert screen.check_action("regenerate_stories", ()) is True
        assert screen.check_action("clear_stories", ()) is True
        assert not screen.query_one("#detail-generating").display
        assert stories_heading(app) == "Stories   S regenerate · X clear drafts"


async def test_clear_stories_removes_only_drafts_and_cancel_keeps_them(
    make_app: Any, shape: str, settle: Settle, generate_plan: Any, watch_requests: Any
) -> None:
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        activity_id = earliest(app, lambda a: bool(a.stories))
        activity = app.state.activities[activity_id]
        instagram = next(s for s in activity.stories if s.channel.name == "INSTAGRAM")
        outcome = await app.execute(ScheduleDrafts((instagram.id,)))
        assert outcome.scheduled_ids == (instagram.id,), outcome.message
        await open_activity(app, pilot, settle, activity_id)
        posts = app.state.activities[activity_id].posts
        log = watch_requests(app)

        await pilot.press("X")
        await pilot.pause()
        body = confirm_body(app)
        assert f"Clears 1 story draft (Facebook) from “{activity.title}”." in body
        assert "Only drafts go: the 1 story already scheduled or published stays." in body
        assert "This cannot be undone." in body
        await pilot.press("n")
        await settle(pilot)
        assert log.sent("PATCH", CLEAR_PATH) == []
        assert len(app.state.activities[activity_id].stories) == 2

        await pilot.press("X")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert log.sent("PATCH", CLEAR_PATH) == [{"marketingActivityId": activity_id}]
        stored = await app.session.backend.plan.get_marketing_activity_posts((activity_id,))
        (fresh,) = stored.marketing_activities
        kept = [item for item in fresh.items if item.is_story]
        assert [(s.id, s.status) for s in kept] == [(instagram.id, ItemStatus.SCHEDULED)]
        shown = app.state.activities[activity_id]
        assert [s.id for s in shown.stories] == [instagram.id]
        assert shown.posts == posts
        assert any(m.startswith("Cleared the stories") for m in messages(app))

        # Nothing left to clear: the key is dimmed and pressing it opens nothing.
        screen = app.screen
        assert isinstance(screen, ActivityDetailScreen)
        assert screen.check_action("clear_stories", ()) is None
        assert stories_heading(app) == "Stories"
        await pilot.press("X")
        await pilot.pause()
        assert app.screen is screen
        # A scheduled story cannot be regenerated; the key says so rather than asking.
        await pilot.press("S")
        await pilot.pause()
        assert app.screen is screen
        assert any("already scheduled or published" in m for m in messages(app))
        assert log.sent("POST", REGENERATE_PATH) == []


async def test_an_activity_without_stories_explains_instead_of_asking(
    make_app: Any, shape: str, settle: Settle, generate_plan: Any, watch_requests: Any
) -> None:
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        activity_id = earliest(app, lambda a: bool(a.posts) and not a.stories)
        await open_activity(app, pilot, settle, activity_id)
        screen = app.screen
        assert isinstance(screen, ActivityDetailScreen)
        log = watch_requests(app)
        assert screen.check_action("clear_stories", ()) is False
        await pilot.press("X")
        await pilot.pause()
        assert app.screen is screen

        await pilot.press("S")
        await pilot.pause()
        assert app.screen is screen
        title = app.state.activities[activity_id].title
        assert f"“{title}” has no stories. Regenerating only remakes the stories" in " ".join(
            messages(app)
        )
        await settle(pilot)
        assert log.sent("POST", REGENERATE_PATH) == []
        assert log.sent("PATCH", CLEAR_PATH) == []


async def test_story_keys_are_listed_in_help_and_can_be_rebound(
    make_app: Any, settle: Settle, generate_plan: Any
) -> None:
    config = Config(ui=UiConfig(keymap={"detail.clear_stories": "z"}))
    app = make_app(config=config)
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        activity_id = earliest(app, lambda a: bool(a.stories))
        await open_activity(app, pilot, settle, activity_id)
        assert stories_heading(app) == "Stories   S regenerate · z clear drafts"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        by_id = {entry.binding_id: entry for entry in app.screen.entries}
        regenerate = by_id["detail.regenerate_stories"]
        assert (regenerate.keys, regenerate.description) == (("S",), "Regenerate stories")
        assert regenerate.group == "Activity"
        clear = by_id["detail.clear_stories"]
        assert (clear.keys, clear.description, clear.enabled) == (
            ("z",),
            "Clear story drafts",
            True,
        )
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("X")
        await pilot.pause()
        assert isinstance(app.screen, ActivityDetailScreen)
        await pilot.press("z")
        await pilot.pause()
        assert "Clears 2 story drafts (Facebook, Instagram)" in confirm_body(app)


async def test_story_keys_submit_their_commands_through_the_host(
    make_app: Any, shape: str, make_static_app: Any, settle: Settle, generate_plan: Any
) -> None:
    sandbox_app = make_app(shape=shape)
    async with sandbox_app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        state = sandbox_app.state
    activity_id = min(
        (a for a in state.activities.values() if a.stories), key=lambda a: (a.date, a.id)
    ).id
    assert describe_story_drafts(state.activities[activity_id].stories) == (
        "2 story drafts (Facebook, Instagram)"
    )

    app = make_static_app(state)
    async with app.run_test(size=SIZE) as pilot:
        await open_activity(app, pilot, settle, activity_id)
        await pilot.press("S")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot, lambda: len(app.session.engine.commands) == 1, what="the regeneration")
        await pilot.press("X")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot, lambda: len(app.session.engine.commands) == 2, what="the clearing")
        assert app.session.engine.commands == [
            RegenerateStories(activity_id),
            ClearStories(activity_id),
        ]
