"""What the plan view leaves out: types from QueryMarketingActivities, stories from
GetMarketingActivityPosts, read after the plan is shown and only for what changed."""

from __future__ import annotations

from datetime import timedelta

from tests.sync.sync_fakes import START, FakeApi, make_activity, make_item, make_story
from tui_planner.api.errors import ServerError
from tui_planner.api.models import ItemStatus, MarketingActivityType
from tui_planner.clock import ManualClock
from tui_planner.store import Store
from tui_planner.sync import SyncEngine


def _types(store: Store) -> dict[str, MarketingActivityType | None]:
    return {key: a.marketing_activity_type for key, a in store.state.activities.items()}


async def test_types_come_from_the_activities_query_after_the_plan_is_shown(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    api.activity_types = {"a2": MarketingActivityType.BLOG}
    seen: list[dict[str, MarketingActivityType | None]] = []
    store.subscribe(lambda state: seen.append(_types(store)) if state.activities else None)

    await engine.run_once()

    assert seen[0] == {"a1": None, "a2": None, "a3": None}, "the plan paints before types"
    assert _types(store) == {
        "a1": MarketingActivityType.SOCIAL_MARKETING,
        "a2": MarketingActivityType.BLOG,
        "a3": MarketingActivityType.SOCIAL_MARKETING,
    }
    ((start, end, ids),) = api.arguments["query_marketing_activities"]
    assert ids is None
    assert start is not None
    assert end is not None
    assert start <= min(a.date for a in api.activities.values())


async def test_a_type_the_plan_sends_is_kept(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    api.activities["a1"] = api.activities["a1"].model_copy(
        update={"marketing_activity_type": MarketingActivityType.EMAIL_MARKETING}
    )
    api.activity_types = {"a1": MarketingActivityType.EMAIL_MARKETING}

    await engine.run_once()

    assert store.state.activities["a1"].marketing_activity_type == (
        MarketingActivityType.EMAIL_MARKETING
    )


async def test_idle_polls_read_no_details_until_an_activity_appears_or_moves(
    engine: SyncEngine, store: Store, api: FakeApi, clock: ManualClock
) -> None:
    await engine.run_once()
    for _ in range(3):
        delay = await engine.run_once()
        assert delay == 30.0, "an idle poll is one request"
    assert api.count("query_marketing_activities") == 1

    api.activities["a4"] = make_activity("a4", START + timedelta(days=9))
    api.activity_types["a4"] = MarketingActivityType.BLOG
    delay = await engine.run_once()
    assert api.count("query_marketing_activities") == 2
    assert delay == 60.0, "the types query comes out of the idle budget"
    assert store.state.activities["a4"].marketing_activity_type == MarketingActivityType.BLOG

    api.activities["a2"] = api.activities["a2"].model_copy(
        update={"date": START + timedelta(days=3)}
    )
    await engine.run_once()
    assert api.count("query_marketing_activities") == 3

    del api.activities["a3"]
    await engine.run_once()
    assert api.count("query_marketing_activities") == 3, "a removal needs no read"
    assert store.state.activities["a4"].marketing_activity_type == MarketingActivityType.BLOG


async def test_an_activity_the_range_query_missed_is_asked_for_by_id(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    # An activity the date-range query leaves out (bounds are UNVERIFIED).
    edge = START.replace(hour=0) - timedelta(days=1)
    api.activities["edge"] = make_activity("edge", edge)
    api.activity_types["edge"] = MarketingActivityType.BLOG

    await engine.run_once()

    calls = api.arguments["query_marketing_activities"]
    assert [ids for *_, ids in calls] == [None, ("edge",)]
    assert store.state.activities["edge"].marketing_activity_type == MarketingActivityType.BLOG


async def test_stories_the_plan_leaves_out_are_read_once_and_kept_across_polls(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    api.plan_hides_stories = True
    api.activities["a1"] = api.activities["a1"].model_copy(
        update={"items": (*api.activities["a1"].items, make_story("st1"))}
    )

    await engine.run_once()

    assert [s.id for s in store.state.activities["a1"].stories] == ["st1"]
    assert api.arguments["get_marketing_activity_posts"] == [(("a1",),)], (
        "only activities with posts are asked for their stories"
    )
    first = store.state.activities["a1"]
    for _ in range(3):
        await engine.run_once()
    assert api.count("get_marketing_activity_posts") == 1
    assert store.state.activities["a1"] is first, "an unchanged activity keeps its identity"

    # The posts changed on the server: the stories are read again with them.
    api.activities["a1"] = api.activities["a1"].model_copy(
        update={
            "items": (
                make_item("fb1", status=ItemStatus.SCHEDULED),
                *api.activities["a1"].items[1:-1],
                make_story("st2"),
            )
        }
    )
    await engine.run_once()
    assert api.count("get_marketing_activity_posts") == 2
    assert [s.id for s in store.state.activities["a1"].stories] == ["st2"]


async def test_a_plan_that_lists_stories_is_trusted_for_them(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    api.activities["a1"] = api.activities["a1"].model_copy(
        update={"items": (*api.activities["a1"].items, make_story("st1"))}
    )

    await engine.run_once()
    await engine.run_once()

    assert [s.id for s in store.state.activities["a1"].stories] == ["st1"]
    assert api.count("get_marketing_activity_posts") == 0


async def test_a_failed_details_read_leaves_the_plan_shown_and_is_tried_again(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    api.fail("query_marketing_activities", ServerError("down", status=503))

    await engine.run_once()

    assert store.state.loaded
    assert set(store.state.activities) == {"a1", "a2", "a3"}
    assert store.state.last_error is not None
    assert "activity types" in store.state.last_error
    delay = await engine.run_once()
    assert delay == 60.0
    assert _types(store)["a2"] == MarketingActivityType.SOCIAL_MARKETING
