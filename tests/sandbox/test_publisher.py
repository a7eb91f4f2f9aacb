"""The Publisher (Part A): connections, accounts, features and the item lifecycle."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.sandbox.harness import AUTH, BASE_URL, PUBLISHER, Sandbox
from tui_planner.api.models import (
    AccountsResponse,
    ChannelName,
    FeatureDataResponse,
    FeatureType,
    ItemResponse,
)
from tui_planner.clock import ManualClock
from tui_planner.sandbox import SandboxOptions, create_app
from tui_planner.sandbox.publisher import PUBLISHING_SECONDS


async def _scheduled(sandbox: Sandbox) -> tuple[dict[str, Any], dict[str, Any]]:
    """(activity, its Instagram post scheduled through ScheduleDrafts)."""
    plan = await sandbox.generate()
    activity = next(a for a in plan["marketingActivities"] if a["items"])
    instagram = next(i for i in activity["items"] if i["channel"]["name"] == "INSTAGRAM")
    body = await sandbox.ok(
        "POST", "/marketing-plan/schedule-drafts", json={"draftIds": [instagram["id"]]}
    )
    return activity, body["items"][0]


async def _item(sandbox: Sandbox, activity_id: str, item_id: str) -> dict[str, Any]:
    items = (await sandbox.posts(activity_id))[activity_id]
    return next(i for i in items if i["id"] == item_id)


@pytest.mark.parametrize(
    ("channel", "status"),
    [("INSTAGRAM", "VALID"), ("facebook", "VALID"), ("PINTEREST", "NEVER_CREATED")],
)
async def test_token_status_follows_connected_channels(
    sandbox: Sandbox, channel: str, status: str
) -> None:
    body = await sandbox.ok("GET", f"{PUBLISHER}/{channel}/long-lived-token-status")
    assert body == {"status": status}


async def test_a_channel_switched_off_while_serving_reads_never_created(
    clock: ManualClock,
) -> None:
    # As a site owner disconnecting a channel behind a running app's back.
    app = create_app(data_file=":memory:", clock=clock, options=SandboxOptions())
    path = f"{PUBLISHER}/FACEBOOK/long-lived-token-status"
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, headers=AUTH) as http:
        assert (await http.get(path)).json() == {"status": "VALID"}

        switched = app.state.switch(connected_channels=(ChannelName.INSTAGRAM,))

        assert switched.connected_channels == (ChannelName.INSTAGRAM,)
        assert (await http.get(path)).json() == {"status": "NEVER_CREATED"}


async def test_token_status_for_unknown_channel_is_invalid(sandbox: Sandbox) -> None:
    response = await sandbox.call("GET", f"{PUBLISHER}/MYSPACE/long-lived-token-status")
    assert response.status_code == 400


async def test_list_accounts_nests_account_under_lowercase_channel(sandbox: Sandbox) -> None:
    body = await sandbox.ok("GET", f"{PUBLISHER}/accounts", params={"channelName": "FACEBOOK"})
    (account,) = body["accounts"]
    assert account["channelName"] == "FACEBOOK"
    assert account["facebook"]["page"]["id"]
    parsed = AccountsResponse.model_validate(body).accounts[0]
    assert parsed.id
    assert parsed.is_default


async def test_item_account_id_matches_listed_account(sandbox: Sandbox) -> None:
    _, item = await _scheduled(sandbox)
    body = await sandbox.ok("GET", f"{PUBLISHER}/accounts", params={"channelName": "INSTAGRAM"})
    assert item["channel"]["accountId"] == body["accounts"][0]["instagram"]["id"]


async def test_list_accounts_for_unconnected_channel_is_user_not_exist(sandbox: Sandbox) -> None:
    response = await sandbox.call("GET", f"{PUBLISHER}/accounts", params={"channelName": "TIKTOK"})
    assert response.status_code == 400
    assert response.json()["details"]["applicationError"]["code"] == "USER_NOT_EXIST_FOR_CHANNEL"


@pytest.mark.parametrize("premium", [True, False])
async def test_feature_data_schedule_post_follows_premium(
    make_sandbox: Callable[..., Any], premium: bool
) -> None:
    sandbox: Sandbox = await make_sandbox(premium=premium)
    body = await sandbox.ok(
        "GET",
        f"{PUBLISHER}/features",
        params=[("featureTypes", "PUBLISH_POST"), ("featureTypes", "SCHEDULE_POST")],
    )
    features = FeatureDataResponse.model_validate(body)
    schedule = features.feature(FeatureType.SCHEDULE_POST)
    assert schedule is not None
    assert schedule.usable is premium
    publish = features.feature(FeatureType.PUBLISH_POST)
    assert publish is not None
    assert publish.usable


async def test_connect_url_points_at_the_sandbox(sandbox: Sandbox) -> None:
    body = await sandbox.ok("GET", f"{PUBLISHER}/TIKTOK/connect-url")
    assert body["connectUrl"] == "http://sandbox.test/sandbox-connect/TIKTOK"
    page = await sandbox.http.get(body["connectUrl"])
    assert "connected_channels" in page.text


async def test_scheduled_item_publishes_when_its_time_passes(sandbox: Sandbox) -> None:
    activity, item = await _scheduled(sandbox)
    activity_id = activity["marketingActivityId"]
    sandbox.clock.set(_when(item) - timedelta(seconds=1))
    assert (await _item(sandbox, activity_id, item["id"]))["status"] == "SCHEDULED"
    sandbox.clock.advance(1)
    assert (await _item(sandbox, activity_id, item["id"]))["status"] == "PROCESSING"
    sandbox.clock.advance(PUBLISHING_SECONDS - 1)
    assert (await _item(sandbox, activity_id, item["id"]))["status"] == "PROCESSING"
    sandbox.clock.advance(1)
    published = await _item(sandbox, activity_id, item["id"])
    assert published["status"] == "PUBLISHED"
    assert published["externalItemUrl"].startswith("https://www.instagram.com/p/")


def _when(item: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(item["schedulingInfo"]["scheduledDate"])


async def test_publish_failure_rate_fails_items_deterministically(
    make_sandbox: Callable[..., Any],
) -> None:
    sandbox: Sandbox = await make_sandbox(publish_failure_rate=1.0)
    activity, item = await _scheduled(sandbox)
    sandbox.clock.set(_when(item) + timedelta(minutes=5))
    assert (await _item(sandbox, activity["marketingActivityId"], item["id"]))["status"] == "FAILED"


async def test_reschedule_scheduled_item_into_the_future(sandbox: Sandbox) -> None:
    activity, item = await _scheduled(sandbox)
    later = "2026-07-25T10:00:00.000Z"
    body = await sandbox.ok(
        "POST", f"{PUBLISHER}/items/{item['id']}/reschedule", json={"scheduledDate": later}
    )
    parsed = ItemResponse.model_validate(body).item
    assert parsed is not None
    assert parsed.status.value == "SCHEDULED"
    assert body["item"]["schedulingInfo"]["scheduledDate"] == later
    stored = await _item(sandbox, activity["marketingActivityId"], item["id"])
    assert stored["schedulingInfo"]["scheduledDate"] == later


async def test_reschedule_into_the_past_is_refused(sandbox: Sandbox) -> None:
    _, item = await _scheduled(sandbox)
    response = await sandbox.call(
        "POST",
        f"{PUBLISHER}/items/{item['id']}/reschedule",
        json={"scheduledDate": "2026-07-08T08:00:00.000Z"},
    )
    assert response.status_code == 428
    assert response.json()["details"]["applicationError"]["code"] == "SCHEDULED_TIME_ALREADY_PASSED"


async def test_reschedule_draft_is_refused(sandbox: Sandbox) -> None:
    activity, _ = await _scheduled(sandbox)
    draft = next(i for i in activity["items"] if i["channel"]["name"] == "FACEBOOK")
    response = await sandbox.call(
        "POST",
        f"{PUBLISHER}/items/{draft['id']}/reschedule",
        json={"scheduledDate": "2026-07-25T10:00:00.000Z"},
    )
    assert response.status_code == 428


async def test_reschedule_unknown_item_is_not_found(sandbox: Sandbox) -> None:
    response = await sandbox.call(
        "POST", f"{PUBLISHER}/items/nope/reschedule", json={"scheduledDate": "2026-07-25T10:00:00Z"}
    )
    assert response.status_code == 404
    assert response.json()["details"]["applicationError"]["code"] == "ITEM_NOT_EXISTS"


async def test_cancel_scheduled_item(sandbox: Sandbox) -> None:
    activity, item = await _scheduled(sandbox)
    body = await sandbox.ok("PATCH", f"{PUBLISHER}/items/{item['id']}/cancel", json={})
    assert body["item"]["status"] == "CANCELED"
    sandbox.clock.set(_when(item) + timedelta(hours=1))
    stored = await _item(sandbox, activity["marketingActivityId"], item["id"])
    assert stored["status"] == "CANCELED"


@pytest.mark.parametrize("elapsed", [timedelta(seconds=1), timedelta(minutes=2)])
async def test_nothing_changes_once_processing_or_published(
    sandbox: Sandbox, elapsed: timedelta
) -> None:
    activity, item = await _scheduled(sandbox)
    sandbox.clock.set(_when(item) + elapsed)
    before = await _item(sandbox, activity["marketingActivityId"], item["id"])
    assert before["status"] in ("PROCESSING", "PUBLISHED")
    cancel = await sandbox.call("PATCH", f"{PUBLISHER}/items/{item['id']}/cancel", json={})
    assert cancel.status_code == 428
    assert cancel.json()["details"]["applicationError"]["code"] == "ITEM_IS_PUBLISHED"
    reschedule = await sandbox.call(
        "POST",
        f"{PUBLISHER}/items/{item['id']}/reschedule",
        json={"scheduledDate": "2026-08-30T10:00:00.000Z"},
    )
    assert reschedule.status_code == 428
    after = await _item(sandbox, activity["marketingActivityId"], item["id"])
    assert after == before


async def test_publish_by_id_now_and_later(sandbox: Sandbox) -> None:
    activity, _ = await _scheduled(sandbox)
    drafts = [i for i in activity["items"] if i["channel"]["name"] in ("FACEBOOK", "LINKEDIN")]
    now = await sandbox.ok("POST", f"{PUBLISHER}/publish-by-id", json={"id": drafts[0]["id"]})
    assert now["item"]["status"] == "PROCESSING"
    later = await sandbox.ok(
        "POST",
        f"{PUBLISHER}/publish-by-id",
        json={"id": drafts[1]["id"], "scheduledDate": "2026-07-30T10:00:00.000Z"},
    )
    assert later["item"]["status"] == "SCHEDULED"
