"""The app's top-level sections (Textual ``MODES``): calendar, drafts, posts, events,
settings.

The sections other than the calendar are imported when first opened, not at start-up: the
drafts screen alone pulls in post previews, images and numpy (about 140 ms and 15 MiB).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tui_planner.ui.screens.calendar import CalendarScreen

if TYPE_CHECKING:
    from textual.screen import Screen

__all__ = ["HOME", "SECTIONS"]

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
"""Each section's name and how to make its screen."""
