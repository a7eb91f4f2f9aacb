"""The ``planner-tui`` command: the app, the scripting commands, config and sandbox.

One module per command group: :mod:`.app_command` (no command: the app),
:mod:`.script_commands` (status, plan, drafts, generate, schedule, export, completion),
:mod:`.config_commands`, :mod:`.sandbox_commands`. The global options are parsed once
(:mod:`.options`) into a :class:`~.context.CommandContext` every command is handed; how
commands talk (stdout, stderr, exit codes) is :mod:`.console`.

Every problem reaches the user as one sentence on stderr with an exit code that means
something: 0 done, 1 the backend failed or refused, 2 bad input. Never a traceback.
"""

from __future__ import annotations

from .main import build_parser, main

__all__ = ["build_parser", "main"]
