"""What kind of trouble a failed sync was: offline only when no answer came, busy on 429/503."""

from __future__ import annotations

import random
from typing import Any, cast

import pytest

from tests.sync.sync_fakes import FakeApi
from tui_planner.api.errors import (
    ApiConnectionError,
    ApiError,
    ResourceExhaustedError,
    ResponseFormatError,
    ServerBusyError,
    ServerError,
    UnauthenticatedError,
)
from tui_planner.clock import ManualClock
from tui_planner.store import ConnectionPhase, FailureKind, Store
from tui_planner.sync import PollPolicy, SyncEngine


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (ApiConnectionError("Could not reach www.wixapis.com"), FailureKind.OFFLINE),
        (ServerBusyError("Busy", status=503), FailureKind.SERVER_BUSY),
        (ResourceExhaustedError("Slow down", status=429, retry_after=4.0), FailureKind.SERVER_BUSY),
        (ServerError("Broke", status=500), FailureKind.SERVER_ERROR),
        (ServerError("Bad gateway", status=502), FailureKind.SERVER_ERROR),
        (ResponseFormatError("Not the documented format"), FailureKind.BAD_ANSWER),
    ],
)
async def test_a_failed_poll_records_what_kind_of_trouble_it_was(
    engine: SyncEngine, store: Store, api: FakeApi, error: ApiError, kind: FailureKind
) -> None:
    await engine.run_once()
    api.fail("get_social_marketing_plan", error)

    await engine.run_once()

    assert store.state.sync.phase == ConnectionPhase.RETRYING
    assert store.state.sync.failure == kind


async def test_a_good_poll_clears_the_failure(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    api.fail("get_social_marketing_plan", ServerBusyError("Busy", status=503))
    await engine.run_once()
    assert store.state.sync.failure == FailureKind.SERVER_BUSY

    await engine.run_once()

    assert store.state.sync.phase == ConnectionPhase.ONLINE
    assert store.state.sync.failure is None


async def test_a_refused_key_names_the_config_file_it_is_fixed_in(
    store: Store, api: FakeApi, clock: ManualClock
) -> None:
    fake = cast(Any, api)
    engine = SyncEngine(
        store,
        fake,
        fake,
        clock,
        PollPolicy(),
        rng=random.Random(1),
        config_file="~/.config/planner-tui/config.toml",
    )
    api.fail("get_social_marketing_plan", UnauthenticatedError("Bad key", status=401))

    assert await engine.run_once() is None

    sync = store.state.sync
    assert sync.message == (
        "The API key was refused (401): check WIX_API_KEY or [api] api_key in "
        "~/.config/planner-tui/config.toml"
    )
    assert sync.stopped_reason == sync.message
