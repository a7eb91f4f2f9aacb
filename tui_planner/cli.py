"""The ``planner-tui`` command: run the app, manage the config file, serve or reset the sandbox.

Every problem reaches the user as one sentence on stderr with a non-zero exit code (2 for a
bad config or bad flags), never as a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

# Only the config names that need no pydantic, here: a start that paints from its launch
# record reaches the first frame without it (see tui_planner.launch).
from tui_planner.config import API_KEY_ENV_VAR, ConfigError, locate_config, write_private_file

if TYPE_CHECKING:
    from tui_planner.config import LoadedConfig

__all__ = ["build_parser", "main"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
"""Bad flags or a bad config file."""
EXIT_INTERRUPTED = 130

DEFAULT_SERVE_PORT = 8765
_SANDBOX_SIDE_FILES = ("-wal", "-shm", "-journal")

Handler = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``planner-tui`` with ``argv`` (``sys.argv[1:]`` when omitted); return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        # argparse has already printed usage and its message (or the help text).
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    handler: Handler = args.handler
    try:
        return handler(args)
    except ConfigError as error:
        _say(str(error))
        return EXIT_USAGE
    except KeyboardInterrupt:
        _say("Interrupted.")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`planner-tui config show | head`); that is not an error,
        # and stdout must not be flushed again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        _say(f"planner-tui could not finish: {error.strerror or error}{where}.")
        return EXIT_FAILED
    except Exception as error:  # noqa: BLE001 - the last guard: a sentence, never a traceback.
        _say(f"planner-tui stopped on an unexpected {type(error).__name__}: {error}.")
        return EXIT_FAILED


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``planner-tui`` and all its subcommands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config",
        type=Path,
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="config file to use instead of the default (also PLANNER_TUI_CONFIG)",
    )

    parser = argparse.ArgumentParser(
        prog="planner-tui",
        description="A keyboard-first terminal app for a Wix site's AI marketing plan. "
        "With no API key configured it runs against a local sandbox.",
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="PATH",
        default=None,
        help="config file to use instead of the default (also PLANNER_TUI_CONFIG)",
    )
    parser.add_argument("--version", action=_ShowVersion, nargs=0, help="show the version and exit")
    parser.set_defaults(handler=_run_app)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    config = commands.add_parser("config", help="create, locate or show the config file")
    config.set_defaults(handler=_help_for(config))
    config_commands = config.add_subparsers(title="config commands", metavar="COMMAND")
    init = config_commands.add_parser(
        "init", parents=[common], help="write a commented starter config file"
    )
    init.add_argument("--force", action="store_true", help="replace an existing file")
    init.set_defaults(handler=_config_init)
    path = config_commands.add_parser(
        "path", parents=[common], help="print the config file's location"
    )
    path.set_defaults(handler=_config_path)
    show = config_commands.add_parser(
        "show", parents=[common], help="print the effective config (API key redacted)"
    )
    show.set_defaults(handler=_config_show)

    sandbox = commands.add_parser("sandbox", help="serve or reset the local sandbox")
    sandbox.set_defaults(handler=_help_for(sandbox))
    sandbox_commands = sandbox.add_subparsers(title="sandbox commands", metavar="COMMAND")
    serve = sandbox_commands.add_parser(
        "serve", parents=[common], help="serve the sandbox API over HTTP"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument(
        "--port",
        type=_port,
        default=DEFAULT_SERVE_PORT,
        help=f"port to listen on (default {DEFAULT_SERVE_PORT})",
    )
    serve.add_argument(
        "--api-key",
        metavar="KEY",
        default=None,
        help="key requests must send in Authorization (default: [sandbox] api_key)",
    )
    serve.set_defaults(handler=_sandbox_serve)
    reset = sandbox_commands.add_parser(
        "reset", parents=[common], help="delete the sandbox's data file"
    )
    reset.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    reset.set_defaults(handler=_sandbox_reset)
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
        print(f"planner-tui {_version()}")
        parser.exit()


def _version() -> str:
    from tui_planner import __version__

    return __version__


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, not {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 0 to 65535, not {port}")
    return port


def _help_for(parser: argparse.ArgumentParser) -> Handler:
    """A handler for a command group given no subcommand: show its help, exit 2."""

    def show_help(_args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return EXIT_USAGE

    return show_help


def _say(sentence: str) -> None:
    print(sentence, file=sys.stderr)


def _load(args: argparse.Namespace) -> LoadedConfig:
    """Load the config the flags and environment point at; print its warnings."""
    from tui_planner.config import load_config

    loaded = load_config(locate_config(args.config))
    for warning in loaded.warnings:
        _say(f"Warning: {warning}")
    return loaded


def _run_app(args: argparse.Namespace) -> int:
    from functools import partial

    from tui_planner.clock import SystemClock
    from tui_planner.launch import UiSettings, connect, read_launch_record
    from tui_planner.zone import resolve_zone

    location = locate_config(args.config)
    known = read_launch_record(location)
    if known is not None:
        # The config is as the last start validated it: paint first, validate after.
        for warning in known.warnings:
            _say(f"Warning: {warning}")
        info, ui = known.info, known.ui
        clock = SystemClock(resolve_zone(ui.timezone))
        opener = partial(connect, location, clock, known=known)
    else:
        from tui_planner.backend import describe_backend

        loaded = _load(args)
        config = loaded.config
        info = describe_backend(config)  # a bad [api] section stops here, before the screen
        ui = UiSettings.from_config(config)
        clock = SystemClock(resolve_zone(ui.timezone))
        opener = partial(connect, location, clock, loaded=loaded)
    # Imported late so that config and sandbox commands never load Textual.
    from tui_planner.journal import Journal, journal_file
    from tui_planner.session import Session
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


def _config_init(args: argparse.Namespace) -> int:
    from tui_planner.config import starter_config_text

    path = locate_config(args.config).path
    if path.exists() and not args.force:
        _say(f"The config file {path} already exists; pass --force to replace it.")
        return EXIT_FAILED
    write_private_file(path, starter_config_text())
    print(f"Wrote a starter config to {path}.")
    return EXIT_OK


def _config_path(args: argparse.Namespace) -> int:
    print(locate_config(args.config).path)
    return EXIT_OK


def _config_show(args: argparse.Namespace) -> int:
    from tui_planner.config import config_to_toml

    loaded = _load(args)
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


def _sandbox_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from tui_planner.backend import SANDBOX_SITE_ID, sandbox_options
    from tui_planner.clock import SystemClock
    from tui_planner.config import display_path
    from tui_planner.sandbox import create_app
    from tui_planner.serving import ServeBanner, keyless_refusal
    from tui_planner.zone import resolve_zone

    loaded = _load(args)
    section = loaded.config.sandbox
    configured = section.api_key.get_secret_value() if section.api_key is not None else None
    api_key: str | None = args.api_key or configured
    if args.api_key:
        key_source: str | None = "--api-key"
    elif configured is not None:
        key_source = f"[sandbox] api_key in {display_path(loaded.location.path)}"
    else:
        key_source = None
    refusal = keyless_refusal(args.host) if api_key is None else None
    if refusal is not None:
        _say(refusal)
        return EXIT_USAGE
    data_file = section.resolved_data_file
    data_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    app = create_app(
        data_file=data_file,
        clock=SystemClock(resolve_zone(loaded.config.ui.timezone)),
        options=sandbox_options(section),
        api_key=api_key,
    )
    host = f"[{args.host}]" if ":" in args.host else args.host
    banner = ServeBanner(
        base_url=f"http://{host}:{args.port}",
        data_file=str(data_file),
        site_id=SANDBOX_SITE_ID,
        host=args.host,
        key_source=key_source,
    )
    for warning in banner.warnings():
        _say(f"Warning: {warning}")
    print("\n".join(banner.lines()))
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return EXIT_OK


def _sandbox_reset(args: argparse.Namespace) -> int:
    data_file = _load(args).config.sandbox.resolved_data_file
    files = [data_file, *(Path(f"{data_file}{suffix}") for suffix in _SANDBOX_SIDE_FILES)]
    existing = [file for file in files if file.exists()]
    if not existing:
        print(f"There is no sandbox data at {data_file}; nothing to delete.")
        return EXIT_OK
    if not args.yes and not _confirm(f"Delete all sandbox data in {data_file}? [y/N] "):
        print("Nothing was deleted.")
        return EXIT_FAILED
    for file in existing:
        file.unlink(missing_ok=True)
    print(f"Deleted the sandbox data in {data_file}.")
    return EXIT_OK


def _confirm(question: str) -> bool:
    try:
        answer = input(question)
    except EOFError:
        print()
        return False
    return answer.strip().lower() in {"y", "yes"}
