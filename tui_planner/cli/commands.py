"""The scripting commands' flags: status, plan, drafts, generate, schedule, export.

Declared here, apart from what they do, so building the parser (which every start of
``planner-tui`` does, the app's included) imports nothing heavy: each command's module, and
the models, store and sync code behind it, load only when that command runs
(:func:`lazy_handler`).
"""

from __future__ import annotations

import argparse
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from .dates import add_day_range

if TYPE_CHECKING:
    from tui_planner.api.models import ChannelName

    from .context import CommandContext
    from .parsing import Commands, Handler

__all__ = ["DEFAULT_TIMEOUT", "add_script_commands", "channel_argument", "lazy_handler"]

DEFAULT_TIMEOUT = 600.0
"""Seconds ``generate --wait`` follows a generation before giving up (keyword research
takes a while)."""

_JSON_HELP = "print JSON for scripts"


def lazy_handler(module: str, name: str) -> Handler:
    """The handler ``name`` of ``tui_planner.cli.<module>``, imported when it runs."""

    def handler(args: argparse.Namespace, context: CommandContext) -> int:
        run: Handler = getattr(import_module(f"tui_planner.cli.{module}"), name)
        return run(args, context)

    return handler


def add_script_commands(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    """Every scripting command, in the order ``--help`` lists them."""
    _add_status(commands, parents)
    _add_plan(commands, parents)
    _add_drafts(commands, parents)
    _add_generate(commands, parents)
    _add_schedule(commands, parents)
    _add_export(commands, parents)


def channel_argument(text: str) -> ChannelName:
    """``--channel``: a network by its API name or what people call it (``x``, ``gbp``)."""
    from tui_planner.api.models import ChannelName
    from tui_planner.store.names import CHANNEL_LABELS

    word = text.strip().upper().replace("-", "_").replace(" ", "_")
    for channel in ChannelName.__members__.values():
        label = CHANNEL_LABELS.get(channel, "").upper().replace(" ", "_")
        if word in (channel.value, label):
            return channel
    names = ", ".join(name.lower() for name in ChannelName.__members__)
    raise argparse.ArgumentTypeError(f"expected one of {names}, not {text!r}")


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, not {text!r}") from None
    if not 0 < value <= 86_400:
        raise argparse.ArgumentTypeError(f"expected 0 to 86400 seconds, not {text}")
    return value


def _add_activity_ids(
    parser: argparse.ArgumentParser | argparse._MutuallyExclusiveGroup,
    help_text: str,
    default: list[str] | None = None,
) -> None:
    """``--activity ID...``: one or more ids, and the flag may be repeated (drafts and
    schedule read it the same way)."""
    parser.add_argument(
        "--activity",
        dest="activity_ids",
        nargs="+",
        action="extend",
        metavar="ID",
        default=default,
        help=f"{help_text} (several ids, or the flag repeated)",
    )


def _add_draft_filters(parser: argparse.ArgumentParser) -> None:
    """What narrows a choice of drafts (``--channel``, ``--from``/``--to``) and ``--json``:
    the same flags, meaning the same, on ``drafts`` and ``schedule``."""
    parser.add_argument(
        "--channel",
        type=channel_argument,
        metavar="CHANNEL",
        help="only drafts for this network (instagram, facebook, linkedin, x, ...)",
    )
    add_day_range(parser, "drafts of activities")
    parser.add_argument("--json", action="store_true", help=_JSON_HELP)


def _add_status(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    status = commands.add_parser(
        "status",
        parents=parents,
        help="the plan's status, counts, channels and premium",
        description="Show the plan's status, how many activities and posts it has, which "
        "channels are connected and whether scheduling (premium) is available.",
    )
    status.add_argument("--json", action="store_true", help=_JSON_HELP)
    status.set_defaults(handler=lazy_handler("status_command", "run_status"))


def _add_plan(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    plan = commands.add_parser(
        "plan",
        parents=parents,
        help="the plan's activities and their posts",
        description="List the plan's activities, day by day, with each post's channel and "
        "status. Times are in your time zone ([ui] timezone).",
    )
    add_day_range(plan, "activities")
    plan.add_argument("--json", action="store_true", help=_JSON_HELP)
    plan.set_defaults(handler=lazy_handler("plan_commands", "run_plan"))


def _add_drafts(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    drafts = commands.add_parser(
        "drafts",
        parents=parents,
        help="the drafts that could be scheduled",
        description="List the plan's drafts with their ids, for `planner-tui schedule`.",
    )
    _add_activity_ids(drafts, "only these activities' drafts", default=[])
    drafts.add_argument(
        "--connected-only",
        action="store_true",
        help="only drafts for channels the site has connected",
    )
    _add_draft_filters(drafts)
    drafts.set_defaults(handler=lazy_handler("plan_commands", "run_drafts"))


def _add_generate(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    generate = commands.add_parser(
        "generate",
        parents=parents,
        help="generate or regenerate the plan",
        description="Generate the site's plan (or retry a failed or inactive one). With "
        "--regenerate, rebuild the upcoming activities from the current settings; with "
        "--keyword-research, run fresh keyword research first.",
    )
    how = generate.add_mutually_exclusive_group()
    how.add_argument("--regenerate", action="store_true", help="rebuild the upcoming activities")
    how.add_argument(
        "--keyword-research",
        action="store_true",
        help="run fresh keyword research, then rebuild",
    )
    generate.add_argument("--wait", action="store_true", help="follow the generation until it ends")
    generate.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"how long --wait follows it (default {DEFAULT_TIMEOUT:g})",
    )
    generate.add_argument(
        "--yes",
        action="store_true",
        help="do not ask before losing scheduled posts or edits",
    )
    generate.add_argument("--json", action="store_true", help=_JSON_HELP)
    generate.set_defaults(handler=lazy_handler("generate_command", "run_generate"))


def _add_schedule(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    schedule = commands.add_parser(
        "schedule",
        parents=parents,
        help="schedule drafts and report what the server did",
        description="Schedule drafts: each goes live at its activity's date and time. "
        "Drafts for channels the site has not connected, and posts that are no longer "
        "drafts, stay as they are; the report says which and why.",
    )
    which = schedule.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--all-connected",
        action="store_true",
        help="every draft on a connected channel",
    )
    _add_activity_ids(which, "these activities' drafts")
    which.add_argument("--draft", dest="draft_ids", nargs="+", metavar="ID", help="these drafts")
    schedule.add_argument(
        "--dry-run", action="store_true", help="say what would be scheduled, and stop"
    )
    schedule.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    _add_draft_filters(schedule)
    schedule.set_defaults(handler=lazy_handler("schedule_command", "run_schedule"))


def _add_export(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    from tui_planner.export.formats import ExportFormat

    export = commands.add_parser(
        "export",
        parents=parents,
        help="write the plan as iCalendar, CSV or JSON",
        description="Export the plan: ics for calendar apps (one event per activity and "
        "calendar event; importing a newer file updates the older one's events), csv for "
        "spreadsheets (one row per post), json for scripts (the API's shapes).",
    )
    export.add_argument(
        "--format",
        choices=[f.value for f in ExportFormat],
        help="the format (default: the --output file's extension)",
    )
    export.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="write to FILE instead of stdout",
    )
    add_day_range(export, "activities and events")
    export.set_defaults(handler=lazy_handler("export_command", "run_export"))
