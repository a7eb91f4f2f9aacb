"""``? Help`` stays on every key bar at 80 columns, however many of the screen's own keys
have to make room (issue 18, item 12: it dropped off the Drafts and activity bars)."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from tests.ui.preview.fixed_plan import fixed_app
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.screens.activity_detail import ActivityDetailScreen
from tui_planner.ui.widgets.key_bar import KeyBar

NARROW = (80, 24)


def bar(app: PlannerApp) -> str:
    return app.screen.query_one(KeyBar).render().plain


async def open_section(pilot: Pilot[None], key: str) -> None:
    await pilot.press(key)
    await pilot.pause()


@pytest.mark.parametrize("key", ["f2", "f3", "f4", "f5", "f8"])
async def test_every_section_s_bar_ends_with_help_at_80_columns(key: str) -> None:
    app = fixed_app()
    async with app.run_test(size=NARROW) as pilot:
        await open_section(pilot, key)

        hints = bar(app).rsplit("▏", 1)[0].rstrip()
        assert hints.endswith("? Help"), hints


async def test_the_activity_bar_ends_with_help_at_80_columns() -> None:
    app = fixed_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await app.push_screen(ActivityDetailScreen("act-launch"))
        await pilot.pause()

        hints = bar(app).rsplit("▏", 1)[0].rstrip()
        assert hints.endswith("? Help"), hints
