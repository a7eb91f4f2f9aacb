"""``PlannerState``: one immutable snapshot of everything the app knows.

A change never edits a snapshot; a reducer returns a new one (``dataclasses.replace``), and
the store tells its subscribers once. Collections are tuples and read-only mappings so a
snapshot handed to a widget cannot be changed under another widget's feet.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from tui_planner.api.models import FeatureType, PlanStatus, TokenStatus

from .site_posts import SitePosts

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import date, datetime

    from tui_planner.api.models import (
        CalendarEvent,
        CalendarOption,
        ChannelName,
        FeatureDataResponse,
        MarketingSettings,
        MarketingSettingsDefaults,
        PlanGoalOption,
        PlanMarketingActivity,
        PointOfViewOption,
    )

__all__ = [
    "EMPTY_MAPPING",
    "ConnectionPhase",
    "FailureKind",
    "Options",
    "PendingCommand",
    "PlannerState",
    "SitePosts",
    "SyncStatus",
    "frozen_mapping",
]


def frozen_mapping(values: Mapping[Any, Any] | None = None) -> Mapping[Any, Any]:
    """A read-only copy of ``values``."""
    return MappingProxyType(dict(values or {}))


EMPTY_MAPPING: Mapping[Any, Any] = MappingProxyType({})


class ConnectionPhase(enum.Enum):
    """How the link to the API is doing."""

    CONNECTING = "connecting"
    """Before the first load has finished."""
    ONLINE = "online"
    """The last request succeeded."""
    RETRYING = "retrying"
    """Requests are failing; the engine backs off and tries again at ``retry_at``."""
    AUTH_FAILED = "auth_failed"
    """401/403: polling has stopped until the key or site id is fixed."""
    PAUSED = "paused"
    """The app is suspended; polling waits."""
    UNAVAILABLE = "unavailable"
    """The backend could not be opened (say, a damaged sandbox file); nothing syncs until
    the app is restarted. ``SyncStatus.message`` says why."""


class FailureKind(enum.Enum):
    """What went wrong with the last request, in the words the status bar uses."""

    OFFLINE = "offline"
    """No answer arrived: the connection failed or timed out."""
    SERVER_BUSY = "server busy"
    """The server answered 429 or 503: it is up, and asks to be tried again later."""
    SERVER_ERROR = "server error"
    """The server answered with another failure (500, 502, 504...)."""
    BAD_ANSWER = "unreadable answer"
    """The server answered, but not in the documented format."""


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the sync engine is doing, for the status bar."""

    phase: ConnectionPhase = ConnectionPhase.CONNECTING
    last_sync_at: datetime | None = None
    next_poll_at: datetime | None = None
    retry_at: datetime | None = None
    failures: int = 0
    message: str | None = None
    """A sentence about the last problem, e.g. the Wix error message and code."""
    failure: FailureKind | None = None
    """What kind of trouble the last failure was, so a busy server is not called offline."""

    @property
    def stopped_reason(self) -> str | None:
        """Why syncing has stopped until the user acts (a refused key, no backend), if it has."""
        if self.phase in (ConnectionPhase.AUTH_FAILED, ConnectionPhase.UNAVAILABLE):
            return self.message or "The backend could not be reached."
        return None


@dataclass(frozen=True, slots=True)
class PendingCommand:
    """A command applied optimistically and not yet confirmed by the server."""

    id: int
    description: str
    """What the user asked for, in words: "Schedule 4 drafts"."""
    started_at: datetime


@dataclass(frozen=True, slots=True)
class Options:
    """Choices the settings form offers, from the options and defaults endpoints."""

    goals: tuple[PlanGoalOption, ...] = ()
    points_of_view: tuple[PointOfViewOption, ...] = ()
    calendars: tuple[CalendarOption, ...] = ()
    defaults: MarketingSettingsDefaults | None = None


@dataclass(frozen=True, slots=True, eq=False)
class PlannerState:
    """Everything the UI shows, as of one moment.

    Snapshots compare by identity (``eq=False``): a new snapshot is a change, and nothing
    deep-compares thousands of activities on every refresh.

    ``loaded`` is False until the first full sync has answered; screens show a loading
    state until then rather than an empty plan. The calendar needs only the plan itself
    (:attr:`plan_loaded`), which the first load reads before the rest.
    """

    loaded: bool = False
    plan_read: bool = False
    """The first load has read the plan itself (status and activities); the rest of it
    (settings, events, options, the site's posts) may still be on its way."""
    plan_status: PlanStatus = PlanStatus.NEVER_CREATED
    generation_started_at: datetime | None = None
    """When the current generation began (as this app saw it), for the elapsed time."""
    plan_start: date | None = None
    """First day of the plan period (today)."""
    plan_end: date | None = None
    """Last day of the plan period (end of next month)."""
    activities: Mapping[str, PlanMarketingActivity] = field(default_factory=lambda: EMPTY_MAPPING)
    """Every activity in the plan period, by activity id."""
    posts_generating: frozenset[str] = frozenset()
    """Activity ids whose posts were asked for and have not arrived yet."""
    events: tuple[CalendarEvent, ...] = ()
    settings: MarketingSettings | None = None
    options: Options = field(default_factory=Options)
    connections: Mapping[ChannelName, TokenStatus] = field(default_factory=lambda: EMPTY_MAPPING)
    features: FeatureDataResponse | None = None
    sync: SyncStatus = field(default_factory=SyncStatus)
    pending: tuple[PendingCommand, ...] = ()
    last_error: str | None = None
    site_posts: SitePosts = field(default_factory=SitePosts)
    """Every post of the site (Query Items and the plan's own), for the Posts section."""
    removed_activity_ids: frozenset[str] = frozenset()
    """Activities the latest change took away (deleted here or on the server), so a screen
    showing one can close with a notice. Empty when the latest change removed none."""
    revision: int = 0
    """Bumped by every reducer, so a watcher can tell two snapshots apart cheaply."""
    read_only_event_ids: frozenset[str] = frozenset()
    """Events the server refused to change (428): the contract has no read-only flag, so
    the app learns which events come from a connected calendar when one is refused."""

    @property
    def plan_loaded(self) -> bool:
        """Whether the plan on show is the server's: the first load has read it."""
        return self.loaded or self.plan_read

    def is_connected(self, channel: ChannelName) -> bool:
        """Whether the site can schedule to ``channel``."""
        return self.connections.get(channel) == TokenStatus.VALID

    @property
    def can_schedule(self) -> bool | None:
        """Whether the schedule-posts premium feature is usable (None: not known yet)."""
        if self.features is None:
            return None
        feature = self.features.feature(FeatureType.SCHEDULE_POST)
        return feature.usable if feature else False
