"""``PostsFilterDialog``: choose the network, the status and the days the Posts section lists."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select

from tui_planner.api.models import PLAN_CHANNELS, ChannelName
from tui_planner.day_words import day_text
from tui_planner.ui.day_text import DAY_HINT, parse_day
from tui_planner.ui.dialogs.button_dialog import ButtonDialog
from tui_planner.ui.icons import channel_label
from tui_planner.ui.widgets.field_error import FieldError
from tui_planner.ui.widgets.plain_text import PlainInput
from tui_planner.ui.widgets.post_sections import GROUP_TITLES, PostGroup, PostsFilter

if TYPE_CHECKING:
    from textual.app import ComposeResult

__all__ = ["PostsFilterDialog"]

_GROUPS = tuple(group for group in PostGroup if group != PostGroup.OTHER)


class PostsFilterDialog(ButtonDialog[PostsFilter | None]):
    """Network, status and a span of days, each "any" by default; dismisses with the new
    filter or ``None``. Days are typed as anywhere else (``2026-11-01``, ``-2w``, ``today``);
    a day that cannot be read, or a span that ends before it starts, says so and the
    dialog stays open."""

    DEFAULT_CSS = """
    PostsFilterDialog {
        align: center middle;
        background: $background 60%;
    }
    PostsFilterDialog > Vertical {
        width: 64;
        max-width: 95%;
        height: auto;
        max-height: 95%;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }
    PostsFilterDialog #filter-title { text-style: bold; }
    PostsFilterDialog Label { margin-top: 1; }
    PostsFilterDialog #filter-days { height: auto; }
    PostsFilterDialog .day { width: 1fr; height: auto; }
    PostsFilterDialog .day:first-of-type { margin-right: 2; }
    PostsFilterDialog #filter-hint { color: $text-muted; margin-top: 1; }
    PostsFilterDialog #filter-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    PostsFilterDialog #filter-buttons Button { margin-left: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="posts_filter.cancel"),
        Binding("ctrl+s", "apply", "Apply", id="posts_filter.apply"),
    ]

    def __init__(self, current: PostsFilter, today: date) -> None:
        super().__init__()
        self._current = current
        self._today = today

    def compose(self) -> ComposeResult:
        current = self._current
        with Vertical():
            yield Label("Show only", id="filter-title")
            yield Label("Network")
            yield Select[ChannelName](
                [(channel_label(channel), channel) for channel in PLAN_CHANNELS],
                prompt="Any network",
                value=current.channel or Select.NULL,
                id="filter-channel",
            )
            yield Label("Status")
            yield Select[PostGroup](
                [(GROUP_TITLES[group], group) for group in _GROUPS],
                prompt="Any status",
                value=current.group or Select.NULL,
                id="filter-status",
            )
            with Horizontal(id="filter-days"):
                with Vertical(classes="day"):
                    yield Label("From (empty: any)")
                    yield PlainInput(_day_text(current.first), id="filter-first")
                    yield FieldError(id="filter-first-error")
                with Vertical(classes="day"):
                    yield Label("Until (empty: any)")
                    yield PlainInput(_day_text(current.last), id="filter-last")
                    yield FieldError(id="filter-last-error")
            yield Label(f"Days: {DAY_HINT}", id="filter-hint")
            with Horizontal(id="filter-buttons"):
                yield Button("Clear all", id="filter-clear")
                yield Button("Cancel", id="filter-cancel")
                yield Button("Apply", id="filter-apply", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#filter-channel", Select).focus()

    def _day(self, field_id: str) -> tuple[date | None, bool]:
        """The day typed in ``field_id`` (``None`` when empty) and whether it could be read."""
        text = self.query_one(f"#{field_id}", Input).value
        error = self.query_one(f"#{field_id}-error", FieldError)
        if not text.strip():
            error.show(None)
            return None, True
        try:
            day = parse_day(text, self._today)
        except ValueError as problem:
            error.show(str(problem))
            return None, False
        error.show(None)
        return day, True

    def _chosen(self) -> PostsFilter | None:
        first, first_ok = self._day("filter-first")
        last, last_ok = self._day("filter-last")
        if not (first_ok and last_ok):
            return None
        if first is not None and last is not None and last < first:
            self.query_one("#filter-last-error", FieldError).show(
                f"The span ends before it starts ({day_text(first, year=True)}); "
                "pick that day or later."
            )
            return None
        channel = self.query_one("#filter-channel", Select).value
        group = self.query_one("#filter-status", Select).value
        return PostsFilter(
            channel=channel if isinstance(channel, ChannelName) else None,
            group=group if isinstance(group, PostGroup) else None,
            first=first,
            last=last,
        )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_apply()

    @on(Input.Changed)
    def _typing(self, event: Input.Changed) -> None:
        if event.input.id:
            self.query_one(f"#{event.input.id}-error", FieldError).show(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Apply, clear or cancel."""
        event.stop()
        match event.button.id:
            case "filter-apply":
                self.action_apply()
            case "filter-clear":
                self.dismiss(PostsFilter())
            case _:
                self.dismiss(None)

    def action_apply(self) -> None:
        """Use the chosen filter (unless a day needs fixing first)."""
        chosen = self._chosen()
        if chosen is not None:
            self.dismiss(chosen)

    def action_cancel(self) -> None:
        """Keep the filter as it was."""
        self.dismiss(None)


def _day_text(day: date | None) -> str:
    return day.isoformat() if day is not None else ""
