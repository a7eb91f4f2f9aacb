"""What the Posts section lists: every post of the site, grouped by where it is in its life,
newest first, and the filter that narrows it (channel, status, days).

Pure functions of a :class:`PlannerState`, so the screen only draws, the rules read in one
place, and they are tested without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

from tui_planner.api.models import ChannelName, ItemStatus
from tui_planner.day_words import day_text
from tui_planner.store.selectors import item, site_posts
from tui_planner.ui.icons import channel_label

if TYPE_CHECKING:
    from collections.abc import Mapping

    from tui_planner.api.models import PostItem
    from tui_planner.store.state import PlannerState

__all__ = [
    "GROUP_TITLES",
    "PostGroup",
    "PostSection",
    "PostsFilter",
    "ShownPost",
    "group_of",
    "post_sections",
    "shown_post",
]


class PostGroup(Enum):
    """Where a post is in its life, in the order the Posts section lists the groups."""

    SCHEDULED = "scheduled"
    PROCESSING = "processing"
    PUBLISHED = "published"
    FAILED = "failed"
    DRAFT = "draft"
    CANCELED = "canceled"
    OTHER = "other"


GROUP_TITLES: Mapping[PostGroup, str] = {
    PostGroup.SCHEDULED: "Scheduled",
    PostGroup.PROCESSING: "Processing",
    PostGroup.PUBLISHED: "Published",
    PostGroup.FAILED: "Failed",
    PostGroup.DRAFT: "Drafts",
    PostGroup.CANCELED: "Canceled",
    PostGroup.OTHER: "Other",
}

_GROUPS: Mapping[ItemStatus, PostGroup] = {
    ItemStatus.SCHEDULED: PostGroup.SCHEDULED,
    ItemStatus.PROCESSING: PostGroup.PROCESSING,
    ItemStatus.IN_QUEUE: PostGroup.PROCESSING,
    ItemStatus.PUBLISHED: PostGroup.PUBLISHED,
    ItemStatus.FAILED: PostGroup.FAILED,
    ItemStatus.DRAFT: PostGroup.DRAFT,
    ItemStatus.CANCELED: PostGroup.CANCELED,
}


def group_of(status: ItemStatus) -> PostGroup:
    """The group a post of ``status`` is listed under (a status this app does not know of
    goes under Other; a deleted post is not listed at all)."""
    return _GROUPS.get(status, PostGroup.OTHER)


@dataclass(frozen=True, slots=True)
class PostsFilter:
    """Which posts the section lists; ``None`` fields do not filter. ``first`` and ``last``
    are days (inclusive) in the user's zone, compared with when the post goes (or went) out,
    or its activity's day for a draft."""

    channel: ChannelName | None = None
    group: PostGroup | None = None
    first: date | None = None
    last: date | None = None

    @property
    def active(self) -> bool:
        """Whether anything is filtered out."""
        return any(value is not None for value in (self.channel, self.group, self.first, self.last))

    def describe(self) -> tuple[str, ...]:
        """One phrase per filter that is set ("Channel: Instagram", "From 1 Nov 2026")."""
        parts: list[str] = []
        if self.channel is not None:
            parts.append(f"Channel: {channel_label(self.channel)}")
        if self.group is not None:
            parts.append(f"Status: {GROUP_TITLES[self.group]}")
        if self.first is not None and self.last is not None:
            parts.append(f"{day_text(self.first, year=True)} to {day_text(self.last, year=True)}")
        elif self.first is not None:
            parts.append(f"From {day_text(self.first, year=True)}")
        elif self.last is not None:
            parts.append(f"Until {day_text(self.last, year=True)}")
        return tuple(parts)

    def keeps_day(self, when: datetime | None, tz: tzinfo) -> bool:
        """Whether a post listed by ``when`` falls within the days (an undated post does
        not, once days are set)."""
        if self.first is None and self.last is None:
            return True
        if when is None:
            return False
        day = when.astimezone(tz).date()
        return (self.first is None or day >= self.first) and (self.last is None or day <= self.last)


class ShownPost(NamedTuple):
    """One post as the section shows it: the post, its group, the moment it is listed by and
    the title of the plan activity it belongs to (``None`` for posts made on the dashboard,
    imported, or whose activity has left the plan period)."""

    entry: PostItem
    group: PostGroup
    when: datetime | None
    activity_title: str | None

    @property
    def key(self) -> str:
        """The post's id."""
        return self.entry.id


def shown_post(state: PlannerState, entry: PostItem) -> ShownPost:
    """``entry`` with what the section shows beside it, read from ``state``'s plan."""
    owned = item(state, entry.id)
    owner = owned[0] if owned is not None else None
    if owner is None:
        return ShownPost(entry, group_of(entry.status), entry.scheduled_date, None)
    when = entry.scheduled_date or owner.date
    return ShownPost(entry, group_of(entry.status), when, owner.title or "Untitled activity")


@dataclass(frozen=True, slots=True)
class PostSection:
    """One group's posts, newest first."""

    group: PostGroup
    posts: tuple[PostItem, ...]

    @property
    def title(self) -> str:
        """The group's heading."""
        return GROUP_TITLES[self.group]


_NO_DATE = datetime.min.replace(tzinfo=UTC)


def post_sections(state: PlannerState, chosen: PostsFilter, tz: tzinfo) -> tuple[PostSection, ...]:
    """The groups that have posts passing ``chosen``, in :class:`PostGroup` order.

    A post is listed by when it goes (or went) out; a draft without a time, by its
    activity's day. Deleted posts are left out. One light pass over the posts (two thousand
    of them are a few milliseconds): what a line shows beside a post is looked up only for
    the lines on screen (:func:`shown_post`).
    """
    days = _activity_days(state)
    dated = chosen.first is not None or chosen.last is not None
    channel, wanted = chosen.channel, chosen.group
    grouped: dict[PostGroup, list[PostItem]] = {group: [] for group in PostGroup}
    for entry in site_posts(state):
        status = entry.status
        if status == ItemStatus.DELETED:
            continue
        group = _GROUPS.get(status, PostGroup.OTHER)
        if wanted is not None and group != wanted:
            continue
        if channel is not None and entry.channel.name != channel:
            continue
        if dated and not chosen.keeps_day(entry.scheduled_date or days.get(entry.id), tz):
            continue
        grouped[group].append(entry)
    sections = []
    for group, posts in grouped.items():
        if not posts:
            continue
        if group == PostGroup.DRAFT:
            # Drafts are listed by their activity's day, which Query Items does not sort by.
            posts.sort(key=lambda entry: (days.get(entry.id) or _NO_DATE, entry.id), reverse=True)
        sections.append(PostSection(group, tuple(posts)))
    return tuple(sections)


def _activity_days(state: PlannerState) -> dict[str, datetime]:
    """Each plan post's activity date, by post id."""
    return {entry.id: owner.date for owner in state.activities.values() for entry in owner.items}
