"""Selectors: pure, cheap questions asked of a :class:`PlannerState`.

The calendar asks ``activities_by_day`` on every key press, with a thousand activities in a
big plan, so the expensive selectors remember their last answer. The key is the identity of
the inputs they read (the activities mapping, the connections, the time zone): a snapshot
that only changed the sync status answers from the cache. One entry per selector is enough,
because the UI asks about the current snapshot over and over and rarely about an old one.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from types import MappingProxyType
from typing import TYPE_CHECKING, Generic, TypeVar

from tui_planner.api.models import ItemStatus
from tui_planner.zone import local_day as day_in_zone

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from tui_planner.api.models import ChannelName, PlanMarketingActivity, PostItem

    from .state import PlannerState

__all__ = [
    "ItemCounts",
    "activities_by_day",
    "activities_in_range",
    "activity",
    "activity_counts",
    "counts",
    "drafts",
    "item",
    "local_day",
    "period_bounds",
    "plan_period",
    "posts_generating",
    "site_posts",
    "unseen_failures",
]

ResultT = TypeVar("ResultT")


class _LastAnswer(Generic[ResultT]):
    """Remembers one answer, keyed by the identity of the objects it was computed from.

    Key and answer are kept as one tuple, replaced in one assignment: the calendar is also
    saved from a worker thread, and a reader must never pair one call's key with another's
    answer.
    """

    def __init__(self) -> None:
        self._entry: tuple[tuple[object, ...], ResultT] | None = None

    def get(self, key: tuple[object, ...], compute: Callable[[], ResultT]) -> ResultT:
        entry = self._entry
        if entry is not None:
            cached, value = entry
            if len(cached) == len(key) and all(
                a is b or _same_value(a, b) for a, b in zip(cached, key, strict=True)
            ):
                return value
        value = compute()
        self._entry = (key, value)
        return value


def _same_value(a: object, b: object) -> bool:
    # Objects compare by identity; small hashable arguments (dates, flags) by value.
    if isinstance(a, (str, int, date, tzinfo)) or a is None:
        return a == b
    return False


def local_day(activity: PlanMarketingActivity, tz: tzinfo) -> date:
    """The calendar day an activity falls on in ``tz``."""
    return day_in_zone(activity.date, tz)


_by_day_cache: _LastAnswer[Mapping[date, tuple[PlanMarketingActivity, ...]]] = _LastAnswer()


def activities_by_day(
    state: PlannerState, tz: tzinfo
) -> Mapping[date, tuple[PlanMarketingActivity, ...]]:
    """Activities grouped by their day in ``tz``, each day's in time order."""

    def compute() -> Mapping[date, tuple[PlanMarketingActivity, ...]]:
        days: defaultdict[date, list[PlanMarketingActivity]] = defaultdict(list)
        for value in state.activities.values():
            days[local_day(value, tz)].append(value)
        return MappingProxyType(
            {day: tuple(sorted(group, key=_activity_order)) for day, group in days.items()}
        )

    return _by_day_cache.get((state.activities, tz), compute)


def _activity_order(activity: PlanMarketingActivity) -> tuple[object, ...]:
    return (activity.date, activity.title, activity.id)


def activities_in_range(
    state: PlannerState, start: date, end: date, tz: tzinfo
) -> tuple[PlanMarketingActivity, ...]:
    """Activities whose day in ``tz`` is from ``start`` to ``end`` inclusive, in time order."""
    by_day = activities_by_day(state, tz)
    found: list[PlanMarketingActivity] = []
    for day in sorted(d for d in by_day if start <= d <= end):
        found.extend(by_day[day])
    return tuple(found)


_drafts_cache: _LastAnswer[tuple[tuple[PlanMarketingActivity, PostItem], ...]] = _LastAnswer()


def drafts(
    state: PlannerState,
    channel: ChannelName | None = None,
    connected_only: bool = False,
    start: date | None = None,
    end: date | None = None,
    tz: tzinfo | None = None,
) -> tuple[tuple[PlanMarketingActivity, PostItem], ...]:
    """Every DRAFT item with its activity, by activity date.

    ``channel`` keeps one network; ``connected_only`` keeps drafts the site could schedule;
    ``start``/``end`` (inclusive days in ``tz``, UTC when not given) bound the activity date.
    """

    def compute() -> tuple[tuple[PlanMarketingActivity, PostItem], ...]:
        zone = tz or UTC
        found: list[tuple[PlanMarketingActivity, PostItem]] = []
        for value in sorted(state.activities.values(), key=_activity_order):
            if start is not None or end is not None:
                day = local_day(value, zone)
                if (start is not None and day < start) or (end is not None and day > end):
                    continue
            for entry in value.items:
                if entry.status != ItemStatus.DRAFT:
                    continue
                if channel is not None and entry.channel.name != channel:
                    continue
                if connected_only and not state.is_connected(entry.channel.name):
                    continue
                found.append((value, entry))
        return tuple(found)

    key = (state.activities, state.connections, channel, connected_only, start, end, tz)
    return _drafts_cache.get(key, compute)


@dataclass(frozen=True, slots=True)
class ItemCounts:
    """How many of an activity's items are in each state that matters for the calendar."""

    drafts: int = 0
    scheduled: int = 0
    published: int = 0
    total: int = 0


def activity_counts(value: PlanMarketingActivity) -> ItemCounts:
    """The draft, scheduled and published counts of one activity."""
    drafts_n = scheduled = published = 0
    for entry in value.items:
        if entry.status == ItemStatus.DRAFT:
            drafts_n += 1
        elif entry.status in _SCHEDULED:
            scheduled += 1
        elif entry.status == ItemStatus.PUBLISHED:
            published += 1
    return ItemCounts(drafts_n, scheduled, published, len(value.items))


_SCHEDULED = frozenset({ItemStatus.SCHEDULED, ItemStatus.IN_QUEUE, ItemStatus.PROCESSING})

_counts_cache: _LastAnswer[Mapping[str, ItemCounts]] = _LastAnswer()


def counts(state: PlannerState) -> Mapping[str, ItemCounts]:
    """:func:`activity_counts` of every activity, by activity id."""

    def compute() -> Mapping[str, ItemCounts]:
        return MappingProxyType(
            {key: activity_counts(value) for key, value in state.activities.items()}
        )

    return _counts_cache.get((state.activities,), compute)


def activity(state: PlannerState, activity_id: str) -> PlanMarketingActivity | None:
    """The activity with that id, if the plan has it."""
    return state.activities.get(activity_id)


_item_index_cache: _LastAnswer[Mapping[str, str]] = _LastAnswer()


def item(state: PlannerState, item_id: str) -> tuple[PlanMarketingActivity, PostItem] | None:
    """The item with that id and the activity it belongs to, if any."""

    def compute() -> Mapping[str, str]:
        return {entry.id: key for key, value in state.activities.items() for entry in value.items}

    owner_id = _item_index_cache.get((state.activities,), compute).get(item_id)
    owner = state.activities.get(owner_id) if owner_id is not None else None
    if owner is None:
        return None
    entry = next((entry for entry in owner.items if entry.id == item_id), None)
    return (owner, entry) if entry is not None else None


_site_posts_cache: _LastAnswer[tuple[PostItem, ...]] = _LastAnswer()

_NO_DATE = datetime.min.replace(tzinfo=UTC)


def site_posts(state: PlannerState) -> tuple[PostItem, ...]:
    """Every post of the site, newest first by when it goes (or went) out; undated last."""

    def compute() -> tuple[PostItem, ...]:
        return tuple(
            sorted(
                state.site_posts.items.values(),
                key=lambda entry: (entry.scheduled_date or _NO_DATE, entry.id),
                reverse=True,
            )
        )

    return _site_posts_cache.get((state.site_posts.items,), compute)


def unseen_failures(state: PlannerState) -> tuple[PostItem, ...]:
    """The posts that failed to go out since the user was last told, newest first."""
    unseen = state.site_posts.unseen_failed
    if not unseen:
        return ()
    return tuple(entry for entry in site_posts(state) if entry.id in unseen)


def posts_generating(state: PlannerState) -> int:
    """How many activities are waiting for their posts."""
    return len(state.posts_generating)


def plan_period(today: date) -> tuple[date, date]:
    """The days a plan covers: today to the last day of next month."""
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return today, date(year, month, calendar.monthrange(year, month)[1])


def period_bounds(start: date, end: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """The instants a period of days in ``tz`` starts and ends at (end exclusive)."""
    return (
        datetime.combine(start, time(), tz),
        datetime.combine(end + timedelta(days=1), time(), tz),
    )
