"""The options every command takes, parsed once (:class:`GlobalOptions`).

They may stand before the command or after it (``planner-tui --debug status`` and
``planner-tui status --debug``). A new global option goes here: a field, a flag in
:func:`add_global_options`, and its reading in :meth:`GlobalOptions.from_args`; the
command context (:mod:`tui_planner.cli.context`) builds the config and the session from
them, so no command reads them itself.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

__all__ = ["GlobalOptions", "add_global_options"]


@dataclass(frozen=True, slots=True)
class GlobalOptions:
    """What the global flags said."""

    config: Path | None = None
    """``--config PATH``: the config file instead of the default (also PLANNER_TUI_CONFIG)."""
    debug: bool = False
    """``--debug``: the log keeps everything, requests included, whatever [log] level says."""
    site: str | None = None
    """``--site NAME``: the ``[sites.NAME]`` table to use instead of ``default_site``."""

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> GlobalOptions:
        """The global options in parsed ``args``."""
        return cls(
            config=getattr(args, "config", None),
            debug=getattr(args, "debug", False),
            site=getattr(args, "site", None),
        )


def add_global_options(parser: argparse.ArgumentParser, *, top_level: bool) -> None:
    """Add the global flags to ``parser``.

    At the top level they have defaults; under a command they default to nothing at all
    (``SUPPRESS``), so a flag given before the command is not undone by its absence after.
    """
    unset = {} if top_level else {"default": argparse.SUPPRESS}
    parser.add_argument(
        "--config",
        type=Path,
        metavar="PATH",
        help="config file to use instead of the default (also PLANNER_TUI_CONFIG)",
        **({"default": None} if top_level else unset),
    )
    parser.add_argument(
        "--site",
        metavar="NAME",
        help="the [sites.NAME] table of the config to use (default: default_site)",
        **({"default": None} if top_level else unset),
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help="write everything, requests included, to the log (see `config path`)",
        **({"default": False} if top_level else unset),
    )
