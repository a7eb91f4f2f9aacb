"""``CalendarFilterDialog``: choose the activity type, channel and post status to show."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Select

from tui_planner.api.models import (
    PLAN_CHANNELS,
    ChannelName,
    ItemStatus,
    MarketingActivityType,
)
from tui_planner.ui.dialogs.button_dialog import ButtonDialog
from tui_planner.ui.icons import channel_label, type_label
from tui_planner.ui.widgets.day_summary import CalendarFilter

if TYPE_CHECKING:
    from textual.app import ComposeResult

__all__ = ["CalendarFilterDialog"]

_TYPES = (
    MarketingActivityType.SOCIAL_MARKETING,
    MarketingActivityType.BLOG,
    MarketingActivityType.EMAIL_MARKETING,
)
_STATUSES = (
    ItemStatus.DRAFT,
    ItemStatus.SCHEDULED,
    ItemStatus.PROCESSING,
    ItemStatus.PUBLISHED,
    ItemStatus.FAILED,
    ItemStatus.CANCELED,
)


class CalendarFilterDialog(ButtonDialog[CalendarFilter | None]):
    """Three choices, each "any" by default; dismisses with the new filter or ``None``."""

    DEFAULT_CSS = """
    CalendarFilterDialog {
        align: center middle;
        background: $background 60%;
    }
    CalendarFilterDialog > Vertical {
        width: 56;
        max-width: 95%;
        height: auto;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }
    CalendarFilterDialog #filter-title { text-style: bold; margin-bottom: 1; }
    CalendarFilterDialog Label { margin-top: 1; }
    CalendarFilterDialog #filter-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    CalendarFilterDialog #filter-buttons Button { margin-left: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="calendar_filter.cancel"),
        Binding("ctrl+s", "apply", "Apply", id="calendar_filter.apply"),
    ]

    def __init__(self, current: CalendarFilter) -> None:
        super().__init__()
        self._current = current

    def compose(self) -> ComposeResult:
        current = self._current
        with Vertical():
            yield Label("Show only", id="filter-title")
            yield Label("Activity type")
            yield Select[MarketingActivityType](
                [(type_label(kind), kind) for kind in _TYPES],
                prompt="Any type",
                value=current.activity_type or Select.NULL,
                id="filter-type",
            )
            yield Label("Channel")
            yield Select[ChannelName](
                [(channel_label(channel), channel) for channel in PLAN_CHANNELS],
                prompt="Any channel",
                value=current.channel or Select.NULL,
                id="filter-channel",
            )
            yield Label("Post status")
            yield Select[ItemStatus](
                [(status.value.title(), status) for status in _STATUSES],
                prompt="Any status",
                value=current.status or Select.NULL,
                id="filter-status",
            )
            with Horizontal(id="filter-buttons"):
                yield Button("Clear all", id="filter-clear")
                yield Button("Cancel", id="filter-cancel")
                yield Button("Apply", id="filter-apply", variant="primary")

    def _chosen(self) -> CalendarFilter:
        kind = self.query_one("#filter-type", Select).value
        channel = self.query_one("#filter-channel", Select).value
        status = self.query_one("#filter-status", Select).value
        return CalendarFilter(
            activity_type=kind if isinstance(kind, MarketingActivityType) else None,
            channel=channel if isinstance(channel, ChannelName) else None,
            status=status if isinstance(status, ItemStatus) else None,
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Apply, clear or cancel."""
        event.stop()
        match event.button.id:
            case "filter-apply":
                self.dismiss(self._chosen())
            case "filter-clear":
                self.dismiss(CalendarFilter())
            case _:
                self.dismiss(None)

    def action_apply(self) -> None:
        """Use the chosen filter."""
        self.dismiss(self._chosen())

    def action_cancel(self) -> None:
        """Keep the filter as it was."""
        self.dismiss(None)
