"""The Settings screen by keyboard: edit, validate, save exactly what changed, regenerate."""

from __future__ import annotations

import json
import stat
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, TextArea

from tests.harness import SIZE
from tui_planner.api.models import FrequencyInterval, MarketingTool, PlanStatus
from tui_planner.store.settings_draft import FrequencyDraft, draft_from_settings
from tui_planner.store.settings_profile import dump_profile
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.dialogs.choice import ChoiceDialog
from tui_planner.ui.dialogs.confirm import ConfirmDialog
from tui_planner.ui.dialogs.path_prompt import PathPrompt
from tui_planner.ui.screens.settings import SettingsScreen
from tui_planner.ui.widgets.form_field import FormField

Settle = Callable[..., Awaitable[None]]

SETTINGS_PATH = "/promote/marketing-plan-service/v1/marketing-settings"


def record_upserts(app: PlannerApp) -> list[dict[str, Any]]:
    """Capture every UpsertMarketingSettings body the sandbox receives."""
    bodies: list[dict[str, Any]] = []

    async def on_request(request: httpx.Request) -> None:
        if request.method == "POST" and request.url.path == SETTINGS_PATH:
            bodies.append(json.loads(request.content))

    assert app.session.backend is not None
    app.session.backend.http.event_hooks["request"].append(on_request)
    return bodies


async def open_settings(pilot: Pilot[None], settle: Settle) -> SettingsScreen:
    await settle(pilot, what="the first load")
    await pilot.press("f5")
    app = pilot.app
    await settle(
        pilot,
        lambda: isinstance(app.screen, SettingsScreen) and bool(app.screen.query("#settings-form")),
        what="the settings form",
    )
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


async def type_into(pilot: Pilot[None], selector: str, text: str, *, clear: bool = True) -> None:
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    await pilot.pause()
    if clear and isinstance(widget, Input):
        widget.value = ""
    await pilot.press(*("space" if char == " " else char for char in text))
    await pilot.pause()


def field(screen: SettingsScreen, name: str) -> FormField:
    return next(f for f in screen.query(FormField) if f.field_name == name)


async def test_edit_by_keyboard_and_save_sends_exactly_the_changed_paths(
    make_app: Callable[..., PlannerApp], settle: Settle
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot, settle)
        bodies = record_upserts(app)
        await type_into(pilot, "#tone_of_voice", "bold")
        await type_into(pilot, "#freq-SOCIAL_MARKETING-count", "4")
        screen.query_one("#freq-SOCIAL_MARKETING-interval", Select).value = FrequencyInterval.WEEK
        await pilot.pause()
        assert field(screen, "tone_of_voice").dirty
        assert not field(screen, "business_goal").dirty
        assert screen.is_dirty

        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, ChoiceDialog), what="the offer")
        await pilot.press("l")  # regenerate later
        await settle(pilot, lambda: isinstance(app.screen, SettingsScreen))

    assert len(bodies) == 1
    body = bodies[0]
    assert body["fieldMask"] == "settings.toneOfVoice,overrides.socialMarketing.frequency"
    assert body["marketingSettings"]["settings"]["toneOfVoice"] == "bold"
    assert body["marketingSettings"]["overrides"]["socialMarketing"]["frequency"] == {
        "interval": "WEEK",
        "count": 4,
    }
    assert "language" not in body["marketingSettings"]["settings"]
    stored = app.state.settings
    assert stored is not None
    assert stored.settings.tone_of_voice == "bold"


async def test_invalid_count_shows_its_message_and_blocks_saving(
    make_app: Callable[..., PlannerApp], settle: Settle
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot, settle)
        bodies = record_upserts(app)
        await type_into(pilot, "#freq-BLOGS-count", "45")
        screen.query_one("#freq-BLOGS-interval", Select).value = FrequencyInterval.MONTH
        await pilot.pause()
        row = field(screen, "frequencies.BLOGS")
        assert row.error == "45 is out of range; enter 1 to 30."
        assert row.has_class("-invalid")

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert bodies == []
        assert isinstance(app.screen, SettingsScreen)
        messages = [n.message for n in app._notifications]
        assert any("Not saved: fix Posting frequency (blog posts)" in m for m in messages)
        assert app.focused is screen.query_one("#freq-BLOGS-count")


async def test_revert_key_restores_the_focused_field(
    make_app: Callable[..., PlannerApp], settle: Settle
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot, settle)
        await type_into(pilot, "#value_proposition", "Cheapest mugs in town")
        assert field(screen, "value_proposition").dirty
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one("#value_proposition", Input).value == ""
        assert not screen.is_dirty


async def test_leaving_with_unsaved_changes_asks_stay_or_discard(
    make_app: Callable[..., PlannerApp], settle: Settle
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot, settle)
        await type_into(pilot, "#business_goal", "Fill the spring workshops")

        await pilot.press("f2")
        await settle(pilot, lambda: isinstance(app.screen, ChoiceDialog), what="the guard")
        await pilot.press("escape")  # stay
        await settle(pilot, lambda: app.screen is screen, what="back on settings")
        assert screen.query_one("#business_goal", Input).value == "Fill the spring workshops"

        await pilot.press("f2")
        await settle(pilot, lambda: isinstance(app.screen, ChoiceDialog), what="the guard")
        await pilot.press("d")  # discard
        await settle(pilot, lambda: app.current_mode == "calendar", what="the calendar")
        assert not screen.is_dirty


async def test_leaving_with_save_saves_then_leaves(
    make_app: Callable[..., PlannerApp], settle: Settle
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_settings(pilot, settle)
        bodies = record_upserts(app)
        await type_into(pilot, "#target_audience", "home cooks")
        await pilot.press("f3")
        await settle(pilot, lambda: isinstance(app.screen, ChoiceDialog), what="the guard")
        await pilot.press("s")
        await settle(pilot, lambda: app.current_mode == "drafts", what="the drafts screen")
    assert [b["fieldMask"] for b in bodies] == ["settings.businessProfile"]


async def test_saving_topics_then_regenerating_reaches_active_with_a_summary(
    make_app: Callable[..., PlannerApp], settle: Settle, generate_plan: Any, advance: Any
) -> None:
    app = make_app(generation_seconds=3)
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        screen = await open_settings(pilot, settle)
        area = screen.query_one("#topics_excluded", TextArea)
        area.focus()
        area.load_text("politics\ndiscounts")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, ChoiceDialog), what="the offer")
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert "keyword research is recommended" in str(dialog.query_one("#choice-body").render())
        await pilot.press("r")
        await settle(
            pilot, lambda: app.state.plan_status == PlanStatus.GENERATING, what="GENERATING"
        )
        for _ in range(60):
            if app.state.plan_status == PlanStatus.ACTIVE:
                break
            await advance(pilot, 1.0)

        def summed_up() -> bool:
            return any(n.message.startswith("Plan regenerated:") for n in app._notifications)

        await settle(pilot, summed_up, what="the summary")
        assert app.current_mode == "settings", "a finished generation never moves the user"


async def test_regenerating_while_generating_explains_the_precondition(
    make_app: Callable[..., PlannerApp], settle: Settle
) -> None:
    app = make_app(generation_seconds=30)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot, settle)
        await pilot.press("ctrl+g")
        await settle(pilot, lambda: app.state.plan_status == PlanStatus.GENERATING)
        await type_into(pilot, "#tone_of_voice", "calm")
        screen.query_one("#tone_of_voice").focus()
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, ChoiceDialog), what="the offer")
        body = str(app.screen.query_one("#choice-body").render())
        assert "plan already generating" in body


async def test_export_then_import_profile_shows_a_diff_and_fills_the_form(
    make_app: Callable[..., PlannerApp], settle: Settle, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot, settle)
        await type_into(pilot, "#tone_of_voice", "warm")
        screen.query_one("#tone_of_voice").blur()
        exported = tmp_path / "profile.toml"
        await pilot.press("f6")
        await settle(pilot, lambda: isinstance(app.screen, PathPrompt), what="the path prompt")
        app.screen.query_one("#path-input", Input).value = str(exported)
        await pilot.press("enter")
        await settle(pilot, lambda: exported.exists(), what="the exported file")
        assert stat.S_IMODE(exported.stat().st_mode) == 0o600
        assert 'tone_of_voice = "warm"' in exported.read_text()

        other = tmp_path / "other.toml"
        draft = draft_from_settings(None).with_frequency(
            MarketingTool.SOCIAL_MARKETING, FrequencyDraft(FrequencyInterval.WEEK, "5")
        )
        other.write_text(dump_profile(draft))
        await pilot.press("f7")
        await settle(pilot, lambda: isinstance(app.screen, PathPrompt), what="the path prompt")
        app.screen.query_one("#path-input", Input).value = str(other)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="the diff")
        body = str(app.screen.query_one("#confirm-body").render())
        assert "Tone of voice: warm → —" in body
        assert "Posting frequency (social marketing): — → 5 per week" in body
        await pilot.press("y")
        await settle(pilot, lambda: app.screen is screen)
        await pilot.pause()
        assert screen.query_one("#freq-SOCIAL_MARKETING-count", Input).value == "5"
        assert screen.query_one("#tone_of_voice", Input).value == ""


async def test_a_failed_save_keeps_every_value(
    make_app: Callable[..., PlannerApp], settle: Settle
) -> None:
    app = make_app()

    async def refuse(request: httpx.Request) -> None:
        if request.method == "POST" and request.url.path == SETTINGS_PATH:
            raise httpx.ConnectError("network is down", request=request)

    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot, settle)
        assert app.session.backend is not None
        app.session.backend.http.event_hooks["request"].append(refuse)
        await type_into(pilot, "#tone_of_voice", "bold")
        await pilot.press("ctrl+s")
        await settle(
            pilot,
            lambda: any("not saved" in (n.title or "").lower() for n in app._notifications),
            what="the failure",
        )
        assert screen.query_one("#tone_of_voice", Input).value == "bold"
        assert screen.is_dirty


@pytest.mark.parametrize("state", ["clean", "dirty", "invalid"])
def test_settings_snapshot(snap_compare: Any, state: str) -> None:
    """The settings form at 120x40 on the fixed clock.

    clean: the form as loaded, summary "All changes saved."; dirty: tone of voice changed,
    its row marked with ● and a warning bar, the summary counting 1 unsaved change;
    invalid: the social-posts frequency count is 0, its row has a red bar and the message
    "0 is out of range; enter 1 to 30.", the summary lists the field to fix.
    """
    from tests import harness

    app = harness.build_app(harness.fixed_clock())

    async def run_before(pilot: Pilot[None]) -> None:
        await harness.settle(pilot)
        await pilot.press("f5")
        await harness.settle(
            pilot, lambda: bool(pilot.app.screen.query("#settings-form")), what="the form"
        )
        await pilot.pause()
        if state == "dirty":
            await type_into(pilot, "#tone_of_voice", "bold and direct")
        elif state == "invalid":
            await type_into(pilot, "#freq-SOCIAL_MARKETING-count", "0")
            pilot.app.screen.query_one(
                "#freq-SOCIAL_MARKETING-interval", Select
            ).value = FrequencyInterval.WEEK
        pilot.app.screen.query_one("#settings-form").focus()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
