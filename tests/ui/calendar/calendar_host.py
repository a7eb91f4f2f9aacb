"""A light host for calendar tests: the real screen over a hand-built snapshot.

The sandbox-backed ``make_app`` (tests/ui/conftest.py) is what the snapshot and round-trip
tests use; key-movement tests only need a snapshot, so they run on :class:`CalendarHost`,
which records submitted commands instead of calling an API.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import MappingProxyType

from textual.app import App
from textual.reactive import reactive
from textual.signal import Signal

from tui_planner.api.models import (
    CalendarEvent,
    Channel,
    ChannelName,
    ItemStatus,
    MarketingActivityType,
    PlanMarketingActivity,
    PlanStatus,
    PostContent,
    PostItem,
)
from tui_planner.backend import BackendInfo
from tui_planner.clock import ManualClock
from tui_planner.config import Config, UiSettings
from tui_planner.store import Store
from tui_planner.store.state import PlannerState, SyncStatus
from tui_planner.sync.commands import Command, CommandOutcome
from tui_planner.ui.saved_calendar import SavedCalendar
from tui_planner.ui.screens.calendar import CalendarScreen

FIXED_NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
"""The same fixed moment as ``tests.harness.FIXED_NOW``."""
PLAN_START = date(2026, 11, 23)
PLAN_END = date(2026, 12, 31)


def post(n: int, channel: ChannelName, status: ItemStatus = ItemStatus.DRAFT) -> PostItem:
    """One post with a short caption."""
    return PostItem(
        id=f"post-{n}-{channel.value}",
        channel=Channel(name=channel),
        status=status,
        instagram_post=PostContent(caption=f"Caption {n} for {channel.value.title()}"),
    )


def activity(
    n: int,
    day: date,
    title: str,
    kind: MarketingActivityType = MarketingActivityType.SOCIAL_MARKETING,
    statuses: tuple[tuple[ChannelName, ItemStatus], ...] = (
        (ChannelName.INSTAGRAM, ItemStatus.DRAFT),
        (ChannelName.FACEBOOK, ItemStatus.SCHEDULED),
    ),
    hour: int = 9,
) -> PlanMarketingActivity:
    """An activity on ``day`` with one post per (channel, status)."""
    return PlanMarketingActivity(
        marketing_activity_id=f"act-{n}",
        date=datetime(day.year, day.month, day.day, hour, tzinfo=UTC),
        title=title,
        description=f"What activity {n} is about.",
        marketing_activity_type=kind,
        items=tuple(post(n, channel, status) for channel, status in statuses),
    )


def sample_state(extra: tuple[PlanMarketingActivity, ...] = ()) -> PlannerState:
    """A small plan: a few activities around today and an event on Black Friday."""
    activities = [
        activity(1, date(2026, 11, 23), "Winter collection teaser"),
        activity(2, date(2026, 11, 24), "Blog: gift guide", MarketingActivityType.BLOG, ()),
        activity(3, date(2026, 11, 27), "Black Friday doors open"),
        activity(
            4, date(2026, 11, 27), "Black Friday email", MarketingActivityType.EMAIL_MARKETING
        ),
        activity(5, date(2026, 11, 27), "Black Friday reels", hour=15),
        activity(6, date(2026, 12, 1), "Giving Tuesday thanks"),
        *extra,
    ]
    return PlannerState(
        loaded=True,
        plan_status=PlanStatus.ACTIVE,
        plan_start=PLAN_START,
        plan_end=PLAN_END,
        activities=MappingProxyType({a.id: a for a in activities}),
        events=(
            CalendarEvent(id="ev-1", name="Black Friday", date=datetime(2026, 11, 27, tzinfo=UTC)),
        ),
        sync=SyncStatus(),
    )


class CalendarHost(App[None]):
    """Just enough of ``PlannerApp`` for the calendar: state, clock, config, submit."""

    CSS = "Screen { background: $background; }"
    state: reactive[PlannerState] = reactive(PlannerState(), init=False, always_update=False)
    now: reactive[datetime] = reactive(FIXED_NOW, init=False)

    def __init__(self, state: PlannerState, config: Config | None = None) -> None:
        super().__init__()
        self.config = config or Config()
        self.ui_settings = UiSettings.from_config(self.config)
        self.clock = ManualClock(FIXED_NOW, tz=UTC)
        self.store = Store(state)
        self.backend_info = BackendInfo("SANDBOX test", is_sandbox=True)
        self.saved_calendar: SavedCalendar | None = None
        self.state_signal: Signal[PlannerState] = Signal(self, "state")
        self.now_signal: Signal[datetime] = Signal(self, "now")
        self.submitted: list[Command] = []
        self.set_reactive(CalendarHost.state, state)

    def watch_state(self, state: PlannerState) -> None:
        self.state_signal.publish(state)

    def watch_now(self, now: datetime) -> None:
        self.now_signal.publish(now)

    def on_mount(self) -> None:
        self.push_screen(CalendarScreen())

    def key_for(self, binding_id: str) -> str:
        """The status bar asks how to show the generate key."""
        return "ctrl+g"

    def submit(self, command: Command) -> None:
        """Record the command instead of running it."""
        self.submitted.append(command)

    async def execute(self, command: Command) -> CommandOutcome:
        """Record the command and say it worked."""
        self.submitted.append(command)
        return CommandOutcome(command, ok=True, message=f"{command.describe()}: done.")
