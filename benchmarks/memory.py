"""Memory: resident set size with the 1,000-activity, 7,000-post plan loaded.

A fresh Python process (so nothing the other benchmarks loaded counts) runs the planner
headless at 120x40 over the big plan, in-process sandbox included, as ``python -m
tui_planner`` would; once the plan has loaded and the calendar has painted, it reads its own
``VmRSS``. ``python -m benchmarks.memory DATA_FILE`` is that child; it prints JSON.
"""

from __future__ import annotations

import asyncio
import gc
import json
import subprocess
import sys
from pathlib import Path

from .figure import Figure
from .plans import big_plan_file, fresh_copy

__all__ = ["LIMIT", "run"]

LIMIT = 120.0
"""MiB of RSS allowed with the big plan loaded."""


async def _measure_here(data_file: Path) -> dict[str, float]:
    """Load the plan in this process and report its RSS (the child's side)."""
    from tests.harness import settle

    from .plans import SIZE, manual_clock, planner_app, sandbox_backend
    from .rss import rss_mib

    clock = manual_clock()
    app = planner_app(sandbox_backend(data_file, clock), clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, what="the big plan loaded")
        await pilot.pause()
        gc.collect()
        return {"rss_mib": rss_mib(), "activities": float(len(app.state.activities))}


def run() -> list[Figure]:
    """Measure in a child process and compare with the limit."""
    data_file = fresh_copy(big_plan_file(), "memory.sqlite3")
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.memory", str(data_file)],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[1],
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the memory child failed:\n{done.stderr[-2000:]}")
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    return [
        Figure(
            "memory with 1,000-activity plan",
            measured["rss_mib"],
            "MiB",
            LIMIT,
            detail=measured,
        )
    ]


if __name__ == "__main__":
    print(json.dumps(asyncio.run(_measure_here(Path(sys.argv[1])))))
