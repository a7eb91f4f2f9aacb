"""``planner-tui export``: the plan as iCalendar, CSV or JSON (:mod:`tui_planner.export`).

To stdout unless ``--output FILE`` is given (``-`` is stdout too); the format is
``--format``, or the output file's extension. A file is written atomically, 0600, and
named on stdout; CSV files carry a byte-order mark for Excel, CSV on stdout does not.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui_planner.export import ExportFormat, PlanExport, export_text, plan_export, write_export

from .console import EXIT_OK, EXIT_USAGE, CommandError, say
from .dates import day_range
from .plan_commands import days_note
from .plan_session import with_plan

if TYPE_CHECKING:
    import argparse

    from .context import CommandContext
    from .plan_session import PlanSession

__all__ = ["format_for", "run_export"]

_FORMATS = ", ".join(f.value for f in ExportFormat)


def format_for(fmt: ExportFormat | None, output: Path | None) -> ExportFormat:
    """The format asked for, or the one the output file's extension names."""
    if fmt is not None:
        return fmt
    if output is not None and output != Path("-"):
        try:
            return ExportFormat(output.suffix.lower().lstrip("."))
        except ValueError:
            pass
    raise CommandError(
        f"Say which format to export: --format {_FORMATS} "
        "(or an --output file ending in one of them).",
        EXIT_USAGE,
    )


def run_export(args: argparse.Namespace, context: CommandContext) -> int:
    fmt = format_for(ExportFormat(args.format) if args.format else None, args.output)
    exports: list[PlanExport] = []

    async def read(plan: PlanSession) -> int:
        clock = plan.clock
        days = day_range(args, clock.today())
        note = days_note(plan.state, days)
        if note:
            say(note)
        exports.append(
            plan_export(
                plan.state,
                site=plan.site,
                tz=clock.tz,
                now=clock.now(),
                start=days.start,
                end=days.end,
            )
        )
        return EXIT_OK

    # The plan is read with the backend open; the file is written after it is closed.
    code = with_plan(context, read)
    if code != EXIT_OK or not exports:
        return code
    (export,) = exports
    output: Path | None = args.output
    if output is None or output == Path("-"):
        sys.stdout.write(export_text(export, fmt))
        sys.stdout.flush()
        return EXIT_OK
    written = write_export(output.expanduser(), export, fmt)
    print(f"Wrote {export.contents(fmt)} to {written} ({fmt.value}).")
    return EXIT_OK
