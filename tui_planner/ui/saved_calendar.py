"""The calendar as the last session saw it, kept so the next start can show it at once.

Opening the backend and loading the plan takes a network round trip on a real site (and
150 ms of imports even for the in-process sandbox). So after each sync that changed the plan
the app writes what the month grid shows, day by day, to a small JSON file in the user cache
directory, one per backend (:attr:`BackendInfo.key`); the next start paints the calendar
from it while the backend opens, and the status bar says it is a saved copy until the first
sync replaces it.

Pure Python (no Textual). Reading never fails loudly: a missing, unreadable, foreign or
corrupt file, or one saved in another time zone, is the same as no file.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from tui_planner.cache_json import count, json_object, text
from tui_planner.config import write_private_file
from tui_planner.config.locations import APP_NAME

from .widgets.day_summary import CalendarFilter, DayEntry, DayIndex, DaySummary

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from tui_planner.clock import Clock
    from tui_planner.store.state import PlannerState

__all__ = [
    "FORMAT",
    "SAVE_INTERVAL",
    "CalendarKeeper",
    "SavedCalendar",
    "keep_calendar",
    "load_saved_calendar",
    "save_calendar",
    "saved_calendar_file",
    "zone_name",
]

FORMAT = 1
"""The file format's version; a file of another version is ignored."""

SAVE_INTERVAL = 60.0
"""Seconds between saves of the calendar for the next start, at most (one more at exit)."""


@dataclass(frozen=True, slots=True)
class SavedCalendar:
    """What the month grid showed for each day, and when."""

    saved_at: datetime
    days: Mapping[date, DaySummary]

    def index(self) -> DayIndex:
        """A :class:`DayIndex` over the saved days, for the grid (it lists no activities)."""
        return DayIndex(state=None, filter=CalendarFilter(), tz=None, days=self.days)


def saved_calendar_file(key: str, cache_dir: Path | None = None) -> Path:
    """Where the calendar of the backend named ``key`` is kept (user cache directory)."""
    root = cache_dir if cache_dir is not None else Path(platformdirs.user_cache_dir(APP_NAME))
    return root / "calendars" / f"{key}.json"


def zone_name(tz: tzinfo) -> str:
    """A name for ``tz`` that is the same in every session (``Europe/Berlin``, ``UTC``)."""
    key = getattr(tz, "key", None)
    return key if isinstance(key, str) else str(tz)


def save_calendar(path: Path, state: PlannerState, tz: tzinfo, saved_at: datetime) -> None:
    """Write what the unfiltered grid shows for ``state`` in ``tz`` to ``path`` (0600, atomic)."""
    index = DayIndex.build(state, CalendarFilter(), tz)
    days = {
        day.isoformat(): _day_json(summary)
        for day, summary in sorted(index.days.items())
        if summary.entries or summary.events
    }
    document = {
        "format": FORMAT,
        "saved_at": saved_at.isoformat(),
        "time_zone": zone_name(tz),
        "days": days,
    }
    write_private_file(path, json.dumps(document, ensure_ascii=False, separators=(",", ":")))


def _day_json(summary: DaySummary) -> dict[str, Any]:
    return {
        "entries": [[e.activity_id, e.title, e.icon] for e in summary.entries],
        "drafts": summary.drafts,
        "scheduled": summary.scheduled,
        "events": list(summary.events),
    }


def load_saved_calendar(path: Path, tz: tzinfo) -> SavedCalendar | None:
    """The calendar saved at ``path`` for time zone ``tz``; ``None`` when there is none usable.

    The file is checked by hand rather than with pydantic: this runs before the first frame,
    which does not otherwise need pydantic (30 ms to import).
    """
    try:
        document = json.loads(path.read_bytes())
        if document["format"] != FORMAT or document["time_zone"] != zone_name(tz):
            return None
        saved_at = datetime.fromisoformat(text(document["saved_at"]))
        if saved_at.tzinfo is None:
            return None
        days = {
            date.fromisoformat(text(day)): _summary(saved)
            for day, saved in json_object(document["days"]).items()
        }
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return SavedCalendar(saved_at=saved_at, days=days)


def _summary(saved: object) -> DaySummary:
    """One saved day; ``TypeError``, ``ValueError`` or ``KeyError`` if it is malformed."""
    fields = json_object(saved)
    entries = []
    for entry in fields.get("entries", []):
        if not isinstance(entry, list):
            raise TypeError("expected [id, title, icon]")
        activity_id, title, icon = entry  # ValueError unless exactly three
        entries.append(DayEntry(text(activity_id), text(title), text(icon)))
    return DaySummary(
        entries=tuple(entries),
        drafts=count(fields.get("drafts", 0)),
        scheduled=count(fields.get("scheduled", 0)),
        events=tuple(text(name) for name in fields.get("events", [])),
    )


def _same_plan(a: PlannerState, b: PlannerState) -> bool:
    """Whether two snapshots show the same calendar (snapshots share unchanged collections)."""
    return a.activities is b.activities and a.events is b.events


class CalendarKeeper:
    """Saves the calendar at ``path`` when the plan changes: at once after the first load,
    then at most once per ``interval`` seconds of ``clock`` time, and once more at exit.

    The owner calls :meth:`changed` with every snapshot; when it answers a delay, the owner
    runs :meth:`save_later` (in a worker), which writes the newest snapshot in a thread.
    """

    def __init__(self, path: Path, clock: Clock, *, interval: float = SAVE_INTERVAL) -> None:
        self.path = path
        self._clock = clock
        self._interval = interval
        self._saved: PlannerState | None = None
        self._due = False

    def saved_copy(self, state: PlannerState) -> SavedCalendar | None:
        """What the last start saved, to show until ``state`` has loaded (``None`` once it
        has, or when there is nothing usable to show)."""
        return None if state.loaded else load_saved_calendar(self.path, self._clock.tz)

    def changed(self, state: PlannerState) -> float | None:
        """Seconds until a save is due for ``state``; ``None`` when none is to be scheduled."""
        if not state.loaded or self._due:
            return None
        if self._saved is not None and _same_plan(self._saved, state):
            return None
        self._due = True
        return 0.0 if self._saved is None else self._interval

    async def save_later(self, delay: float, current: Callable[[], PlannerState]) -> None:
        """After ``delay`` seconds, save the snapshot ``current()`` returns then."""
        try:
            if delay > 0:
                await self._clock.sleep(delay)
            state = current()
            self._saved = state
            await asyncio.to_thread(
                save_calendar, self.path, state, self._clock.tz, self._clock.now()
            )
        finally:
            self._due = False

    def save_now(self, state: PlannerState) -> None:
        """Save ``state`` here and now if it differs from what was saved (at exit)."""
        if not state.loaded or (self._saved is not None and _same_plan(self._saved, state)):
            return
        self._saved = state
        save_calendar(self.path, state, self._clock.tz, self._clock.now())


def keep_calendar(
    calendar_file: Path | None, clock: Clock, state: PlannerState
) -> tuple[CalendarKeeper | None, SavedCalendar | None]:
    """Who saves the calendar at ``calendar_file`` for the next start (``None``: nowhere),
    and what the last start saved there, to show until ``state`` has the plan."""
    if calendar_file is None:
        return None, None
    keeper = CalendarKeeper(calendar_file, clock)
    return keeper, keeper.saved_copy(state)
