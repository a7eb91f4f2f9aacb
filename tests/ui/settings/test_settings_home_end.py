"""In Settings, home and end on a focused dropdown move the focus with the form, so what
space opens is always the field on screen, below the header."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.widgets import Select

from tests.ui.settings.test_settings_screen import open_settings
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.widgets.backend_badge import PlannerHeader
from tui_planner.ui.widgets.form_field import FormField
from tui_planner.ui.widgets.settings_form import SettingsForm

Settle = Callable[..., Awaitable[None]]


async def test_end_then_home_on_a_select_takes_the_focus_to_the_last_and_first_fields(
    make_app: Callable[..., PlannerApp], settle: Settle
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(pilot, settle)
        form = screen.query_one(SettingsForm)
        fields = list(form.query(FormField))
        screen.query_one("#point_of_view", Select).focus()
        await pilot.pause()

        await pilot.press("end")
        await pilot.pause()
        focused = app.focused
        assert focused is not None
        assert focused in fields[-1].query("*"), "the last field"
        assert form.region.contains_region(focused.region), "and it is on screen"

        screen.query_one("#point_of_view", Select).focus()  # the text area keeps home
        await pilot.pause()
        await pilot.press("home")
        await pilot.pause()
        assert app.focused is screen.query_one("#goal_key", Select), "the first field"
        assert form.region.contains_region(app.focused.region)


async def test_space_on_a_select_after_end_opens_below_the_header(
    make_app: Callable[..., PlannerApp], settle: Settle
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(pilot, settle)
        select = screen.query_one("#point_of_view", Select)
        select.focus()
        await pilot.pause()

        await pilot.press("end", "space")
        await pilot.pause()
        header = screen.query_one(PlannerHeader)
        form = screen.query_one(SettingsForm)

        assert app.focused is not None
        assert form.region.contains_region(app.focused.region), "space went to a field in view"
        for opened in (s for s in screen.query(Select) if s.expanded):
            overlay = opened.query_one("SelectOverlay")
            assert overlay.region.y >= header.region.bottom, "not drawn over the header"
