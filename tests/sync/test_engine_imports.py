"""The engine's module leaves the commands' modules to the first command: building the
command classes takes 15-20 ms that the first plan on screen would otherwise wait for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_LATER = ("tui_planner.sync.commands", "tui_planner.sync.optimistic", "tui_planner.sync.perform")


def test_the_engine_loads_without_the_commands_modules() -> None:
    code = (
        "import sys\n"
        "import tui_planner.sync.engine\n"
        f"print(sorted(name for name in {_LATER!r} if name in sys.modules))\n"
    )

    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=REPO
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
