"""The site's posts read page by page over the wire: each page folded in as it comes, and a
read that fails part way leaves the posts as they were."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Mapping
from typing import Any

import pytest

from tests.sync.fake_wire import PUBLISHER, FakeWire, wire_clients
from tests.sync.sync_fakes import FakeApi, make_item
from tui_planner.api import PublisherClient
from tui_planner.api.errors import ServerError
from tui_planner.api.models import ChannelName, ItemsQueryResult, ItemStatus, PostItem
from tui_planner.clock import ManualClock
from tui_planner.store import Store
from tui_planner.sync import PollPolicy, SyncEngine

QUERY = f"{PUBLISHER}/items/query"

Wired = tuple[SyncEngine, FakeWire, PublisherClient]


@pytest.fixture
def site(api: FakeApi) -> FakeApi:
    """The ``api`` fixture's plan (three drafts) and four posts outside it: seven posts."""
    api.other_posts = {
        f"ext{n}": make_item(f"ext{n}", ChannelName.INSTAGRAM, ItemStatus.PUBLISHED, f"Old {n}")
        for n in range(1, 5)
    }
    return api


@pytest.fixture
async def wired(
    site: FakeApi, store: Store, clock: ManualClock
) -> AsyncIterator[tuple[SyncEngine, FakeWire, PublisherClient]]:
    """An engine on the real clients over a wire that serves two posts a page; every idle
    poll reads the site's posts."""
    wire = FakeWire(site)
    wire.page_size = 2
    http, plan, publisher = wire_clients(wire, clock)
    policy = PollPolicy(site_posts_every=1)
    async with http:
        engine = SyncEngine(store, plan, publisher, clock, policy, rng=random.Random(1))
        yield engine, wire, publisher


def _query_offsets(wire: FakeWire) -> list[int]:
    return [sent.body["query"]["paging"]["offset"] for sent in wire.sent if sent.path == QUERY]


async def test_every_page_of_the_posts_is_read_and_kept(wired: Wired, store: Store) -> None:
    engine, wire, _ = wired

    await engine.run_once()

    assert _query_offsets(wire) == [0, 2, 4, 6]
    posts = store.state.site_posts
    assert set(posts.items) == {"fb1", "ig1", "li1", "ext1", "ext2", "ext3", "ext4"}
    assert posts.complete


async def test_a_reread_keeps_the_posts_held_and_takes_the_changed_one(
    wired: Wired, store: Store, site: FakeApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, wire, publisher = wired
    await engine.run_once()
    before = store.state.site_posts.items
    handed: list[Mapping[str, PostItem] | None] = []
    query_items = publisher.query_items

    async def watched(*args: Any, **options: Any) -> ItemsQueryResult:
        handed.append(options.get("known"))
        return await query_items(*args, **options)

    monkeypatch.setattr(publisher, "query_items", watched)
    site.other_posts["ext3"] = make_item("ext3", ChannelName.INSTAGRAM, ItemStatus.PUBLISHED, "New")
    wire.sent.clear()

    await engine.run_once()

    assert _query_offsets(wire) == [0, 2, 4, 6], "this poll read the posts"
    after = store.state.site_posts.items
    assert after["ext3"].text == "New"
    assert all(after[key] is before[key] for key in before if key != "ext3")
    # The read is handed the posts held, so each page's copies of them go as it is read.
    (known,) = handed
    assert known is not None
    assert all(known[key] is before[key] for key in before)


async def test_a_read_failing_on_its_third_page_leaves_the_posts_as_they_were(
    wired: Wired, store: Store, site: FakeApi
) -> None:
    engine, wire, _ = wired
    await engine.run_once()
    before = store.state.site_posts
    # On the second page: a read that folded pages in as they came would show it.
    site.other_posts["ext1"] = make_item("ext1", ChannelName.INSTAGRAM, ItemStatus.FAILED, "Old 1")
    site.fail("query_items", ServerError("Down", status=503), after=2)
    wire.sent.clear()

    await engine.run_once()

    assert _query_offsets(wire) == [0, 2, 4], "the third page failed"
    assert store.state.site_posts.items is before.items
    assert store.state.site_posts.read_at == before.read_at
    assert store.state.last_error == "Could not read the site's posts: Down (UNAVAILABLE)"

    wire.sent.clear()
    await engine.run_once()
    assert _query_offsets(wire) == [0, 2, 4, 6]
    assert store.state.site_posts.items["ext1"].status == ItemStatus.FAILED
