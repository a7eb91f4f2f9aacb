"""Fixtures for the API client tests: a scripted Wix, a manual clock, both clients."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator

import httpx
import pytest

from tests.api.wix_double import API_KEY, BASE, SITE_ID, FakeWix, RecordingClock
from tui_planner.api import MarketingPlanClient, PublisherClient


@pytest.fixture
def wix() -> FakeWix:
    """The scripted server every client in a test talks to."""
    return FakeWix()


@pytest.fixture
def clock() -> RecordingClock:
    """Time that moves only when a test says so."""
    return RecordingClock()


@pytest.fixture
async def http(wix: FakeWix) -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client whose every request lands in ``wix``."""
    async with httpx.AsyncClient(transport=httpx.MockTransport(wix.handle)) as client:
        yield client


@pytest.fixture
def plan(http: httpx.AsyncClient, clock: RecordingClock) -> MarketingPlanClient:
    """A Marketing Plan client with a seeded jitter source."""
    return MarketingPlanClient(
        http, base_url=BASE, api_key=API_KEY, site_id=SITE_ID, clock=clock, rng=random.Random(7)
    )


@pytest.fixture
def publisher(http: httpx.AsyncClient, clock: RecordingClock) -> PublisherClient:
    """A Publisher client with a seeded jitter source."""
    return PublisherClient(
        http, base_url=BASE, api_key=API_KEY, site_id=SITE_ID, clock=clock, rng=random.Random(7)
    )
