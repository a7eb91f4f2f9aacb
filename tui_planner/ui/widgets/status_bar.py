"""The status bar at the foot of every screen: plan status, posts, connection, pending work.

At its right end it names the time zone dates and times are shown in ("Europe/Berlin"),
unless that is UTC.

Every value it shows is a function of a :class:`PlannerState` and a clock reading, so a
:class:`ManualClock` gives the same line on every machine (the spinner frame too).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Label

from tui_planner.api.models import PlanStatus
from tui_planner.store.state import ConnectionPhase, FailureKind, PlannerState
from tui_planner.zone import zone_label

if TYPE_CHECKING:
    from tui_planner.store.state import SyncStatus

__all__ = [
    "SPINNER_FRAMES",
    "Segment",
    "StatusBar",
    "describe_duration",
    "failed_posts_segment",
    "status_segments",
]

SPINNER_FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
SPINNER_FRAME = timedelta(milliseconds=200)
"""How long each spinner frame shows, in clock time."""
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Segment:
    """One part of the status line: its words and the style class that colours it."""

    text: str
    tone: str = "normal"
    """One of ``normal``, ``good``, ``busy``, ``warning``, ``error``, ``muted``."""


def describe_duration(seconds: float) -> str:
    """A short, human length of time: ``"12 s"``, ``"3 min"``, ``"2 h"``, ``"4 days"``."""
    whole = max(0, int(seconds))
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min"
    if whole < 86400:
        return f"{whole // 3600} h"
    days = whole // 86400
    return f"{days} day" if days == 1 else f"{days} days"


def _elapsed(started: datetime | None, now: datetime) -> str:
    """Elapsed time as ``m:ss``."""
    seconds = 0 if started is None else max(0, int((now - started).total_seconds()))
    return f"{seconds // 60}:{seconds % 60:02d}"


def spinner_frame(now: datetime) -> str:
    """The spinner's frame for this instant, so the same clock reading draws the same frame."""
    step = (now - _EPOCH) // SPINNER_FRAME  # exact: no float rounding between frames
    return SPINNER_FRAMES[step % len(SPINNER_FRAMES)]


def _plan_segment(
    state: PlannerState, now: datetime, generate_key: str, saved_at: datetime | None
) -> Segment:
    if not state.plan_loaded:
        # Stopped for good (a refused key, no backend): "loading" would wait forever.
        unavailable = state.sync.stopped_reason is not None
        if saved_at is not None:
            age = _ago(saved_at, now)
            if unavailable:
                return Segment(f"Saved calendar from {age} · not connected", "warning")
            return Segment(f"Saved calendar from {age} · loading the plan…", "muted")
        if unavailable:
            return Segment("Not connected", "error")
        return Segment("Loading the plan…", "muted")
    status = state.plan_status
    if status == PlanStatus.NEVER_CREATED:
        return Segment(f"No plan yet · press {generate_key} to generate one", "warning")
    if status == PlanStatus.GENERATING:
        elapsed = _elapsed(state.generation_started_at, now)
        return Segment(f"{spinner_frame(now)} GENERATING · {elapsed}", "busy")
    if status == PlanStatus.ACTIVE:
        if state.sync.stopped_reason is not None:
            # Syncing has stopped and the sentence beside says why; it gets the room.
            return Segment("ACTIVE", "good")
        last = state.sync.last_sync_at
        age = "not synced yet" if last is None else _synced_ago(last, now)
        return Segment(f"ACTIVE · {age}", "good")
    if status == PlanStatus.INACTIVE:
        return Segment(f"INACTIVE · press {generate_key} to reactivate", "warning")
    if status == PlanStatus.FAILED:
        return Segment(f"FAILED · press {generate_key} to retry", "error")
    return Segment(f"{status.value}", "muted")


def _synced_ago(last: datetime, now: datetime) -> str:
    return f"synced {_ago(last, now)}"


def _ago(then: datetime, now: datetime) -> str:
    seconds = (now - then).total_seconds()
    if seconds < 1:
        return "just now"
    return f"{describe_duration(seconds)} ago"


def _posts_segment(state: PlannerState, now: datetime) -> Segment | None:
    count = len(state.posts_generating)
    if count == 0:
        return None
    noun = "activity" if count == 1 else "activities"
    return Segment(f"{spinner_frame(now)} posts generating for {count} {noun}", "busy")


def _connection_segment(
    sync: SyncStatus, now: datetime, *, reading_rest: bool = False
) -> Segment | None:
    """How the connection is doing; while all is well, nothing, or (``reading_rest``) that
    the first load is still reading what follows the plan, which over a slow connection
    takes a while after the plan shows."""
    match sync.phase:
        case ConnectionPhase.RETRYING:
            trouble = _retry_cause(sync)
            if sync.retry_at is None:
                return Segment(f"{trouble} · retrying", "warning")
            wait = max(0.0, (sync.retry_at - now).total_seconds())
            when = "now" if wait < 1 else f"in {describe_duration(wait)}"
            return Segment(f"{trouble} · retrying {when}", "warning")
        case ConnectionPhase.AUTH_FAILED:
            # The engine's sentence says what failed and how to fix it; nothing is added.
            return Segment(sync.message or "The API refused the API key or site id.", "error")
        case ConnectionPhase.PAUSED:
            return Segment("sync paused", "muted")
        case ConnectionPhase.UNAVAILABLE:
            return Segment(sync.message or "The backend could not be opened.", "error")
        case ConnectionPhase.CONNECTING:
            return Segment("connecting…", "muted")
        case _:
            return Segment("reading settings and connections…", "muted") if reading_rest else None


def _retry_cause(sync: SyncStatus) -> str:
    """Why syncing is retrying, in a word or two: only a missing answer is "offline"."""
    return (sync.failure or FailureKind.OFFLINE).value


def _pending_segment(state: PlannerState) -> Segment | None:
    if not state.pending:
        return None
    if len(state.pending) == 1:
        return Segment(f"saving: {state.pending[0].description}", "busy")
    return Segment(f"{len(state.pending)} changes saving", "busy")


def failed_posts_segment(state: PlannerState, posts_key: str = "f8") -> Segment | None:
    """The posts that failed to go out since the user last looked at the Posts section."""
    count = len(state.site_posts.unseen_failed)
    if not count:
        return None
    noun = "post" if count == 1 else "posts"
    return Segment(f"✗ {count} {noun} failed · {posts_key} Posts", "error")


def status_segments(
    state: PlannerState,
    now: datetime,
    generate_key: str = "ctrl+g",
    saved_at: datetime | None = None,
) -> tuple[Segment, Segment | None, Segment | None, Segment | None]:
    """What the status bar says: plan, posts generating, connection and pending commands.

    ``saved_at`` is when the calendar on show before the plan loads was saved, if it is one.
    """
    return (
        _plan_segment(state, now, generate_key, saved_at),
        _posts_segment(state, now),
        _connection_segment(state.sync, now, reading_rest=state.plan_read and not state.loaded),
        _pending_segment(state),
    )


class StatusBar(Widget):
    """One line that says how the plan and the sync are doing.

    It shows its ``state`` at its ``now``: a planner screen binds both (``data_bind``) to
    what it follows while shown; tests and screenshots give a fixed snapshot instead. ``tz``
    is the zone wall times are shown in, named at the end unless it is UTC.
    """

    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        width: 1fr;
        layout: horizontal;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    StatusBar Label {
        width: auto;
        height: 1;
    }
    StatusBar #status-plan { text-style: bold; }
    StatusBar #status-spacer { width: 1fr; }
    StatusBar .-separated { margin-left: 2; }
    StatusBar .-good { color: $success; }
    StatusBar .-busy { color: $accent; }
    StatusBar .-warning { color: $warning; }
    StatusBar .-error { color: $error; }
    StatusBar .-muted { color: $text-muted; }
    StatusBar .-hidden { display: none; }
    """

    state: reactive[PlannerState] = reactive(PlannerState(), init=False, always_update=False)
    """The snapshot shown."""
    now: reactive[datetime] = reactive(datetime(1970, 1, 1, tzinfo=UTC), init=False)
    """The clock reading ages and countdowns are measured to."""
    saved_at: reactive[datetime | None] = reactive(None, init=False)
    """When the calendar on show before the plan loads was saved, if it is one."""

    def __init__(
        self,
        state: PlannerState | None = None,
        now: datetime | None = None,
        *,
        generate_key: str = "ctrl+g",
        posts_key: str = "f8",
        tz: tzinfo | None = None,
        saved_at: datetime | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._generate_key = generate_key
        self._posts_key = posts_key
        self._tz = tz
        self._labels: dict[str, Label] = {}
        if state is not None:
            self.set_reactive(StatusBar.state, state)
        if now is not None:
            self.set_reactive(StatusBar.now, now)
        self.set_reactive(StatusBar.saved_at, saved_at)

    def compose(self) -> ComposeResult:
        # Each label starts with its words and tone, so the first frame restyles nothing.
        for part, segment in self._segments().items():
            # markup=False: sentences like "Fix [api] in config.toml" are words, not styles.
            label = Label(
                _text(segment), id=f"status-{part}", markup=False, classes=_tone(part, segment)
            )
            self._labels[part] = label
            yield label
            if part == "failed":
                yield Label(id="status-spacer")

    def watch_state(self) -> None:
        self._show()

    def watch_now(self) -> None:
        self._show()

    def watch_saved_at(self) -> None:
        self._show()

    def _segments(self) -> dict[str, Segment | None]:
        plan, posts, connection, pending = status_segments(
            self.state, self.now, self._generate_key, self.saved_at
        )
        return {
            "plan": plan,
            "posts": posts,
            "failed": failed_posts_segment(self.state, self._posts_key),
            "connection": connection,
            "pending": pending,
            "zone": self._zone_segment(),
        }

    def _show(self) -> None:
        if not self._labels:  # not composed yet
            return
        for part, segment in self._segments().items():
            label = self._labels[part]
            tone = _tone(part, segment)
            if label.classes != frozenset(tone.split()):
                label.set_classes(tone)
            text = _text(segment)
            if str(label.content) != text:
                label.update(text)

    def _zone_segment(self) -> Segment | None:
        """The zone wall times are shown in (the app clock's), when it is not UTC."""
        label = zone_label(self._tz, self.now) if self._tz is not None else None
        return Segment(label, "muted") if label else None


def _tone(part: str, segment: Segment | None) -> str:
    """The label classes for ``segment``: its tone, a gap before all but the plan's."""
    tone = "-hidden" if segment is None else f"-{segment.tone}"
    return tone if part == "plan" else f"-separated {tone}"


def _text(segment: Segment | None) -> str:
    return "" if segment is None else segment.text
