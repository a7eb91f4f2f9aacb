"""Auth headers (§7.1) and the rule that the API key never shows anywhere."""

from __future__ import annotations

import logging

import httpx
import pytest

from tests.api.wix_double import API_KEY, BASE, SITE_ID, FakeWix, RecordingClock, drive
from tui_planner.api import ApiError, MarketingPlanClient, PublisherClient, describe_error
from tui_planner.api.models import ChannelName


async def test_every_call_sends_the_key_as_is_with_the_site_id(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    await plan.generate_marketing_plan()

    headers = wix.last.headers
    assert headers["Authorization"] == API_KEY
    assert not headers["Authorization"].startswith("Bearer")
    assert headers["wix-site-id"] == SITE_ID
    assert headers["Content-Type"] == "application/json"
    assert "wix-account-id" not in headers


async def test_publisher_calls_send_the_same_headers(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    wix.reply({"status": "VALID"})

    await publisher.get_token_status(ChannelName.TIKTOK)

    assert wix.last.headers["Authorization"] == API_KEY
    assert wix.last.headers["wix-site-id"] == SITE_ID


async def test_no_site_id_header_when_there_is_no_site(
    wix: FakeWix, http: httpx.AsyncClient, clock: RecordingClock
) -> None:
    client = MarketingPlanClient(http, api_key=API_KEY, site_id=None, clock=clock)

    await client.get_marketing_settings()

    assert "wix-site-id" not in wix.last.headers
    assert wix.last.headers["Authorization"] == API_KEY


async def test_base_url_defaults_to_wix_and_a_trailing_slash_is_ignored(
    wix: FakeWix, http: httpx.AsyncClient, clock: RecordingClock
) -> None:
    default = MarketingPlanClient(http, api_key=API_KEY, site_id=None, clock=clock)
    local = PublisherClient(
        http, base_url="http://127.0.0.1:8765/", api_key=API_KEY, site_id=None, clock=clock
    )
    wix.reply({}).reply({"status": "VALID"})

    await default.delete_marketing_plan()
    await local.get_token_status(ChannelName.GBP)

    urls = [f"{s.path}" for s in wix.sent]
    assert urls == [
        "/promote/marketing-plan-service/v1/marketing-plan",
        "/social-publisher/v1/GBP/long-lived-token-status",
    ]


def test_client_reprs_leave_the_key_out(
    plan: MarketingPlanClient, publisher: PublisherClient
) -> None:
    assert repr(
        plan
    ) == f"MarketingPlanClient(base_url='{BASE}/promote/marketing-plan-service/v1'" + (
        f", site_id='{SITE_ID}')"
    )
    for text in (repr(plan), repr(publisher), repr(vars(plan)), repr(vars(publisher))):
        assert API_KEY not in text


async def test_a_key_echoed_by_the_server_is_blotted_out_of_the_error(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    body = {
        "message": f"Invalid API key {API_KEY}",
        "details": {
            "applicationError": {"code": "BAD_KEY", "description": f"key {API_KEY} unknown"},
            "validationError": {
                "fieldViolations": [{"field": "authorization", "description": f"bad {API_KEY}"}]
            },
        },
    }
    wix.reply(body, status=401)

    with pytest.raises(ApiError) as caught:
        await plan.get_marketing_settings()

    error = caught.value
    for text in (str(error), repr(error), describe_error(error), error.description or ""):
        assert API_KEY not in text
    assert "***" in str(error)


async def test_logs_never_hold_the_key(
    plan: MarketingPlanClient,
    wix: FakeWix,
    clock: RecordingClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    wix.reply(status=503).fail(httpx.ConnectError("refused")).reply({"status": "ACTIVE"})

    await drive(clock, plan.get_social_marketing_plan())

    assert caplog.records, "the transport logs its attempts"
    assert API_KEY not in caplog.text
    assert all(API_KEY not in repr(record.args) for record in caplog.records)


async def test_connection_errors_never_hold_the_key(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.fail(httpx.ConnectError(f"refused while sending {API_KEY}"))

    with pytest.raises(ApiError) as caught:
        await plan.generate_marketing_plan()

    assert API_KEY not in str(caught.value)
    assert API_KEY not in repr(caught.value)
