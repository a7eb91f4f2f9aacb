"""``FrequencyRow``: one marketing tool's posting frequency in the settings form, how many
(up to three digits) per what (an interval), with the server's default as the hint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Horizontal
from textual.widgets import Input, Select

from tui_planner.api.models import FrequencyInterval
from tui_planner.store.settings_draft import FrequencyDraft
from tui_planner.ui.widgets.settings_labels import INTERVAL_LABELS

if TYPE_CHECKING:
    from tui_planner.api.models import MarketingTool

__all__ = ["FrequencyRow"]


class FrequencyRow(Horizontal):
    """The count and interval of ``tool``'s frequency; ``default`` (the default's interval
    and count, in words) fills the placeholder and the prompt, "1-30" and "per …" without."""

    def __init__(self, tool: MarketingTool, default: tuple[str, str] | None) -> None:
        super().__init__(
            Input(
                placeholder=default[1] if default else "1-30",
                restrict=r"\d{0,3}",
                id=f"freq-{tool.value}-count",
            ),
            Select(
                [(label, interval) for interval, label in INTERVAL_LABELS.items()],
                prompt=f"Default: {default[0]}" if default else "per …",
                id=f"freq-{tool.value}-interval",
            ),
            classes="frequency-row",
        )
        self.tool = tool
        """The marketing tool whose frequency this is."""

    def read(self) -> FrequencyDraft:
        """The frequency as typed and chosen (the interval ``None`` when none is)."""
        interval = self.query_one(Select).value
        chosen = interval if isinstance(interval, FrequencyInterval) else None
        return FrequencyDraft(chosen, self.query_one(Input).value)

    def show(self, frequency: FrequencyDraft) -> None:
        """Put ``frequency`` in the row (an interval of ``None`` clears the choice)."""
        self.query_one(Input).value = frequency.count
        select = self.query_one(Select)
        if frequency.interval is None:
            select.clear()
        else:
            select.value = frequency.interval
