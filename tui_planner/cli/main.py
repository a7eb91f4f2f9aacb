"""``main``: parse the flags once, build the run's context, run one command, never a traceback."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import TYPE_CHECKING, NoReturn

# Only the config names that need no pydantic, here: the app's first frame comes before
# the config is validated (see app_command).
from tui_planner.config import ConfigError
from tui_planner.debug_log import active_log_file

from .app_command import run_app
from .console import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, CommandError, say
from .context import CommandContext
from .options import GlobalOptions, add_global_options

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tui_planner.clock import Clock

    from .parsing import Handler

__all__ = ["build_parser", "main"]

logger = logging.getLogger("tui_planner.cli")


def main(argv: Sequence[str] | None = None, *, clock: Clock | None = None) -> int:
    """Run ``planner-tui`` with ``argv`` (``sys.argv[1:]`` when omitted); return the exit code.

    ``clock`` is for tests: the commands' "now" (the app keeps the system clock).
    """
    # planner-tui uses no pydantic plugins; looking for them, pydantic reads the entry points
    # of every installed distribution when it builds its first model (25-30 ms on the way to
    # the live plan). A value the user set is left alone.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    arguments = sys.argv[1:] if argv is None else list(argv)
    args = _app_arguments(arguments)
    if args is None:
        try:
            args = build_parser().parse_args(arguments)
        except SystemExit as stop:
            # argparse has already printed usage and its message (or the help text).
            return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    context = CommandContext(GlobalOptions.from_args(args), clock=clock)
    # The app opens the log after its first frame (app_command); every command, at once.
    if getattr(args, "open_log", False):
        context.start_log()
    handler: Handler = args.handler
    try:
        return handler(args, context)
    except CommandError as error:
        say(error.sentence)
        return error.code
    except ConfigError as error:
        say(str(error))
        return EXIT_USAGE
    except KeyboardInterrupt:
        say("Interrupted.")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`planner-tui plan | head`); that is not an error, and
        # stdout must not be flushed again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        logger.warning("stopped on %r", error)
        where = f" ({error.filename})" if error.filename else ""
        say(f"planner-tui could not finish: {error.strerror or error}{where}.")
        return EXIT_FAILED
    except Exception as error:  # The last guard: a sentence; the traceback goes to the log.
        # The app opens the log late; an error before then opens it now.
        log_file = active_log_file() or context.start_log()
        logger.exception("stopped on an unexpected error")
        details = f" The log has the details: {log_file}" if log_file is not None else ""
        say(f"planner-tui stopped on an unexpected {type(error).__name__}: {error}.{details}")
        return EXIT_FAILED


class _NotTheApp(Exception):
    """The command line asks for more than the app: the full parser reads it."""


class _AppParser(argparse.ArgumentParser):
    """The app's own flags only; anything else is :class:`_NotTheApp`, never a message."""

    def error(self, message: str) -> NoReturn:
        raise _NotTheApp(message)


def _app_arguments(argv: list[str]) -> argparse.Namespace | None:
    """The flags of a plain start of the app (``planner-tui [--config PATH] [--site NAME]
    [--debug]``), read without building every command's parser, which takes 8 ms of each
    start; ``None`` for any other command line (a command, ``--help``, ``--version``, a
    mistake), which :func:`build_parser`'s parser reads and answers."""
    parser = _AppParser(prog="planner-tui", add_help=False)
    add_global_options(parser, top_level=True)
    parser.set_defaults(handler=run_app)
    try:
        return parser.parse_args(argv)
    except _NotTheApp:
        return None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``planner-tui`` and all its commands."""
    from .commands import add_script_commands
    from .completion_command import add_completion_command
    from .config_commands import add_config_commands
    from .sandbox_commands import add_sandbox_commands

    parser = argparse.ArgumentParser(
        prog="planner-tui",
        description="A keyboard-first terminal app for a Wix site's AI marketing plan. "
        "With no API key configured it runs against a local sandbox. Run without a "
        "command to open the app.",
    )
    add_global_options(parser, top_level=True)
    parser.add_argument("--version", action=_ShowVersion, nargs=0, help="show the version and exit")
    parser.set_defaults(handler=run_app)
    # Every command takes the global options too, after its name.
    common = argparse.ArgumentParser(add_help=False)
    add_global_options(common, top_level=False)
    common.set_defaults(open_log=True)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for add in (
        add_script_commands,
        add_config_commands,
        add_sandbox_commands,
        add_completion_command,
    ):
        add(commands, [common])
    return parser


class _ShowVersion(argparse.Action):
    """``--version``: prints the version and exits."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from tui_planner import __version__

        print(f"planner-tui {__version__}")
        parser.exit()
