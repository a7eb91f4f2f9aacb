"""The layers of DESIGN.md hold over every module, not only the package roots.

The package roots load their names lazily, so importing them proves nothing: import-linter
reads every module's imports instead (the contracts are in ``pyproject.toml``), and every
module is imported first in a process of its own (``tests/import_alone.py``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from importlinter.api import read_configuration

REPO = Path(__file__).resolve().parents[1]
CONTRACTS = {
    "core-without-ui",
    "api-without-sandbox",
    "store-without-sync",
    "textual-in-ui-only",
    "sandbox-behind-backend",
}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    # This checkout's package, whichever one is installed.
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_pyproject_declares_the_layer_contracts() -> None:
    contracts = read_configuration(str(REPO / "pyproject.toml"))["contracts_options"]

    assert {contract["id"] for contract in contracts} == CONTRACTS


def test_import_linter_finds_every_contract_kept() -> None:
    result = _run(
        "-c",
        "from importlinter.cli import lint_imports_command; lint_imports_command()",
        "--no-cache",
        "--no-logo",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Contracts: {len(CONTRACTS)} kept, 0 broken." in result.stdout


def test_every_module_imports_alone() -> None:
    result = _run("tests/import_alone.py")

    assert result.returncode == 0, result.stderr
    failures = json.loads(result.stdout.splitlines()[-1])
    assert failures == {}, "\n".join(f"{name}:\n{trace}" for name, trace in failures.items())
