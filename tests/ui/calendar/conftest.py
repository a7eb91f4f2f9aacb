"""Fixtures for calendar tests (the host itself lives in ``calendar_host.py``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.ui.calendar.calendar_host import CalendarHost, sample_state
from tui_planner.config import Config
from tui_planner.store.state import PlannerState


@pytest.fixture
def host() -> Callable[..., CalendarHost]:
    """``host(state=None, week_start="monday")``: a :class:`CalendarHost` to run."""

    def make(state: PlannerState | None = None, week_start: str = "monday") -> CalendarHost:
        config = Config.model_validate({"ui": {"week_start": week_start}})
        return CalendarHost(state or sample_state(), config)

    return make
