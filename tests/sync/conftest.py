"""Fixtures for the sync engine tests: a manual clock, the fake API and an engine on it."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any, cast

import pytest

from tests.sync.sync_fakes import START, FakeApi, make_activity, make_item
from tui_planner.api.models import ChannelName
from tui_planner.clock import ManualClock
from tui_planner.store import Store
from tui_planner.sync import PollPolicy, SyncEngine


@pytest.fixture
def clock() -> ManualClock:
    """Time that moves only when a test says so."""
    return ManualClock(START)


@pytest.fixture
def api() -> FakeApi:
    """An ACTIVE plan with three activities; one has a draft on each of three channels."""
    fake = FakeApi()
    fake.activities = {
        "a1": make_activity(
            "a1",
            items=(
                make_item("fb1", ChannelName.FACEBOOK),
                make_item("ig1", ChannelName.INSTAGRAM),
                make_item("li1", ChannelName.LINKEDIN),
            ),
        ),
        "a2": make_activity("a2", START + timedelta(days=2)),
        "a3": make_activity("a3", START + timedelta(days=5)),
    }
    return fake


@pytest.fixture
def store() -> Store:
    """An empty store."""
    return Store()


@pytest.fixture
def engine(store: Store, api: FakeApi, clock: ManualClock) -> SyncEngine:
    """An engine on the fake API with the default policy and a seeded random generator."""
    fake = cast(Any, api)
    return SyncEngine(store, fake, fake, clock, PollPolicy(), rng=random.Random(1))
