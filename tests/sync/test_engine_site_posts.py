"""Every post of the site in the store: read on the idle cadence, edited, deleted, news of posts
that went out."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any, cast

import pytest

from tests.sync.sync_fakes import START, FakeApi, make_activity, make_item, settle
from tui_planner.api.errors import (
    ApiError,
    FailedPreconditionError,
    NotFoundError,
    ServerError,
    UnauthenticatedError,
)
from tui_planner.api.models import ChannelName, ItemStatus, PostItem, SchedulingInfo
from tui_planner.clock import ManualClock
from tui_planner.store import ConnectionPhase, Store, reducers
from tui_planner.store.selectors import item, site_posts, unseen_failures
from tui_planner.sync import DeleteItem, PollPolicy, SyncEngine, UpdateItemCaption


def _caption(store: Store, item_id: str) -> tuple[str | None, str | None]:
    """The post's caption in the plan, and among the site's posts."""
    found = item(store.state, item_id)
    posted = store.state.site_posts.items.get(item_id)
    return (found[1].text if found else None, posted.text if posted else None)


def _scheduled(
    item_id: str, at: timedelta, channel: ChannelName = ChannelName.FACEBOOK
) -> PostItem:
    return make_item(item_id, channel, ItemStatus.SCHEDULED).model_copy(
        update={"scheduling_info": SchedulingInfo(scheduled_date=START + at)}
    )


@pytest.fixture
def api_with_other_posts(api: FakeApi) -> FakeApi:
    """The plan of the ``api`` fixture, and two posts outside it: an imported, published one
    and one scheduled on the dashboard an hour from now."""
    imported = make_item("ext1", ChannelName.INSTAGRAM, ItemStatus.PUBLISHED, "From the app")
    api.other_posts = {
        "ext1": imported.model_copy(update={"external": True}),
        "dash1": _scheduled("dash1", timedelta(hours=1)),
    }
    return api


# -- reading ---------------------------------------------------------------------------------


async def test_first_load_reads_every_post_of_the_site(
    engine: SyncEngine, store: Store, api_with_other_posts: FakeApi, clock: ManualClock
) -> None:
    await engine.run_once()

    posts = store.state.site_posts
    assert set(posts.items) == {"fb1", "ig1", "li1", "ext1", "dash1"}
    assert posts.read_at == clock.now()
    assert posts.complete
    assert api_with_other_posts.count("query_items") == 1
    (query, cap), *_ = api_with_other_posts.arguments["query_items"]
    assert query is not None
    assert query.sort_field == "schedulingInfo.scheduledDate"
    assert query.descending
    assert cap == 500


async def test_newest_first_and_undated_drafts_last(
    engine: SyncEngine, store: Store, api_with_other_posts: FakeApi
) -> None:
    await engine.run_once()

    ordered = [p.id for p in site_posts(store.state)]

    assert ordered[0] == "dash1"
    assert set(ordered[1:]) == {"fb1", "ig1", "li1", "ext1"}


async def test_every_sixth_idle_poll_reads_the_posts_instead_of_the_plan(
    engine: SyncEngine, api: FakeApi
) -> None:
    await engine.run_once()
    api.calls.clear()

    delays = [await engine.run_once() for _ in range(10)]

    reads = [call for call in api.calls if call in ("get_social_marketing_plan", "query_items")]
    assert (
        reads
        == ["get_social_marketing_plan"] * 5 + ["query_items"] + ["get_social_marketing_plan"] * 4
    )
    # Reading the posts costs a poll, not a request more: the idle budget stands.
    assert delays[:9] == [30.0] * 9


async def test_a_post_outside_the_plan_going_out_is_read_every_other_poll(
    engine: SyncEngine, store: Store, api_with_other_posts: FakeApi, clock: ManualClock
) -> None:
    api = api_with_other_posts
    await engine.run_once()
    clock.advance(3600)  # dash1's time has come
    api.other_posts["dash1"] = api.other_posts["dash1"].model_copy(
        update={"status": ItemStatus.PROCESSING}
    )
    api.calls.clear()

    await engine.run_once()  # the plan (one poll since the last read of the posts)
    await engine.run_once()  # the posts: dash1 is due
    seen = store.state.site_posts.items["dash1"].status
    api.other_posts["dash1"] = api.other_posts["dash1"].model_copy(
        update={"status": ItemStatus.PUBLISHED}
    )
    await engine.run_once()
    await engine.run_once()
    await engine.run_once()
    await engine.run_once()

    assert seen == ItemStatus.PROCESSING
    assert api.count("query_items") == 2, "read again while going out, then no more"
    assert store.state.site_posts.items["dash1"].status == ItemStatus.PUBLISHED
    assert store.state.site_posts.unseen_published == frozenset({"dash1"})


async def test_a_failed_read_of_the_posts_reads_the_plan_and_says_so(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    api.fail("query_items", ServerError("Down", status=503))
    for _ in range(5):
        await engine.run_once()
    api.calls.clear()

    assert await engine.run_once() == 60.0, "two requests: the failed read and the plan"

    assert api.calls[-1] == "get_social_marketing_plan"
    assert store.state.sync.phase == ConnectionPhase.ONLINE
    assert store.state.last_error == "Could not read the site's posts: Down (INTERNAL)"


async def test_a_refused_key_on_the_posts_read_stops_polling(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    api.fail("query_items", UnauthenticatedError("Who?", status=401))

    assert await engine.run_once() is None

    assert store.state.sync.phase == ConnectionPhase.AUTH_FAILED


async def test_a_capped_read_says_the_list_is_incomplete(
    store: Store, api_with_other_posts: FakeApi, clock: ManualClock
) -> None:
    fake = cast(Any, api_with_other_posts)
    engine = SyncEngine(store, fake, fake, clock, PollPolicy(site_posts_cap=2))

    await engine.run_once()

    assert not store.state.site_posts.complete
    assert {"fb1", "ig1", "li1"} <= set(store.state.site_posts.items), "the plan's stay"


async def test_reading_more_posts_raises_the_cap_and_reads_at_the_next_poll(
    store: Store, api_with_other_posts: FakeApi, clock: ManualClock
) -> None:
    fake = cast(Any, api_with_other_posts)
    engine = SyncEngine(store, fake, fake, clock, PollPolicy(site_posts_cap=2))
    await engine.run_once()
    fake.calls.clear()

    assert engine.read_more_posts()
    await engine.run_once()  # the next poll reads the posts, not the plan

    assert fake.calls.count("query_items") == 1
    assert "get_social_marketing_plan" not in fake.calls
    assert fake.arguments["query_items"][-1][1] == 4
    assert len(store.state.site_posts.items) == 4
    assert not store.state.site_posts.complete

    assert engine.read_more_posts()
    await engine.run_once()
    assert len(store.state.site_posts.items) == 5
    assert store.state.site_posts.complete
    # With every post read there is no more to ask for; later reads keep the raised cap.
    assert not engine.read_more_posts()
    for _ in range(6):
        await engine.run_once()
    assert fake.calls.count("query_items") == 3
    assert fake.arguments["query_items"][-1][1] == 6


async def test_a_newer_post_read_updates_the_plan_too(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    # Changed on the dashboard; the plan's copy is read only at the next plan poll.
    api._edit_item("ig1", lambda e: e.with_text("Edited on the dashboard"))
    for _ in range(6):
        await engine.run_once()

    assert _caption(store, "ig1") == ("Edited on the dashboard", "Edited on the dashboard")


async def test_cleared_drafts_leave_the_posts_and_past_activities_keep_theirs(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    api.activities["a2"] = make_activity(
        "a2", START + timedelta(days=2), items=(_scheduled("fb2", timedelta(days=2)),)
    )
    await engine.run_once()
    api.activities["a1"] = api.activities["a1"].model_copy(update={"items": ()})
    del api.activities["a2"]  # its day left the plan period; its post did not go away

    await engine.run_once()

    assert not {"fb1", "ig1", "li1"} & set(store.state.site_posts.items)
    assert "fb2" in store.state.site_posts.items


# -- posts going out -------------------------------------------------------------------------


async def test_posts_that_go_out_while_watched_are_news_until_acknowledged(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    api.activities["a2"] = make_activity(
        "a2",
        START + timedelta(days=2),
        items=(
            _scheduled("fb2", timedelta(minutes=1)),
            _scheduled("ig2", timedelta(minutes=1), ChannelName.INSTAGRAM),
        ),
    )
    await engine.run_once()
    assert store.state.site_posts.unseen_failed == frozenset()
    api._edit_item("fb2", lambda e: e.model_copy(update={"status": ItemStatus.FAILED}))
    api._edit_item("ig2", lambda e: e.model_copy(update={"status": ItemStatus.PUBLISHED}))

    await engine.run_once()

    assert store.state.site_posts.unseen_failed == frozenset({"fb2"})
    assert store.state.site_posts.unseen_published == frozenset({"ig2"})
    assert [p.id for p in unseen_failures(store.state)] == ["fb2"]
    store.dispatch(reducers.acknowledge_posts, ["fb2"])
    assert store.state.site_posts.unseen_failed == frozenset()
    assert store.state.site_posts.unseen_published == frozenset({"ig2"})
    await engine.run_once()
    assert store.state.site_posts.unseen_failed == frozenset(), "told once, not again"


async def test_posts_already_failed_when_first_seen_are_not_news(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    api._edit_item("fb1", lambda e: e.model_copy(update={"status": ItemStatus.FAILED}))

    await engine.run_once()

    assert store.state.site_posts.items["fb1"].status == ItemStatus.FAILED
    assert store.state.site_posts.unseen_failed == frozenset()


# -- UpdateItemCaption ---------------------------------------------------------------------


async def test_caption_edit_shows_everywhere_at_once_and_is_confirmed(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    gate = api.hold("update_item_text")

    running = asyncio.create_task(engine.execute(UpdateItemCaption("ig1", "Kiln day!")))
    await settle()
    assert _caption(store, "ig1") == ("Kiln day!", "Kiln day!")
    gate.set()
    outcome = await running

    assert outcome.ok
    assert outcome.message == "Saved the caption"
    assert api.arguments["update_item_text"] == [("ig1", "Kiln day!")]
    assert _caption(store, "ig1") == ("Kiln day!", "Kiln day!")
    await engine.run_once()
    assert _caption(store, "ig1") == ("Kiln day!", "Kiln day!")


async def test_caption_edit_refused_rolls_back_everywhere(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    api.fail(
        "update_item_text",
        FailedPreconditionError("Too late", status=428, application_code="ITEM_IS_PUBLISHED"),
    )

    outcome = await engine.execute(UpdateItemCaption("ig1", "Kiln day!"))

    assert not outcome.ok
    assert outcome.message == (
        "Could not edit the caption: Too late (FAILED_PRECONDITION, ITEM_IS_PUBLISHED)"
    )
    assert _caption(store, "ig1") == ("Hello", "Hello")
    assert store.state.last_error == outcome.message


async def test_caption_edit_answered_without_the_item_reads_it_back(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    api.update_answers_item = False

    outcome = await engine.execute(UpdateItemCaption("ig1", "Read back"))

    assert outcome.ok
    assert api.arguments["get_item"] == [("ig1",)]
    assert _caption(store, "ig1") == ("Read back", "Read back")


async def test_caption_edit_keeps_the_change_when_the_read_back_fails(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    api.update_answers_item = False
    api.fail("get_item", ServerError("Down", status=503))

    outcome = await engine.execute(UpdateItemCaption("ig1", "Accepted"))

    assert outcome.ok
    assert _caption(store, "ig1") == ("Accepted", "Accepted")


async def test_caption_edit_of_a_post_outside_the_plan(
    engine: SyncEngine, store: Store, api_with_other_posts: FakeApi
) -> None:
    await engine.run_once()

    outcome = await engine.execute(UpdateItemCaption("dash1", "Open studio at six"))

    assert outcome.ok
    assert _caption(store, "dash1") == (None, "Open studio at six")
    assert api_with_other_posts.other_posts["dash1"].text == "Open studio at six"


async def test_caption_edit_of_an_unknown_post_sends_nothing(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()

    outcome = await engine.execute(UpdateItemCaption("nope", "Hi"))

    assert not outcome.ok
    assert outcome.message == "Could not edit the caption: the post is no longer there"
    assert api.count("update_item_text") == 0


# -- DeleteItem --------------------------------------------------------------------------------


async def test_delete_post_disappears_at_once_and_is_confirmed(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    gate = api.hold("delete_item")

    running = asyncio.create_task(engine.execute(DeleteItem("li1")))
    await settle()
    assert _caption(store, "li1") == (None, None)
    gate.set()
    outcome = await running

    assert outcome.ok
    assert outcome.message == "Deleted the post"
    assert [e.id for e in store.state.activities["a1"].items] == ["fb1", "ig1"]
    await engine.run_once()
    assert _caption(store, "li1") == (None, None)


async def test_delete_refused_brings_the_post_back(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    api.fail(
        "delete_item",
        FailedPreconditionError("Publishing", status=428, application_code="ITEM_IS_PUBLISHED"),
    )

    outcome = await engine.execute(DeleteItem("li1"))

    assert not outcome.ok
    assert outcome.message.startswith("Could not delete the post: Publishing")
    assert _caption(store, "li1") == ("Hello", "Hello")
    assert [e.id for e in store.state.activities["a1"].items] == ["fb1", "ig1", "li1"]


@pytest.mark.parametrize("code", ["ITEM_IS_DELETED", "ITEM_NOT_EXISTS"])
async def test_delete_of_a_post_already_gone_counts_as_done(
    engine: SyncEngine, store: Store, api: FakeApi, code: str
) -> None:
    await engine.run_once()
    error: ApiError = (
        FailedPreconditionError("Gone", status=428, application_code=code)
        if code == "ITEM_IS_DELETED"
        else NotFoundError("Gone", status=404, application_code=code)
    )
    api.fail("delete_item", error)

    outcome = await engine.execute(DeleteItem("li1"))

    assert outcome.ok
    assert outcome.message == "The post was already deleted"
    assert _caption(store, "li1") == (None, None)
