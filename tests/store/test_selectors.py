"""Selectors: the calendar's questions, answered cheaply and from cache when possible."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from types import MappingProxyType

from tui_planner.api.models import (
    Channel,
    ChannelName,
    ItemStatus,
    PlanMarketingActivity,
    PostItem,
    TokenStatus,
)
from tui_planner.store import PlannerState, SyncStatus
from tui_planner.store.selectors import (
    activities_by_day,
    activities_in_range,
    counts,
    drafts,
    item,
    plan_period,
)

BERLIN_SUMMER = timezone(timedelta(hours=2))


def post(item_id: str, channel: ChannelName, status: ItemStatus = ItemStatus.DRAFT) -> PostItem:
    return PostItem(id=item_id, channel=Channel(name=channel), status=status)


def state_with(*activities: PlanMarketingActivity) -> PlannerState:
    return PlannerState(
        activities=MappingProxyType({a.id: a for a in activities}),
        connections=MappingProxyType({ChannelName.FACEBOOK: TokenStatus.VALID}),
    )


LATE = PlanMarketingActivity(
    marketing_activity_id="late",
    date=datetime(2026, 7, 1, 23, 30, tzinfo=UTC),
    title="Late",
    items=(
        post("fb", ChannelName.FACEBOOK),
        post("li", ChannelName.LINKEDIN),
        post("ig", ChannelName.INSTAGRAM, ItemStatus.SCHEDULED),
    ),
)
EARLY = PlanMarketingActivity(
    marketing_activity_id="early",
    date=datetime(2026, 7, 1, 8, tzinfo=UTC),
    title="Early",
    items=(post("fb2", ChannelName.FACEBOOK),),
)


def test_activities_fall_on_their_day_in_the_display_time_zone() -> None:
    state = state_with(LATE, EARLY)

    assert activities_by_day(state, UTC) == {date(2026, 7, 1): (EARLY, LATE)}
    assert activities_by_day(state, BERLIN_SUMMER) == {
        date(2026, 7, 1): (EARLY,),
        date(2026, 7, 2): (LATE,),
    }


def test_activities_by_day_is_answered_from_cache_until_activities_change() -> None:
    state = state_with(LATE, EARLY)
    first = activities_by_day(state, UTC)

    status_only = replace(state, sync=SyncStatus(failures=1))

    assert activities_by_day(status_only, UTC) is first
    assert activities_by_day(state_with(LATE), UTC) is not first


def test_activities_in_range_is_inclusive_and_in_time_order() -> None:
    state = state_with(LATE, EARLY)

    found = activities_in_range(state, date(2026, 7, 2), date(2026, 7, 3), BERLIN_SUMMER)

    assert found == (LATE,)


def test_drafts_filter_by_channel_connection_and_dates() -> None:
    state = state_with(LATE, EARLY)

    assert [i.id for _, i in drafts(state)] == ["fb2", "fb", "li"]
    assert [i.id for _, i in drafts(state, channel=ChannelName.LINKEDIN)] == ["li"]
    assert [i.id for _, i in drafts(state, connected_only=True)] == ["fb2", "fb"]
    july_2 = date(2026, 7, 2)
    assert [i.id for _, i in drafts(state, start=july_2, tz=BERLIN_SUMMER)] == ["fb", "li"]


def test_counts_and_item_lookup() -> None:
    state = state_with(LATE, EARLY)

    assert counts(state)["late"].drafts == 2
    assert counts(state)["late"].scheduled == 1
    assert item(state, "ig") == (LATE, LATE.items[2])
    assert item(state, "nope") is None


def test_plan_period_runs_to_the_end_of_next_month() -> None:
    assert plan_period(date(2026, 7, 15)) == (date(2026, 7, 15), date(2026, 8, 31))
    assert plan_period(date(2026, 12, 3)) == (date(2026, 12, 3), date(2027, 1, 31))
    assert plan_period(date(2028, 1, 31)) == (date(2028, 1, 31), date(2028, 2, 29))
