"""``python -m scripts.screenshots``: an SVG of every screen, for the README.

Each :class:`Shot` starts a fresh app headless (fixed clock 2026-11-23 09:00 UTC, seed 7,
in-memory sandbox, 120x40 unless the shot says another size such as 80x24), optionally
generates the plan, runs its ``setup`` with the pilot and saves what the terminal shows.
Screen authors add their shots to :data:`SHOTS`; the same fixed inputs give the same
pictures on every machine.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tests.harness import (
    SEED,
    SIZE,
    advance,
    build_app,
    fixed_clock,
    generate_plan,
    settle,
)
from tui_planner.api.models import PlanStatus
from tui_planner.sandbox import SandboxOptions
from tui_planner.ui.app import PlannerApp

if TYPE_CHECKING:
    from textual.pilot import Pilot

__all__ = ["SHOTS", "Shot", "capture", "capture_all", "main"]

Setup = Callable[["Pilot[None]"], Awaitable[None]]
"""Drives the app to the screen to capture (press keys, open things)."""


async def _as_is(pilot: Pilot[None]) -> None:
    """Capture the app as it opens."""


@dataclass(frozen=True)
class Shot:
    """One screenshot: a name (the file is ``<name>.svg``) and how to get there."""

    name: str
    setup: Setup = _as_is
    generate: bool = True
    """Generate the plan (and wait until ACTIVE) before ``setup``."""
    first_run: bool = False
    """Let the first-run dialog appear."""
    sandbox: SandboxOptions = field(default_factory=lambda: SandboxOptions(seed=SEED))
    size: tuple[int, int] = SIZE
    """The terminal's columns and rows."""


async def _press(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def _help(pilot: Pilot[None]) -> None:
    await _press(pilot, "f1")


async def _palette(pilot: Pilot[None]) -> None:
    # A query, because the order of an empty palette's providers varies between runs.
    await _press(pilot, "ctrl+p", *"regenerate")
    app = pilot.app

    def listed() -> bool:
        lists = app.screen.query("CommandList")
        return bool(lists) and getattr(lists.first(), "option_count", 0) >= 2

    await settle(pilot, listed, what="the palette's matches")


async def _generating(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+g")
    app = pilot.app
    assert isinstance(app, PlannerApp)
    await settle(
        pilot, lambda: app.state.plan_status == PlanStatus.GENERATING, what="a generating plan"
    )
    await advance(pilot, 3)  # three seconds in: the status bar shows 0:03


async def _drafts(pilot: Pilot[None]) -> None:
    # Three drafts picked: a range of two, then one more with space.
    await _press(pilot, "f3")
    await _press(pilot, "down", "v", "down", "v", "down", "down", "space")


async def _schedule_confirm(pilot: Pilot[None]) -> None:
    await _drafts(pilot)
    await _press(pilot, "s")


async def _post_preview(pilot: Pilot[None]) -> None:
    from tui_planner.ui.widgets.post_image import PostImage

    await _press(pilot, "f3")
    await _press(pilot, "down", "enter")
    app = pilot.app
    await settle(
        pilot,
        lambda: any(picture.loaded for picture in app.screen.query(PostImage)),
        what="the post's image",
    )


async def _calendar_busy_day(pilot: Pilot[None]) -> None:
    # Thursday 3 December: several activities, so the agenda lists more than one.
    await _press(pilot, "down", "right", "right", "right")


async def _calendar_week(pilot: Pilot[None]) -> None:
    await _press(pilot, "down", "v")


async def _new_activity(pilot: Pilot[None]) -> None:
    await _press(pilot, "right", "n")


async def _activity_detail(pilot: Pilot[None]) -> None:
    # Tuesday 24 November holds one activity; enter opens it.
    await _press(pilot, "right", "enter")


async def _events(pilot: Pilot[None]) -> None:
    await _press(pilot, "f4")


async def _event_form(pilot: Pilot[None]) -> None:
    await _press(pilot, "f4", "n")


async def _settings(pilot: Pilot[None]) -> None:
    # The form with one unsaved change, so the dirty mark and the save summary show.
    await _press(pilot, "f5")
    await _press(pilot)
    tone = pilot.app.screen.query_one("#tone_of_voice")
    tone.focus()
    await _press(pilot, *"warm", "space", *"and", "space", *"direct")


async def _search(pilot: Pilot[None]) -> None:
    # A word in titles, captions and an event: the results grouped by kind, matches marked.
    await _press(pilot, "slash", *"open")


GOING_OUT = SandboxOptions(seed=SEED, publish_failure_rate=0.3)
"""A sandbox where about one post in three fails to go out, for the Posts shots."""


async def _posts_gone_out(pilot: Pilot[None]) -> None:
    """Eight connected drafts scheduled: four went out three hours ago (at least one of
    them failed), one is publishing now and three are still to come."""
    from datetime import timedelta

    from tui_planner.sandbox.publication import publish_fails
    from tui_planner.store.selectors import drafts
    from tui_planner.sync.commands import RescheduleItem, ScheduleDrafts

    app = pilot.app
    assert isinstance(app, PlannerApp)
    state = app.state
    connected = [e.id for _, e in drafts(state) if state.is_connected(e.channel.name)]
    failing = [key for key in connected if publish_fails(GOING_OUT, key)][:1]
    chosen = failing + [key for key in connected if key not in failing][:7]
    outcome = await app.execute(ScheduleDrafts(tuple(chosen)))
    assert outcome.ok, outcome.message
    now = app.clock.now()
    for key in chosen[:4]:
        assert (await app.execute(RescheduleItem(key, now + timedelta(minutes=5)))).ok
    await advance(pilot, 3 * 3600, step=600)
    now = app.clock.now()
    assert (await app.execute(RescheduleItem(chosen[4], now + timedelta(minutes=1)))).ok
    await advance(pilot, 62, step=31)
    await _press(pilot, "ctrl+r")


async def _posts(pilot: Pilot[None]) -> None:
    await _posts_gone_out(pilot)
    await _press(pilot, "f8")


async def _posts_failed(pilot: Pilot[None]) -> None:
    """The cursor on a post that failed, its reason in full below the list."""
    from tui_planner.api.models import ItemStatus
    from tui_planner.ui.screens.posts import PostsScreen

    await _posts(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PostsScreen)
    app = pilot.app
    assert isinstance(app, PlannerApp)
    failed = next(
        key
        for key, entry in app.state.site_posts.items.items()
        if entry.status == ItemStatus.FAILED
    )
    screen.post_list.move_to_key(failed)
    await _press(pilot)


async def _caption_editor(pilot: Pilot[None]) -> None:
    """The caption editor on the X draft of the first activity with one, a few words added."""
    from textual.widgets import TextArea

    from tui_planner.api.models import ChannelName
    from tui_planner.store.selectors import drafts
    from tui_planner.ui.screens.posts import PostsScreen

    await _press(pilot, "f8")
    screen = pilot.app.screen
    assert isinstance(screen, PostsScreen)
    app = pilot.app
    assert isinstance(app, PlannerApp)
    x_draft = next(e for _, e in drafts(app.state) if e.channel.name == ChannelName.TWITTER)
    screen.post_list.move_to_key(x_draft.id)
    await _press(pilot, "e")
    app.screen.query_one(TextArea).insert(" See you there!")
    await _press(pilot)


NARROW = (80, 24)
"""The smallest terminal the app is laid out for."""

SHOTS: list[Shot] = [
    Shot("first_run", generate=False, first_run=True),
    Shot("generating", _generating, generate=False),
    Shot("calendar"),
    Shot("help", _help),
    Shot("command_palette", _palette),
    Shot("drafts", _drafts),
    Shot("schedule_confirm", _schedule_confirm),
    Shot("post_preview", _post_preview),
    Shot("calendar_busy_day", _calendar_busy_day),
    Shot("calendar_week", _calendar_week),
    Shot("new_activity", _new_activity),
    Shot("activity_detail", _activity_detail),
    Shot("events", _events),
    Shot("event_form", _event_form),
    Shot("settings", _settings),
    Shot("search", _search),
    Shot("posts", _posts, sandbox=GOING_OUT),
    Shot("posts_failed", _posts_failed, sandbox=GOING_OUT),
    Shot("caption_editor", _caption_editor),
    Shot("calendar_80x24", size=NARROW),
    Shot("post_preview_80x24", _post_preview, size=NARROW),
    Shot("drafts_80x24", _drafts, size=NARROW),
    Shot("settings_80x24", _settings, size=NARROW),
    Shot("posts_80x24", _posts, sandbox=GOING_OUT, size=NARROW),
    Shot("caption_editor_80x24", _caption_editor, size=NARROW),
]
"""Every screenshot, in README order. Screen authors append theirs here."""


async def capture(shot: Shot) -> str:
    """Run ``shot`` headless and return the SVG of what the terminal shows."""
    clock = fixed_clock()
    app = build_app(clock, sandbox=shot.sandbox, first_run=shot.first_run)
    async with app.run_test(size=shot.size) as pilot:
        await settle(pilot, what="the first load")
        if shot.generate:
            await generate_plan(pilot)
        await shot.setup(pilot)
        await pilot.pause()
        return app.export_screenshot(title=f"planner-tui · {shot.name}")


async def capture_all(shots: Sequence[Shot]) -> list[tuple[Shot, str]]:
    """Capture ``shots`` one after another (each on a fresh app and sandbox)."""
    return [(shot, await capture(shot)) for shot in shots]


def main(argv: Sequence[str] | None = None) -> int:
    """Write the screenshots into a folder; prints one line per file."""
    parser = argparse.ArgumentParser(
        prog="python -m scripts.screenshots",
        description="Write an SVG of every screen into a folder (default: screenshots/).",
    )
    parser.add_argument("names", nargs="*", help="only these shots (default: all)")
    parser.add_argument("--out", type=Path, default=Path("screenshots"), help="output folder")
    args = parser.parse_args(argv)
    known = {shot.name for shot in SHOTS}
    unknown = sorted(set(args.names) - known)
    if unknown:
        parser.error(f"no screenshot is called {', '.join(unknown)}; known: {', '.join(known)}")
    wanted = [shot for shot in SHOTS if not args.names or shot.name in args.names]
    args.out.mkdir(parents=True, exist_ok=True)
    for shot, svg in asyncio.run(capture_all(wanted)):
        path = args.out / f"{shot.name}.svg"
        path.write_text(svg, encoding="utf-8")
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
