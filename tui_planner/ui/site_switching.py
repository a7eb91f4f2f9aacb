"""Switching sites without restarting: the palette's "Switch site: NAME".

The other site's session is made from the config file (:class:`~tui_planner.site_switch.SiteSwitch`,
read and validated off the event loop); the app follows it in place of the one on show
(:meth:`PlannerApp.follow_session`), the old one is closed, and the sections start afresh on
the calendar, since they showed the old site.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from tui_planner.config import ConfigError
from tui_planner.ui.planner_screen import PlannerScreen
from tui_planner.ui.sections import HOME, LATER_SECTIONS, leave_then

if TYPE_CHECKING:
    from tui_planner.ui.app import PlannerApp

__all__ = ["site_names", "switch_site"]


def site_names(app: PlannerApp) -> tuple[str, ...]:
    """The ``[sites.NAME]`` tables of the validated config (none before it is, or when the
    app cannot switch)."""
    config = app.session.config
    return tuple(config.sites) if config is not None and app.sites is not None else ()


async def switch_site(app: PlannerApp, name: str) -> None:
    """Close this site and open site ``name`` in its place (asking first about unsaved work
    on the screen); a name the config does not have is a notice."""
    if leave_then(app, partial(_switch_now, app, name)):
        await _switch_now(app, name)


async def _switch_now(app: PlannerApp, name: str) -> None:
    if app.sites is None:
        return
    try:
        # Reads and validates the config file: off the event loop.
        session = await asyncio.to_thread(app.sites.session_for, name)
    except ConfigError as error:
        app.notify(str(error), title="Site not switched", severity="error", markup=False)
        return
    old = app.follow_session(session)
    await old.aclose()
    await app.switch_mode(HOME)
    while len(app.screen_stack) > 1:
        await app.pop_screen()
    for mode, make in LATER_SECTIONS.items():
        # The other sections showed the old site: made again when next opened.
        await app.remove_mode(mode)
        app.add_mode(mode, make)
    if isinstance(app.screen, PlannerScreen):
        app.screen.catch_up()  # the header names the other site
    app.refresh_bindings()
    app.notify(f"Switched to the site {name}.", timeout=3, markup=False)
