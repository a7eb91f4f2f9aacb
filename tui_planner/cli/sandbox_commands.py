"""``planner-tui sandbox``: serve the sandbox over HTTP, or start it afresh."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from .console import EXIT_FAILED, EXIT_OK, EXIT_USAGE, ask_yes_no, say
from .parsing import help_for

if TYPE_CHECKING:
    from .context import CommandContext
    from .parsing import Commands

__all__ = ["DEFAULT_SERVE_PORT", "add_sandbox_commands"]

DEFAULT_SERVE_PORT = 8765
_SANDBOX_SIDE_FILES = ("-wal", "-shm", "-journal")


def add_sandbox_commands(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    """``sandbox serve`` and ``sandbox reset``."""
    sandbox = commands.add_parser("sandbox", help="serve or reset the local sandbox")
    sandbox.set_defaults(handler=help_for(sandbox))
    group = sandbox.add_subparsers(title="sandbox commands", metavar="COMMAND")
    serve = group.add_parser("serve", parents=parents, help="serve the sandbox API over HTTP")
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
    reset = group.add_parser("reset", parents=parents, help="delete the sandbox's data file")
    reset.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    reset.set_defaults(handler=_sandbox_reset)


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, not {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 0 to 65535, not {port}")
    return port


def _sandbox_serve(args: argparse.Namespace, context: CommandContext) -> int:
    import uvicorn

    from tui_planner.backend import SANDBOX_SITE_ID, sandbox_options
    from tui_planner.clock import SystemClock
    from tui_planner.config import display_path
    from tui_planner.sandbox import create_app
    from tui_planner.serving import ServeBanner, keyless_refusal
    from tui_planner.zone import resolve_zone

    loaded = context.load()
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
        say(refusal)
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
        say(f"Warning: {warning}")
    print("\n".join(banner.lines()))
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return EXIT_OK


def _sandbox_reset(args: argparse.Namespace, context: CommandContext) -> int:
    data_file = context.config.sandbox.resolved_data_file
    files = [data_file, *(Path(f"{data_file}{suffix}") for suffix in _SANDBOX_SIDE_FILES)]
    existing = [file for file in files if file.exists()]
    if not existing:
        print(f"There is no sandbox data at {data_file}; nothing to delete.")
        return EXIT_OK
    if not args.yes and not ask_yes_no(f"Delete all sandbox data in {data_file}? [y/N] "):
        print("Nothing was deleted.")
        return EXIT_FAILED
    for file in existing:
        file.unlink(missing_ok=True)
    print(f"Deleted the sandbox data in {data_file}.")
    return EXIT_OK
