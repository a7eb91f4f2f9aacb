"""Unexpected exceptions in the sandbox: a logged 500 with an empty body, like Wix's (§7.2).

Failures are injected with monkeypatch into the code every API request runs (``catch_up``),
into one handler (through the route table) and into the media route, then read both raw and
through the real client, which must turn them into its ``ServerError`` and retry them like any
other 5xx.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from starlette.types import Message, Receive, Scope, Send

from tests.api.wix_double import drive
from tests.sandbox.harness import BASE_URL, PLAN, START, Sandbox
from tui_planner.api import MarketingPlanClient, ServerError
from tui_planner.api.models import PlanStatus
from tui_planner.clock import ManualClock
from tui_planner.sandbox import app as sandbox_app
from tui_planner.sandbox import plan_service
from tui_planner.sandbox.context import ApiRequest, SandboxContext
from tui_planner.sandbox.internal_errors import InternalErrorMiddleware
from tui_planner.sandbox.timeline import catch_up

# What the injected failure says; none of it may reach a client.
SECRET_DETAIL = "disk full at /var/lib/sandbox/secret-path.sqlite3"


class Breakdown:
    """A stand-in for ``catch_up`` that fails its first ``failures`` calls, then works."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0

    def __call__(self, ctx: SandboxContext) -> None:
        self.calls += 1
        if self.calls <= self.failures:
            raise RuntimeError(SECRET_DETAIL)
        catch_up(ctx)


def break_requests(monkeypatch: pytest.MonkeyPatch, failures: int = 10**6) -> Breakdown:
    """Make the first ``failures`` API requests raise inside their transaction."""
    breakdown = Breakdown(failures)
    monkeypatch.setattr(sandbox_app, "catch_up", breakdown)
    return breakdown


def assert_internal_answer(response: httpx.Response) -> None:
    """A 500 with an empty body, as Wix answers a system error: nothing of the exception."""
    assert response.status_code == 500
    assert response.content == b""


async def test_an_unexpected_exception_answers_an_empty_500(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    break_requests(monkeypatch)

    response = await sandbox.call("GET", "/marketing-plan")

    assert_internal_answer(response)


async def test_the_traceback_is_logged_and_the_sandbox_keeps_serving(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    break_requests(monkeypatch, failures=1)
    caplog.set_level(logging.ERROR, logger="tui_planner.sandbox.internal_errors")

    failed = await sandbox.call("GET", "/marketing-settings")
    healthy = await sandbox.call("GET", "/marketing-settings")

    assert failed.status_code == 500
    assert healthy.status_code == 200
    [record] = [r for r in caplog.records if r.name == "tui_planner.sandbox.internal_errors"]
    assert record.levelno == logging.ERROR
    assert f"GET {PLAN}/marketing-settings" in record.getMessage()
    assert record.exc_info is not None
    assert record.exc_info[0] is RuntimeError
    assert str(record.exc_info[1]) == SECRET_DETAIL


async def test_a_handler_failing_after_a_write_changes_nothing(
    make_sandbox: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def generate_then_fail(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
        plan_service.generate_plan(ctx, request)
        raise KeyError("a bug after the plan was written")

    routes = tuple(
        (verb, path, generate_then_fail if handler is plan_service.generate_plan else handler)
        for verb, path, handler in sandbox_app._PLAN_ROUTES
    )
    monkeypatch.setattr(sandbox_app, "_PLAN_ROUTES", routes)
    sandbox: Sandbox = await make_sandbox()

    response = await sandbox.call("POST", "/marketing-plan/generate-marketing-plan", json={})

    assert_internal_answer(response)
    assert (await sandbox.plan())["status"] == "NEVER_CREATED"


async def test_routes_outside_the_api_answer_the_same_way(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_image(conn: object, name: str) -> bytes:
        raise OSError(SECRET_DETAIL)

    monkeypatch.setattr(sandbox_app, "image_png", broken_image)

    response = await sandbox.call("GET", "/sandbox-media/some-image.png")

    assert_internal_answer(response)


def plan_client(sandbox: Sandbox, clock: ManualClock, max_retries: int) -> MarketingPlanClient:
    """The real Marketing Plan client over ``sandbox``, waiting on its own ``clock``."""
    return MarketingPlanClient(
        sandbox.http,
        base_url=BASE_URL,
        api_key="sandbox-test-key",
        site_id="site-under-test",
        clock=clock,
        max_retries=max_retries,
    )


async def test_the_client_reads_it_as_a_server_error_with_a_sentence(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    breakdown = break_requests(monkeypatch)
    client_clock = ManualClock(START)
    client = plan_client(sandbox, client_clock, max_retries=2)

    with pytest.raises(ServerError) as caught:
        await drive(client_clock, client.get_social_marketing_plan())

    error = caught.value
    assert error.status == 500
    assert error.canonical == "INTERNAL"
    assert error.application_code is None
    assert error.operation == "GetSocialMarketingPlan"
    assert str(error) == "The service had an internal error; try again later (INTERNAL)"
    # A safe call is tried again after a 500, like after any other 5xx: 1 + 2 retries.
    assert breakdown.calls == 3


async def test_the_client_retries_a_safe_call_past_a_passing_failure(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    breakdown = break_requests(monkeypatch, failures=1)
    client_clock = ManualClock(START)
    client = plan_client(sandbox, client_clock, max_retries=3)

    plan = await drive(client_clock, client.get_social_marketing_plan())

    assert plan.status == PlanStatus.NEVER_CREATED
    assert breakdown.calls == 2


async def test_the_client_does_not_repeat_a_call_that_could_apply_twice(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    breakdown = break_requests(monkeypatch, failures=1)
    client_clock = ManualClock(START)
    client = plan_client(sandbox, client_clock, max_retries=3)

    with pytest.raises(ServerError):
        await drive(client_clock, client.generate_marketing_plan())

    assert breakdown.calls == 1
    assert (await sandbox.plan())["status"] == "NEVER_CREATED"


async def test_a_failure_after_the_answer_started_is_logged_and_raised(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # The status line is already sent, so no 500 can replace it: the server must drop the
    # connection, which it does when the exception reaches it.
    async def half_answer(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        raise RuntimeError(SECRET_DETAIL)

    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    caplog.set_level(logging.ERROR, logger="tui_planner.sandbox.internal_errors")
    guarded = InternalErrorMiddleware(half_answer)
    scope: Scope = {"type": "http", "method": "GET", "path": "/stream"}

    with pytest.raises(RuntimeError):
        await guarded(scope, receive, send)

    assert [message["type"] for message in sent] == ["http.response.start"]
    assert [r.getMessage() for r in caplog.records] == [
        "Unexpected error after answering GET /stream"
    ]
