"""One post's line in the Posts section, and the words it is made of.

When it goes (or went) out, the network, what it is (the plan activity's title and the
caption's first words; imported posts are marked), and at the right what matters for its
group: how a published post did, why a failed one failed. Below :data:`WIDE` cells the
weekday goes and networks take their short names, so the caption keeps room.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from rich.text import Text

from tui_planner.api.models import ItemType
from tui_planner.day_words import day_text
from tui_planner.ui.icons import STATUS_STYLES, channel_label, channel_short, status_icon
from tui_planner.ui.post_actions import caption_excerpt
from tui_planner.ui.widgets.post_sections import PostGroup

if TYPE_CHECKING:
    from tui_planner.api.models import PostItem
    from tui_planner.ui.widgets.post_sections import ShownPost

__all__ = ["IMPORTED", "WIDE", "insights_text", "post_line", "when_text"]

WIDE = 100
"""From this many cells a line spells out weekdays and networks and keeps a wide right
column."""

MIDDLE_MIN = 24
"""Cells the title and caption keep however long a failure's reason is."""

IMPORTED = "⇣ imported"
"""Marks a post imported from the network (``external``), not made in the plan."""


def when_text(when: datetime | None, tz: tzinfo, year: int, *, wide: bool) -> str:
    """When a post goes (or went) out, in the user's zone: "Tue 24 Nov 10:00", with the
    year instead of the weekday outside ``year``; "24 Nov 10:00" when narrow."""
    if when is None:
        return "no date"
    local = when.astimezone(tz)
    if local.year != year:
        day = f"{local.day} {local:%b %Y}"
        return day if not wide else f"{day} {local:%H:%M}"
    return f"{day_text(local)} {local:%H:%M}" if wide else f"{local.day} {local:%b %H:%M}"


def insights_text(entry: PostItem) -> str:
    """How a published post did: "1,234 seen · 56 interactions" (what the network gave)."""
    summary = entry.insights_summary
    if summary is None:
        return "no figures yet"
    parts = []
    if summary.impressions is not None:
        parts.append(f"{summary.impressions:,.0f} seen")
    if summary.interactions is not None:
        parts.append(f"{summary.interactions:,.0f} interactions")
    return " · ".join(parts) or "no figures yet"


def post_line(post: ShownPost, width: int, tz: tzinfo, year: int) -> Text:
    """The one line ``post`` gets in a list ``width`` cells wide."""
    wide = width >= WIDE
    entry = post.entry
    when_width, channel_width = (17, 15) if wide else (12, 8)
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(status_icon(entry.status), style=STATUS_STYLES.get(entry.status, ""))
    text.append(" ")
    when = when_text(post.when, tz, year, wide=wide)
    # The gap after a column goes in that column's run, never at the head of the next: an
    # SVG viewer that drops a run's leading spaces (librsvg) would show "17:00FB".
    text.append(when.ljust(when_width)[:when_width] + "  ", style="dim")
    network = channel_label(entry.channel.name) if wide else channel_short(entry.channel.name)
    if wide and entry.is_story:
        network += " story"
    elif not wide and entry.type != ItemType.POST:
        network = channel_short(entry.channel.name, entry.type)
    text.append(network.ljust(channel_width)[:channel_width])
    text.append("  ")
    used = 1 + 1 + when_width + 2 + channel_width + 2
    right, right_style = _right(post)
    right_width = 34 if wide else 18
    if post.group in (PostGroup.FAILED, PostGroup.PUBLISHED):
        # Why it failed, or how it did, is the point of the line: it gets the room it needs.
        right_width = max(right_width, min(len(right), width - used - MIDDLE_MIN - 2))
    middle = max(8, width - used - (right_width + 2 if right else 0))
    text.append_text(_middle(post, middle))
    if right:
        cut = right if len(right) <= right_width else right[: right_width - 1] + "…"
        text.append(" " * (2 + right_width - len(cut)))
        text.append(cut, style=right_style)
    return text


def _middle(post: ShownPost, width: int) -> Text:
    entry = post.entry
    middle = Text(no_wrap=True, overflow="ellipsis", end="")
    if post.activity_title is not None:
        excerpt = caption_excerpt(entry.text, max(0, width - len(post.activity_title) - 3))
        middle.append(post.activity_title + (" " if excerpt else ""), style="bold")
        if excerpt:
            middle.append("· " + excerpt, style="dim")
    else:
        if entry.external:
            middle.append(IMPORTED + " ", style="italic yellow")
            middle.append("· ")
        middle.append(caption_excerpt(entry.text, width) or "No caption", style="")
    middle.truncate(width, overflow="ellipsis", pad=True)
    return middle


def _right(post: ShownPost) -> tuple[str, str]:
    entry = post.entry
    match post.group:
        case PostGroup.PUBLISHED:
            return insights_text(entry), "green"
        case PostGroup.FAILED:
            error = entry.publication_error
            reason = error.sentence if error is not None else "the network gave no reason"
            return reason, "red"
        case PostGroup.PROCESSING:
            return "publishing now", "yellow"
        case _:
            return "", ""
