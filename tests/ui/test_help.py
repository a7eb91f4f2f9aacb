"""The help screen lists the keys that really work, from the live bindings."""

from __future__ import annotations

from collections.abc import Callable

from tests.harness import SIZE
from tui_planner.api.models import PlanStatus
from tui_planner.config import Config, UiConfig
from tui_planner.store.state import PlannerState
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.screens.help import HelpScreen

MakeStaticApp = Callable[..., PlannerApp]

ACTIVE = PlannerState(loaded=True, plan_status=PlanStatus.ACTIVE)


async def test_help_lists_the_app_keys_and_the_screen_keys_beneath_it(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(ACTIVE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        by_id = {entry.binding_id: entry for entry in help_screen.entries}
        assert by_id["app.sync"].keys == ("^r",)
        assert by_id["app.sync"].group == "Everywhere"
        assert by_id["app.help"].keys == ("?", "f1")
        assert by_id["calendar.today"].description == "Today"
        assert by_id["calendar.today"].group != "Everywhere"


async def test_help_shows_a_rebound_key_and_generate_on_an_active_plan(
    make_static_app: MakeStaticApp,
) -> None:
    config = Config(ui=UiConfig(keymap={"app.sync": "ctrl+y"}))
    app = make_static_app(ACTIVE, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        by_id = {entry.binding_id: entry for entry in help_screen.entries}
        assert by_id["app.sync"].keys == ("^y",)
        # The generate key answers in every state: on an ACTIVE plan it offers to regenerate.
        assert by_id["app.generate"].enabled is True


async def test_escape_closes_help(make_static_app: MakeStaticApp) -> None:
    app = make_static_app(ACTIVE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_the_screen_keys_come_first_then_the_focused_widget_then_everywhere(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(ACTIVE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")  # the drafts screen, its draft table focused
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        groups = list(dict.fromkeys(entry.group for entry in help_screen.entries))

        assert groups == ["Drafts", "Draft table", "Everywhere"]
        drafts = [e.binding_id for e in help_screen.entries if e.group == "Drafts"]
        assert drafts.index("drafts.toggle") < drafts.index("drafts.schedule")
