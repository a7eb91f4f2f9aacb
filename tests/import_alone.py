"""Import every module of ``tui_planner`` first, each in a process of its own.

``tests/test_layers.py`` runs this file as a script (cwd: the repository) and reads the JSON
it prints: ``{module: traceback}`` for each module that fails to import when nothing of
``tui_planner`` was imported before it, which is how a circular import or a module that
leans on another being imported first shows.

One interpreter per module spends most of its time importing Textual, pydantic and httpx
again (165 modules: about half a minute on two cores). So this process first learns which
third-party modules the package loads (a forked child imports everything and reports
``sys.modules``), imports those itself, and then forks one child per module from that state:
each child starts with no ``tui_planner`` module loaded, which is the isolation that
matters, and the whole run takes a few seconds.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path

PACKAGE = "tui_planner"
# ``python -m tui_planner`` runs the app: importing it is starting it.
NOT_IMPORTABLE = {f"{PACKAGE}.__main__"}
CHILD_TIMEOUT_S = 60


def package_modules(root: Path) -> list[str]:
    """Every module and package of ``tui_planner`` under ``root``, by dotted name."""
    names = []
    for path in sorted((root / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        name = ".".join(parts)
        if name not in NOT_IMPORTABLE:
            names.append(name)
    return names


def in_child(work: Callable[[], str]) -> tuple[int, int]:
    """Fork; the child runs ``work`` and writes what it returns (or its traceback) to a pipe.

    Returns the child's pid and the pipe's read end.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return pid, read_end
    os.close(read_end)
    signal.alarm(CHILD_TIMEOUT_S)
    status = 0
    try:
        report = work()
    except BaseException:  # noqa: BLE001 (a child reports whatever ends it, SystemExit too)
        report, status = traceback.format_exc()[-4000:], 1
    with os.fdopen(write_end, "w", encoding="utf-8") as pipe:
        pipe.write(report)
    os._exit(status)


def collect(pid: int, read_end: int) -> tuple[int, str]:
    """The child's exit status and what it wrote."""
    with os.fdopen(read_end, encoding="utf-8") as pipe:
        report = pipe.read()
    _, wait_status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(wait_status), report


def third_party_modules(modules: Iterable[str]) -> list[str]:
    """What importing every module loads from outside the package, in load order."""

    def import_everything() -> str:
        for name in modules:
            importlib.import_module(name)
        outside = [name for name in sys.modules if name.split(".")[0] != PACKAGE]
        return json.dumps(outside)

    status, report = collect(*in_child(import_everything))
    return json.loads(report) if status == 0 else []


def failures(modules: list[str], parallel: int) -> dict[str, str]:
    """``{module: traceback}`` for each module that fails imported first, in its own child."""
    found: dict[str, str] = {}
    running: list[tuple[str, int, int]] = []
    pending = list(modules)
    while pending or running:
        while pending and len(running) < parallel:
            name = pending.pop(0)
            running.append((name, *in_child(functools.partial(_import, name))))
        name, pid, read_end = running.pop(0)
        status, report = collect(pid, read_end)
        if status != 0:
            found[name] = report or f"exit status {status}"
    return found


def _import(name: str) -> str:
    importlib.import_module(name)
    return ""


def main() -> None:
    """Print ``{module: traceback}`` for the modules that cannot be imported alone."""
    modules = package_modules(Path.cwd())
    for name in third_party_modules(modules):
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 (the child that needs it will import it itself)
            continue
    leaked = sorted(name for name in sys.modules if name.split(".")[0] == PACKAGE)
    if leaked:
        raise SystemExit(f"{PACKAGE} modules were loaded before forking: {leaked}")
    print(json.dumps(failures(modules, parallel=os.cpu_count() or 2)))


if __name__ == "__main__":
    main()
