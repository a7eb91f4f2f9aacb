"""A refused API key: the status bar and the calendar say one thing, and nothing "loads" forever."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label

from tests.harness import SIZE, sandbox_backend, settle
from tui_planner.backend import Connection
from tui_planner.clock import ManualClock
from tui_planner.config import Config, UiSettings
from tui_planner.session import Session
from tui_planner.store.state import ConnectionPhase
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.widgets.status_bar import StatusBar

REFUSED = (
    "The API key was refused (401): check WIX_API_KEY or [api] api_key in "
    "/etc/planner-tui/config.toml"
)


def _app_with_a_wrong_key(clock: ManualClock) -> PlannerApp:
    backend = sandbox_backend(clock, api_key="wrong-key", served_key="right")
    config_file = Path("/etc/planner-tui/config.toml")
    session = Session(
        lambda: Connection(Config(), backend, config_file), info=backend.info, clock=clock
    )
    return PlannerApp(session, ui=UiSettings(), offer_first_run=False)


def _status_words(app: PlannerApp) -> list[str]:
    bar = app.screen.query_one(StatusBar)
    return [
        str(label.render())
        for label in bar.query(Label)
        if label.id != "status-spacer" and not label.has_class("-hidden")
    ]


async def test_a_refused_key_says_one_sentence_naming_the_config_file(clock: ManualClock) -> None:
    app = _app_with_a_wrong_key(clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(
            pilot,
            lambda: app.state.sync.phase == ConnectionPhase.AUTH_FAILED,
            what="the key refused",
        )
        await pilot.pause()
        assert _status_words(app) == ["Not connected", REFUSED]

        await pilot.press("enter")  # open: a key that needs the plan
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert messages == [REFUSED], "the calendar says what the status bar says"
        assert not any("loading" in m.lower() for m in messages)
