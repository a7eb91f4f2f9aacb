"""An ACTIVE plan without a single post says why in Drafts, and what brings posts
(issue 18, item 3): an unpublished site, or social posts off in the settings."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from textual.widgets import Static

from tests.harness import SIZE
from tests.ui.calendar.calendar_host import sample_state
from tui_planner.api.models import MarketingSettings, MarketingTool
from tui_planner.api.models.settings import Settings
from tui_planner.store.state import frozen_mapping
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.screens.drafts import DraftsScreen

Settle = Callable[..., Awaitable[None]]


async def _empty_text(app: PlannerApp, pilot: Any, settle: Settle) -> str:
    await pilot.press("f3")
    await settle(pilot, lambda: isinstance(app.screen, DraftsScreen), what="the drafts")
    await pilot.pause()
    empty = app.screen.query_one("#drafts-empty", Static)
    assert empty.display
    return str(empty.visual)


async def test_an_unpublished_sites_plan_without_posts_says_to_publish_it(
    make_app: Callable[..., PlannerApp], settle: Settle, generate_plan: Any
) -> None:
    app = make_app(site_published=False, seed=7)  # odd seed: ACTIVE, with no posts
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        assert app.state.activities
        assert await _empty_text(app, pilot, settle) == (
            "The plan has no posts yet. A site that is not published gets a plan without "
            "posts: publish the site, then regenerate the plan (^g). Or press p to list the "
            "activities without posts, choose some, and G generates their posts."
        )


async def test_social_posts_off_in_the_settings_says_to_turn_them_on(
    make_static_app: Callable[..., PlannerApp], settle: Settle
) -> None:
    state = sample_state()
    postless = {key: a.model_copy(update={"items": ()}) for key, a in state.activities.items()}
    tools_off = MarketingSettings(settings=Settings(marketing_tools=(MarketingTool.BLOGS,)))
    app = make_static_app(replace(state, activities=frozen_mapping(postless), settings=tools_off))
    async with app.run_test(size=SIZE) as pilot:
        assert await _empty_text(app, pilot, settle) == (
            "The plan has no posts: Social posts is off in the settings' marketing tools. "
            "Turn it on in Settings (f5), then regenerate the plan (^g). Or press p to list "
            "the activities without posts, choose some, and G generates their posts."
        )


async def test_connected_only_before_the_connections_are_read_says_so(
    make_static_app: Callable[..., PlannerApp], settle: Settle
) -> None:
    """The plan is read before the rest of the first load (which channels are connected
    among it): the drafts list stands, and "connected only" says what it waits for, not
    that the plan is loading."""
    state = replace(sample_state(), loaded=False, plan_read=True, connections=frozen_mapping({}))
    app = make_static_app(state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await settle(pilot, lambda: isinstance(app.screen, DraftsScreen), what="the drafts")
        await pilot.pause()
        assert app.screen.query_one("#drafts-empty", Static).display is False

        await pilot.press("c")
        await pilot.pause()

        empty = app.screen.query_one("#drafts-empty", Static)
        assert empty.display
        assert str(empty.visual) == "Reading which channels are connected…"
