"""Every worker the ui starts names its group from ``WorkerGroup``, never as a literal string,
so the crash handler's ``match`` and ``cancel_group`` can never miss a misspelt group."""

from __future__ import annotations

import ast
from pathlib import Path

import tui_planner.ui
from tui_planner.ui.workers import WorkerGroup, say_failed

UI_ROOT = Path(tui_planner.ui.__file__).parent


def _literal_groups(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, what) for each group written as a string: ``group="..."`` in any call
    (``run_worker``, ``@work``), a string given to ``cancel_group``, ``.group`` compared
    with a string, or a string ``case`` of a ``match`` on ``.group``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg == "group" and isinstance(keyword.value, ast.Constant):
                    found.append((node.lineno, f"group={keyword.value.value!r}"))
            called = node.func
            if isinstance(called, ast.Attribute) and called.attr == "cancel_group":
                found.extend(
                    (node.lineno, f"cancel_group(..., {arg.value!r})")
                    for arg in node.args
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                )
        elif isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            reads_group = any(isinstance(s, ast.Attribute) and s.attr == "group" for s in sides)
            strings = [s for s in sides if isinstance(s, ast.Constant) and isinstance(s.value, str)]
            if reads_group and strings:
                found.append((node.lineno, f".group compared with {strings[0].value!r}"))
        elif (
            isinstance(node, ast.Match)
            and isinstance(node.subject, ast.Attribute)
            and node.subject.attr == "group"
        ):
            found.extend(
                (case.pattern.lineno, f"case {case.pattern.value.value!r}")
                for case in node.cases
                if isinstance(case.pattern, ast.MatchValue)
                and isinstance(case.pattern.value, ast.Constant)
            )
    return found


def test_the_scan_finds_a_literal_group() -> None:
    """The scan itself: each way of writing a group as a string is caught."""
    source = """
self.run_worker(job(), group="sync")
@work(group="dialogs")
def f(): ...
app.workers.cancel_group(app, "ticker")
if worker.group == "commands": ...
match worker.group:
    case "sync": ...
"""
    found = sorted(what for _, what in _literal_groups(ast.parse(source)))
    assert found == sorted(
        [
            "group='sync'",
            "group='dialogs'",
            "cancel_group(..., 'ticker')",
            ".group compared with 'commands'",
            "case 'sync'",
        ]
    )


def test_every_worker_group_in_the_ui_is_a_worker_group_member() -> None:
    literal = [
        f"{path.relative_to(UI_ROOT)}:{line}: {what}"
        for path in sorted(UI_ROOT.rglob("*.py"))
        for line, what in _literal_groups(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert literal == [], "name these groups with WorkerGroup:\n" + "\n".join(literal)


def test_the_crash_handler_matches_on_the_enum() -> None:
    """``say_failed``'s cases are ``WorkerGroup`` members, with a default branch."""
    source = Path(say_failed.__code__.co_filename).read_text(encoding="utf-8")
    handler = next(
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef) and node.name == "say_failed"
    )
    (match,) = [node for node in ast.walk(handler) if isinstance(node, ast.Match)]
    cases = [case.pattern for case in match.cases]
    named = [
        p.value.attr
        for p in cases
        if isinstance(p, ast.MatchValue)
        and isinstance(p.value, ast.Attribute)
        and isinstance(p.value.value, ast.Name)
        and p.value.value.id == "WorkerGroup"
    ]
    assert len(named) == len(cases) - 1, "every case but the default names a member"
    assert all(name in WorkerGroup.__members__ for name in named)
    default = cases[-1]
    assert isinstance(default, ast.MatchAs), "a default branch"
    assert default.pattern is None, "a default branch"
