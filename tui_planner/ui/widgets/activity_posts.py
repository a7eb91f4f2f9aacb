"""``ActivityPosts``: an activity's posts (or stories) grouped by channel, with statuses."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from tui_planner.api.models import PLAN_CHANNELS, ItemStatus
from tui_planner.ui.icons import STATUS_STYLES, channel_label, status_icon

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from datetime import tzinfo

    from tui_planner.api.models import ChannelName, PostItem

__all__ = ["ActivityPosts", "describe_posts"]

_STATUS_ORDER = (
    ItemStatus.DRAFT,
    ItemStatus.SCHEDULED,
    ItemStatus.IN_QUEUE,
    ItemStatus.PROCESSING,
    ItemStatus.PUBLISHED,
    ItemStatus.FAILED,
    ItemStatus.CANCELED,
)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


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
                _plural(counted[status], word)
                if status == ItemStatus.DRAFT
                else f"{counted[status]} {word}"
            )
    return f"{_plural(total, noun)} ({', '.join(parts)})"


class ActivityPosts(Static):
    """A table: channel and whether it is connected, then each item's status, time and text."""

    DEFAULT_CSS = """
    ActivityPosts {
        height: auto;
        padding: 0 0 1 0;
    }
    """

    def show(
        self,
        items: tuple[PostItem, ...],
        *,
        is_connected: Callable[[ChannelName], bool],
        tz: tzinfo,
        empty: str,
    ) -> None:
        """Show ``items`` grouped by channel in the plan's channel order."""
        if not items:
            self.update(Text(empty, style="dim italic"))
            return
        timed = any(item.scheduled_date for item in items)
        table = Table(box=None, expand=True, header_style="bold dim", pad_edge=False)
        table.add_column("Channel", no_wrap=True, min_width=10)
        table.add_column("Account", no_wrap=True, min_width=15)
        table.add_column("Status", no_wrap=True, min_width=11)
        if timed:
            table.add_column("When", no_wrap=True, min_width=12)
        table.add_column("Text", ratio=1, no_wrap=True, overflow="ellipsis")
        order = {channel: n for n, channel in enumerate(PLAN_CHANNELS)}
        ordered = sorted(items, key=lambda item: (order.get(item.channel.name, 99), item.id))
        previous: ChannelName | None = None
        for item in ordered:
            channel = item.channel.name
            first = channel != previous
            previous = channel
            connected = is_connected(channel)
            when = Text(
                item.scheduled_date.astimezone(tz).strftime("%a %d %b %H:%M")
                if item.scheduled_date
                else "—",
                style="dim" if item.scheduled_date is None else "",
            )
            table.add_row(
                Text(channel_label(channel), style="bold") if first else Text(""),
                (
                    Text("● connected", style="green")
                    if connected
                    else Text("○ not connected", style="dim")
                )
                if first
                else Text(""),
                Text(
                    f"{status_icon(item.status)} {item.status.value.title()}",
                    style=STATUS_STYLES.get(item.status, ""),
                ),
                *([when] if timed else []),
                Text(
                    " ".join(item.text.split()) or ("(image only)" if item.image else "(no text)"),
                    style="" if item.text else "dim",
                ),
            )
        self.update(table)
