"""What the command modules share to declare themselves: the handler type and group help."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

from .console import EXIT_USAGE

if TYPE_CHECKING:
    from .context import CommandContext

__all__ = ["Commands", "Handler", "help_for"]

Handler: TypeAlias = "Callable[[argparse.Namespace, CommandContext], int]"
"""Runs one command with its parsed flags and the run's context; returns the exit code."""

Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""Where a command module adds its commands (``parser.add_subparsers()``)."""


def help_for(parser: argparse.ArgumentParser) -> Handler:
    """A handler for a command group given no subcommand: show its help, exit 2."""

    def show_help(_args: argparse.Namespace, _context: CommandContext) -> int:
        parser.print_help(sys.stderr)
        return EXIT_USAGE

    return show_help
