"""``planner-tui completion SHELL``: a completion script for bash, zsh or fish.

Made by shtab from the same argument parser the command runs with, so every command and
flag (and the choices of ``--format`` and ``completion``) completes as it parses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .console import EXIT_OK

if TYPE_CHECKING:
    import argparse

    from .context import CommandContext
    from .parsing import Commands

__all__ = ["SHELLS", "add_completion_command", "completion_script"]

SHELLS = ("bash", "zsh", "fish")


def add_completion_command(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    """``completion``."""
    completion = commands.add_parser(
        "completion",
        parents=parents,
        help="print a shell completion script (bash, zsh, fish)",
        description="Print a completion script. bash: add "
        '`eval "$(planner-tui completion bash)"` to ~/.bashrc; zsh: save it as _planner-tui '
        "in a folder on $fpath; fish: save it as "
        "~/.config/fish/completions/planner-tui.fish.",
    )
    completion.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    completion.set_defaults(handler=_completion)


def completion_script(shell: str) -> str:
    """The completion script for ``shell``, made from :func:`~.main.build_parser`."""
    import shtab

    from .main import build_parser

    script: str = shtab.complete(build_parser(), shell=shell)
    return script


def _completion(args: argparse.Namespace, context: CommandContext) -> int:
    del context
    print(completion_script(args.shell))
    return EXIT_OK
