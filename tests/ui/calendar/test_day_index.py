"""The calendar's day index makes each day's summary when first asked for, not all at once
(a new snapshot of a big plan otherwise summarises months no one is looking at)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from tui_planner.api.models import CalendarEvent, PlanMarketingActivity
from tui_planner.store.state import PlannerState, frozen_mapping
from tui_planner.ui.widgets import day_summary
from tui_planner.ui.widgets.day_summary import CalendarFilter, DayIndex


def _activity(n: int, day: date, statuses: tuple[str, ...]) -> PlanMarketingActivity:
    return PlanMarketingActivity.model_validate(
        {
            "marketingActivityId": f"a{n}",
            "date": datetime(day.year, day.month, day.day, 9 + n % 5, tzinfo=UTC).isoformat(),
            "title": f"Activity {n}",
            "items": [
                {"id": f"a{n}-{i}", "channel": {"name": "FACEBOOK"}, "status": status}
                for i, status in enumerate(statuses)
            ],
        }
    )


def _state() -> PlannerState:
    activities = [
        _activity(1, date(2026, 12, 3), ("DRAFT", "SCHEDULED")),
        _activity(2, date(2026, 12, 3), ("DRAFT",)),
        _activity(3, date(2026, 12, 9), ("PUBLISHED", "SCHEDULED")),
        _activity(4, date(2027, 1, 20), ("DRAFT",)),
    ]
    event = CalendarEvent(id="ev", name="Open day", date=datetime(2026, 12, 12, 10, tzinfo=UTC))
    return PlannerState(
        loaded=True,
        activities=frozen_mapping({a.id: a for a in activities}),
        events=(event,),
    )


@pytest.fixture
def summarised(monkeypatch: pytest.MonkeyPatch) -> list[date]:
    """The days summarised, in order (by the entries' first activity or the event)."""
    made: list[date] = []
    original = day_summary._summarize

    def counting(activities: Any, events: Any, channel: Any) -> Any:
        made.append(activities[0].date.date() if activities else date(2026, 12, 12))
        return original(activities, events, channel)

    monkeypatch.setattr(day_summary, "_summarize", counting)
    return made


def test_building_the_index_summarises_no_day_until_one_is_asked_for(
    summarised: list[date],
) -> None:
    index = DayIndex.build(_state(), CalendarFilter(), UTC)
    assert summarised == []

    third = index.day(date(2026, 12, 3))
    index.day(date(2026, 12, 3))
    index.day(date(2026, 12, 4))  # nothing on it: nothing to summarise

    assert summarised == [date(2026, 12, 3)]
    assert (third.drafts, third.scheduled) == (2, 1)
    assert [entry.activity_id for entry in third.entries] == ["a1", "a2"]


def test_every_day_reads_as_when_all_were_made_at_once() -> None:
    index = DayIndex.build(_state(), CalendarFilter(), UTC)

    days = dict(index.days.items())

    assert sorted(days) == [
        date(2026, 12, 3),
        date(2026, 12, 9),
        date(2026, 12, 12),
        date(2027, 1, 20),
    ]
    assert len(index.days) == 4
    assert days[date(2026, 12, 9)].scheduled == 1
    assert days[date(2026, 12, 12)].events == ("Open day",)
    assert days[date(2027, 1, 20)].drafts == 1
    assert index.day(date(2026, 12, 9)) == days[date(2026, 12, 9)]
    assert date(2026, 12, 4) not in index.days
