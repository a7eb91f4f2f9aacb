"""``planner-tui completion``: scripts made from the parser, for bash, zsh and fish."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.cli.conftest import Run


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_script_knows_every_command_and_its_flags(run: Run, shell: str) -> None:
    result = run("completion", shell)

    assert result.code == 0
    script = result.out
    for word in ("status", "plan", "drafts", "generate", "schedule", "export", "completion"):
        assert word in script
    for flag in ("all-connected", "dry-run", "keyword-research", "connected-only"):
        assert flag in script  # bash and zsh write --flag, fish -l flag
    assert "planner-tui" in script or "planner_tui" in script


def test_the_bash_script_is_valid_bash(run: Run) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    script = run("completion", "bash").out

    checked = subprocess.run([bash, "-n"], input=script, capture_output=True, text=True)

    assert checked.returncode == 0, checked.stderr


def test_an_unknown_shell_is_a_usage_error(run: Run) -> None:
    result = run("completion", "powershell")

    assert result.code == 2
    assert "invalid choice: 'powershell'" in result.err
