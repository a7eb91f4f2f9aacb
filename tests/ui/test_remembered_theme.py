"""A theme picked in the palette is remembered in the user's state directory, never in
config.toml: the config's explicit theme wins over it, and it wins over the default."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from tests.harness import SIZE, opener, sandbox_config, settle
from tui_planner.backend import connect, describe_backend, describe_file
from tui_planner.clock import ManualClock
from tui_planner.config import (
    Config,
    UiConfig,
    UiSettings,
    locate_config,
    read_config_file,
    write_private_file,
)
from tui_planner.preferences import Preferences, read_preferences, write_preferences
from tui_planner.session import Session
from tui_planner.ui.app import PlannerApp


def planner(clock: ManualClock, preferences: Path, config: Config | None = None) -> PlannerApp:
    chosen = sandbox_config(config)
    session = Session(opener(chosen, clock), info=describe_backend(chosen), clock=clock)
    return PlannerApp(
        session,
        ui=UiSettings.from_config(chosen),
        offer_first_run=False,
        preferences_file=preferences,
    )


async def pick_theme_in_palette(app: PlannerApp, pilot: Pilot[None], name: str) -> None:
    app.search_themes()  # the palette's "Change theme"
    await settle(pilot, lambda: isinstance(app.screen, CommandPalette), what="the theme list")
    await pilot.press(*name)
    await settle(
        pilot, lambda: app.screen.query_one(CommandList).option_count > 0, what="the theme found"
    )
    await pilot.press("enter")
    await settle(
        pilot, lambda: not isinstance(app.screen, CommandPalette), what="the palette closed"
    )


async def test_a_theme_picked_in_the_palette_is_the_theme_of_the_next_start(
    clock: ManualClock, tmp_path: Path
) -> None:
    preferences = tmp_path / "state" / "preferences.json"
    first = planner(clock, preferences)
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert first.theme == "textual-dark"
        await pick_theme_in_palette(first, pilot, "nord")
        assert first.theme == "nord"
    assert json.loads(preferences.read_text(encoding="utf-8")) == {"theme": "nord"}
    assert preferences.stat().st_mode & 0o777 == 0o600

    second = planner(clock, preferences)
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert second.theme == "nord"


async def test_the_configs_theme_wins_and_a_pick_over_it_lasts_the_session(
    clock: ManualClock, tmp_path: Path
) -> None:
    preferences = tmp_path / "preferences.json"
    write_preferences(preferences, Preferences(theme="nord"))
    app = planner(clock, preferences, Config(ui=UiConfig(theme="gruvbox")))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "gruvbox"
        await pick_theme_in_palette(app, pilot, "dracula")
        assert app.theme == "dracula"
        notes = [n.message for n in app._notifications]
        assert any("for this session" in note and "gruvbox" in note for note in notes)
    assert read_preferences(preferences) == Preferences(theme="nord")


def test_only_a_theme_written_in_the_config_counts_as_the_configs() -> None:
    assert UiSettings.from_config(Config()).theme is None
    assert UiSettings.from_config(Config(ui=UiConfig(theme="textual-dark"))).theme == "textual-dark"
    assert Preferences(theme="nord").theme_to_use(None) == "nord"
    assert Preferences().theme_to_use(None) == "textual-dark"


def test_a_damaged_preferences_file_is_no_preference(tmp_path: Path) -> None:
    damaged = tmp_path / "preferences.json"
    damaged.write_text("{not json", encoding="utf-8")
    assert read_preferences(damaged) == Preferences()
    assert read_preferences(tmp_path / "missing.json") == Preferences()
    damaged.write_text('{"theme": 3}', encoding="utf-8")
    assert read_preferences(damaged) == Preferences()


async def test_picking_a_theme_leaves_the_config_file_as_it_was(
    clock: ManualClock, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    text = (
        "# my settings, comments and all\n"
        f"[sandbox]\ndata_file = '{tmp_path / 'sandbox.sqlite3'}'  # here\n\n"
        "[ui]\nweek_start = 'sunday'\n"
    )
    write_private_file(config, text)
    before = config.stat()
    file = read_config_file(locate_config(config))
    preferences = tmp_path / "state" / "preferences.json"
    session = Session(
        partial(connect, file, clock, environ={}),
        info=describe_file(file, environ={}),
        clock=clock,
    )
    app = PlannerApp(
        session, ui=UiSettings.from_file(file), offer_first_run=False, preferences_file=preferences
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pick_theme_in_palette(app, pilot, "nord")
        assert app.theme == "nord"

    assert config.read_text(encoding="utf-8") == text
    assert config.stat().st_mtime_ns == before.st_mtime_ns
    assert read_preferences(preferences) == Preferences(theme="nord")
