"""The site's posts over both sandbox shapes: the store's view depends on nothing guessed.

Query Items' paging, Update Item's answer, and the sub-fields of ``insightsSummary`` and
``publicationError`` are UNVERIFIED; the two shapes answer each the other plausible way. The
engine, with the real clients, must come out with the same posts either way.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from tui_planner.api import MarketingPlanClient, PublisherClient
from tui_planner.api.models import ItemStatus
from tui_planner.clock import ManualClock
from tui_planner.sandbox import SandboxOptions, create_app
from tui_planner.sandbox.options import Shape
from tui_planner.store import PlannerState, Store
from tui_planner.sync import (
    DeleteItem,
    GeneratePlan,
    PollPolicy,
    ScheduleDrafts,
    SyncEngine,
    UpdateItemCaption,
)

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
async def engines() -> AsyncIterator[dict[Shape, tuple[SyncEngine, Store, ManualClock]]]:
    """One engine per shape over a fresh sandbox where half the posts fail to go out; the
    site's posts are read on every idle poll."""
    built: dict[Shape, tuple[SyncEngine, Store, ManualClock]] = {}
    clients: list[httpx.AsyncClient] = []
    for shape in ("rich", "documented"):
        clock = ManualClock(START)
        options = SandboxOptions(shape=shape, publish_failure_rate=0.5)
        app = create_app(data_file=":memory:", clock=clock, options=options)
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
        clients.append(http)
        common: dict[str, Any] = {
            "base_url": "http://sandbox.test",
            "api_key": "key",
            "site_id": "site",
            "clock": clock,
        }
        store = Store()
        engine = SyncEngine(
            store,
            MarketingPlanClient(http, **common),
            PublisherClient(http, **common),
            clock,
            PollPolicy(site_posts_every=1),
        )
        built[shape] = (engine, store, clock)
    yield built
    for http in clients:
        await http.aclose()


def posts_view(state: PlannerState) -> dict[str, Any]:
    """What a Posts screen shows of each post."""
    view: dict[str, Any] = {}
    for key, entry in state.site_posts.items.items():
        insights = entry.insights_summary
        failure = entry.publication_error
        view[key] = (
            entry.channel.name,
            entry.status,
            entry.text,
            entry.external,
            entry.external_item_url,
            (insights.impressions, insights.interactions) if insights else None,
            failure.sentence if failure else None,
        )
    return view


async def test_the_site_posts_are_the_same_over_both_shapes(
    engines: dict[Shape, tuple[SyncEngine, Store, ManualClock]],
) -> None:
    views: dict[str, dict[str, Any]] = {}
    for shape, (engine, store, clock) in engines.items():
        await engine.run_once()
        assert (await engine.execute(GeneratePlan())).ok
        for _ in range(12):
            clock.advance(1)
            await engine.run_once()
        drafts = sorted(
            e.id
            for a in store.state.activities.values()
            for e in a.posts
            if store.state.is_connected(e.channel.name)
        )
        scheduled = await engine.execute(ScheduleDrafts(tuple(drafts[:12])))
        assert len(scheduled.scheduled_ids) == 12, scheduled.message
        edited = await engine.execute(UpdateItemCaption(drafts[12], "The same both ways"))
        deleted = await engine.execute(DeleteItem(drafts[13]))
        assert edited.ok, edited.message
        assert deleted.ok, deleted.message
        clock.advance(7 * 86400)  # every scheduled post has gone out, and gathered insights
        for _ in range(3):
            await engine.run_once()
            clock.advance(30)
        state = store.state
        statuses = {entry.status for entry in state.site_posts.items.values()}
        assert {ItemStatus.PUBLISHED, ItemStatus.FAILED} <= statuses, shape
        assert state.site_posts.items[drafts[12]].text == "The same both ways"
        assert drafts[13] not in state.site_posts.items
        views[shape] = posts_view(state)

    assert views["rich"] == views["documented"]
