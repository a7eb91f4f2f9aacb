"""``planner-tui config``: create, locate or show the config file."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from tui_planner.config import API_KEY_ENV_VAR, write_private_file

from .console import EXIT_FAILED, EXIT_OK, say
from .parsing import help_for

if TYPE_CHECKING:
    import argparse

    from .context import CommandContext
    from .parsing import Commands

__all__ = ["add_config_commands"]


def add_config_commands(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    """``config init``, ``config path`` and ``config show``."""
    config = commands.add_parser("config", help="create, locate or show the config file")
    config.set_defaults(handler=help_for(config))
    group = config.add_subparsers(title="config commands", metavar="COMMAND")
    init = group.add_parser("init", parents=parents, help="write a commented starter config file")
    init.add_argument("--force", action="store_true", help="replace an existing file")
    init.set_defaults(handler=_config_init)
    path = group.add_parser(
        "path",
        parents=parents,
        help="print the config file's location (and the log's, on stderr)",
        description="Print the config file's path on stdout and the debug log's on stderr, "
        "so `$(planner-tui config path)` is the config file.",
    )
    path.add_argument("--log", action="store_true", help="print only the log file's path")
    path.set_defaults(handler=_config_path)
    show = group.add_parser(
        "show", parents=parents, help="print the effective config (API key redacted)"
    )
    show.set_defaults(handler=_config_show)


def _config_init(args: argparse.Namespace, context: CommandContext) -> int:
    from tui_planner.config import starter_config_text

    path = context.location.path
    if path.exists() and not args.force:
        say(f"The config file {path} already exists; pass --force to replace it.")
        return EXIT_FAILED
    write_private_file(path, starter_config_text())
    print(f"Wrote a starter config to {path}.")
    return EXIT_OK


def _config_path(args: argparse.Namespace, context: CommandContext) -> int:
    from tui_planner.debug_log import log_file

    if args.log:
        print(log_file())
        return EXIT_OK
    print(context.location.path)
    say(f"Log file: {log_file()}")
    return EXIT_OK


def _config_show(args: argparse.Namespace, context: CommandContext) -> int:
    del args
    from tui_planner.config import config_to_toml

    loaded = context.load()
    config = loaded.config
    # Show the sandbox file actually used rather than leaving the default implicit.
    sandbox = config.sandbox.model_copy(update={"data_file": config.sandbox.resolved_data_file})
    effective = config.model_copy(update={"sandbox": sandbox})
    source = "" if loaded.found else " (not found: defaults)"
    print(f"# Effective configuration from {loaded.location.path}{source}.")
    if os.environ.get(API_KEY_ENV_VAR, "").strip():
        print(f"# api.api_key comes from the {API_KEY_ENV_VAR} environment variable.")
    backend = "the local sandbox" if config.uses_sandbox else "Wix"
    print(f"# Backend: {backend}.")
    print()
    print(config_to_toml(effective), end="")
    return EXIT_OK
