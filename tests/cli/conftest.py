"""Fixtures for the scripting commands: a sandbox config, a clock that moves when slept on,
a plan generated once per session and copied for each test, and ``run`` to call the CLI."""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tui_planner.cli import main
from tui_planner.clock import ManualClock
from tui_planner.config import write_private_file

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
"""When the shared plan's generation starts (a Monday)."""
LATER = START + timedelta(minutes=5)
"""A moment when the shared plan is ready: every test that reads it starts here."""
BERLIN = ZoneInfo("Europe/Berlin")


class SteppingClock(ManualClock):
    """A manual clock whose ``sleep`` moves it on: a command that waits (``generate
    --wait``, the client's retry backoff) runs through its waits at once and in order."""

    async def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self.advance(seconds)
        await asyncio.sleep(0)


@dataclass
class Result:
    """What one command did."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        """stdout read as JSON."""
        return json.loads(self.out)


Run = Callable[..., Result]


def write_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: str = "") -> Path:
    """A config with the sandbox's data in ``tmp_path``; returns the data file."""
    data_file = tmp_path / "sandbox.sqlite3"
    config = tmp_path / "config.toml"
    write_private_file(
        config,
        "[ui]\ntimezone = 'Europe/Berlin'\n\n"
        f"[sandbox]\ndata_file = '{data_file}'\ngeneration_seconds = 6.0\n{extra}",
    )
    monkeypatch.setenv("PLANNER_TUI_CONFIG", str(config))
    return data_file


@pytest.fixture(scope="session")
def generated_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sandbox data file holding a generated plan (made once, by ``generate --wait``)."""
    folder = tmp_path_factory.mktemp("generated")
    data_file = folder / "sandbox.sqlite3"
    config = folder / "config.toml"
    write_private_file(config, f"[sandbox]\ndata_file = '{data_file}'\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLANNER_TUI_CONFIG", str(config))
        patch.setenv("XDG_STATE_HOME", str(folder / "state"))
        code = main(["generate", "--wait"], clock=SteppingClock(START, tz=BERLIN))
    assert code == 0
    return data_file


@pytest.fixture
def clock() -> SteppingClock:
    """The test's clock: the shared plan is ready, in Berlin."""
    return SteppingClock(LATER, tz=BERLIN)


@pytest.fixture
def run(clock: ManualClock, capsys: pytest.CaptureFixture[str]) -> Run:
    """Run ``planner-tui *argv`` on the test's clock; what it printed and returned."""

    def run_command(*argv: str) -> Result:
        capsys.readouterr()
        code = main(list(argv), clock=clock)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run_command


@pytest.fixture
def empty_sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A sandbox with no plan yet; returns its data file."""
    return write_config(tmp_path, monkeypatch)


@pytest.fixture
def planned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, generated_plan: Path) -> Path:
    """A sandbox holding a copy of the generated plan; returns its data file."""
    data_file = write_config(tmp_path, monkeypatch)
    shutil.copyfile(generated_plan, data_file)
    return data_file


def with_sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plan: Path, extra: str) -> None:
    """Point the config at a copy of ``plan`` with ``extra`` lines in [sandbox]."""
    data_file = write_config(tmp_path, monkeypatch, extra)
    shutil.copyfile(plan, data_file)


def answer_with(monkeypatch: pytest.MonkeyPatch, answer: str) -> list[str]:
    """Answer every ``input()`` with ``answer``; returns the questions asked."""
    questions: list[str] = []

    def fake_input(question: str = "") -> str:
        questions.append(question)
        return answer

    monkeypatch.setattr("builtins.input", fake_input)
    return questions
