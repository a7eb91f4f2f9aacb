"""Only the UI may import Textual: the core packages stay plain Python."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_core_packages_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "import tui_planner.api, tui_planner.sandbox, tui_planner.store, tui_planner.sync\n"
        "import tui_planner.config\n"
        "leaked = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "assert not leaked, leaked\n"
    )

    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=REPO
    )

    assert result.returncode == 0, result.stderr
