"""Publisher methods (publisher-and-post-lifecycle.md A.4, A.6): requests and example answers."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.api.wix_double import PUBLISHER_ROOT, FakeWix
from tui_planner.api import PublisherClient
from tui_planner.api.models import (
    ChannelName,
    FeatureType,
    ItemStatus,
    QuotaPeriod,
    TokenStatus,
)

ITEM_ID = "ac01c174-5244-49df-8085-84d87cd0345a"

# A.6 List Accounts' example answer.
ACCOUNTS_EXAMPLE = {
    "accounts": [
        {
            "channelName": "FACEBOOK",
            "facebook": {
                "id": "1022334455667788",
                "displayName": "Jane's Pottery",
                "page": {"id": "102938475610293", "displayName": "Jane's Pottery Page"},
                "settings": {"default": True},
            },
        }
    ]
}

# A.6 Get Feature Data's example answer.
FEATURES_EXAMPLE = {
    "features": [
        {
            "type": "PUBLISH_POST",
            "enabled": True,
            "quotaInfo": {"limit": 30, "currentUsage": 4, "remainingUsage": 26, "period": "MONTH"},
        },
        {
            "type": "SCHEDULE_POST",
            "enabled": True,
            "quotaInfo": {"limit": 30, "currentUsage": 4, "remainingUsage": 26, "period": "MONTH"},
        },
    ],
    "monetizationEnabled": True,
}

FULL_ITEM = {
    "item": {
        "id": ITEM_ID,
        "status": "SCHEDULED",
        "channel": {"name": "INSTAGRAM", "accountId": "17841405822304914"},
        "type": "POST",
        "schedulingInfo": {"scheduledDate": "2026-07-12T09:00:00.000Z"},
    }
}


async def test_get_token_status_puts_channel_in_path(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    wix.reply({"status": "VALID"})

    status = await publisher.get_token_status(ChannelName.INSTAGRAM)

    assert wix.last.method == "GET"
    assert wix.last.path == f"{PUBLISHER_ROOT}/INSTAGRAM/long-lived-token-status"
    assert wix.last.body is None
    assert status is TokenStatus.VALID


async def test_list_accounts_passes_channel_name_and_unnests_accounts(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    wix.reply(ACCOUNTS_EXAMPLE)

    (account,) = await publisher.list_accounts(ChannelName.FACEBOOK)

    assert wix.last.method == "GET"
    assert wix.last.path == f"{PUBLISHER_ROOT}/accounts"
    assert wix.last.query == [("channelName", "FACEBOOK")]
    assert account.channel_name is ChannelName.FACEBOOK
    assert account.id == "1022334455667788"
    assert account.display_name == "Jane's Pottery"
    assert account.is_default


async def test_get_feature_data_repeats_feature_types_param(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    wix.reply(FEATURES_EXAMPLE)

    data = await publisher.get_feature_data()

    assert wix.last.method == "GET"
    assert wix.last.path == f"{PUBLISHER_ROOT}/features"
    assert wix.last.query == [("featureTypes", "PUBLISH_POST"), ("featureTypes", "SCHEDULE_POST")]
    schedule = data.feature(FeatureType.SCHEDULE_POST)
    assert schedule is not None
    assert schedule.usable
    assert schedule.quota_info is not None
    assert schedule.quota_info.remaining_usage == 26
    assert schedule.quota_info.period is QuotaPeriod.MONTH
    assert data.monetization_enabled is True


async def test_get_feature_data_for_one_type(publisher: PublisherClient, wix: FakeWix) -> None:
    wix.reply({"features": []})

    await publisher.get_feature_data([FeatureType.SCHEDULE_POST])

    assert wix.last.query == [("featureTypes", "SCHEDULE_POST")]


async def test_get_connect_url_reads_url(publisher: PublisherClient, wix: FakeWix) -> None:
    url = "https://www.instagram.com/oauth/authorize?client_id=...&redirect_uri=...&state=..."
    wix.reply({"connectUrl": url})

    assert await publisher.get_connect_url(ChannelName.INSTAGRAM) == url
    assert (wix.last.method, wix.last.path) == ("GET", f"{PUBLISHER_ROOT}/INSTAGRAM/connect-url")


async def test_publish_item_by_id_with_date_schedules(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    wix.reply({"item": {"id": ITEM_ID, "status": "SCHEDULED"}})

    result = await publisher.publish_item_by_id(ITEM_ID, datetime(2026, 7, 10, 9, tzinfo=UTC))

    assert wix.last.method == "POST"
    assert wix.last.path == f"{PUBLISHER_ROOT}/publish-by-id"
    assert wix.last.body == {
        "id": "ac01c174-5244-49df-8085-84d87cd0345a",
        "scheduledDate": "2026-07-10T09:00:00.000Z",
    }
    # The contract's example answer carries only id and status: no full item to return.
    assert result is None


async def test_publish_item_by_id_now_omits_scheduled_date(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    await publisher.publish_item_by_id(ITEM_ID)

    assert wix.last.body == {"id": ITEM_ID}


async def test_reschedule_item_posts_new_date_and_reads_item(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    wix.reply(FULL_ITEM)

    item = await publisher.reschedule_item(ITEM_ID, datetime(2026, 7, 12, 9, tzinfo=UTC))

    assert wix.last.method == "POST"
    assert wix.last.path == f"{PUBLISHER_ROOT}/items/{ITEM_ID}/reschedule"
    assert wix.last.body == {"scheduledDate": "2026-07-12T09:00:00.000Z"}
    assert item is not None
    assert item.status is ItemStatus.SCHEDULED
    assert item.scheduled_date == datetime(2026, 7, 12, 9, tzinfo=UTC)


async def test_reschedule_item_with_empty_answer_returns_none(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    wix.reply({})

    assert await publisher.reschedule_item(ITEM_ID, datetime(2026, 7, 12, tzinfo=UTC)) is None


async def test_cancel_scheduled_item_patches_empty_object(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    wix.reply({})

    assert await publisher.cancel_scheduled_item(ITEM_ID) is None
    assert wix.last.method == "PATCH"
    assert wix.last.path == f"{PUBLISHER_ROOT}/items/{ITEM_ID}/cancel"
    assert wix.last.body == {}
