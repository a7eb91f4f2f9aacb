"""A busy server (429, 503) is a typed "server busy" error, apart from being offline.

The last test drives the real client against the sandbox while another program holds its data
file, the way issue 15 found a new event silently lost.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from tests.api.wix_double import FakeWix, drive
from tui_planner.api import (
    ApiConnectionError,
    MarketingPlanClient,
    ResourceExhaustedError,
    ServerBusyError,
    ServerError,
)
from tui_planner.api.errors import error_from_response
from tui_planner.api.models import CalendarEvent
from tui_planner.clock import ManualClock
from tui_planner.sandbox import SandboxOptions, create_app

WIX_BUSY = {
    "message": "Service is temporarily unavailable",
    "details": {"applicationError": {"code": "UNAVAILABLE", "description": "Busy"}},
}


@pytest.mark.parametrize(
    ("status", "cls", "busy"),
    [
        (503, ServerBusyError, True),
        (429, ResourceExhaustedError, True),
        (500, ServerError, False),
        (502, ServerError, False),
        (504, ServerError, False),
        (400, None, False),
    ],
)
def test_429_and_503_are_server_busy_and_other_failures_are_not(
    status: int, cls: type[Exception] | None, busy: bool
) -> None:
    error = error_from_response(status, b"")
    if cls is not None:
        assert type(error) is cls
    assert error.is_server_busy is busy


def test_a_lost_connection_is_not_server_busy() -> None:
    assert not ApiConnectionError("Could not reach www.wixapis.com").is_server_busy


def test_a_503_body_keeps_its_sentence_and_code() -> None:
    error = error_from_response(503, b'{"message": "x"}'.replace(b"x", b"Try later"))
    assert str(error) == "Try later (UNAVAILABLE)"


async def test_a_read_retries_a_503_then_raises_server_busy(
    plan: MarketingPlanClient, wix: FakeWix, clock: ManualClock
) -> None:
    for _ in range(4):
        wix.reply(WIX_BUSY, status=503)
    with pytest.raises(ServerBusyError) as raised:
        await drive(clock, plan.get_marketing_settings())
    assert len(wix.sent) == 4, "one try and three retries"
    assert raised.value.is_server_busy


async def test_a_locked_sandbox_file_reaches_the_client_as_server_busy(tmp_path: Path) -> None:
    clock = ManualClock(datetime(2026, 7, 8, 9, 0, tzinfo=UTC))
    data_file = tmp_path / "sandbox.sqlite3"
    app = create_app(data_file=data_file, clock=clock, options=SandboxOptions())
    base = "http://sandbox.test"
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=base) as http:
        client = MarketingPlanClient(
            http, base_url=base, api_key="sandbox-test-key", site_id="site", clock=clock
        )
        event = CalendarEvent(name="Sale", date=datetime(2026, 7, 15, tzinfo=UTC))
        other = sqlite3.connect(data_file, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(ServerBusyError) as raised:
                await drive(clock, client.create_event(event))
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert raised.value.status == 503
        assert raised.value.application_code == "SANDBOX_DATA_FILE_LOCKED"
        assert str(raised.value).startswith("The sandbox data file is locked by another program")
        created = await drive(clock, client.create_event(event))
        assert created.name == "Sale"
