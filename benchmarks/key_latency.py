"""Key latency: from a key press to the screen update that shows it, planner vs a bare grid.

Method (the same for both apps, headless at 120x40 through Textual's ``run_test``):

1. Each app's ``_display`` (where a compositor update goes to the terminal) is wrapped so
   every non-empty update is also turned into its terminal escape sequences, as a real
   terminal write would (headless mode skips that step), and its finishing time is noted.
2. For each press: note ``perf_counter()`` and post the key event to the app exactly as the
   terminal driver does. Then, three times: wait until the app and every widget on the
   screen have handled their pending messages (``Pilot._wait_for_screen``, which waits on
   callbacks, not on sleeps) and run the screen's update at once (``_on_timer_update``)
   instead of on its next 60 Hz timer tick.
3. The latency is the time from the press to the last display update: the refresh that
   shows the key's effect, with all of the work and none of the idle waiting.

``pilot.press``/``pilot.pause`` are not used for timing: they wait for the process to look
idle in 20 ms sleeps, which would swamp a key that costs a few milliseconds.

The planner shows the big plan (500 activities in December). Selection moves walk five days
right, then five back; month changes alternate ``]`` and ``[`` (December, January). The grid
floor gets the same keys. Each app runs five times, alternately, ten presses of each kind a
time, after five warm-up presses; the figure is the median of 50 presses over the floor's median.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from textual import events
from textual._compositor import CompositorUpdate
from textual.app import App
from textual.pilot import Pilot

from tests.harness import settle
from tui_planner.ui.screens.calendar import CalendarScreen
from tui_planner.ui.widgets.month_grid import MonthGrid

from .figure import Figure
from .grid_floor import GridFloorApp
from .plans import SIZE, big_plan_file, fresh_copy, manual_clock, planner_app, sandbox_backend

__all__ = ["LIMIT", "MONTH_KEYS", "PaintProbe", "measure_keys", "prepare_floor", "presses", "run"]

LIMIT = 1.1
"""The planner's median may be at most this many times the grid floor's."""

MOVE_KEYS = ("right",) * 5 + ("left",) * 5
"""One round of selection moves: five days right, five back."""
MONTH_KEYS = ("right_square_bracket", "left_square_bracket") * 5
"""One round of month changes: December, January, December..."""
WARM_UP_KEYS = ("right", "left", "right_square_bracket", "left_square_bracket", "right")
ROUNDS = 5
"""Rounds per app, alternating apps, each a fresh app: 50 presses of each kind in all."""

Prepare = Callable[[Pilot[Any]], Awaitable[None]]


class PaintProbe:
    """Notes when an app last sent a screen update to its (headless) terminal."""

    def __init__(self, app: App[Any]) -> None:
        self.last: float | None = None
        """``perf_counter()`` when the last non-empty update finished."""
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is None:
                return
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)
            self.last = time.perf_counter()

        # Wrapping the instance's method: the app calls self._display for every update.
        app._display = display  # type: ignore[method-assign]


_CHARACTERS = {"left_square_bracket": "[", "right_square_bracket": "]", "slash": "/"}
SETTLE_ROUNDS = 3


async def presses(pilot: Pilot[Any], probe: PaintProbe, keys: Sequence[str]) -> list[float]:
    """Press ``keys`` one by one; the seconds from each press to its last screen update."""
    app = pilot.app
    samples: list[float] = []
    for key in keys:
        probe.last = None
        pressed = time.perf_counter()
        character = _CHARACTERS.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, character))
        for _ in range(SETTLE_ROUNDS):
            await pilot._wait_for_screen()
            app.screen._on_timer_update()
        if probe.last is None or probe.last < pressed:
            raise RuntimeError(f"pressing {key!r} changed nothing on screen")
        samples.append(probe.last - pressed)
    return samples


async def measure_keys(
    app: App[Any],
    prepare: Prepare,
    key_sets: dict[str, Sequence[str]],
    warm_up: Sequence[str] = WARM_UP_KEYS,
) -> dict[str, list[float]]:
    """Each key set's latencies (seconds) on ``app`` at 120x40, after ``prepare`` and the
    ``warm_up`` presses."""
    async with app.run_test(size=SIZE) as pilot:
        await prepare(pilot)
        probe = PaintProbe(app)
        await presses(pilot, probe, warm_up)
        return {kind: await presses(pilot, probe, keys) for kind, keys in key_sets.items()}


async def prepare_floor(pilot: Pilot[Any]) -> None:
    """The grid floor needs nothing before its keys."""
    await pilot.pause()


async def _prepare_planner(pilot: Pilot[Any]) -> None:
    await settle(pilot, what="the big plan loaded")
    screen = pilot.app.screen
    if not isinstance(screen, CalendarScreen):
        raise RuntimeError(f"the planner opened on {type(screen).__name__}, not the calendar")
    activities = len(pilot.app.state.activities)  # type: ignore[attr-defined]
    if activities != big_plan_file().activities:
        raise RuntimeError(f"the planner loaded {activities} activities, not the big plan")
    screen.query_one(MonthGrid)


async def run() -> list[Figure]:
    """Measure both kinds of key on both apps; one figure per kind."""
    seeded = big_plan_file()
    key_sets: dict[str, Sequence[str]] = {"selection move": MOVE_KEYS, "month change": MONTH_KEYS}
    planner: dict[str, list[float]] = {kind: [] for kind in key_sets}
    floor: dict[str, list[float]] = {kind: [] for kind in key_sets}
    for n in range(ROUNDS):
        for kind, samples in (await measure_keys(GridFloorApp(), prepare_floor, key_sets)).items():
            floor[kind] += samples
        clock = manual_clock()
        backend = sandbox_backend(fresh_copy(seeded, f"keys-{n}.sqlite3"), clock)
        app = planner_app(backend, clock)
        for kind, samples in (await measure_keys(app, _prepare_planner, key_sets)).items():
            planner[kind] += samples
    figures = []
    for kind in key_sets:
        mine = statistics.median(planner[kind])
        base = statistics.median(floor[kind])
        figures.append(
            Figure(
                f"key latency: {kind}",
                mine / base,
                "x",
                LIMIT,
                detail={
                    "planner_median_ms": mine * 1000,
                    "grid_floor_median_ms": base * 1000,
                    "presses": len(planner[kind]),
                    "planner_ms": [s * 1000 for s in planner[kind]],
                    "grid_floor_ms": [s * 1000 for s in floor[kind]],
                },
            )
        )
    return figures
