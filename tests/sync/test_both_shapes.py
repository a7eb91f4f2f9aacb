"""The same plan over both sandbox shapes: the store's view depends on nothing guessed.

The sync engine runs with the real clients against a rich and a documented in-process
sandbox (same seed, same clock). Every screen draws from the store, so if the store's view
of the plan (activity types, posts, stories, events) is the same both ways, so is the app.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tui_planner.api import MarketingPlanClient, PublisherClient
from tui_planner.api.models import CalendarEvent, PlanStatus
from tui_planner.clock import ManualClock
from tui_planner.sandbox import SandboxOptions, create_app
from tui_planner.sandbox.options import Shape
from tui_planner.store import PlannerState, Store
from tui_planner.store.event_rules import event_is_read_only
from tui_planner.sync import (
    CreateEvent,
    DeleteEvent,
    GeneratePlan,
    PollPolicy,
    RegenerateStories,
    SyncEngine,
    UpdateEvent,
)

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@dataclass
class Synced:
    """An engine syncing one sandbox into a store."""

    engine: SyncEngine
    store: Store
    clock: ManualClock

    async def cycles(self, count: int, seconds: float = 1.0) -> None:
        """Let ``count`` sync cycles run, ``seconds`` apart."""
        for _ in range(count):
            await self.engine.run_once()
            self.clock.advance(seconds)


@pytest.fixture
async def synced() -> AsyncIterator[dict[Shape, Synced]]:
    """One engine per shape, each over a fresh sandbox."""
    built: dict[Shape, Synced] = {}
    clients: list[httpx.AsyncClient] = []
    for shape in ("rich", "documented"):
        clock = ManualClock(START)
        app = create_app(data_file=":memory:", clock=clock, options=SandboxOptions(shape=shape))
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
            PollPolicy(),
        )
        built[shape] = Synced(engine, store, clock)
    yield built
    for http in clients:
        await http.aclose()


def plan_view(state: PlannerState) -> dict[str, Any]:
    """What the screens show of the plan, without the ids the two sandboxes share anyway."""
    return {
        "status": state.plan_status,
        "activities": {
            key: (
                activity.title,
                activity.date,
                activity.marketing_activity_type,
                tuple((p.id, p.channel.name, p.status, p.text, p.image) for p in activity.posts),
                tuple((s.id, s.channel.name, s.status, s.image) for s in activity.stories),
            )
            for key, activity in state.activities.items()
        },
        "events": sorted(
            (
                event.id,
                event.name,
                event.description,
                event.date,
                event.recurring_rule.frequency if event.recurring_rule else None,
                tuple(o.date for o in event.recurring_occurrences),
            )
            for event in state.events
        ),
    }


async def test_every_screen_sees_the_same_plan_over_both_shapes(
    synced: dict[Shape, Synced],
) -> None:
    views = {}
    for shape, run in synced.items():
        await run.cycles(1)
        outcome = await run.engine.execute(GeneratePlan())
        assert outcome.ok, outcome.message
        await run.cycles(10)
        state = run.store.state
        assert state.plan_status == PlanStatus.ACTIVE
        views[shape] = plan_view(state)
        # Nothing changes now: each idle poll is the plan read alone (30 s apart).
        assert [await run.engine.run_once() for _ in range(3)] == [30.0, 30.0, 30.0], shape

    rich, documented = views["rich"], views["documented"]
    assert rich == documented
    activities = rich["activities"]
    assert {kind for (_, _, kind, _, _) in activities.values()} >= {
        "SOCIAL_MARKETING",
        "BLOG",
    }, "the plan has more than one type"
    assert None not in {kind for (_, _, kind, _, _) in activities.values()}
    assert any(stories for (*_, stories) in activities.values()), "some activity has stories"
    assert rich["events"]


async def test_regenerated_stories_show_the_same_both_ways(synced: dict[Shape, Synced]) -> None:
    views = {}
    for shape, run in synced.items():
        await run.cycles(1)
        await run.engine.execute(GeneratePlan())
        await run.cycles(10)
        with_stories = next(a for a in run.store.state.activities.values() if a.stories)
        before = {s.id: s.image for s in with_stories.stories}
        outcome = await run.engine.execute(RegenerateStories(with_stories.id))
        assert outcome.ok, outcome.message
        await run.cycles(8)
        after = run.store.state.activities[with_stories.id].stories
        assert {s.id for s in after} == before.keys()
        assert all(s.image != before[s.id] for s in after), f"{shape}: new story frames"
        views[shape] = plan_view(run.store.state)
    assert views["rich"] == views["documented"]


async def test_an_event_the_server_refuses_to_change_is_read_only_from_then_on(
    synced: dict[Shape, Synced],
) -> None:
    run = synced["documented"]
    await run.cycles(1)
    state = run.store.state
    connected = next(e for e in state.events if e.name.endswith("makers market"))
    assert not event_is_read_only(state, connected), "nothing says so before the refusal"

    renamed = connected.model_copy(update={"name": "Makers market (moved)"})
    outcome = await run.engine.execute(UpdateEvent(renamed))

    assert not outcome.ok
    assert outcome.error is not None
    assert outcome.error.status == 428
    assert outcome.message.startswith("Could not update the event")
    state = run.store.state
    assert event_is_read_only(state, connected)
    assert [e.name for e in state.events if e.id == connected.id] == [connected.name]
    await run.cycles(1)
    assert event_is_read_only(run.store.state, connected), "a refresh keeps what was learned"

    own = await run.engine.execute(
        CreateEvent(CalendarEvent(name="Winter sale", date=START + timedelta(days=3)))
    )
    assert own.ok
    mine = next(e for e in run.store.state.events if e.name == "Winter sale")
    assert not event_is_read_only(run.store.state, mine)
    deleted = await run.engine.execute(DeleteEvent(mine.id or ""))
    assert deleted.ok, "the app's own events stay editable"
