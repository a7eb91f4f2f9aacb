"""``planner-tui`` with no command: the app itself."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from .console import EXIT_OK, say

if TYPE_CHECKING:
    import argparse

    from tui_planner.backend import Connection
    from tui_planner.clock import Clock
    from tui_planner.config import ConfigFile

    from .context import CommandContext

__all__ = ["run_app"]


def run_app(args: argparse.Namespace, context: CommandContext) -> int:
    """Start the app: paint from the config file as read, then validate and open in a thread."""
    del args
    from tui_planner import heap

    heap.pause_collection()  # until the first frame is out (the app resumes it)
    try:
        return _start_app(context)
    finally:
        heap.resume_collection()  # in case the app ended before its first frame


def _start_app(context: CommandContext) -> int:
    from functools import partial

    from tui_planner.backend import describe_file
    from tui_planner.clock import SystemClock
    from tui_planner.config import UiSettings, read_config_file
    from tui_planner.zone import resolve_zone

    # The first frame needs only a few keys of the file, read as TOML: a file that cannot be
    # read, is not TOML or names no site for its API key stops here, before the screen; the
    # rest is validated after the first frame (the same sentence and exit code 2 if bad).
    file = read_config_file(context.location)
    for warning in file.warnings:
        say(f"Warning: {warning}")
    info = describe_file(file, site=context.options.site)
    ui = UiSettings.from_file(file)
    clock = SystemClock(resolve_zone(ui.timezone))

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
    opener = partial(_connect, context, file, clock)
    session = Session(opener, info=info, clock=clock, journal=journal)
    app = PlannerApp(
        session,
        ui=ui,
        calendar_file=saved_calendar_file(info.key) if info.key is not None else None,
        preferences_file=preferences_file(),
        sites=SiteSwitch(file.location, clock),
    )
    try:
        app.run()
    finally:
        backend = app.session.backend  # the site on show at the end (another after a switch)
        if backend is not None and not backend.closed:
            asyncio.run(backend.aclose())
    if app.config_error is not None:
        raise app.config_error
    return app.return_code or EXIT_OK


def _connect(context: CommandContext, file: ConfigFile, clock: Clock) -> Connection:
    """Open the log (here, in the opener's thread, after the first frame), then validate the
    file and open the backend (:func:`tui_planner.backend.connect`); the log follows the
    config it validated."""
    from tui_planner.backend import connect

    context.start_log()
    connection = connect(file, clock, site=context.options.site)
    context.follow_config(connection.config)
    return connection
