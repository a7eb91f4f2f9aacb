"""``MonthGrid``: six weeks of days in one widget, painted line by line.

The grid is a single widget on Textual's Line API rather than 42 child widgets: moving the
selection repaints only the two cells involved (``refresh(region)``), and each cell's strips
are cached until the data, size or theme changes. That keeps a key press as cheap as a bare
grid's, however many activities the month holds.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import TYPE_CHECKING, ClassVar, Literal

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from tui_planner.api.models import ItemStatus
from tui_planner.ui.icons import EVENT_ICON, STATUS_ICONS

if TYPE_CHECKING:
    from textual import events

    from tui_planner.ui.widgets.day_summary import DayIndex, DaySummary

__all__ = ["MonthGrid", "WeekStart", "add_months", "grid_days"]

WeekStart = Literal["monday", "sunday"]

_WEEKS = 6
_DAYS = 7
_CELL_CACHE_LIMIT = 42 * 12


def grid_days(year: int, month: int, week_start: WeekStart) -> list[date]:
    """The 42 days a month grid shows: the month, padded with whole weeks either side."""
    first = date(year, month, 1)
    first_weekday = calendar.MONDAY if week_start == "monday" else calendar.SUNDAY
    lead = (first.weekday() - first_weekday) % _DAYS
    start = first - timedelta(days=lead)
    return [start + timedelta(days=offset) for offset in range(_WEEKS * _DAYS)]


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, kept within the target month (31 Jan + 1 is 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, with an ellipsis when it was cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1).rstrip() + "…"


class MonthGrid(Widget, can_focus=True):
    """A month of day cells: the day number, event mark, counts and activity titles.

    The screen owns the selected date and calls :meth:`select`; the grid follows it to its
    month. Data arrives as a :class:`DayIndex` through :meth:`set_index`. A mouse click posts
    :class:`DayClicked`.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "month-grid--weekday",
        "month-grid--day",
        "month-grid--outside",
        "month-grid--today",
        "month-grid--selected",
        "month-grid--selected-day",
        "month-grid--event",
        "month-grid--drafts",
        "month-grid--scheduled",
        "month-grid--more",
    }

    DEFAULT_CSS = """
    MonthGrid {
        height: 1fr;
        width: 1fr;
        background: $surface;
        & > .month-grid--weekday { color: $text-muted; text-style: bold; }
        & > .month-grid--day { background: $surface-lighten-1; color: $text; text-style: bold; }
        & > .month-grid--outside { color: $text-disabled; }
        & > .month-grid--today { background: $accent; color: $text-accent; text-style: bold; }
        & > .month-grid--selected { background: $primary 22%; }
        & > .month-grid--selected-day { background: $primary 45%; text-style: bold; }
        & > .month-grid--event { color: $warning; text-style: bold; }
        & > .month-grid--drafts { color: $text-muted; }
        & > .month-grid--scheduled { color: $success; }
        & > .month-grid--more { color: $text-muted; text-style: italic; }
        &:focus > .month-grid--selected { background: $primary 30%; }
        &:focus > .month-grid--selected-day { background: $primary 70%; }
    }
    """

    class DayClicked(Message):
        """The user clicked a day cell."""

        def __init__(self, grid: MonthGrid, day: date) -> None:
            super().__init__()
            self.grid = grid
            self.day = day

        @property
        def control(self) -> MonthGrid:
            """The grid that was clicked."""
            return self.grid

    def __init__(
        self,
        *,
        selected: date,
        today: date,
        week_start: WeekStart = "monday",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._selected = selected
        self._today = today
        self._week_start: WeekStart = week_start
        self._index: DayIndex | None = None
        self._days = grid_days(selected.year, selected.month, week_start)
        self._positions = {day: n for n, day in enumerate(self._days)}
        # Painted cells by (day, selected, outside month, width, height): turning back to a
        # month, or moving the selection, reuses what was painted before.
        self._cells: dict[tuple[date, bool, bool, int, int], list[list[Segment]]] = {}
        self._style_cache: dict[str, Style] = {}

    # -- what the screen tells the grid ------------------------------------------------------

    @property
    def selected(self) -> date:
        """The selected day."""
        return self._selected

    @property
    def days(self) -> list[date]:
        """The 42 days on display, first to last."""
        return list(self._days)

    def select(self, day: date) -> None:
        """Select ``day``, turning to its month when it lies outside the current one."""
        if day == self._selected:
            return
        previous = self._selected
        self._selected = day
        if (day.year, day.month) != (previous.year, previous.month):
            self._days = grid_days(day.year, day.month, self._week_start)
            self._positions = {d: n for n, d in enumerate(self._days)}
            self.refresh()
            return
        self._refresh_day(previous)
        self._refresh_day(day)

    def set_index(self, index: DayIndex) -> None:
        """Show a new snapshot's days; unchanged days keep their cached cells."""
        old = self._index
        self._index = index
        if old is None or not self.size:
            self._cells.clear()
            self.refresh()
            return
        days = self._cached_days() | set(self._days)
        changed = {day for day in days if old.day(day) != index.day(day)}
        self._forget(changed)
        for day in changed:
            self._refresh_day(day)

    def set_today(self, today: date) -> None:
        """Move the today highlight (the clock crossed midnight)."""
        if today != self._today:
            previous, self._today = self._today, today
            self._forget({previous, today})
            for day in (previous, today):
                self._refresh_day(day)

    def _cached_days(self) -> set[date]:
        return {key[0] for key in self._cells}

    def _forget(self, days: set[date]) -> None:
        for key in [key for key in self._cells if key[0] in days]:
            del self._cells[key]

    # -- geometry ------------------------------------------------------------------------------

    def _column_edges(self) -> list[int]:
        width = self.size.width
        base, extra = divmod(width, _DAYS)
        edges = [0]
        for column in range(_DAYS):
            edges.append(edges[-1] + base + (1 if column < extra else 0))
        return edges

    def _row_height(self) -> int:
        return max(1, (self.size.height - 1) // _WEEKS)

    def _cell_region(self, position: int) -> Region:
        row, column = divmod(position, _DAYS)
        edges = self._column_edges()
        height = self._row_height()
        return Region(edges[column], 1 + row * height, edges[column + 1] - edges[column], height)

    def _refresh_day(self, day: date) -> None:
        position = self._positions.get(day)
        if position is not None and self.size:
            self.refresh(self._cell_region(position))

    def on_resize(self) -> None:
        self._cells.clear()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cells.clear()
        self._style_cache.clear()

    def on_click(self, event: events.Click) -> None:
        """Map a click to its day."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        row = (offset.y - 1) // self._row_height()
        edges = self._column_edges()
        column = next((c for c in range(_DAYS) if offset.x < edges[c + 1]), _DAYS - 1)
        position = row * _DAYS + column
        if 0 <= position < len(self._days):
            self.post_message(self.DayClicked(self, self._days[position]))

    # -- painting -----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            return self._weekday_line(width)
        height = self._row_height()
        row, line = divmod(y - 1, height)
        if row >= _WEEKS:
            return Strip.blank(width, self._styles()["base"])
        edges = self._column_edges()
        segments: list[Segment] = []
        for column in range(_DAYS):
            day = self._days[row * _DAYS + column]
            segments.extend(self._cell(day, edges[column + 1] - edges[column], height)[line])
        return Strip(segments, width)

    def _weekday_line(self, width: int) -> Strip:
        style = self._styles()["month-grid--weekday"]
        edges = self._column_edges()
        names = [day.strftime("%a") for day in self._days[:_DAYS]]
        segments = [
            Segment(f" {name}".ljust(edges[c + 1] - edges[c])[: edges[c + 1] - edges[c]], style)
            for c, name in enumerate(names)
        ]
        return Strip(segments, width)

    def _cell(self, day: date, width: int, height: int) -> list[list[Segment]]:
        selected = day == self._selected
        outside = day.month != self._selected.month
        key = (day, selected, outside, width, height)
        cached = self._cells.get(key)
        if cached is None:
            if len(self._cells) > _CELL_CACHE_LIMIT:
                self._cells.clear()
            cached = self._paint_cell(day, width, height, selected=selected, outside=outside)
            self._cells[key] = cached
        return cached

    @staticmethod
    def _counts(summary: DaySummary | None, band: Style, styles: dict[str, Style]) -> list[Segment]:
        """The draft and scheduled counts as segments, each preceded by a space."""
        counts: list[Segment] = []
        if summary is None:
            return counts
        if summary.drafts:
            counts.append(Segment(" ", band))
            draft_style = band + _foreground(styles["month-grid--drafts"])
            counts.append(Segment(f"{STATUS_ICONS[ItemStatus.DRAFT]}{summary.drafts}", draft_style))
        if summary.scheduled:
            counts.append(Segment(" ", band))
            scheduled_style = band + _foreground(styles["month-grid--scheduled"])
            scheduled = f"{STATUS_ICONS[ItemStatus.SCHEDULED]}{summary.scheduled}"
            counts.append(Segment(scheduled, scheduled_style))
        return counts

    def _styles(self) -> dict[str, Style]:
        """Every style a cell uses, resolved against the widget's background (no alpha)."""
        if not self._style_cache:
            full = self.get_component_rich_style
            for name in self.COMPONENT_CLASSES:
                self._style_cache[name] = full(name)
            self._style_cache["base"] = self.rich_style
        return self._style_cache

    def _paint_cell(
        self, day: date, width: int, height: int, *, selected: bool, outside: bool
    ) -> list[list[Segment]]:
        styles = self._styles()
        body = styles["month-grid--selected"] if selected else styles["base"]
        band = styles["month-grid--selected-day"] if selected else styles["month-grid--day"]
        if outside:
            band += _foreground(styles["month-grid--outside"])
        text = body + _foreground(styles["month-grid--outside"]) if outside else body
        summary = self._index.day(day) if self._index is not None else None
        inner = width - 1  # one blank column keeps neighbouring cells apart
        gap = Segment(" ", styles["base"])

        number = f"{day.day:>2}"
        today = day == self._today
        header = [
            Segment(" ", band),
            Segment(number, styles["month-grid--today"] if today else band),
        ]
        used = 1 + len(number)
        if summary is not None and summary.has_event and used + 2 <= inner:
            header.append(
                Segment(" " + EVENT_ICON, band + _foreground(styles["month-grid--event"]))
            )
            used += 2
        counts = self._counts(summary, band, styles)
        # Drop the scheduled count, then the draft count, until the rest fits.
        while counts and used + sum(cell_len(segment.text) for segment in counts) > inner:
            counts = counts[:-2]
        if counts:
            counts_len = sum(cell_len(segment.text) for segment in counts)
            header.append(Segment(" " * (inner - used - counts_len), band))
            header.extend(counts)
            used = inner
        lines = [_padded(header, used, inner, band, gap)]

        entries = summary.entries if summary is not None else ()
        room = height - 1
        more_style = text + _foreground(styles["month-grid--more"])
        if room == 1 and len(entries) > 1:
            # One line cannot list several titles; say how many there are instead.
            lines.append(_text_line(f" {len(entries)} planned", inner, more_style, gap))
            entries = ()
        shown = entries if len(entries) <= room else entries[: max(0, room - 1)]
        for entry in shown:
            lines.append(_text_line(f" {entry.icon} {entry.title}", inner, text, gap))
        if len(shown) < len(entries) and room > 0:
            lines.append(_text_line(f" +{len(entries) - len(shown)} more", inner, more_style, gap))
        blank = _text_line("", inner, text, gap)
        lines = lines[:height]
        lines.extend(blank for _ in range(height - len(lines)))
        return lines


def _padded(
    segments: list[Segment], used: int, inner: int, style: Style, gap: Segment
) -> list[Segment]:
    """``segments`` (``used`` cells wide) cut or padded to ``inner`` cells, then the gap."""
    if used > inner:
        return [*Strip(segments).crop(0, inner), gap]
    if used < inner:
        return [*segments, Segment(" " * (inner - used), style), gap]
    return [*segments, gap]


def _text_line(text: str, inner: int, style: Style, gap: Segment) -> list[Segment]:
    """One line of a cell: ``text`` fitted to ``inner`` cells in ``style``, then the gap."""
    return [Segment(set_cell_size(_fit(text, inner), inner), style), gap]


def _foreground(style: Style) -> Style:
    """Only the colour and emphasis of ``style``, to lay over another background."""
    return Style(color=style.color, bold=style.bold, italic=style.italic)
