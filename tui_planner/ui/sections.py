"""The app's top-level sections (Textual ``MODES``): calendar, drafts, posts, events,
settings, and leaving the screen on show with care for unsaved work.

The sections other than the calendar are imported when first opened, not at start-up: the
drafts screen alone pulls in post previews, images and numpy (about 140 ms and 15 MiB).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from tui_planner.ui.planner_screen import PlannerScreen
from tui_planner.ui.screens.calendar import CalendarScreen
from tui_planner.ui.workers import WorkerGroup

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

__all__ = ["HOME", "LATER_SECTIONS", "SECTIONS", "leave_then"]

HOME = "calendar"
"""The section the app opens on."""


def _drafts_screen() -> Screen[Any]:
    from tui_planner.ui.screens.drafts import DraftsScreen

    return DraftsScreen()


def _events_screen() -> Screen[Any]:
    from tui_planner.ui.screens.events import EventsScreen

    return EventsScreen()


def _posts_screen() -> Screen[Any]:
    from tui_planner.ui.screens.posts import PostsScreen

    return PostsScreen()


def _settings_screen() -> Screen[Any]:
    from tui_planner.ui.screens.settings import SettingsScreen

    return SettingsScreen()


SECTIONS: dict[str, str | Callable[[], Screen[Any]]] = {
    HOME: CalendarScreen,
    "drafts": _drafts_screen,
    "posts": _posts_screen,
    "events": _events_screen,
    "settings": _settings_screen,
}
"""Each section's name and how to make its screen, in the order the palette lists them."""

LATER_SECTIONS = {name: make for name, make in SECTIONS.items() if name != HOME}
"""The app's ``MODES`` at start: every section but the home one. Textual opens a ``MODES``
screen with a second pass over every stylesheet (its style counter starts behind the app's),
20-40 ms before the first frame; the home screen is the app's default screen instead, which
it opens without that pass, and it joins the modes once it is on screen."""


def leave_then(app: App[Any], then: Callable[[], Awaitable[object]]) -> bool:
    """True when the screen on show may be left at once. Otherwise it holds unsaved work
    (:attr:`PlannerScreen.is_dirty`): ask it in a worker (its question waits for a dialog)
    and run ``then`` if the user agrees."""
    screen = app.screen
    if not isinstance(screen, PlannerScreen) or not screen.is_dirty:
        return True

    async def ask_then_go() -> None:
        if await screen.confirm_leave():
            await then()

    app.run_worker(
        ask_then_go(),
        name="leave screen",
        group=WorkerGroup.DIALOGS,
        exclusive=True,
        exit_on_error=False,
        description="Asks about unsaved changes",
    )
    return False
