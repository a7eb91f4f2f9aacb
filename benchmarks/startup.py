"""Time to first paint, to the live plan, and RSS at first paint, in a real terminal (tmux).

The planner runs as a user starts it, ``python -m tui_planner``, with ``PLANNER_TUI_CONFIG``
pointing at a config whose sandbox file holds a 200-activity ACTIVE plan (seven post drafts
each) dated from today on, so the calendar opens on this month with activities in it. The
floor is :mod:`benchmarks.floor_app`, started the same way. The same floor importing first
the libraries the live plan cannot be read without (pydantic, httpx, Starlette, SQLite) is
reported for information: no start-up that shows the live plan can come in under it.

The planner is measured as a user meets it every morning: it ran before, so the calendar it
saved in the user cache directory (here a private ``XDG_CACHE_HOME``) is there and is
painted while the backend opens; the warm-up run leaves it. The same runs go on to the
first frame showing the live plan: the synced 200 activities from the in-process sandbox,
the status bar saying "synced". The first start on a machine, with an empty cache, is
measured too: there the titles appear only once the sandbox has answered.

Both run from compiled bytecode, as an installed app does (``pip install`` compiles a package
as it installs it): the modules of this checkout are compiled first, because an editable
install, or ``PYTHONDONTWRITEBYTECODE`` as some shells set it, would otherwise leave the
planner compiling its own sources on every start and the floor nothing.

Each run starts a new tmux session on a private server (``-L``, so the user's sessions are
never touched) whose one pane ``exec``s the app; the time runs from just before that tmux
command to the first ``capture-pane`` that shows the app ready: the floor's static text, or
activity titles in the planner's calendar. The resident set size of the pane's process is
read from ``/proc`` at that moment. One warm-up run of each, then :data:`RUNS` runs each,
alternating, so both see the same machine.
"""

from __future__ import annotations

import calendar
import compileall
import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from tui_planner.clock import SystemClock
from tui_planner.store.selectors import plan_period

from .figure import Figure
from .floor_app import LIBRARIES, READY_TEXT
from .plans import SIZE
from .rss import rss_mib
from .seed import PlanSpec, SeededPlan, seed_plan

__all__ = ["FIRST_START_LIMIT", "LIVE_LIMIT", "PAINT_LIMIT", "RSS_LIMIT", "RUNS", "run"]

PAINT_LIMIT = 1.3
"""The planner's median time to first paint may be at most this many times the floor's."""
FIRST_START_LIMIT = 1.8
"""The same with an empty cache (no saved calendar: the titles come from the sandbox)."""
LIVE_LIMIT = 2.0
"""The median time to the first frame showing the synced plan, against the floor's paint."""
RSS_LIMIT = 1.3
"""The planner's median RSS at first paint may be at most this many times the floor's."""
RUNS = 20
"""Runs of each kind. One launch in tmux varies by up to 0.2 s on a 2-core machine, floor and
planner alike: with 10 runs the everyday ratio came out anywhere from 1.34 to 1.52 in one
hour on an idle machine, with 20 at 1.37 and 1.38."""
ACTIVITIES = 200
POLL_SECONDS = 0.01
DEADLINE_SECONDS = 30.0
_SERVER = f"planner-bench-{os.getpid()}"
_REPO = Path(__file__).resolve().parents[1]
_TITLES_NEEDED = 2
"""How many different activity titles must show before the calendar counts as painted."""


@dataclass(frozen=True)
class Paint:
    """One run: seconds from launch to ready, the RSS then, and seconds to the live plan."""

    seconds: float
    rss_mib: float
    live_seconds: float | None = None


@dataclass(frozen=True)
class Runs:
    """Every measured run of one command."""

    paints: list[Paint]

    @property
    def seconds(self) -> float:
        """Median seconds to first paint."""
        return statistics.median(p.seconds for p in self.paints)

    @property
    def rss(self) -> float:
        """Median RSS at first paint, MiB."""
        return statistics.median(p.rss_mib for p in self.paints)

    @property
    def ms(self) -> list[float]:
        """Every run's milliseconds to first paint."""
        return [p.seconds * 1000 for p in self.paints]

    @property
    def live(self) -> float:
        """Median seconds to the first frame showing the live plan."""
        return statistics.median(p.live_seconds or 0.0 for p in self.paints)

    @property
    def live_ms(self) -> list[float]:
        """Every run's milliseconds to the live plan."""
        return [(p.live_seconds or 0.0) * 1000 for p in self.paints]


def _tmux(*args: str) -> str:
    done = subprocess.run(
        ["tmux", "-L", _SERVER, *args], capture_output=True, text=True, check=True, timeout=10
    )
    return done.stdout


def _launch(
    command: list[str],
    env: dict[str, str],
    ready: Callable[[str], bool],
    live: Callable[[str], bool] | None = None,
    linger: Callable[[], bool] | None = None,
) -> Paint:
    """Start ``command`` in a fresh 120x40 session; time it until ``ready(screen)``, then
    (given ``live``) on until ``live(screen)``.

    With ``linger``, the app is left running after that until ``linger()`` holds.
    """
    session = "run"
    width, height = SIZE
    settings = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
    line = "exec " + " ".join(command)
    started = time.perf_counter()
    _tmux(
        "new-session", "-d", "-s", session, "-x", str(width), "-y", str(height),
        "-c", str(_REPO), *settings, line,
    )  # fmt: skip
    pid = int(_tmux("list-panes", "-t", session, "-F", "#{pane_pid}").split()[0])
    deadline = started + DEADLINE_SECONDS
    screen = ""
    try:
        while time.perf_counter() < deadline:
            screen = _tmux("capture-pane", "-p", "-t", session)
            if ready(screen):
                paint = Paint(time.perf_counter() - started, rss_mib(pid))
                while live is not None and not live(screen):
                    if time.perf_counter() > deadline:
                        raise RuntimeError(f"the live plan never showed; the screen:\n{screen}")
                    time.sleep(POLL_SECONDS)
                    screen = _tmux("capture-pane", "-p", "-t", session)
                if live is not None:
                    paint = replace(paint, live_seconds=time.perf_counter() - started)
                while linger is not None and not linger():
                    if time.perf_counter() > deadline:
                        raise RuntimeError(f"{command[-1]} never finished what it had to")
                    time.sleep(POLL_SECONDS)
                return paint
            time.sleep(POLL_SECONDS)
        raise RuntimeError(f"{command[-1]} never got ready; the screen showed:\n{screen}")
    finally:
        _tmux("kill-session", "-t", session)
        _wait_for_exit(pid)


def _wait_for_exit(pid: int) -> None:
    """Let the app go before the next run, so runs never overlap."""
    for _ in range(200):
        if not Path(f"/proc/{pid}").exists():
            return
        time.sleep(0.01)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def _planner_ready(titles: tuple[str, ...]) -> Callable[[str], bool]:
    prefixes = {title[:6] for title in titles}

    def ready(screen: str) -> bool:
        return sum(1 for prefix in prefixes if prefix in screen) >= _TITLES_NEEDED

    return ready


def _live_ready(titles: tuple[str, ...]) -> Callable[[str], bool]:
    """The synced plan on screen: its titles, and the status bar saying so."""
    painted = _planner_ready(titles)

    def live(screen: str) -> bool:
        return painted(screen) and "synced" in screen and "Saved calendar" not in screen

    return live


def _floor_ready(screen: str) -> bool:
    return READY_TEXT in screen


def _seed(work: Path) -> tuple[SeededPlan, tuple[str, ...]]:
    """The 200-activity plan from today on, and the titles of this month's activities."""
    today = SystemClock().today()
    first, last = plan_period(today)
    seeded = seed_plan(
        work / "plan.sqlite3",
        PlanSpec(ACTIVITIES, first_day=first, last_day=last, posts_per_activity=7),
    )
    month_end = date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])
    return seeded, seeded.titles_between(first, month_end)


def run() -> list[Figure]:
    """The start-up figures: time to first paint and RSS at first paint, vs the floor."""
    if shutil.which("tmux") is None:
        raise RuntimeError("the start-up benchmark needs tmux")
    for package in ("tui_planner", "benchmarks"):
        compileall.compile_dir(_REPO / package, quiet=1)
    work = Path(tempfile.mkdtemp(prefix="planner-bench-startup-"))
    seeded, titles = _seed(work)
    config = work / "config.toml"
    data_file = work / "run.sqlite3"
    config.write_text(f"[sandbox]\ndata_file = {str(data_file)!r}\n", encoding="utf-8")
    cache = work / "cache"
    kept = cache / "planner-tui"
    saved = kept / "calendars"
    env = {"PLANNER_TUI_CONFIG": str(config), "XDG_CACHE_HOME": str(cache)}
    planner_command = [sys.executable, "-m", "tui_planner"]
    floor_command = [sys.executable, "-m", "benchmarks.floor_app"]
    libraries_command = [*floor_command, "--with-libraries"]
    planner_ready = _planner_ready(titles)
    live_ready = _live_ready(titles)

    def calendar_saved() -> bool:
        return any(saved.glob("*.json"))

    def planner(*, first_start: bool = False) -> Paint:
        shutil.copyfile(seeded.path, data_file)
        if first_start:
            shutil.rmtree(kept, ignore_errors=True)
        # Leave each run up until it has saved its calendar, as a user's session would.
        return _launch(planner_command, env, planner_ready, live=live_ready, linger=calendar_saved)

    def floor() -> Paint:
        return _launch(floor_command, env, _floor_ready)

    def floor_with_libraries() -> Paint:
        return _launch(libraries_command, env, _floor_ready)

    _tmux("new-session", "-d", "-s", "keeper")  # keeps the private server up between runs
    try:
        floor(), planner(first_start=True)  # warm-up: file caches, bytecode, saved calendar
        floor_runs: list[Paint] = []
        planner_runs: list[Paint] = []
        first_runs: list[Paint] = []
        libraries_runs: list[Paint] = []
        for _ in range(RUNS):
            floor_runs.append(floor())
            libraries_runs.append(floor_with_libraries())
            planner_runs.append(planner())
            first_runs.append(planner(first_start=True))
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            _tmux("kill-server")
        shutil.rmtree(work, ignore_errors=True)
    base, every_day, first = Runs(floor_runs), Runs(planner_runs), Runs(first_runs)
    libraries = Runs(libraries_runs)
    plan = {"activities": seeded.activities, "posts": seeded.posts}
    return [
        _against_floor(
            "time to first paint",
            every_day.seconds,
            every_day.ms,
            base,
            PAINT_LIMIT,
            {"floor_ms": base.ms, **plan},
        ),
        _against_floor(
            "first paint, first start",
            first.seconds,
            first.ms,
            base,
            FIRST_START_LIMIT,
            {
                "rss_median_mib": first.rss,
                "note": "empty cache: titles wait for the config and the sandbox's first answer",
                **plan,
            },
        ),
        _against_floor(
            "live plan on screen",
            every_day.live,
            every_day.live_ms,
            base,
            LIVE_LIMIT,
            {"note": "launch to the first frame with the synced plan (status 'synced')", **plan},
        ),
        _against_floor(
            "floor with the live plan's libraries",
            libraries.seconds,
            libraries.ms,
            base,
            None,
            {"note": "the floor app importing " + ", ".join(LIBRARIES) + " before it starts"},
            who="libraries",
        ),
        Figure(
            "RSS at first paint",
            every_day.rss / base.rss,
            "x",
            RSS_LIMIT,
            detail={
                "planner_median_mib": every_day.rss,
                "floor_median_mib": base.rss,
                "planner_mib": [p.rss_mib for p in every_day.paints],
                "floor_mib": [p.rss_mib for p in base.paints],
            },
        ),
    ]


def _against_floor(
    name: str,
    seconds: float,
    samples_ms: list[float],
    floor: Runs,
    limit: float | None,
    detail: dict[str, object],
    *,
    who: str = "planner",
) -> Figure:
    """A figure of median ``seconds`` over the floor's median paint, with the samples."""
    return Figure(
        name,
        seconds / floor.seconds,
        "x",
        limit,
        detail={
            f"{who}_median_ms": seconds * 1000,
            "floor_median_ms": floor.seconds * 1000,
            f"{who}_ms": samples_ms,
            **detail,
        },
    )
