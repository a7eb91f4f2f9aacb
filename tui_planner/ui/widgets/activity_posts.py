"""``ActivityPosts``: an activity's posts (or stories) grouped by channel, with statuses."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from tui_planner.api.models import PLAN_CHANNELS, ItemStatus
from tui_planner.day_words import day_text
from tui_planner.ui.icons import STATUS_STYLES, channel_label, status_icon
from tui_planner.words import plural

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.console import Console, ConsoleOptions, RenderResult

    from tui_planner.api.models import ChannelName, PostItem

__all__ = ["ActivityPosts", "describe_posts", "describe_story_drafts", "stories_kept"]

_STATUS_ORDER = (
    ItemStatus.DRAFT,
    ItemStatus.SCHEDULED,
    ItemStatus.IN_QUEUE,
    ItemStatus.PROCESSING,
    ItemStatus.PUBLISHED,
    ItemStatus.FAILED,
    ItemStatus.CANCELED,
)


def describe_posts(items: Iterable[PostItem], noun: str = "post") -> str:
    """How many items there are and in which states: "7 posts (5 drafts, 2 scheduled)"."""
    counted = Counter(item.status for item in items)
    total = sum(counted.values())
    if not total:
        return f"no {noun}s"
    parts = []
    for status in (*_STATUS_ORDER, *(s for s in counted if s not in _STATUS_ORDER)):
        if counted.get(status):
            word = "draft" if status == ItemStatus.DRAFT else status.value.lower()
            parts.append(
                plural(counted[status], word)
                if status == ItemStatus.DRAFT
                else f"{counted[status]} {word}"
            )
    return f"{plural(total, noun)} ({', '.join(parts)})"


def describe_story_drafts(stories: tuple[PostItem, ...]) -> str:
    """The story drafts among ``stories``, by channel: "2 story drafts (Facebook, Instagram)"."""
    drafts = [story for story in stories if story.status == ItemStatus.DRAFT]
    if not drafts:
        return "no story drafts"
    order = {channel: index for index, channel in enumerate(PLAN_CHANNELS)}
    channels = sorted(
        {story.channel.name for story in drafts}, key=lambda c: (order.get(c, len(order)), str(c))
    )
    noun = "story draft" if len(drafts) == 1 else "story drafts"
    return f"{len(drafts)} {noun} ({', '.join(channel_label(c) for c in channels)})"


def stories_kept(stories: tuple[PostItem, ...]) -> str:
    """Which stories a story action leaves alone: it always names the rule, with a count."""
    kept = sum(story.status != ItemStatus.DRAFT for story in stories)
    if kept == 1:
        return "the 1 story already scheduled or published stays"
    if kept:
        return f"the {kept} stories already scheduled or published stay"
    return "scheduled and published stories are never touched"


@dataclass(frozen=True, slots=True)
class _Row:
    channel: Text
    connected: bool | None
    """Whether the channel's account is connected; ``None`` on a channel's later rows."""
    status: Text
    when: datetime | None
    text: Text


_WIDE = 96
"""From this many cells the table names the connection in words and the weekday in times."""


@dataclass(frozen=True, slots=True)
class _PostsTable:
    """The rows, laid out for the width they get: below :data:`_WIDE` cells the account
    column says "● on" or "○ off" and times drop the weekday, so the text keeps some room."""

    rows: tuple[_Row, ...]
    timed: bool
    tz: tzinfo

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        wide = options.max_width >= _WIDE
        table = Table(box=None, expand=True, header_style="bold dim", pad_edge=False)
        table.add_column("Channel", no_wrap=True, min_width=10)
        table.add_column("Account", no_wrap=True, min_width=15 if wide else 7)
        table.add_column("Status", no_wrap=True, min_width=11)
        if self.timed:
            table.add_column("When", no_wrap=True, min_width=12 if wide else 9)
        table.add_column("Text", ratio=1, no_wrap=True, overflow="ellipsis")
        for row in self.rows:
            when = Text(
                _when(row.when.astimezone(self.tz), wide) if row.when else "—",
                style="" if row.when else "dim",
            )
            table.add_row(
                row.channel,
                _account(row.connected, wide),
                row.status,
                *([when] if self.timed else []),
                row.text,
            )
        yield table


def _when(when: datetime, wide: bool) -> str:
    """ "Mon 7 Dec 09:00", or "7 Dec 09:00" where the table is narrow."""
    day = day_text(when)
    return f"{day if wide else day.split(' ', 1)[1]} {when:%H:%M}"


def _account(connected: bool | None, wide: bool) -> Text:
    if connected is None:
        return Text("")
    if connected:
        return Text("● connected" if wide else "● on", style="green")
    return Text("○ not connected" if wide else "○ off", style="dim")


class ActivityPosts(Static):
    """A table: channel and whether it is connected, then each item's status, time and text.

    It draws its ``items`` (an activity's posts or stories, grouped by channel in the plan's
    channel order) against ``connected``, the channels whose account is connected; a screen
    binds both down. With no items it shows ``empty``, or nothing at all when that is "".
    """

    DEFAULT_CSS = """
    ActivityPosts {
        height: auto;
        padding: 0 0 1 0;
    }
    """

    items: reactive[tuple[PostItem, ...]] = reactive(())
    connected: reactive[frozenset[ChannelName]] = reactive(frozenset())

    def __init__(self, *, tz: tzinfo = UTC, empty: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self._tz = tz
        self._empty = empty

    def watch_items(self) -> None:
        self._show()

    def watch_connected(self) -> None:
        self._show()

    def _show(self) -> None:
        items = self.items
        if not self._empty:
            self.display = bool(items)
        if not items:
            self.update(Text(self._empty, style="dim italic"))
            return
        order = {channel: n for n, channel in enumerate(PLAN_CHANNELS)}
        ordered = sorted(items, key=lambda item: (order.get(item.channel.name, 99), item.id))
        rows: list[_Row] = []
        previous: ChannelName | None = None
        for item in ordered:
            channel = item.channel.name
            first = channel != previous
            previous = channel
            rows.append(
                _Row(
                    channel=Text(channel_label(channel), style="bold") if first else Text(""),
                    connected=channel in self.connected if first else None,
                    status=Text(
                        f"{status_icon(item.status)} {item.status.value.title()}",
                        style=STATUS_STYLES.get(item.status, ""),
                    ),
                    when=item.scheduled_date,
                    text=Text(
                        " ".join(item.text.split())
                        or ("(image only)" if item.image else "(no text)"),
                        style="" if item.text else "dim",
                    ),
                )
            )
        timed = any(item.scheduled_date for item in items)
        self.update(_PostsTable(tuple(rows), timed, self._tz))
