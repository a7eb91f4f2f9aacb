"""F6 and F7 (export and import a profile) work from every field of the settings, the
multi-line ones too, and the key bar keeps naming them there (issue 18, item 8)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.widgets import TextArea

from tests.harness import SIZE
from tests.ui.settings.test_settings_screen import open_settings
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.dialogs.path_prompt import PathPrompt
from tui_planner.ui.widgets.key_bar import KeyBar
from tui_planner.ui.widgets.settings_form import SettingsForm

Settle = Callable[..., Awaitable[None]]


@pytest.mark.parametrize("key", ["f6", "f7"])
async def test_export_and_import_keys_work_from_a_multi_line_field(
    make_app: Callable[..., PlannerApp], settle: Settle, key: str
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot, settle)
        topics = screen.query_one("#topics_included", TextArea)
        topics.focus()
        await pilot.pause()
        assert app.focused is topics
        bar = str(screen.query_one(KeyBar).render())
        assert "f6 Export" in bar.replace("  ", " ")
        assert "f7 Import" in bar.replace("  ", " ")

        await pilot.press(key)
        await settle(pilot, lambda: isinstance(app.screen, PathPrompt), what="the path prompt")
        assert topics.text == "", "the key did not select or change the field's text"


async def test_coming_back_to_the_settings_shows_the_focused_field(
    make_app: Callable[..., PlannerApp], settle: Settle
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot, settle)
        form = screen.query_one(SettingsForm)
        low = screen.query_one("#topics_excluded", TextArea)
        low.focus()
        await pilot.pause()
        form.scroll_home(animate=False, immediate=True)
        await pilot.pause()
        assert not _in_view(form, low), "the field is scrolled out of sight"

        await pilot.press("f2")
        await settle(pilot, lambda: app.current_mode == "calendar", what="the calendar")
        await pilot.press("f5")
        await settle(pilot, lambda: app.current_mode == "settings", what="the settings")
        await pilot.pause()
        assert app.focused is low
        assert _in_view(form, low), "the focused field is brought into view"


def _in_view(form: SettingsForm, widget: TextArea) -> bool:
    top, bottom = form.region.y, form.region.bottom
    return top <= widget.region.y < bottom
