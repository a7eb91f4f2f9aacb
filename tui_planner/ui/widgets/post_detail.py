"""``PostDetail``: the post under the Posts section's cursor, in full.

Its status and network, what it belongs to, when it goes (or went) out, why it failed or how
it did, where it lives, and its caption. A fixed height, repainted in place (no layout) as
the cursor moves, so moving through two thousand posts never re-lays out the screen.
"""

from __future__ import annotations

from datetime import UTC, tzinfo
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widget import Widget

from tui_planner.api.models import ItemStatus
from tui_planner.day_words import day_text
from tui_planner.ui.icons import STATUS_STYLES, channel_label, status_icon
from tui_planner.ui.widgets.post_line import IMPORTED, insights_text
from tui_planner.ui.widgets.post_sections import PostGroup

if TYPE_CHECKING:
    from rich.console import RenderableType

    from tui_planner.ui.widgets.post_sections import ShownPost

__all__ = ["PostDetail"]

_TIMING = {
    PostGroup.SCHEDULED: "Goes out",
    PostGroup.PROCESSING: "Going out since",
    PostGroup.PUBLISHED: "Went out",
    PostGroup.FAILED: "Was due",
    PostGroup.DRAFT: "Activity date",
    PostGroup.CANCELED: "Was due",
    PostGroup.OTHER: "Date",
}

_BASIC_METRICS = frozenset({"impressions", "interactions"})


class PostDetail(Widget):
    """Everything about one post (or a line saying there is none to show)."""

    DEFAULT_CSS = """
    PostDetail {
        height: 8;
        width: 1fr;
        padding: 0 1;
        border-top: solid $panel-lighten-2;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._post: ShownPost | None = None
        self._tz: tzinfo = UTC
        self._open_key = "o"
        self._empty = ""

    @property
    def post(self) -> ShownPost | None:
        """The post shown."""
        return self._post

    def show(self, post: ShownPost | None, tz: tzinfo, *, open_key: str, empty: str = "") -> None:
        """Show ``post`` (``empty`` when there is none); ``open_key`` opens a live post."""
        if (post, tz, open_key, empty) == (self._post, self._tz, self._open_key, self._empty):
            return
        self._post, self._tz, self._open_key, self._empty = post, tz, open_key, empty
        self.refresh()

    def render(self) -> RenderableType:
        post = self._post
        if post is None:
            return Text(self._empty, style="dim italic")
        entry = post.entry
        lines = [self._heading(post), self._timing(post)]
        outcome = self._outcome(post)
        if outcome is not None:
            lines.append(outcome)
        if entry.external_item_url:
            link = Text("Live at  ", style="bold")
            link.append(entry.external_item_url, style="underline")
            link.append("   ")
            link.append(f"{self._open_key} opens it", style="dim")
            lines.append(link)
        caption = Text(" ".join(entry.text.split()) or "No caption.")
        if not entry.text:
            caption.stylize("dim italic")
        lines.append(caption)
        return Text("\n").join(lines)

    def _heading(self, post: ShownPost) -> Text:
        entry = post.entry
        text = Text()
        status = f"{status_icon(entry.status)} {entry.status.value}  "
        text.append(status, style=_style(entry.status))
        kind = "story" if entry.is_story else "post"
        # Each gap ends the run before it: an SVG viewer that drops a run's leading spaces
        # (librsvg) keeps the words apart.
        text.append(f"·  {channel_label(entry.channel.name)} {kind}  ·  ")
        if post.activity_title is not None:
            text.append(post.activity_title, style="bold")
        elif entry.external:
            text.append(f"{IMPORTED} from {channel_label(entry.channel.name)}", style="italic")
        else:
            text.append("made outside the plan", style="italic")
        return text

    def _timing(self, post: ShownPost) -> Text:
        text = Text(f"{_TIMING[post.group]}  ", style="bold")
        when = post.when
        local = when.astimezone(self._tz) if when else None
        text.append(f"{day_text(local, year=True)}, {local:%H:%M %Z}" if local else "no date")
        return text

    def _outcome(self, post: ShownPost) -> Text | None:
        entry = post.entry
        if post.group == PostGroup.FAILED:
            error = entry.publication_error
            reason = error.sentence if error is not None else "The network gave no reason"
            text = Text("Why  ", style="bold red")
            text.append(reason + ".", style="red")
            return text
        if post.group == PostGroup.PUBLISHED:
            text = Text("How it did  ", style="bold")
            text.append(insights_text(entry), style="green")
            summary = entry.insights_summary
            if summary is not None:
                rest = [
                    f"{value:,.0f} {name}"
                    for name, value in summary.metrics.items()
                    if name.lower() not in _BASIC_METRICS
                ]
                if rest:
                    text.append("  ")
                    text.append(f"({', '.join(rest)})", style="dim")
            return text
        return None


def _style(status: ItemStatus) -> str:
    return STATUS_STYLES.get(status, "") or "bold"
