"""``Agenda``: the selected day's events and activities, painted line by line.

The agenda changes on every key that moves the calendar's selection, so it is a single
Line-API widget with no scrolling container: showing another day repaints it in place and
never re-lays out the screen (a scroll view would, each time its content height changed).
When a day holds more than fits, the last line says how many more there are, and the
highlight scrolls the list.

Each activity's lines, and each line's painted strip, are kept by the identity of the
activity (snapshots reuse unchanged activities) and of the line, so moving the selection to
a day shown before, or back and forth, paints nothing anew.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from tui_planner.api.models import ItemStatus
from tui_planner.store.selectors import activity_counts
from tui_planner.ui.icons import (
    EVENT_ICON,
    STATUS_ICONS,
    STATUS_STYLES,
    channel_short,
    status_icon,
    type_icon,
)
from tui_planner.ui.widgets.line_painting import LineStyles, paint_text

if TYPE_CHECKING:
    from datetime import date, tzinfo

    from textual import events

    from tui_planner.api.models import PlanMarketingActivity
    from tui_planner.ui.widgets.day_summary import DaySummary

__all__ = ["Agenda", "activity_prompt"]


def activity_prompt(
    activity: PlanMarketingActivity, tz: tzinfo, *, channels: bool, indent: int = 0
) -> Text:
    """Two lines for an activity: icon and title; then its time and its posts.

    With ``channels`` the second line lists every post's channel and status glyph
    ("IG ○  FB ◷  IG story ○"); without, it counts drafts, scheduled and published posts.
    The second line starts under the title, ``indent + 2`` cells in.

    Each line's indentation is a run of its own, never part of a styled run: an SVG
    screenshot gives every run its own ``<text>`` element, and librsvg drops the leading
    spaces of an element, so styled indentation would vanish from the rendered picture.
    """
    text = Text(" " * indent, no_wrap=True, overflow="ellipsis")
    text.append(f"{type_icon(activity.marketing_activity_type)} ", style="bold")
    text.append(activity.title or "Untitled activity", style="bold")
    text.append("\n" + " " * (indent + 2))
    text.append(f"{activity.date.astimezone(tz):%H:%M}  ", style="dim")
    if not activity.items:
        text.append("no posts yet", style="dim italic")
        return text
    if channels:
        for n, post in enumerate(activity.items):
            if n:
                text.append("  ")
            text.append(f"{channel_short(post.channel.name, post.type)} ", style="dim")
            text.append(status_icon(post.status), style=STATUS_STYLES.get(post.status, ""))
        return text
    counts = activity_counts(activity)
    parts: list[tuple[str, str]] = []
    if counts.drafts:
        noun = "draft" if counts.drafts == 1 else "drafts"
        parts.append((f"{STATUS_ICONS[ItemStatus.DRAFT]} {counts.drafts} {noun}", ""))
    if counts.scheduled:
        scheduled = f"{STATUS_ICONS[ItemStatus.SCHEDULED]} {counts.scheduled} scheduled"
        parts.append((scheduled, STATUS_STYLES[ItemStatus.SCHEDULED]))
    if counts.published:
        published = f"{STATUS_ICONS[ItemStatus.PUBLISHED]} {counts.published} published"
        parts.append((published, STATUS_STYLES[ItemStatus.PUBLISHED]))
    for n, (words, style) in enumerate(parts or [(f"{counts.total} posts", "dim")]):
        if n:
            text.append(" · ", style="dim")
        text.append(words, style)
    return text


_CACHE_LIMIT = 4096
"""Entries kept per cache before it starts over (a 1,000-activity plan needs ~3,000)."""


@dataclass(frozen=True, slots=True)
class _Block:
    """One entry of the agenda: an event line, an activity, or the empty-day note."""

    lines: tuple[Text, ...]
    activity_id: str | None = None


class Agenda(Widget, can_focus=True):
    """The events and activities of one day; ``enter`` on an activity posts ``ActivityChosen``.

    :meth:`show_day` keeps the highlighted activity highlighted when the same day is shown
    again (a sync), so the user's place survives.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"agenda--highlight", "agenda--more"}

    DEFAULT_CSS = """
    Agenda {
        height: 1fr;
        width: 1fr;
        padding: 0 1;
        & > .agenda--highlight { background: $primary 25%; }
        &:focus > .agenda--highlight { background: $primary 55%; }
        & > .agenda--more { color: $text-muted; text-style: italic; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # j, k and G too, as in every list (the calendar's g stays go-to-date).
        Binding("up,k", "cursor(-1)", "Up", show=False, id="agenda.up"),
        Binding("down,j", "cursor(1)", "Down", show=False, id="agenda.down"),
        Binding("home", "cursor(-1000000)", "First", show=False, id="agenda.first"),
        Binding("end,G", "cursor(1000000)", "Last", show=False, id="agenda.last"),
        Binding("enter", "choose", "Open", show=False, id="agenda.open"),
    ]

    class ActivityChosen(Message):
        """The user pressed enter on (or clicked) an activity."""

        def __init__(self, agenda: Agenda, activity_id: str) -> None:
            super().__init__()
            self.agenda = agenda
            self.activity_id = activity_id

        @property
        def control(self) -> Agenda:
            """The agenda the activity was chosen in."""
            return self.agenda

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shown: tuple[object, ...] | None = None
        self._day: date | None = None
        self._blocks: list[_Block] = []
        self._highlighted: int | None = None
        self._top = 0
        self._flat_lines: list[tuple[int, Text]] | None = None
        # Keyed by id(); the value holds the object itself, so an id reused by another
        # object after the first was freed never matches.
        self._prompts: dict[int, tuple[PlanMarketingActivity, tzinfo, tuple[Text, ...]]] = {}
        self._painted: dict[tuple[int, bool, int], tuple[Text, Strip]] = {}
        self._style = LineStyles(self)

    # -- what the screen tells the agenda -----------------------------------------------------

    @property
    def day(self) -> date | None:
        """The day on show."""
        return self._day

    @property
    def highlighted_id(self) -> str | None:
        """The highlighted activity's id."""
        if self._highlighted is None:
            return None
        return self._blocks[self._highlighted].activity_id

    @property
    def activity_ids(self) -> tuple[str, ...]:
        """The ids of the activities on show, in order."""
        return tuple(block.activity_id for block in self._blocks if block.activity_id)

    def show_day(
        self,
        day: date,
        activities: tuple[PlanMarketingActivity, ...],
        events: tuple[str, ...],
        tz: tzinfo,
    ) -> None:
        """Show ``day``; does nothing when the same day and data are already on show."""
        key = (day, activities, events)
        if self._shown == key:
            return
        keep = self.highlighted_id if day == self._day else None
        if day != self._day:
            self._top = 0
        self._shown, self._day = key, day
        blocks = [_Block((Text(f"{EVENT_ICON} {name}", style="bold yellow"),)) for name in events]
        blocks.extend(
            _Block(self._prompt_lines(activity, tz), a_id)
            for activity in activities
            if (a_id := activity.id)
        )
        if not activities:
            blocks.append(_Block((Text("Nothing planned.", style="dim italic"),)))
        self._blocks = blocks
        chosen = next((n for n, b in enumerate(blocks) if keep and b.activity_id == keep), None)
        self._highlighted = chosen if chosen is not None else self._first_activity()
        self._flat_lines = None
        self._scroll_to_highlight()
        self.refresh()

    def show_saved_day(self, day: date, summary: DaySummary) -> None:
        """Show ``day`` as the last session saved it: titles only, nothing to open yet."""
        key = (day, summary)
        if self._shown == key:
            return
        self._top = 0
        self._shown, self._day = key, day
        blocks = [
            _Block((Text(f"{EVENT_ICON} {name}", style="bold yellow"),)) for name in summary.events
        ]
        blocks.extend(
            _Block((Text(f"{entry.icon} {entry.title}", style="bold"),))
            for entry in summary.entries
        )
        note = "Saved copy; loading…" if summary.entries else "Nothing planned."
        blocks.append(_Block((Text(note, style="dim italic"),)))
        self._blocks = blocks
        self._highlighted = None
        self._flat_lines = None
        self.refresh()

    def _prompt_lines(self, activity: PlanMarketingActivity, tz: tzinfo) -> tuple[Text, ...]:
        """The activity's two lines and a spacer, made once per activity object and zone."""
        cached = self._prompts.get(id(activity))
        if cached is not None and cached[0] is activity and cached[1] == tz:
            return cached[2]
        if len(self._prompts) >= _CACHE_LIMIT:
            self._prompts.clear()
        lines = (*activity_prompt(activity, tz, channels=False).split("\n"), Text())
        self._prompts[id(activity)] = (activity, tz, lines)
        return lines

    def highlight_first(self) -> None:
        """Put the highlight on the first activity (entering the list from the grid)."""
        self._highlighted = self._first_activity()
        self._top = 0
        self._scroll_to_highlight()
        self.refresh()

    def highlight(self, activity_id: str) -> None:
        """Put the highlight on ``activity_id``, when the day on show has it."""
        chosen = next(
            (n for n, block in enumerate(self._blocks) if block.activity_id == activity_id), None
        )
        if chosen is not None:
            self._highlighted = chosen
            self._scroll_to_highlight()
            self.refresh()

    def _first_activity(self) -> int | None:
        return next((n for n, b in enumerate(self._blocks) if b.activity_id), None)

    # -- keys and mouse -----------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        """Move the highlight by ``step`` activities (clamped to the first and last)."""
        choices = [n for n, b in enumerate(self._blocks) if b.activity_id]
        if not choices:
            return
        at = choices.index(self._highlighted) if self._highlighted in choices else 0
        self._highlighted = choices[max(0, min(len(choices) - 1, at + step))]
        self._scroll_to_highlight()
        self.refresh()

    def action_choose(self) -> None:
        """Open the highlighted activity."""
        chosen = self.highlighted_id
        if chosen is not None:
            self.post_message(self.ActivityChosen(self, chosen))

    def on_click(self, event: events.Click) -> None:
        """Clicking an activity highlights and opens it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line = self._top + offset.y
        block = self._block_at(line)
        if block is not None and self._blocks[block].activity_id:
            self._highlighted = block
            self.refresh()
            self.action_choose()

    # -- geometry -----------------------------------------------------------------------------

    def _block_starts(self) -> list[int]:
        starts, line = [], 0
        for block in self._blocks:
            starts.append(line)
            line += len(block.lines)
        return starts

    def _block_at(self, line: int) -> int | None:
        for n, start in reversed(list(enumerate(self._block_starts()))):
            if line >= start:
                return n
        return None

    def _scroll_to_highlight(self) -> None:
        height = self.content_size.height
        if self._highlighted is None or height <= 0:
            return
        start = self._block_starts()[self._highlighted]
        end = start + len(self._blocks[self._highlighted].lines) - 1  # the spacer may hide
        if start < self._top:
            self._top = start
        elif end >= self._top + height - 1:
            self._top = max(0, end - height + 2)

    def on_resize(self) -> None:
        self._scroll_to_highlight()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._painted.clear()
        self._style.clear()

    # -- painting -----------------------------------------------------------------------------

    def _all_lines(self) -> list[tuple[int, Text]]:
        if self._flat_lines is None:
            self._flat_lines = [
                (n, line) for n, block in enumerate(self._blocks) for line in block.lines
            ]
        return self._flat_lines

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        lines = self._all_lines()
        height = self.content_size.height
        below = len(lines) - (self._top + height)
        if y == height - 1 and below > 0:
            hidden = len(
                {n for n, _ in lines[self._top + height - 1 :] if self._blocks[n].activity_id}
            )
            more = f"↓ {hidden} more" if hidden else "↓ more"
            style = self._style("agenda--more")
            return Strip([Segment(set_cell_size(more, width), style)], width)
        index = self._top + y
        if index >= len(lines):
            return Strip.blank(width, self._style("base"))
        block, text = lines[index]
        highlighted = block == self._highlighted
        key = (id(text), highlighted, width)
        cached = self._painted.get(key)
        if cached is not None and cached[0] is text:
            return cached[1]
        if len(self._painted) >= _CACHE_LIMIT:
            self._painted.clear()
        style = self._style("agenda--highlight" if highlighted else "base")
        painted = paint_text(text, style, width, self.app.console)
        self._painted[key] = (text, painted)
        return painted
