"""The calendar's top line: the month, the symbols, the ``[ ]`` hint and the filter line
each keep their own cells, at 120 columns and at 80, with or without a filter."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widget import Widget
from textual.widgets import Label

from tests.ui.calendar.calendar_host import CalendarHost
from tui_planner.api.models import ChannelName, ItemStatus, MarketingActivityType
from tui_planner.ui.screens.calendar import CalendarScreen
from tui_planner.ui.widgets.day_summary import CalendarFilter
from tui_planner.ui.widgets.filter_bar import FilterBar

Host = Callable[..., CalendarHost]

LONG_FILTER = CalendarFilter(
    activity_type=MarketingActivityType.SOCIAL_MARKETING,
    channel=ChannelName.INSTAGRAM,
    status=ItemStatus.DRAFT,
)


def _shown(widget: Widget) -> str:
    """The text a one-line widget paints, as the terminal shows it."""
    return "".join(strip.text for strip in widget.render_lines(widget.region.reset_offset))


@pytest.mark.parametrize("width", [120, 100, 80])
async def test_a_long_filter_line_and_the_step_hint_never_overlap(host: Host, width: int) -> None:
    app = host()
    async with app.run_test(size=(width, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, CalendarScreen)
        screen.set_filter(LONG_FILTER)
        await pilot.pause()
        step = screen.query_one("#calendar-step", Label)
        bar = screen.query_one(FilterBar)

        assert _shown(step).strip() == "[ ] month"
        full = "Filtered: Type: Social · Channel: Instagram · Status: Draft   F clears"
        line = _shown(bar).strip()
        if width >= 120:
            assert line == full
        else:
            assert line.startswith("Filtered: Type: Social · Channel: ")
            assert line.endswith("…   F clears"), "the filters cut short, the key kept"
        assert not step.region.overlaps(bar.region)
        assert step.region.right <= bar.region.x
        assert bar.region.right <= width, "the filter line ends on the screen"
        assert not screen.query_one("#calendar-legend", Label).display, "the symbols give way"


async def test_without_a_filter_the_symbols_and_the_step_hint_share_the_line(host: Host) -> None:
    app = host()
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        legend = screen.query_one("#calendar-legend", Label)
        step = screen.query_one("#calendar-step", Label)
        bar = screen.query_one(FilterBar)

        assert "◆ social" in _shown(legend)
        assert _shown(step).strip() == "[ ] month"
        assert _shown(bar).strip() == "f filter"
        assert legend.region.right <= step.region.x < step.region.right <= bar.region.x
