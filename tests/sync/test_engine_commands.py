"""Commands through the sync engine: optimistic at once, then confirmed or rolled back."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from tests.sync.sync_fakes import START, FakeApi, make_activity, make_item, settle
from tui_planner.api.errors import (
    FailedPreconditionError,
    ServerBusyError,
    UnauthenticatedError,
)
from tui_planner.api.models import (
    CalendarEvent,
    ItemStatus,
    MarketingActivityType,
    MarketingSettings,
    PlanStatus,
    Settings,
)
from tui_planner.store import ConnectionPhase, Store
from tui_planner.store.selectors import item
from tui_planner.sync import (
    CreateActivity,
    CreateEvent,
    DeleteActivity,
    DeleteEvent,
    GeneratePlan,
    RegeneratePlan,
    ScheduleDrafts,
    SyncEngine,
    UpdateActivity,
    UpsertSettings,
)


def status_of(store: Store, item_id: str) -> ItemStatus:
    found = item(store.state, item_id)
    assert found is not None
    return found[1].status


async def test_schedule_drafts_reports_only_the_drafts_the_server_scheduled(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()

    outcome = await engine.execute(ScheduleDrafts(("fb1", "ig1", "li1")))

    assert outcome.ok
    assert outcome.scheduled_ids == ("fb1", "ig1")
    assert outcome.message == "Scheduled 2 of 3 drafts"
    assert status_of(store, "fb1") == ItemStatus.SCHEDULED
    assert status_of(store, "li1") == ItemStatus.DRAFT, "LinkedIn is not connected"
    assert api.arguments["get_marketing_activity_posts"][-1] == (("a1",),)


async def test_schedule_drafts_shows_drafts_scheduled_before_the_server_answers(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    gate = api.hold("schedule_drafts")

    running = asyncio.create_task(engine.execute(ScheduleDrafts(("fb1", "li1"))))
    await settle()

    assert status_of(store, "fb1") == ItemStatus.SCHEDULED
    assert status_of(store, "li1") == ItemStatus.SCHEDULED
    assert [p.description for p in store.state.pending] == ["Schedule 2 drafts"]
    gate.set()
    await running
    assert status_of(store, "li1") == ItemStatus.DRAFT, "the unconfirmed one is rolled back"
    assert store.state.pending == ()


async def test_a_failed_command_rolls_back_and_says_what_failed_and_why(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    api.fail(
        "schedule_drafts",
        FailedPreconditionError(
            "Scheduling needs a premium plan", status=428, application_code="PREMIUM_REQUIRED"
        ),
    )
    before = store.state.activities["a1"]

    outcome = await engine.execute(ScheduleDrafts(("fb1",)))

    assert not outcome.ok
    assert outcome.message == (
        "Could not schedule 1 draft: Scheduling needs a premium plan "
        "(FAILED_PRECONDITION, PREMIUM_REQUIRED)"
    )
    assert outcome.error is not None
    assert outcome.error.status == 428
    assert store.state.last_error == outcome.message
    assert store.state.activities["a1"] == before
    assert status_of(store, "fb1") == ItemStatus.DRAFT
    assert store.state.pending == ()


async def test_delete_activity_disappears_at_once_and_comes_back_if_refused(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    gate = api.hold("delete_plan_marketing_activity")
    api.fail("delete_plan_marketing_activity", FailedPreconditionError("Busy", status=428))

    running = asyncio.create_task(engine.execute(DeleteActivity("a2")))
    await settle()
    assert "a2" not in store.state.activities
    assert store.state.removed_activity_ids == frozenset({"a2"})
    gate.set()
    outcome = await running

    assert not outcome.ok
    assert outcome.message == "Could not delete the activity: Busy (FAILED_PRECONDITION)"
    assert "a2" in store.state.activities


async def test_a_pending_change_survives_a_poll_that_lands_before_the_answer(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    gate = api.hold("delete_plan_marketing_activity")

    running = asyncio.create_task(engine.execute(DeleteActivity("a2")))
    await settle()
    await engine.run_once()
    assert "a2" not in store.state.activities, "the poll did not resurrect it"

    gate.set()
    assert (await running).ok
    await engine.run_once()
    assert "a2" not in store.state.activities


async def test_update_activity_sends_only_the_fields_it_sets(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()

    outcome = await engine.execute(UpdateActivity("a2", title="Launch week"))

    assert outcome.ok
    sent, mask = api.arguments["update_marketing_activity"][-1]
    assert mask == ("title",)
    assert sent.title == "Launch week"
    assert store.state.activities["a2"].title == "Launch week"
    assert store.state.activities["a3"].title == "Activity a3"


async def test_create_activity_shows_a_placeholder_then_the_server_id(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    gate = api.hold("create_marketing_activity")
    command = CreateActivity(
        "Open day", "Come and see", START + timedelta(days=4), MarketingActivityType.BLOG
    )

    running = asyncio.create_task(engine.execute(command))
    await settle()
    titles = {a.title for a in store.state.activities.values()}
    assert "Open day" in titles
    gate.set()
    outcome = await running

    assert outcome.ok
    assert outcome.message == "Created the activity “Open day”"
    created = [a for a in store.state.activities.values() if a.title == "Open day"]
    assert [a.id for a in created] == ["a101"]


async def test_generate_plan_shows_generating_at_once(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    api.status = PlanStatus.NEVER_CREATED
    await engine.run_once()
    gate = api.hold("generate_marketing_plan")

    running = asyncio.create_task(engine.execute(GeneratePlan()))
    await settle()
    assert store.state.plan_status == PlanStatus.GENERATING
    assert store.state.generation_started_at is not None
    gate.set()

    assert (await running).ok
    assert store.state.plan_status == PlanStatus.GENERATING
    assert await engine.run_once() == 1.0


async def test_regenerate_while_generating_rolls_back_to_the_servers_status(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    api.fail(
        "regenerate_marketing_plan",
        FailedPreconditionError(
            "plan already generating",
            status=428,
            application_code="PLAN_ALREADY_GENERATING_ERROR",
        ),
    )

    outcome = await engine.execute(RegeneratePlan())

    assert not outcome.ok
    assert "PLAN_ALREADY_GENERATING_ERROR" in outcome.message
    assert store.state.plan_status == PlanStatus.ACTIVE


async def test_event_commands_confirm_with_the_servers_event(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()

    created = await engine.execute(
        CreateEvent(CalendarEvent(name="Launch", date=START + timedelta(days=9)))
    )
    deleted = await engine.execute(DeleteEvent("ev1"))

    assert created.ok
    assert deleted.ok
    assert [(e.id, e.name) for e in store.state.events] == [("ev101", "Launch")]


async def test_upsert_settings_sends_the_commands_mask_exactly(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    settings = MarketingSettings(settings=Settings(tone_of_voice="bold"))

    outcome = await engine.execute(UpsertSettings(settings, ("settings.toneOfVoice",)))

    assert outcome.ok
    assert outcome.message == "Saved the settings"
    assert api.arguments["upsert_marketing_settings"][-1][1] == ("settings.toneOfVoice",)
    assert store.state.settings is not None
    assert store.state.settings.settings.tone_of_voice == "bold"


async def test_a_command_refused_for_the_key_stops_polling_too(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    api.fail("delete_event", UnauthenticatedError("Bad key", status=401))

    outcome = await engine.execute(DeleteEvent("ev1"))

    assert not outcome.ok
    assert store.state.sync.phase == ConnectionPhase.AUTH_FAILED
    assert [e.id for e in store.state.events] == ["ev1"]


async def test_an_invalid_command_is_reported_not_raised(engine: SyncEngine, store: Store) -> None:
    await engine.run_once()

    outcome = await engine.execute(UpdateActivity("missing"))

    assert not outcome.ok
    assert outcome.message.startswith("Could not update the activity:")
    assert store.state.pending == ()


async def test_a_failed_second_batch_keeps_the_first_and_says_exactly_what_is_left(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    """Issue 15, item 2: 34 drafts in two batches of 20, the second answered 503. The report
    used to say nothing was scheduled while the server held 20 SCHEDULED."""
    drafts = tuple(f"fb-{n}" for n in range(34))
    api.activities["a2"] = make_activity(
        "a2", START + timedelta(days=2), items=tuple(make_item(d) for d in drafts)
    )
    await engine.run_once()
    api.fail("schedule_drafts", ServerBusyError("Busy", status=503), after=1)

    outcome = await engine.execute(ScheduleDrafts(drafts))

    assert [len(batch) for (batch,) in api.arguments["schedule_drafts"]] == [20, 14]
    assert not outcome.ok
    assert outcome.scheduled_ids == drafts[:20]
    assert isinstance(outcome.error, ServerBusyError)
    assert outcome.message == "Scheduled 20 of 34 drafts; 14 are still drafts: Busy (UNAVAILABLE)"
    assert store.state.last_error == outcome.message
    assert [status_of(store, d) for d in drafts] == (
        [ItemStatus.SCHEDULED] * 20 + [ItemStatus.DRAFT] * 14
    ), "the first batch stands; the rest rolls back to what the server holds"
    assert api.arguments["get_marketing_activity_posts"][-1] == (("a2",),)
    assert store.state.pending == ()


async def test_an_event_command_rereads_the_events_alone(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    api.calls.clear()

    assert (
        await engine.execute(
            CreateEvent(CalendarEvent(name="Fair", date=START + timedelta(days=3)))
        )
    ).ok
    await engine.run_once()

    assert api.calls.count("query_events") == 1
    assert "get_marketing_settings" not in api.calls
    assert "get_feature_data" not in api.calls
    assert len(api.calls) == 3, f"create, plan, events; not a whole refresh: {api.calls}"


async def test_a_refused_schedule_rereads_the_premium_features_at_once(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    api.fail("schedule_drafts", FailedPreconditionError("No premium", status=428))
    api.calls.clear()

    assert not (await engine.execute(ScheduleDrafts(("i1",)))).ok
    await engine.run_once()

    assert "get_feature_data" in api.calls, "the next poll reads the features again"


async def test_an_unknown_event_rereads_the_events_at_once(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    api.fail("delete_event", FailedPreconditionError("No such event", status=428))
    api.calls.clear()

    assert not (await engine.execute(DeleteEvent("ev1"))).ok
    await engine.run_once()

    assert api.calls.count("query_events") == 1
    assert "get_feature_data" not in api.calls
