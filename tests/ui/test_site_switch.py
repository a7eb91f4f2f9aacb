"""Switching sites from the command palette: the other site's plan, and a header naming it."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from tests.harness import SIZE, generate_plan, settle
from tui_planner.api.models import PlanStatus
from tui_planner.clock import ManualClock
from tui_planner.config import UiSettings, load_config, locate_config, write_private_file
from tui_planner.journal import journal_file
from tui_planner.site_switch import SiteSwitch
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.saved_calendar import saved_calendar_file
from tui_planner.ui.screens.calendar import CalendarScreen
from tui_planner.ui.site_switching import switch_site
from tui_planner.ui.widgets.backend_badge import BackendBadge


def two_site_app(tmp_path: Path, clock: ManualClock) -> PlannerApp:
    """The app on site "first" of a config with two sandbox sites, each with its own file."""
    config = tmp_path / "config.toml"
    write_private_file(
        config,
        'default_site = "first"\n\n'
        f'[sites.first]\nsandbox = true\ndata_file = "{tmp_path / "first.sqlite3"}"\n\n'
        f'[sites.second]\nsandbox = true\ndata_file = "{tmp_path / "second.sqlite3"}"\n',
    )
    location = locate_config(config)
    sites = SiteSwitch(location, clock, state_dir=tmp_path / "state")
    return PlannerApp(
        sites.session_for("first"),
        ui=UiSettings.from_config(load_config(location).config),
        offer_first_run=False,
        sites=sites,
    )


def badge(app: PlannerApp) -> str:
    return str(app.screen.query_one(BackendBadge).render())


async def switch_in_palette(app: PlannerApp, pilot: Pilot[None], name: str) -> None:
    await pilot.press("ctrl+p")
    await settle(pilot, lambda: isinstance(app.screen, CommandPalette), what="the palette")
    await pilot.press(*f"switch site: {name}")
    await settle(
        pilot, lambda: app.screen.query_one(CommandList).option_count > 0, what="the site listed"
    )
    await pilot.press("enter")
    await settle(
        pilot,
        lambda: app.backend_info.site_name == name and app.state.loaded,
        what=f"site {name} loaded",
    )


async def test_the_palette_switches_to_the_other_sites_plan_and_the_header_follows(
    tmp_path: Path, clock: ManualClock
) -> None:
    app = two_site_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        planned = set(app.state.activities)
        assert planned
        assert badge(app).startswith("first · SANDBOX")

        await switch_in_palette(app, pilot, "second")

        assert isinstance(app.screen, CalendarScreen)
        assert badge(app).startswith("second · SANDBOX")
        assert app.state.plan_status == PlanStatus.NEVER_CREATED
        assert not app.state.activities

        await switch_in_palette(app, pilot, "first")

        assert badge(app).startswith("first · SANDBOX")
        assert set(app.state.activities) == planned


async def test_a_site_gone_from_the_config_is_a_notice_and_the_app_stays(
    tmp_path: Path, clock: ManualClock
) -> None:
    app = two_site_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await switch_site(app, "third")
        await pilot.pause()

        notices = [n.message for n in app._notifications]
        assert any(n.startswith("There is no site called “third”") for n in notices)
        assert app.backend_info.site_name == "first"
        assert badge(app).startswith("first · SANDBOX")


async def test_each_site_keeps_its_own_saved_calendar_and_journal(
    tmp_path: Path, clock: ManualClock
) -> None:
    config = tmp_path / "config.toml"
    write_private_file(
        config,
        'default_site = "first"\n\n'
        f'[sites.first]\nsandbox = true\ndata_file = "{tmp_path / "first.sqlite3"}"\n\n'
        f'[sites.second]\nsandbox = true\ndata_file = "{tmp_path / "second.sqlite3"}"\n',
    )
    location = locate_config(config)
    sites = SiteSwitch(location, clock, state_dir=tmp_path / "state")
    session = sites.session_for("first")
    keys = {name: sites.session_for(name).info.key for name in ("first", "second")}
    assert None not in keys.values()
    calendars = {name: saved_calendar_file(str(key)) for name, key in keys.items()}
    journals = {name: journal_file(str(key), tmp_path / "state") for name, key in keys.items()}
    assert len(set(calendars.values())) == len(set(journals.values())) == 2
    app = PlannerApp(
        session,
        ui=UiSettings.from_config(load_config(location).config),
        offer_first_run=False,
        sites=sites,
        calendar_file=calendars["first"],
    )
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        planned = set(app.state.activities)
        assert app.session.journal.path == journals["first"]

        await switch_in_palette(app, pilot, "second")

        assert app.session.journal.path == journals["second"]
        first_saved = calendars["first"].read_text(encoding="utf-8")
        assert all(key in first_saved for key in planned), "saved before the switch"
        assert not calendars["second"].exists() or not any(
            key in calendars["second"].read_text(encoding="utf-8") for key in planned
        )

        await switch_in_palette(app, pilot, "first")

        assert app.session.journal.path == journals["first"]
        assert set(app.state.activities) == planned
