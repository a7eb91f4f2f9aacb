"""``ScheduleReportScreen``: what scheduling did, as the server confirmed it.

Lists every draft that was chosen: those now SCHEDULED (with when they go live) and those
left as drafts, each with its reason, so nobody has to guess which posts will go out.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui_planner.store.names import goes_live
from tui_planner.ui.dialogs.button_dialog import ButtonDialog
from tui_planner.ui.widgets.item_lines import ItemLines, ItemRow
from tui_planner.ui.widgets.list_keys import KeyedScroll, scroll_bindings, scroll_by_key

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui_planner.store.scheduling import ScheduleReport
    from tui_planner.store.state import PlannerState

__all__ = ["ScheduleReportScreen"]


class ScheduleReportScreen(ButtonDialog[None]):
    """The outcome of one scheduling: scheduled posts and drafts left behind, with reasons."""

    CSS_PATH = "schedule_dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "close", "Close", id="schedule_report.close"),
        *scroll_bindings("scroll_list"),
    ]

    def __init__(self, report: ScheduleReport, state: PlannerState, tz: tzinfo) -> None:
        super().__init__(classes="schedule-dialog")
        self.report = report
        """The report shown (tests read it)."""
        self._state = state
        self._tz = tz

    def compose(self) -> ComposeResult:
        report = self.report
        with Vertical(id="dialog-box"):
            yield Static(report.headline(), id="dialog-title", markup=False)
            if report.failure:
                yield Static(report.failure, id="dialog-failure", markup=False)
            with KeyedScroll(id="dialog-lists"):
                if report.scheduled:
                    yield Static(f"Scheduled ({len(report.scheduled)})", classes="list-heading")
                    scheduled = [
                        ItemRow(
                            "✔ ", "$success", item_id, goes_live(self._state, item_id, self._tz)
                        )
                        for item_id in report.scheduled
                    ]
                    yield ItemLines(scheduled, self._state, self._tz, classes="list-body -good")
                if report.left_as_draft:
                    yield Static(
                        f"Left as a draft ({len(report.left_as_draft)})",
                        classes="list-heading",
                    )
                    left = [
                        ItemRow("○ ", "$warning", item_id, f" — {reason.value}")
                        for item_id, reason in report.left_as_draft
                    ]
                    yield ItemLines(left, self._state, self._tz, classes="list-body -held")
            with Horizontal(id="dialog-buttons"):
                yield Button("Close", id="dialog-close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#dialog-close", Button).focus()

    def action_scroll_list(self, how: str) -> None:
        """Scroll the lists while the button has the focus (``j``, ``k``, ``g``, ``G``)."""
        scroll_by_key(self.query_one("#dialog-lists", KeyedScroll), how)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The only button closes the report."""
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        """Close the report."""
        self.dismiss(None)
