"""``planner-tui`` with no command: the app itself."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from .console import EXIT_OK, say

if TYPE_CHECKING:
    import argparse

    from tui_planner.backend import Connection
    from tui_planner.clock import Clock
    from tui_planner.config import ConfigLocation, LoadedConfig
    from tui_planner.launch import LaunchRecord

    from .context import CommandContext

__all__ = ["run_app"]


def run_app(args: argparse.Namespace, context: CommandContext) -> int:
    """Start the app: paint what the last start saw, then validate and open in a thread."""
    del args
    from functools import partial

    from tui_planner.clock import SystemClock
    from tui_planner.launch import UiSettings, read_launch_record
    from tui_planner.zone import resolve_zone

    location = context.location
    site = context.options.site
    known = read_launch_record(location, site=site)
    if known is not None:
        # The config is as the last start validated it: paint first, validate after.
        for warning in known.warnings:
            say(f"Warning: {warning}")
        info, ui = known.info, known.ui
        clock = SystemClock(resolve_zone(ui.timezone))
        opener = partial(_connect, context, location, clock, known=known)
    else:
        from tui_planner.backend import describe_backend

        loaded = context.load()
        # A bad [api] section stops here, before the screen.
        info = describe_backend(loaded.config)
        ui = UiSettings.from_config(loaded.config)
        clock = SystemClock(resolve_zone(ui.timezone))
        opener = partial(_connect, context, location, clock, loaded=loaded)

    # Imported late so that config and sandbox commands never load Textual.
    from tui_planner.journal import Journal, journal_file
    from tui_planner.preferences import preferences_file
    from tui_planner.session import Session
    from tui_planner.site_switch import SiteSwitch
    from tui_planner.ui.app import PlannerApp
    from tui_planner.ui.saved_calendar import saved_calendar_file
    from tui_planner.ui.terminal_graphics import prepare_terminal_graphics

    prepare_terminal_graphics()  # while the terminal can still be asked
    # The app paints the calendar saved last time, then opens the backend in a thread.
    journal = Journal(journal_file(info.key) if info.key is not None else None, clock)
    session = Session(opener, info=info, clock=clock, journal=journal)
    app = PlannerApp(
        session,
        ui=ui,
        calendar_file=saved_calendar_file(info.key) if info.key is not None else None,
        preferences_file=preferences_file(),
        sites=SiteSwitch(location, clock),
    )
    try:
        app.run()
    finally:
        backend = session.backend
        if backend is not None and not backend.closed:
            asyncio.run(backend.aclose())
    if app.config_error is not None:
        raise app.config_error
    return app.return_code or EXIT_OK


def _connect(
    context: CommandContext,
    location: ConfigLocation,
    clock: Clock,
    *,
    loaded: LoadedConfig | None = None,
    known: LaunchRecord | None = None,
) -> Connection:
    """Open the log (here, in the opener's thread, after the first frame), then
    :func:`tui_planner.launch.connect`; the log follows the config it validated."""
    from tui_planner.launch import connect

    context.start_log()
    connection = connect(location, clock, site=context.options.site, loaded=loaded, known=known)
    context.follow_config(connection.config)
    return connection
