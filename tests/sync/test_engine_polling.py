"""The sync engine's polling: first load, intervals, backoff, auth failures, pause, the loop."""

from __future__ import annotations

import asyncio
import dataclasses
from dataclasses import replace
from datetime import date, timedelta

import pytest

from tests.sync.sync_fakes import FakeApi, make_activity, make_item, settle
from tui_planner.api.errors import (
    ApiConnectionError,
    PermissionDeniedError,
    ResourceExhaustedError,
    ServerError,
    UnauthenticatedError,
)
from tui_planner.api.models import PLAN_CHANNELS, ChannelName, PlanStatus, TokenStatus
from tui_planner.clock import ManualClock
from tui_planner.store import ConnectionPhase, PlannerState, Store
from tui_planner.sync import GeneratePosts, SyncEngine


def phase_of(store: Store) -> ConnectionPhase:
    """The connection phase now (a call, so a type checker does not pin it)."""
    return store.state.sync.phase


async def test_first_load_reads_plan_settings_options_events_connections_and_features(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    assert not store.state.loaded

    await engine.run_once()

    state = store.state
    assert state.loaded
    assert state.plan_status == PlanStatus.ACTIVE
    assert set(state.activities) == {"a1", "a2", "a3"}
    assert state.settings == api.settings
    assert [e.name for e in state.events] == ["Summer sale"]
    assert state.options.goals
    assert state.options.points_of_view
    assert state.options.calendars
    assert state.options.defaults is not None
    assert set(state.connections) == set(PLAN_CHANNELS)
    assert state.is_connected(ChannelName.FACEBOOK)
    assert not state.is_connected(ChannelName.LINKEDIN)
    assert state.can_schedule is True
    assert (state.plan_start, state.plan_end) == (date(2026, 7, 1), date(2026, 8, 31))
    assert state.sync.phase == ConnectionPhase.ONLINE
    assert api.count("get_token_status") == len(PLAN_CHANNELS)


async def test_plan_is_asked_for_today_to_the_end_of_next_month(
    engine: SyncEngine, api: FakeApi
) -> None:
    await engine.run_once()

    start, end = api.arguments["get_social_marketing_plan"][0]
    assert start.date() == date(2026, 7, 1)
    assert end.date() == date(2026, 8, 31)


async def test_idle_active_plan_polls_every_30_seconds_with_one_request(
    engine: SyncEngine, api: FakeApi
) -> None:
    assert await engine.run_once() == 30.0
    api.calls.clear()

    assert await engine.run_once() == 30.0

    assert api.calls == ["get_social_marketing_plan"]


async def test_generating_plan_polls_from_one_second_backing_off_to_five(
    engine: SyncEngine, api: FakeApi
) -> None:
    api.status = PlanStatus.GENERATING

    delays = [await engine.run_once() for _ in range(7)]

    assert delays == [1.0, 1.5, 2.25, 3.375, 5.0, 5.0, 5.0]


async def test_generation_start_is_recorded_and_cleared_when_it_finishes(
    engine: SyncEngine, store: Store, api: FakeApi, clock: ManualClock
) -> None:
    await engine.run_once()
    api.status = PlanStatus.GENERATING
    clock.advance(30)
    started = clock.now()

    await engine.run_once()
    clock.advance(5)
    await engine.run_once()

    assert store.state.plan_status == PlanStatus.GENERATING
    assert store.state.generation_started_at == started
    api.status = PlanStatus.ACTIVE
    assert await engine.run_once() == 30.0
    assert store.state.generation_started_at is None


async def test_failures_back_off_exponentially_with_jitter_up_to_a_minute(
    engine: SyncEngine, api: FakeApi
) -> None:
    api.fail("get_social_marketing_plan", ServerError("Down", status=503), times=9)

    delays = [await engine.run_once() for _ in range(9)]

    steps = [1, 2, 4, 8, 16, 32, 60, 60, 60]
    for delay, step in zip(delays, steps, strict=True):
        assert delay is not None
        assert step / 2 <= delay <= step
    assert len(set(delays)) == len(delays), "jitter makes every wait different"


async def test_retrying_status_says_when_and_why(
    engine: SyncEngine, store: Store, api: FakeApi, clock: ManualClock
) -> None:
    await engine.run_once()
    api.fail("get_social_marketing_plan", ApiConnectionError("Could not reach www.wixapis.com"))

    delay = await engine.run_once()

    sync = store.state.sync
    assert delay is not None
    assert sync.phase == ConnectionPhase.RETRYING
    assert sync.failures == 1
    assert sync.retry_at == clock.now() + timedelta(seconds=delay)
    assert sync.message == "Sync failed: Could not reach www.wixapis.com (UNAVAILABLE)"
    assert sync.last_sync_at is not None, "the age of the data stays known"

    assert await engine.run_once() == 30.0
    assert store.state.sync.phase == ConnectionPhase.ONLINE
    assert store.state.sync.failures == 0


async def test_retry_after_is_honoured(engine: SyncEngine, api: FakeApi) -> None:
    await engine.run_once()
    api.fail(
        "get_social_marketing_plan",
        ResourceExhaustedError("Slow down", status=429, retry_after=42.0),
    )

    assert await engine.run_once() == 42.0


async def test_401_stops_polling_and_says_how_to_fix_the_key(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    api.fail("get_marketing_settings", UnauthenticatedError("Bad key", status=401))

    assert await engine.run_once() is None

    sync = store.state.sync
    assert sync.phase == ConnectionPhase.AUTH_FAILED
    assert sync.message is not None
    assert sync.message == (
        "The API key was refused (401): check WIX_API_KEY or [api] api_key in the config file"
    )
    api.calls.clear()
    assert await engine.run_once() is None
    assert api.calls == [], "polling has stopped"


async def test_403_points_at_the_site_id(engine: SyncEngine, store: Store, api: FakeApi) -> None:
    api.fail("get_social_marketing_plan", PermissionDeniedError("No", status=403))

    await engine.run_once()

    assert store.state.sync.phase == ConnectionPhase.AUTH_FAILED
    assert "[api] site_id" in (store.state.sync.message or "")


async def test_request_sync_tries_again_after_the_key_is_fixed(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    api.fail("get_social_marketing_plan", UnauthenticatedError("Bad key", status=401))
    await engine.run_once()

    engine.request_sync()

    assert await engine.run_once() == 30.0
    assert store.state.loaded
    assert store.state.sync.phase == ConnectionPhase.ONLINE


async def test_unchanged_activities_keep_their_identity_across_polls(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    before = store.state
    api.activities["a2"] = api.activities["a2"].model_copy(update={"title": "Renamed"})
    # The server sends fresh but equal objects for the others.
    api.activities["a1"] = api.activities["a1"].model_copy(deep=True)

    await engine.run_once()

    after = store.state
    assert after.activities["a1"] is before.activities["a1"]
    assert after.activities["a3"] is before.activities["a3"]
    assert after.activities["a2"].title == "Renamed"
    assert after.removed_activity_ids == frozenset()


async def test_a_poll_with_nothing_new_tells_no_subscriber(
    engine: SyncEngine, store: Store
) -> None:
    await engine.run_once()
    await engine.run_once()
    seen: list[PlannerState] = []
    store.subscribe(seen.append)
    before = store.state

    await engine.run_once()

    assert seen == []
    assert store.state is before


async def test_a_later_poll_with_nothing_new_changes_only_the_last_sync_time(
    engine: SyncEngine, store: Store, clock: ManualClock
) -> None:
    await engine.run_once()
    seen: list[PlannerState] = []
    store.subscribe(seen.append)
    before = store.state
    clock.advance(30)

    await engine.run_once()

    assert len(seen) == 1
    after = seen[0]
    changed = {
        field.name
        for field in dataclasses.fields(after)
        if getattr(after, field.name) != getattr(before, field.name)
    }
    assert changed == {"sync", "revision"}
    # Only the times move: when this sync happened and when the next one will.
    assert after.sync == replace(
        before.sync, last_sync_at=clock.now(), next_poll_at=after.sync.next_poll_at
    )
    assert after.activities is before.activities


async def test_activities_deleted_on_the_server_are_reported(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    del api.activities["a3"]

    await engine.run_once()

    assert "a3" not in store.state.activities
    assert store.state.removed_activity_ids == frozenset({"a3"})


async def test_posts_being_generated_are_polled_until_they_arrive(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()

    outcome = await engine.execute(GeneratePosts(("a2", "a3")))

    assert outcome.ok
    assert outcome.message == "Generating posts for 2 activities"
    assert store.state.posts_generating == frozenset({"a2", "a3"})
    assert await engine.run_once() == 1.0
    api.pending_posts["a2"] = (make_item("fb2"),)
    assert await engine.run_once() == 1.5
    assert store.state.posts_generating == frozenset({"a3"})
    assert [i.id for i in store.state.activities["a2"].items] == ["fb2"]
    api.pending_posts["a3"] = (make_item("fb3"),)
    await engine.run_once()
    assert store.state.posts_generating == frozenset()
    assert await engine.run_once() == 30.0


async def test_posts_that_never_arrive_are_given_up_with_a_message(
    engine: SyncEngine, store: Store, clock: ManualClock
) -> None:
    await engine.run_once()
    await engine.execute(GeneratePosts(("a2",)))

    clock.advance(601)
    await engine.run_once()

    assert store.state.posts_generating == frozenset()
    assert store.state.last_error is not None
    assert "Activity a2" in store.state.last_error


async def test_refresh_reads_events_settings_and_connections_every_tenth_idle_poll(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    api.connections[ChannelName.LINKEDIN] = TokenStatus.VALID
    delays = [await engine.run_once() for _ in range(10)]

    assert store.state.is_connected(ChannelName.LINKEDIN)
    assert delays[:9] == [30.0] * 9
    assert delays[9] == 11 * 30.0, "a refresh's requests come out of the idle budget"


class TestTheLoop:
    """``run()`` driven only by the manual clock."""

    async def test_run_polls_on_the_clock_and_wakes_for_a_command(
        self, engine: SyncEngine, api: FakeApi, clock: ManualClock
    ) -> None:
        task = asyncio.create_task(engine.run())
        try:
            await settle()
            assert api.count("get_social_marketing_plan") == 1
            clock.advance(29)
            await settle()
            assert api.count("get_social_marketing_plan") == 1
            clock.advance(1)
            await settle()
            assert api.count("get_social_marketing_plan") == 2

            await engine.execute(GeneratePosts(("a2",)))
            await settle()
            assert api.count("get_social_marketing_plan") == 3, "a command wakes the poller"
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def test_pause_stops_polling_until_resume(
        self, engine: SyncEngine, store: Store, api: FakeApi, clock: ManualClock
    ) -> None:
        task = asyncio.create_task(engine.run())
        try:
            await settle()
            engine.pause()
            await settle()
            assert phase_of(store) == ConnectionPhase.PAUSED
            calls = len(api.calls)
            clock.advance(300)
            await settle()
            assert len(api.calls) == calls

            engine.resume()
            await settle()
            assert api.count("get_social_marketing_plan") == 2
            assert phase_of(store) == ConnectionPhase.ONLINE
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def test_request_sync_polls_at_once(self, engine: SyncEngine, api: FakeApi) -> None:
        task = asyncio.create_task(engine.run())
        try:
            await settle()
            engine.request_sync()
            await settle()
            assert api.count("get_social_marketing_plan") == 2
            assert api.count("get_marketing_settings") == 2, "Ctrl+R reloads everything"
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def test_idle_polling_costs_at_most_two_requests_a_minute(
        self, engine: SyncEngine, api: FakeApi, clock: ManualClock
    ) -> None:
        task = asyncio.create_task(engine.run())
        try:
            await settle()
            api.calls.clear()
            for _ in range(600):
                clock.advance(1)
                await settle()
            assert 10 <= len(api.calls) <= 20
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def test_cancelling_run_leaves_no_sleeper_behind(
        self, engine: SyncEngine, clock: ManualClock
    ) -> None:
        task = asyncio.create_task(engine.run())
        await settle()
        assert clock.sleepers == 1
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        assert clock.sleepers == 0


@pytest.mark.parametrize("count", [1000])
async def test_a_big_plan_syncs_with_identity_kept(
    engine: SyncEngine, store: Store, api: FakeApi, count: int
) -> None:
    api.activities = {
        f"b{n}": make_activity(
            f"b{n}", items=tuple(make_item(f"b{n}-{k}", caption=f"Post {k}") for k in range(7))
        )
        for n in range(count)
    }
    await engine.run_once()
    first = store.state.activities

    await engine.run_once()

    assert len(store.state.activities) == count
    assert all(store.state.activities[key] is value for key, value in first.items())


async def test_the_plan_is_in_and_synced_before_the_rest_of_the_first_load(
    engine: SyncEngine, store: Store, clock: ManualClock
) -> None:
    seen: list[PlannerState] = []
    store.subscribe(seen.append)

    await engine.run_once()

    first = next(state for state in seen if state.plan_loaded)
    assert set(first.activities) == {"a1", "a2", "a3"}
    assert not first.loaded, "settings, events and the rest come after"
    assert first.settings is None
    assert first.sync.phase == ConnectionPhase.ONLINE
    assert first.sync.last_sync_at == clock.now(), "what is shown is in step"
    assert store.state.loaded
    assert store.state.plan_loaded
