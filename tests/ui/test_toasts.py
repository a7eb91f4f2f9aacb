"""Toasts sit above a planner screen's foot, so the status line stays readable under them."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets._toast import Toast

from tui_planner.store.state import PlannerState
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.widgets.key_bar import KeyBar
from tui_planner.ui.widgets.status_bar import StatusBar

MakeStaticApp = Callable[..., PlannerApp]


async def test_a_toast_leaves_the_status_bar_and_the_key_bar_uncovered(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(PlannerState(loaded=True))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.notify("Copied the Instagram caption to the clipboard for you.", timeout=30)
        for _ in range(10):
            await pilot.pause()
        toast = app.screen.query_one(Toast)
        status = app.screen.query_one(StatusBar)
        keys = app.screen.query_one(KeyBar)

        assert toast.region.height > 0
        assert not toast.region.overlaps(status.region), "the status line reads whole"
        assert not toast.region.overlaps(keys.region)
        assert toast.region.bottom == status.region.y, "right above the foot, not higher"
