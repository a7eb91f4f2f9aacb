"""Auth as Wix answers it (§7.1) and the fault switches (issue §6)."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.api.wix_double import settle
from tests.sandbox.harness import PLAN, PUBLISHER, Sandbox
from tui_planner.sandbox.faults import EXEMPT_HEADER


async def test_missing_authorization_is_unauthenticated(sandbox: Sandbox) -> None:
    response = await sandbox.http.get(f"{PLAN}/marketing-plan", headers={"Authorization": ""})
    assert response.status_code == 401
    body = response.json()
    assert body["details"]["applicationError"]["code"] == "UNAUTHENTICATED"
    assert body["message"]


async def test_configured_api_key_must_match(make_sandbox: Callable[..., Any]) -> None:
    sandbox: Sandbox = await make_sandbox(api_key="sandbox-test-key")
    assert (await sandbox.call("GET", "/marketing-plan")).status_code == 200
    wrong = await sandbox.http.get(f"{PLAN}/marketing-plan", headers={"Authorization": "other"})
    assert wrong.status_code == 401


async def test_any_key_is_accepted_when_none_is_configured(sandbox: Sandbox) -> None:
    response = await sandbox.http.get(f"{PLAN}/marketing-plan", headers={"Authorization": "x"})
    assert response.status_code == 200


async def test_missing_site_id_is_permission_denied(sandbox: Sandbox) -> None:
    response = await sandbox.http.get(
        f"{PUBLISHER}/features", headers={"Authorization": "key", "wix-site-id": ""}
    )
    assert response.status_code == 403
    assert response.json()["details"]["applicationError"]["code"] == "PERMISSION_DENIED"


async def test_account_id_instead_of_site_id_is_let_through(sandbox: Sandbox) -> None:
    response = await sandbox.http.get(
        f"{PLAN}/marketing-settings",
        headers={"Authorization": "key", "wix-site-id": "", "wix-account-id": "acct"},
    )
    assert response.status_code == 200


async def test_refused_request_changes_nothing(sandbox: Sandbox) -> None:
    response = await sandbox.http.post(
        f"{PLAN}/marketing-plan/generate-marketing-plan", json={}, headers={"Authorization": ""}
    )
    assert response.status_code == 401
    assert (await sandbox.plan())["status"] == "NEVER_CREATED"


async def test_unreadable_json_fails_to_parse(sandbox: Sandbox) -> None:
    response = await sandbox.call(
        "POST", "/events", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["message"] == "Failed to parse request message"


async def test_faults_are_off_by_default(sandbox: Sandbox) -> None:
    for _ in range(30):
        assert (await sandbox.call("GET", "/marketing-plan")).status_code == 200


async def test_error_rate_answers_server_errors_with_empty_body(
    make_sandbox: Callable[..., Any], tmp_path: Path
) -> None:
    sandbox: Sandbox = await make_sandbox(data_file=tmp_path / "s.sqlite3", error_rate=1.0)
    for _ in range(5):
        response = await sandbox.call("POST", "/marketing-plan/generate-marketing-plan", json={})
        assert response.status_code in (500, 503, 504)
        assert response.content == b""
    healthy: Sandbox = await make_sandbox(data_file=sandbox.data_file)
    assert (await healthy.plan())["status"] == "NEVER_CREATED"


async def test_rate_limit_answers_429_with_retry_after(make_sandbox: Callable[..., Any]) -> None:
    sandbox: Sandbox = await make_sandbox(rate_limit_rate=1.0, retry_after_seconds=3)
    response = await sandbox.call("GET", "/marketing-plan")
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "3"
    assert response.json()["details"]["applicationError"]["code"] == "RESOURCE_EXHAUSTED"


@pytest.mark.parametrize("rate", [0.3])
async def test_faults_are_deterministic_by_seed(
    make_sandbox: Callable[..., Any], rate: float
) -> None:
    async def statuses() -> list[int]:
        sandbox: Sandbox = await make_sandbox(error_rate=rate, rate_limit_rate=rate)
        return [(await sandbox.call("GET", "/marketing-plan")).status_code for _ in range(20)]

    first = await statuses()
    assert first == await statuses()
    assert {200, 429} <= set(first)
    assert set(first) - {200, 429}


async def test_a_latency_spike_waits_on_the_sandbox_clock(make_sandbox: Callable[..., Any]) -> None:
    sandbox: Sandbox = await make_sandbox(latency_spike_rate=1.0, latency_spike_seconds=10)
    request = asyncio.ensure_future(sandbox.call("GET", "/marketing-plan"))
    await settle()
    assert not request.done(), "held until the clock moves"

    sandbox.clock.advance(15)
    await settle()

    assert request.done()
    assert request.result().status_code == 200
    assert sandbox.faults.counts == {"latency": 1}


async def test_injected_faults_are_counted_and_can_be_switched_off(
    make_sandbox: Callable[..., Any],
) -> None:
    sandbox: Sandbox = await make_sandbox(error_rate=0.5, rate_limit_rate=0.5)
    statuses = [(await sandbox.call("GET", "/marketing-plan")).status_code for _ in range(10)]
    counted = Counter({str(status): statuses.count(status) for status in set(statuses)})
    assert sandbox.faults.counts == counted
    assert 200 not in statuses

    sandbox.faults.active = False

    assert (await sandbox.call("GET", "/marketing-plan")).status_code == 200
    assert sum(sandbox.faults.counts.values()) == 10


async def test_a_request_marked_fault_free_meets_no_fault(make_sandbox: Callable[..., Any]) -> None:
    sandbox: Sandbox = await make_sandbox(error_rate=1.0, latency_spike_rate=1.0)
    response = await sandbox.call("GET", "/marketing-plan", headers={EXEMPT_HEADER: "off"})
    assert response.status_code == 200
    assert not sandbox.faults.counts
