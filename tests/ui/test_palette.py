"""The command palette keeps Textual's commands and adds the planner's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from textual.command import CommandPalette
from textual.system_commands import SystemCommandsProvider

from tests.harness import SIZE, RecordingEngine
from tui_planner.api.models import PlanMarketingActivity, PlanStatus
from tui_planner.store.state import PlannerState, frozen_mapping
from tui_planner.sync.commands import RegeneratePlanWithResearch
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.dialogs import ConfirmDialog
from tui_planner.ui.palette import PlannerCommands, planner_entries
from tui_planner.ui.screens.activity_detail import ActivityDetailScreen
from tui_planner.ui.screens.goto_date import GotoDateDialog

MakeStaticApp = Callable[..., PlannerApp]


def _activity(activity_id: str, title: str, day: int) -> PlanMarketingActivity:
    return PlanMarketingActivity(
        marketing_activity_id=activity_id,
        date=datetime(2026, 11, day, 10, tzinfo=UTC),
        title=title,
    )


ACTIVE = PlannerState(
    loaded=True,
    plan_status=PlanStatus.ACTIVE,
    activities=frozen_mapping(
        {
            "a1": _activity("a1", "Black Friday teaser", 27),
            "a2": _activity("a2", "Winter candle launch", 25),
        }
    ),
)


def _titles(app: PlannerApp) -> list[str]:
    return [entry.title for entry in planner_entries(app)]


async def test_palette_keeps_textuals_commands_beside_ours(make_static_app: MakeStaticApp) -> None:
    app = make_static_app(ACTIVE)
    async with app.run_test(size=SIZE):
        providers = {
            provider if isinstance(provider, type) else provider() for provider in app.COMMANDS
        }
        assert SystemCommandsProvider in providers
        assert PlannerCommands in providers


async def test_palette_offers_regenerate_for_an_active_plan_and_opens_activities(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(ACTIVE)
    async with app.run_test(size=SIZE):
        titles = _titles(app)
        assert "Go to date" in titles
        assert "Sync now" in titles
        assert "Regenerate the plan" in titles
        assert "Regenerate the plan with keyword research" in titles
        assert "Generate the plan" not in titles
        assert "Switch to Calendar" in titles
        # Activities in date order, with their day.
        opens = [title for title in titles if title.startswith("Open activity")]
        assert opens == [
            "Open activity: Winter candle launch (Wed 25 Nov)",
            "Open activity: Black Friday teaser (Fri 27 Nov)",
        ]


async def test_palette_offers_generate_when_there_is_no_plan(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(PlannerState(loaded=True, plan_status=PlanStatus.NEVER_CREATED))
    async with app.run_test(size=SIZE):
        titles = _titles(app)
        assert "Generate the plan" in titles
        assert "Regenerate the plan" not in titles


async def test_searching_the_palette_for_keyword_research_regenerates_with_research(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(ACTIVE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        provider = PlannerCommands(app.screen)
        hits = [hit async for hit in provider.search("keyword research")]
        assert [hit.text for hit in hits] == ["Regenerate the plan with keyword research"]
        await pilot.press("escape")
        hits[0].command()
        await pilot.pause()
        await pilot.pause()
        engine = app.session.engine
        assert isinstance(engine, RecordingEngine)
        # It asks first, naming what would be lost.
        assert isinstance(app.screen, ConfirmDialog)
        assert str(app.screen.query_one("#confirm-body").render()) == (
            "Runs fresh keyword research, then rebuilds the plan from the current settings and "
            "events. It replaces the 2 upcoming activities (past ones stay). None of them has "
            "a scheduled post or your edits."
        )
        assert engine.commands == []
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert engine.commands == [RegeneratePlanWithResearch()]


async def test_palette_finds_an_activity_by_part_of_its_title(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(ACTIVE)
    async with app.run_test(size=SIZE):
        provider = PlannerCommands(app.screen)
        hits = [hit async for hit in provider.search("winter candle")]
        best = max(hits, key=lambda hit: hit.score)
        assert best.text == "Open activity: Winter candle launch (Wed 25 Nov)"
        discovered = [hit.text async for hit in provider.discover()]
        assert not any(text and text.startswith("Open activity") for text in discovered)


async def test_opening_an_activity_from_the_palette_shows_it_over_the_calendar(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(ACTIVE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        provider = PlannerCommands(app.screen)
        hits = [hit async for hit in provider.search("black friday teaser")]
        best = max(hits, key=lambda hit: hit.score)
        assert best.text == "Open activity: Black Friday teaser (Fri 27 Nov)"
        await best.command()
        await pilot.pause()
        assert app.current_mode == "calendar"
        assert isinstance(app.screen, ActivityDetailScreen)
        assert app.screen.activity_id == "a1"


async def test_go_to_date_from_the_palette_opens_the_calendars_date_prompt(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(ACTIVE)
    async with app.run_test(size=SIZE) as pilot:
        provider = PlannerCommands(app.screen)
        hits = [hit async for hit in provider.search("go to date")]
        best = max(hits, key=lambda hit: hit.score)
        assert best.text == "Go to date"
        await best.command()
        for _ in range(10):
            await pilot.pause()
            if isinstance(app.screen, GotoDateDialog):
                break
        assert isinstance(app.screen, GotoDateDialog)
