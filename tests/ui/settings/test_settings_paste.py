"""Pasting into the settings form: nothing is cut short in silence, no control character stays."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual import events
from textual.widgets import Input, TextArea

from tests.harness import SIZE
from tests.ui.settings.test_settings_screen import field, open_settings, record_upserts
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.screens.settings import SettingsScreen

Settle = Callable[..., Awaitable[None]]


async def _paste(app: PlannerApp, selector: str, text: str) -> None:
    """Paste as a terminal does: the app hands the paste to the focused widget."""
    app.screen.query_one(selector).focus()
    app.post_message(events.Paste(text))


async def test_a_5000_character_paste_stays_whole_and_saving_names_the_limit(
    make_app: Callable[..., PlannerApp], settle: Settle
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot, settle)
        bodies = record_upserts(app)
        await _paste(app, "#custom_goal", "g" * 5000)
        await pilot.pause()

        assert len(screen.query_one("#custom_goal", Input).value) == 5000, "not cut short"
        row = field(screen, "custom_goal")
        assert row.error == "Custom goal is 5,000 characters; keep it to 200."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert bodies == [], "nothing over the limit is sent"
        assert isinstance(app.screen, SettingsScreen)
        assert any("Not saved: fix Custom goal" in n.message for n in app._notifications)


async def test_pasted_control_characters_are_dropped_and_never_sent(
    make_app: Callable[..., PlannerApp], settle: Settle
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot, settle)
        bodies = record_upserts(app)
        await _paste(app, "#tone_of_voice", "warm\x07 and\x01 bold\x9b")
        await _paste(app, "#content_guidelines", "Short lines.\r\n\tNo\x1b jargon.")
        await pilot.pause()

        assert screen.query_one("#tone_of_voice", Input).value == "warm and bold"
        guidelines = screen.query_one("#content_guidelines", TextArea).text
        assert guidelines == "Short lines.\n\tNo jargon."
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: bool(bodies), what="the save")
        sent = bodies[0]["marketingSettings"]["settings"]
        assert sent["toneOfVoice"] == "warm and bold"
        assert sent["customContentGuidelines"] == "Short lines.\n\tNo jargon."


async def test_a_paste_of_several_lines_into_one_line_keeps_every_line(
    make_app: Callable[..., PlannerApp], settle: Settle
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot, settle)
        await _paste(app, "#target_audience", "Home cooks\nwho bake\r\non weekends")
        await pilot.pause()
        assert screen.query_one("#target_audience", Input).value == (
            "Home cooks who bake on weekends"
        )
