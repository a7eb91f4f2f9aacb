"""``WeekView``: one week as a list, day by day, with every post's status."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui_planner.day_words import day_text
from tui_planner.ui.icons import EVENT_ICON
from tui_planner.ui.widgets.agenda import activity_prompt
from tui_planner.ui.widgets.list_keys import list_bindings

if TYPE_CHECKING:
    from datetime import date, tzinfo

    from textual.binding import BindingType

    from tui_planner.ui.widgets.day_summary import DayIndex

__all__ = ["WeekView"]

_LABEL_AT = 2
"""Where a day's name starts: after the ``▸`` that marks the selected day."""

_ENTRY_AT = _LABEL_AT + 2
"""Where a day's activities (and "nothing planned") start: indented under its name."""


class WeekView(OptionList):
    """Seven days in order: a heading per day, then its activities with channel statuses.

    Activity options carry the activity id; ``enter`` selects one. The highlighted activity
    stays highlighted when the same week is shown again after a sync.
    """

    # The calendar's g is go-to-date: home goes to the top here (G and end to the bottom).
    BINDINGS: ClassVar[list[BindingType]] = list_bindings(
        down="cursor_down",
        up="cursor_up",
        top="first",
        bottom="last",
        top_keys="home",
        bottom_keys="end,G",
    )

    DEFAULT_CSS = """
    WeekView {
        height: 1fr;
        border: none;
        padding: 0 1;
        /* One screen line per prompt line: a wrapped line would start at column 0, below
           the indentation, and throw out the line count ``_index_line`` scrolls by. */
        text-wrap: nowrap;
        text-overflow: ellipsis;
        & > .option-list--option-disabled { color: $text; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shown: tuple[object, ...] | None = None
        self._days: tuple[date, ...] = ()

    def show_week(
        self, days: tuple[date, ...], index: DayIndex, today: date, selected: date, tz: tzinfo
    ) -> None:
        """Show ``days`` with ``selected`` marked; does nothing when already on show."""
        key = (days, index, today, selected)
        if self._shown == key:
            return
        keep = self.highlighted_option.id if self.highlighted_option else None
        self._shown, self._days = key, days
        options: list[Option] = []
        for day in days:
            summary = index.day(day)
            heading = Text(no_wrap=True, overflow="ellipsis")
            label = day_text(day, long=True)
            if day == selected:
                heading.append("▸ ", style="bold")
                heading.append(label, style="bold underline")
            else:
                heading.append(" " * _LABEL_AT)
                heading.append(label, style="bold")
            if day == today:
                heading.append("  ")
                heading.append("today", style="bold yellow")
            for name in summary.events:
                heading.append("   ")
                heading.append(f"{EVENT_ICON} {name}", style="bold yellow")
            options.append(Option(heading, id=f"day-{day.isoformat()}", disabled=True))
            activities = index.activities_on(day)
            options.extend(
                Option(
                    activity_prompt(activity, tz, channels=True, indent=_ENTRY_AT), id=activity.id
                )
                for activity in activities
            )
            if not activities:
                # The indentation is a run of its own (see ``activity_prompt``).
                empty = Text(" " * _ENTRY_AT)
                empty.append("nothing planned", style="dim italic")
                options.append(Option(empty, disabled=True))
        self.set_options(options)
        if keep is not None and any(option.id == keep for option in options):
            self.highlighted = self.get_option_index(keep)

    def highlight_day(self, day: date) -> None:
        """Highlight the first activity of ``day`` (or scroll its heading into view)."""
        if day not in self._days:
            return
        heading = self.get_option_index(f"day-{day.isoformat()}")
        after = heading + 1
        if after < self.option_count and not self.get_option_at_index(after).disabled:
            self.highlighted = heading + 1
        else:
            self.highlighted = None
            self.scroll_to(y=self._index_line(heading), animate=False)

    def _index_line(self, index: int) -> int:
        # OptionList lays options out line by line; sum the heights of those before ``index``.
        return sum(
            option.prompt.plain.count("\n") + 1 if isinstance(option.prompt, Text) else 1
            for option in self.options[:index]
        )
