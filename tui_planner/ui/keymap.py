"""The app-wide key bindings, each with an id the config's ``[ui.keymap]`` can rebind.

Screens declare their own bindings beside their code (``Binding(..., id="drafts.schedule")``);
this module holds the ones that work everywhere, so the help screen, the status bar ("press
ctrl+g to generate") and the README all name the same keys.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding

__all__ = [
    "APP_BINDINGS",
    "CALENDAR",
    "COMMAND_PALETTE",
    "DRAFTS",
    "EVENTS",
    "GENERATE",
    "HELP",
    "MODE_BINDING_IDS",
    "POSTS",
    "QUIT",
    "SEARCH",
    "SEARCH_CLEAR",
    "SEARCH_NEXT",
    "SEARCH_PREVIOUS",
    "SETTINGS",
    "SYNC_NOW",
    "default_key",
]

HELP = "app.help"
CALENDAR = "app.calendar"
DRAFTS = "app.drafts"
POSTS = "app.posts"
EVENTS = "app.events"
SETTINGS = "app.settings"
SYNC_NOW = "app.sync"
GENERATE = "app.generate"
COMMAND_PALETTE = "app.command_palette"
QUIT = "app.quit"
SEARCH = "app.search"
SEARCH_NEXT = "app.search_next"
SEARCH_PREVIOUS = "app.search_previous"
SEARCH_CLEAR = "app.search_clear"

MODE_BINDING_IDS: Mapping[str, str] = {
    "calendar": CALENDAR,
    "drafts": DRAFTS,
    "posts": POSTS,
    "events": EVENTS,
    "settings": SETTINGS,
}
"""The binding that switches to each mode, by mode name."""

APP_BINDINGS: list[Binding] = [
    Binding("question_mark,f1", "help", "Help", id=HELP),
    Binding("f2", "switch_mode('calendar')", "Calendar", show=False, id=CALENDAR),
    Binding("f3", "switch_mode('drafts')", "Drafts", show=False, id=DRAFTS),
    Binding("f4", "switch_mode('events')", "Events", show=False, id=EVENTS),
    Binding("f5", "switch_mode('settings')", "Settings", show=False, id=SETTINGS),
    # Not f6/f7: the settings screen exports and imports profiles with them.
    Binding("f8", "switch_mode('posts')", "Posts", show=False, id=POSTS),
    Binding("ctrl+r", "sync_now", "Sync now", show=False, id=SYNC_NOW),
    Binding("ctrl+g", "generate", "Generate plan", show=False, id=GENERATE),
    Binding("slash", "search", "Search", show=False, id=SEARCH),
    # Shown only while a search is active (``check_action``); a screen's own ``n``
    # ("new") steps aside meanwhile, until ``escape`` ends the search.
    Binding("n", "search_step(1)", "Next match", id=SEARCH_NEXT),
    Binding("N", "search_step(-1)", "Previous match", id=SEARCH_PREVIOUS),
    Binding("escape", "search_clear", "End search", id=SEARCH_CLEAR),
    Binding(
        "ctrl+p",
        "command_palette",
        "Commands",
        show=False,
        priority=True,
        tooltip="Open the command palette",
        id=COMMAND_PALETTE,
    ),
    # Priority, so a focused input cannot swallow the way out.
    Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id=QUIT),
]
"""Bindings that work on every screen (a screen's own binding for the same key wins).

Only Help shows in the footer, which belongs to the screen's own keys; the help screen and
the command palette list the rest, and the status bar names the generate key when it matters.
"""


def default_key(binding_id: str) -> str:
    """The first key an app binding is bound to before any keymap, e.g. ``"ctrl+g"``."""
    for binding in APP_BINDINGS:
        if binding.id == binding_id:
            return binding.key.split(",")[0].strip()
    raise KeyError(binding_id)
