"""What ``/``, ``n``, ``N`` and ``escape`` do with search, on whichever screen is on show.

``/`` opens :class:`~tui_planner.ui.screens.search.SearchScreen`; the hit chosen there is
opened where it lives (an activity's detail, a post in the preview, an event selected in
Events, a field focused in Settings) and its query becomes the *active search*. While a
search is active, ``n`` and ``N`` step to the next and previous match on the screen on show,
as in vim, less or lazygit, wrapping at the ends; ``escape`` (where the screen has no other
use for it) ends the search, and ``n`` is again the calendar's and Events' "new".

A screen takes part by having ``step_to_match(index, query, step)``, which moves its own
cursor and returns where the match is (:class:`MatchPosition`), or ``None`` when nothing on
it matches. What a step means, screen by screen:

- Calendar and activity detail: the next activity (by date) whose title, description or a
  post's caption matches; the calendar selects its day and highlights it in the agenda.
- Post preview: the activity's next post whose caption matches.
- Drafts: the next row whose caption or activity matches.
- Events: the next event whose name or description matches.
- Settings: the next field whose label matches (from a list or choice; a text field takes
  ``n`` as a letter).
"""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from tui_planner.store.search import SearchHit, SearchIndex
    from tui_planner.store.state import PlannerState
    from tui_planner.ui.app import PlannerApp

__all__ = [
    "MatchPosition",
    "MatchStepper",
    "clear_search",
    "close_help",
    "is_search_action_on",
    "open_hit",
    "pick_match",
    "run_search",
    "step_activities",
    "step_match",
]


@dataclass(frozen=True, slots=True)
class MatchPosition:
    """Where a step landed: the ``number``-th of ``count`` matches on the screen."""

    number: int
    count: int
    wrapped: bool = False
    """Whether the step went past the last match back to the first (or the reverse)."""


class MatchStepper(Protocol):
    """A screen ``n`` and ``N`` can step through."""

    def step_to_match(self, index: SearchIndex, query: str, step: int) -> MatchPosition | None:
        """Move to the next (``step`` 1) or previous (-1) match; ``None`` if none is here."""
        ...


def pick_match(matched: Sequence[int], position: float, step: int) -> tuple[int, MatchPosition]:
    """Of the rows ``matched`` (ascending positions, not empty), the first after
    ``position`` (``step`` 1) or the last before it (-1), wrapping round at the ends.

    ``position`` is where the cursor is; a half (``2.5``) means between two rows, so the
    row after it counts as next. Returns the row and where it is among the matches.
    """
    if step > 0:
        at = bisect_right(matched, position)
        wrapped = at == len(matched)
        at = 0 if wrapped else at
    else:
        at = bisect_left(matched, position) - 1
        wrapped = at < 0
        at = len(matched) - 1 if wrapped else at
    return matched[at], MatchPosition(at + 1, len(matched), wrapped)


def step_activities(
    state: PlannerState, wanted: Collection[str], current: str, step: int
) -> tuple[str, MatchPosition] | None:
    """The next (or previous) activity of the plan by date, from ``current``, among those
    ``wanted`` (the ones that match), and where it is among them; ``None`` when none does."""
    ordered = sorted(state.activities.values(), key=lambda a: (a.date, a.title, a.id))
    keys = [activity.id for activity in ordered]
    matched = [number for number, key in enumerate(keys) if key in wanted]
    if not matched:
        return None
    here = keys.index(current) if current in keys else -0.5
    row, where = pick_match(matched, here, step)
    return keys[row], where


def _stepper(app: PlannerApp) -> MatchStepper | None:
    screen: Any = app.screen
    return screen if callable(getattr(screen, "step_to_match", None)) else None


def _help_on_show(app: PlannerApp) -> bool:
    """Whether the help is the screen on show. No help can be before its module is loaded,
    and the key bar asks this at every frame, the first included: so it is not loaded here."""
    help_screens = sys.modules.get("tui_planner.ui.screens.help")
    return help_screens is not None and isinstance(app.screen, help_screens.HelpScreen)


def _screen_under_help(app: PlannerApp) -> object:
    """The screen the user is working on: the one on top, or the one the help is about
    (whose keys the help lists, search among them)."""
    if _help_on_show(app) and len(app.screen_stack) > 1:
        return app.screen_stack[-2]
    return app.screen


async def close_help(app: PlannerApp) -> None:
    """Close the help, if it is on show: a search key pressed there acts on the screen under."""
    if _help_on_show(app):
        await app.pop_screen()


def is_search_action_on(app: PlannerApp, action: str) -> bool:
    """Whether the search key ``action`` works on the screen worked on (under the help, if
    it shows): ``/`` over a planner screen (not a dialog), ``n``/``N`` while a search is
    active on a screen that takes part, ``escape`` while one is active."""
    from tui_planner.ui.planner_screen import PlannerScreen

    under = _screen_under_help(app)
    if action == "search":
        return isinstance(under, PlannerScreen)
    if action == "search_clear":
        return app.active_search is not None
    return app.active_search is not None and callable(getattr(under, "step_to_match", None))


def step_match(app: PlannerApp, step: int) -> None:
    """Step to the next (1) or previous (-1) match of the active search, and say where."""
    query = app.active_search
    stepper = _stepper(app)
    if query is None or stepper is None:
        return
    from tui_planner.store.search import search_index

    found = stepper.step_to_match(search_index(app.state), query, step)
    if found is None:
        app.notify(f"Nothing here matches “{query}”.", timeout=3, markup=False)
        return
    edge = ""
    if found.wrapped:
        edge = " (from the top)" if step > 0 else " (from the bottom)"
    app.notify(
        f"Match {found.number} of {found.count} for “{query}”{edge}.", timeout=2, markup=False
    )


def clear_search(app: PlannerApp) -> None:
    """End the active search (``n`` is "new" again where it was)."""
    if app.active_search is None:
        return
    app.active_search = None
    app.refresh_bindings()
    app.notify("Search cleared.", timeout=2)


async def run_search(app: PlannerApp) -> None:
    """Ask for a query (starting from the active one) and open what the user picks."""
    from tui_planner.ui.screens.search import SearchScreen

    choice = await app.push_screen_wait(
        SearchScreen(app.state, app.clock.tz, app.active_search or "")
    )
    if choice is None:
        return
    app.active_search = choice.query
    app.refresh_bindings()
    await open_hit(app, choice.hit)


async def open_hit(app: PlannerApp, hit: SearchHit) -> None:
    """Show ``hit`` where it lives."""
    from tui_planner.store.search import SearchKind

    match hit.kind:
        case SearchKind.ACTIVITY:
            await app.action_open_activity(hit.key)
        case SearchKind.POST:
            from tui_planner.ui.screens.post_preview import PostPreviewScreen

            if hit.activity_id is not None and await app.switch_section("calendar"):
                await app.push_screen(PostPreviewScreen(hit.activity_id, item_id=hit.key))
        case SearchKind.EVENT:
            if await app.switch_section("events"):
                app.screen.select_event(hit.key)  # type: ignore[attr-defined]
        case SearchKind.SETTING:
            if await app.switch_section("settings"):
                app.screen.focus_field(hit.key)  # type: ignore[attr-defined]
