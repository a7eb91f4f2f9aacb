"""Exporting the plan from the app: ``x`` on the calendar, or "Export the plan" in the palette.

Asks for one thing, the file: the Downloads (else Documents) folder or the working
directory, ``marketing-plan-<today>.ics`` by default; the extension picks the format (.ics
for calendars, .csv for spreadsheets, .json for scripts). Writes it (0600, in a thread) and
names it in a notification. The export itself is :mod:`tui_planner.export`, shared with
``planner-tui export``.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from tui_planner.export import (
    ExportFormat,
    default_export_path,
    export_site,
    plan_export,
    write_export,
)
from tui_planner.ui.dialogs.confirm import ConfirmDialog
from tui_planner.ui.dialogs.path_prompt import PathPrompt
from tui_planner.ui.planner_screen import planner_host
from tui_planner.ui.workers import WorkerGroup

if TYPE_CHECKING:
    from pathlib import Path

    from textual.app import App

__all__ = ["PROMPT_TITLE", "export_format_refusal", "export_the_plan", "start_export"]

PROMPT_TITLE = "Export the plan: .ics for calendar apps, .csv for spreadsheets, .json for scripts"


def export_format_refusal(path: Path) -> str | None:
    """Why ``path`` names no export format (a sentence), or ``None`` when it does."""
    if path.suffix.lower().lstrip(".") in {f.value for f in ExportFormat}:
        return None
    return "End the file name in .ics, .csv or .json: that is the format it is written in."


def start_export(app: App[Any]) -> None:
    """Ask for the file and export the plan to it, in a worker."""
    app.run_worker(
        export_the_plan(app),
        name="export the plan",
        group=WorkerGroup.DIALOGS,
        exclusive=True,
        exit_on_error=False,
        description="Exporting the plan",
    )


async def export_the_plan(app: App[Any]) -> Path | None:
    """Ask where, write the export there, say so; the file written, or ``None``."""
    host = planner_host(app)
    state = host.state
    if not state.loaded:
        app.notify("The plan is still loading; export it once it is shown.", timeout=4)
        return None
    clock = host.clock
    # Looking for the Downloads folder touches the disk: not on the UI's loop.
    default = await asyncio.to_thread(default_export_path, ExportFormat.ICS, clock.today())
    path: Path | None = await app.push_screen_wait(
        PathPrompt(PROMPT_TITLE, default, check=export_format_refusal)
    )
    if path is None:
        return None
    if await asyncio.to_thread(path.exists) and not await app.push_screen_wait(
        ConfirmDialog("Replace the file?", f"{path} exists. Replace it?", "Replace")
    ):
        return None
    fmt = ExportFormat(path.suffix.lower().lstrip("."))
    export = plan_export(state, site=export_site(host.session.config), tz=clock.tz, now=clock.now())
    try:
        await asyncio.to_thread(write_export, path, export, fmt)
    except OSError as error:
        app.notify(
            f"Could not write {path}: {error.strerror or error}.",
            title="Export",
            severity="error",
        )
        return None
    app.notify(f"Exported {export.contents(fmt)} to {path}.", title="Export", timeout=8)
    return path
