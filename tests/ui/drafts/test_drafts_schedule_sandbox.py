"""Scheduling from the drafts screen against the sandbox, checked on the sandbox itself."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from textual.widgets import Static

from tests.harness import SIZE
from tui_planner.api.models import PLAN_CHANNELS, ChannelName, ItemStatus
from tui_planner.store.scheduling import Reason
from tui_planner.store.selectors import item
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.screens.drafts import DraftsScreen
from tui_planner.ui.screens.schedule_confirm import PREMIUM_MISSING_TEXT, ScheduleConfirmScreen
from tui_planner.ui.screens.schedule_report import ScheduleReportScreen

Settle = Callable[..., Awaitable[None]]


async def sandbox_statuses(app: PlannerApp, activity_ids: set[str]) -> dict[str, ItemStatus]:
    """Every item's status as the sandbox has it now, read back through the client."""
    assert app.session.backend is not None
    answer = await app.session.backend.plan.get_marketing_activity_posts(sorted(activity_ids))
    return {
        entry.id: entry.status for owner in answer.marketing_activities for entry in owner.items
    }


async def open_drafts(pilot: Any, settle: Settle) -> DraftsScreen:
    await pilot.press("f3")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, DraftsScreen)
    return screen


async def test_space_and_range_select_drafts_and_s_schedules_only_the_connected_ones(
    make_app: Callable[..., PlannerApp], shape: str, settle: Settle, generate_plan: Settle
) -> None:
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        screen = await open_drafts(pilot, settle)
        keys = screen.table.keys

        # A range over the first ten rows, then one more draft picked with space.
        await pilot.press("v", *["down"] * 9, "v", "down", "down", "space")
        await pilot.pause()
        chosen = {*keys[:10], keys[11]}
        assert screen.selected_drafts == chosen
        assert screen.sub_title == "11 selected"

        before = app.state
        located = {key: item(before, key) for key in chosen}
        activity_ids = {found[0].id for found in located.values() if found}
        connected = {
            key
            for key, found in located.items()
            if found and before.is_connected(found[1].channel.name)
        }
        assert connected, "the sandbox plan should have drafts on connected channels"
        assert connected != chosen, "and drafts on channels that are not connected"

        await pilot.press("s")
        await settle(pilot, lambda: isinstance(app.screen, ScheduleConfirmScreen))
        await pilot.press("y")
        await settle(pilot, lambda: isinstance(app.screen, ScheduleReportScreen), what="the report")

        statuses = await sandbox_statuses(app, activity_ids)
        scheduled_now = {key for key in chosen if statuses.get(key) == ItemStatus.SCHEDULED}
        assert scheduled_now == connected
        assert all(statuses[key] == ItemStatus.DRAFT for key in chosen - connected)

        report = app.screen
        assert isinstance(report, ScheduleReportScreen)
        assert set(report.report.scheduled) == connected
        reasons = dict(report.report.left_as_draft)
        assert set(reasons) == chosen - connected
        for key, reason in reasons.items():
            channel = located[key][1].channel.name  # type: ignore[index]
            expected = (
                Reason.X_SUNSET if channel == ChannelName.TWITTER else Reason.CHANNEL_NOT_CONNECTED
            )
            assert reason == expected, key

        # Each scheduled post says when it goes live; on its activity's own day (which the
        # line already names) that is the time alone, so the line keeps to one row.
        scheduled_list = str(report.query(".list-body").first().render())
        tz = app.clock.tz
        for key in connected:
            found = item(app.state, key)
            assert found is not None
            live, scheduled = found
            assert scheduled.scheduled_date is not None
            at = scheduled.scheduled_date.astimezone(tz)
            same_day = at.date() == live.date.astimezone(tz).date()
            goes_live = f"goes live at {at:%H:%M}" if same_day else f"goes live {at:%a %d %b %H:%M}"
            assert goes_live in scheduled_list
        assert "goes live at " in scheduled_list

        # The list follows the store: scheduled drafts leave it without a refresh.
        await pilot.press("escape")
        await settle(pilot)
        assert not connected & set(screen.table.keys)
        assert screen.selected_drafts == chosen - connected


async def test_without_premium_the_confirmation_says_so_first_and_nothing_is_scheduled(
    make_app: Callable[..., PlannerApp], settle: Settle, generate_plan: Settle
) -> None:
    app = make_app(premium=False)
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        screen = await open_drafts(pilot, settle)
        await pilot.press("a", "s")
        await settle(pilot, lambda: isinstance(app.screen, ScheduleConfirmScreen))

        confirm = app.screen
        assert isinstance(confirm, ScheduleConfirmScreen)
        assert confirm.plan.premium_missing
        title = str(confirm.query_one("#dialog-title", Static).visual)
        assert title == "Scheduling is not available on this site"
        assert str(confirm.query_one("#dialog-failure", Static).visual) == PREMIUM_MISSING_TEXT
        assert not confirm.query("#dialog-confirm")

        await pilot.press("y", "enter")
        await settle(pilot)
        assert app.screen is screen
        activity_ids = set(app.state.activities)
        statuses = await sandbox_statuses(app, activity_ids)
        assert ItemStatus.SCHEDULED not in statuses.values()


async def test_a_second_batch_that_fails_leaves_a_report_of_exactly_what_is_scheduled(
    make_app: Callable[..., PlannerApp], settle: Settle, generate_plan: Settle
) -> None:
    """Issue 15, item 2: six channels connected, every draft chosen (batches of 20), the
    second ScheduleDrafts request never answered. The report used to say "Nothing was
    scheduled" while the sandbox held the first batch SCHEDULED. A failed batch stops the
    ones after it, so everything after the first 20 is still a draft."""
    six = tuple(channel for channel in PLAN_CHANNELS if channel != ChannelName.TWITTER)
    app = make_app(connected_channels=six)
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        assert app.session.backend is not None
        batches: list[httpx.Request] = []

        async def second_batch_unanswered(request: httpx.Request) -> None:
            if request.url.path.endswith("/schedule-drafts"):
                batches.append(request)
                if len(batches) > 1:
                    raise httpx.ConnectError("no answer", request=request)

        app.session.backend.http.event_hooks["request"].append(second_batch_unanswered)
        screen = await open_drafts(pilot, settle)
        await pilot.press("a", "s")
        await settle(pilot, lambda: isinstance(app.screen, ScheduleConfirmScreen))
        confirm = app.screen
        assert isinstance(confirm, ScheduleConfirmScreen)
        chosen = confirm.plan.will_schedule
        held_back = confirm.plan.stays_draft  # X drafts: after its sunset
        assert len(chosen) > 20, "more than one batch"
        activity_ids = {found[0].id for key in chosen if (found := item(app.state, key))}
        await pilot.press("y")
        await settle(pilot, lambda: isinstance(app.screen, ScheduleReportScreen), what="the report")

        statuses = await sandbox_statuses(app, activity_ids)
        on_server = tuple(key for key in chosen if statuses[key] == ItemStatus.SCHEDULED)
        assert on_server == chosen[:20]
        report_screen = app.screen
        assert isinstance(report_screen, ScheduleReportScreen)
        report = report_screen.report
        assert report.scheduled == on_server
        unanswered = len(chosen) - 20
        assert report.left_as_draft == (
            *held_back,
            *((key, Reason.NO_ANSWER) for key in chosen[20:]),
        )
        asked = len(chosen) + len(held_back)
        left = unanswered + len(held_back)
        title = str(report_screen.query_one("#dialog-title", Static).visual)
        assert title == f"Scheduled 20 of {asked} drafts · {left} still drafts"
        failure = str(report_screen.query_one("#dialog-failure", Static).visual)
        assert failure.startswith("The server stopped answering part-way: Could not reach ")
        body = " ".join(
            str(part.visual) for part in report_screen.query(".list-body").results(Static)
        )
        assert body.count("the server did not answer") == unanswered
        assert [key for key in chosen if key in screen.table.keys] == list(chosen[20:])


async def test_a_refused_schedule_leaves_the_drafts_chosen(
    make_app: Callable[..., PlannerApp], settle: Settle, generate_plan: Settle
) -> None:
    """The optimistic change takes the chosen drafts out of the list while the request is in
    flight; when the server refuses, they come back, chosen as they were."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        assert app.session.backend is not None

        answer = asyncio.Event()

        async def refuse(request: httpx.Request) -> None:
            if request.url.path.endswith("/schedule-drafts"):
                await answer.wait()  # in flight until the test has seen the screen meanwhile
                raise httpx.ConnectError("no answer", request=request)

        app.session.backend.http.event_hooks["request"].append(refuse)
        screen = await open_drafts(pilot, settle)
        await pilot.press("space", "down", "space")
        await pilot.pause()
        chosen = set(screen.selected_drafts)
        assert len(chosen) == 2
        await pilot.press("s")
        await settle(pilot, lambda: isinstance(app.screen, ScheduleConfirmScreen))
        await pilot.press("y")
        await settle(pilot, lambda: bool(app.state.pending), what="the schedule in flight")
        await settle(pilot, lambda: not screen.selected_drafts, what="the drafts taken out")
        answer.set()
        await settle(pilot, lambda: isinstance(app.screen, ScheduleReportScreen), what="the report")
        await settle(pilot, lambda: not app.state.pending, what="the rollback")

        assert screen.selected_drafts == chosen
        assert screen.sub_title == "2 selected"
