"""The README's two set-up commands are the ones CI runs."""

from __future__ import annotations

import os
import re
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
INSTALL_AND_RUN = "pip install . && planner-tui"
INSTALL_AND_TEST = "pip install '.[test]' && pytest"


def setup_commands() -> list[str]:
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, flags=re.DOTALL)


def test_readme_gives_exactly_two_setup_commands() -> None:
    assert setup_commands() == [INSTALL_AND_RUN, INSTALL_AND_TEST]


def test_ci_runs_the_readme_test_command() -> None:
    script = REPOSITORY / ".ci" / "run"

    lines = [line.strip() for line in script.read_text(encoding="utf-8").splitlines()]

    assert any(line.startswith(INSTALL_AND_TEST) for line in lines)
    assert os.access(script, os.X_OK)
    assert "set -euo pipefail" in lines
