"""``PostList``: every post of the site, one line each under its group's heading.

A single Line-API widget (as the calendar's agenda is), so two thousand posts cost nothing
until they are scrolled into view: a cursor move repaints the two lines it touches, and a
scroll repaints only the lines on show. Each painted line is kept by the identity of the
post it shows (snapshots reuse unchanged posts), so a sync that changed one post repaints
one line.

What a post's line says is :func:`~tui_planner.ui.widgets.post_line.post_line`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, tzinfo
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from tui_planner.ui.widgets.line_painting import LineStyles, paint_text
from tui_planner.ui.widgets.post_line import post_line

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from textual import events

    from tui_planner.api.models import PostItem
    from tui_planner.ui.widgets.post_sections import PostSection, ShownPost

__all__ = ["PostList"]

_CACHE_LIMIT = 4096


@dataclass(frozen=True, slots=True)
class _Line:
    """A line of the list that is not a post: a group heading, a blank, the closing note."""

    kind: str
    text: str = ""


_BLANK = _Line("blank")

_Shown = tuple[tuple["PostSection", ...], tzinfo, int, str | None, bool]

Describe = Callable[["PostItem"], "ShownPost"]
"""What a line shows beside its post (its group, moment and activity), from the snapshot."""
"""What the list was last told to show: sections, zone, year, note, whether more exist."""


class PostList(Widget, can_focus=True):
    """The site's posts by group; ``enter`` posts :class:`PostList.Chosen`.

    :meth:`show` keeps the cursor on the same post when it is still listed (a sync), so the
    user's place survives. Moving down from the last post when :meth:`show` was told more
    posts can be read posts :class:`PostList.MoreWanted`.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "post-list--cursor",
        "post-list--heading",
        "post-list--note",
    }

    DEFAULT_CSS = """
    PostList {
        height: 1fr;
        width: 1fr;
        padding: 0 1;
        & > .post-list--cursor { background: $primary 25%; }
        &:focus > .post-list--cursor { background: $primary 55%; }
        & > .post-list--heading { color: $text-accent; text-style: bold; }
        & > .post-list--note { color: $text-muted; text-style: italic; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Up", show=False, id="post_list.up"),
        Binding("down,j", "cursor(1)", "Down", show=False, id="post_list.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="post_list.page_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="post_list.page_down"),
        Binding("home,g", "cursor(-1000000)", "First", show=False, id="post_list.first"),
        Binding("end,G", "cursor(1000000)", "Last", show=False, id="post_list.last"),
        Binding("enter", "choose", "Open", show=False, id="post_list.open"),
    ]

    class Highlighted(Message):
        """The cursor moved to another post (``item_id``), or the list emptied (``None``)."""

        def __init__(self, post_list: PostList, item_id: str | None) -> None:
            super().__init__()
            self.post_list = post_list
            self.item_id = item_id

        @property
        def control(self) -> PostList:
            """The list the cursor moved in."""
            return self.post_list

    class Chosen(Message):
        """The user pressed enter on (or clicked) a post."""

        def __init__(self, post_list: PostList, item_id: str) -> None:
            super().__init__()
            self.post_list = post_list
            self.item_id = item_id

        @property
        def control(self) -> PostList:
            """The list the post was chosen in."""
            return self.post_list

    class MoreWanted(Message):
        """The user moved past the last post while older ones can still be read."""

        def __init__(self, post_list: PostList) -> None:
            super().__init__()
            self.post_list = post_list

        @property
        def control(self) -> PostList:
            """The list that wants more."""
            return self.post_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._lines: list[_Line | PostItem] = []
        self._post_rows: list[int] = []
        self._row_of: dict[str, int] = {}
        self._cursor: int | None = None
        self._top = 0
        self._more = False
        self._tz: tzinfo = UTC
        self._year = 1970
        self._shown: _Shown | None = None
        self._describe: Describe = _undescribed
        self._painted: dict[tuple[object, ...], tuple[PostItem, Strip]] = {}
        self._style = LineStyles(self)

    # -- what the screen tells the list --------------------------------------------------------

    @property
    def highlighted(self) -> ShownPost | None:
        """The post under the cursor, with what the list shows beside it."""
        entry = self._entry_at_cursor()
        return self._describe(entry) if entry is not None else None

    def _entry_at_cursor(self) -> PostItem | None:
        if self._cursor is None:
            return None
        line = self._lines[self._post_rows[self._cursor]]
        return None if isinstance(line, _Line) else line

    @property
    def note(self) -> str | None:
        """The line closing the list, if there is one."""
        last = self._lines[-1] if self._lines else None
        return last.text if isinstance(last, _Line) and last.kind == "note" else None

    @property
    def keys(self) -> tuple[str, ...]:
        """Every listed post's id, in order."""
        return tuple(entry.id for entry in self._posts())

    def _posts(self) -> Iterator[PostItem]:
        for row in self._post_rows:
            entry = self._lines[row]
            if not isinstance(entry, _Line):
                yield entry

    def show(
        self,
        sections: Sequence[PostSection],
        *,
        describe: Describe,
        tz: tzinfo,
        year: int,
        note: str | None = None,
        more: bool = False,
    ) -> None:
        """List ``sections``; ``describe`` tells what a line shows beside its post (asked
        only for the lines on screen), ``note`` closes the list (how many are loaded, say)
        and ``more`` says older posts can be read. Nothing is redrawn when nothing changed."""
        self._describe = describe
        key: _Shown = (tuple(sections), tz, year, note, more)
        # Sections compare by identity: comparing two thousand posts by value costs more
        # than drawing them again.
        shown = self._shown
        if (
            shown is not None
            and key[1:] == shown[1:]
            and len(key[0]) == len(shown[0])
            and all(a is b for a, b in zip(key[0], shown[0], strict=True))
        ):
            return
        if (tz, year) != (self._tz, self._year):
            self._painted.clear()
        keep = self._entry_at_cursor()
        self._shown, self._tz, self._year, self._more = key, tz, year, more
        lines: list[_Line | PostItem] = []
        rows: list[int] = []
        for section in sections:
            if lines:
                lines.append(_BLANK)
            lines.append(_Line("heading", f"{section.title} · {len(section.posts):,}"))
            rows.extend(range(len(lines), len(lines) + len(section.posts)))
            lines.extend(section.posts)
        if note:
            lines.extend((_BLANK, _Line("note", note)))
        self._lines = lines
        self._post_rows = rows
        self._row_of = {entry.id: i for i, entry in enumerate(self._posts())}
        before = keep.id if keep is not None else None
        if before is not None and before in self._row_of:
            self._cursor = self._row_of[before]
        elif self._post_rows:
            self._cursor = min(self._cursor or 0, len(self._post_rows) - 1)
        else:
            self._cursor = None
        self._scroll_to_cursor()
        self.refresh()
        after = self._entry_at_cursor()
        if after is not keep:
            self.post_message(self.Highlighted(self, after.id if after else None))

    # -- keys and mouse ------------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        """Move the cursor ``step`` posts (clamped); past the last one, ask for more."""
        if self._cursor is None:
            return
        last = len(self._post_rows) - 1
        if step > 0 and self._cursor == last and self._more:
            self.post_message(self.MoreWanted(self))
            return
        self._move_to(max(0, min(last, self._cursor + step)))

    def action_page(self, direction: int) -> None:
        """Move the cursor a screenful of lines up or down."""
        self.action_cursor(direction * max(1, self.content_size.height - 2))

    def action_choose(self) -> None:
        """Open the post under the cursor."""
        entry = self._entry_at_cursor()
        if entry is not None:
            self.post_message(self.Chosen(self, entry.id))

    def move_to_key(self, item_id: str) -> None:
        """Put the cursor on the post ``item_id``, if it is listed."""
        row = self._row_of.get(item_id)
        if row is not None:
            self._move_to(row)

    def _move_to(self, row: int) -> None:
        before = self._cursor
        if row == before:
            return
        self._cursor = row
        top = self._top
        self._scroll_to_cursor()
        if self._top != top or before is None:
            self.refresh()
        else:
            width = self.size.width
            for index in (self._post_rows[before], self._post_rows[row]):
                self.refresh(Region(0, index - self._top, width, 1))
        entry = self._entry_at_cursor()
        self.post_message(self.Highlighted(self, entry.id if entry else None))

    def on_click(self, event: events.Click) -> None:
        """Clicking a post moves the cursor there; clicking it again opens it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line = self._top + offset.y
        if not 0 <= line < len(self._lines) or isinstance(self._lines[line], _Line):
            return
        row = self._post_rows.index(line)
        if row == self._cursor:
            self.action_choose()
        else:
            self._move_to(row)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        """The wheel scrolls the list, the cursor staying in view."""
        event.stop()
        self._scroll(3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        """The wheel scrolls the list, the cursor staying in view."""
        event.stop()
        self._scroll(-3)

    def _scroll(self, lines: int) -> None:
        height = self.content_size.height
        most = max(0, len(self._lines) - height)
        top = max(0, min(most, self._top + lines))
        if top == self._top:
            return
        self._top = top
        if self._cursor is not None:
            line = self._post_rows[self._cursor]
            if not top <= line < top + height:
                visible = [i for i, n in enumerate(self._post_rows) if top <= n < top + height]
                if visible:
                    self._cursor = visible[0] if line < top else visible[-1]
                    entry = self._entry_at_cursor()
                    self.post_message(self.Highlighted(self, entry.id if entry else None))
        self.refresh()

    # -- geometry ------------------------------------------------------------------------------

    def _scroll_to_cursor(self) -> None:
        height = self.content_size.height
        if height <= 0:
            return
        if self._cursor is None:
            self._top = 0
            return
        line = self._post_rows[self._cursor]
        if line < self._top:
            # Show the group's heading too when the cursor is on its first post.
            above = self._lines[line - 1] if line > 0 else None
            heading = isinstance(above, _Line) and above.kind == "heading"
            self._top = line - 1 if heading else line
        elif line >= self._top + height:
            self._top = line - height + 1
        self._top = max(0, min(self._top, max(0, len(self._lines) - height)))

    def on_resize(self) -> None:
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._painted.clear()
        self._style.clear()

    # -- painting ------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        index = self._top + y
        if index >= len(self._lines):
            return Strip.blank(width, self._style("base"))
        line = self._lines[index]
        if isinstance(line, _Line):
            base = self._style("base")
            if line.kind == "blank":
                return Strip.blank(width, base)
            kind = "post-list--heading" if line.kind == "heading" else "post-list--note"
            return Strip([Segment(line.text, self._style(kind))]).adjust_cell_length(width, base)
        post = self._describe(line)
        on_cursor = self._cursor is not None and self._post_rows[self._cursor] == index
        key = (id(post.entry), post.activity_title, post.when, on_cursor, width)
        cached = self._painted.get(key)
        if cached is not None and cached[0] is post.entry:
            return cached[1]
        if len(self._painted) >= _CACHE_LIMIT:
            self._painted.clear()
        style = self._style("post-list--cursor" if on_cursor else "base")
        text = post_line(post, width, self._tz, self._year)
        strip = paint_text(text, style, width, self.app.console)
        self._painted[key] = (post.entry, strip)
        return strip


def _undescribed(entry: PostItem) -> ShownPost:
    raise RuntimeError("the list shows posts only once told how to describe them")
