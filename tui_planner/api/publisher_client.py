"""The Publisher calls the app needs (``/social-publisher/v1``, publisher-and-post-lifecycle.md).

Channel connection checks, connected accounts, premium feature data, and the item lifecycle
steps the plan hands off to the Publisher: publish or schedule, reschedule, cancel. Getting,
changing, deleting and querying items are mixed in from :mod:`.item_calls`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from .item_calls import ItemCalls
from .models import (
    Account,
    AccountsResponse,
    ChannelName,
    FeatureDataResponse,
    FeatureType,
    PostItem,
    TokenStatus,
    TokenStatusResponse,
    WireModel,
    format_wix_datetime,
)
from .transport import Replay, path_segment

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

__all__ = ["PublisherClient"]


class _ConnectUrlResponse(WireModel):
    """Get Connect Url's answer: ``{ "connectUrl": "https://..." }``."""

    connect_url: str


class PublisherClient(ItemCalls):
    """Typed async client for the Wix Publisher (social-publisher) API.

    The item calls answer with ``{ "item": {...} }`` (UNVERIFIED wrapper). The contract's own
    example gives only ``id`` and ``status`` there; such a partial item is returned as ``None``
    and the caller re-reads the posts to see the new state. Get, update, delete and query
    come from :class:`ItemCalls`.
    """

    prefix: ClassVar[str] = "/social-publisher/v1"

    async def get_token_status(self, channel: ChannelName) -> TokenStatus:
        """Whether ``channel`` is connected (``VALID``) and, if not, why."""
        answer = await self._transport.fetch(
            TokenStatusResponse,
            "GET",
            f"/{_channel(channel)}/long-lived-token-status",
            operation="GetLongLivedTokenStatus",
            replay=Replay.SAFE,
        )
        return answer.status

    async def list_accounts(self, channel: ChannelName) -> tuple[Account, ...]:
        """The accounts connected on ``channel`` (ask only once its token is ``VALID``)."""
        answer = await self._transport.fetch(
            AccountsResponse,
            "GET",
            "/accounts",
            operation="ListAccounts",
            replay=Replay.SAFE,
            params={"channelName": _channel(channel)},
        )
        return answer.accounts

    async def get_feature_data(
        self,
        types: Iterable[FeatureType] = (FeatureType.PUBLISH_POST, FeatureType.SCHEDULE_POST),
    ) -> FeatureDataResponse:
        """Whether the site's plan allows publishing and scheduling, with the quotas left."""
        params = [("featureTypes", FeatureType(kind).value) for kind in types]
        return await self._transport.fetch(
            FeatureDataResponse,
            "GET",
            "/features",
            operation="GetFeatureData",
            replay=Replay.SAFE,
            params=params,
        )

    async def get_connect_url(self, channel: ChannelName) -> str:
        """The OAuth page the site owner opens in a browser to connect ``channel``."""
        answer = await self._transport.fetch(
            _ConnectUrlResponse,
            "GET",
            f"/{_channel(channel)}/connect-url",
            operation="GetConnectUrl",
            replay=Replay.SAFE,
        )
        return answer.connect_url

    async def publish_item_by_id(
        self, item_id: str, scheduled_date: datetime | None = None
    ) -> PostItem | None:
        """Publish a draft now, or schedule it for ``scheduled_date`` (strictly in the future)."""
        body: dict[str, Any] = {"id": item_id}
        if scheduled_date is not None:
            body["scheduledDate"] = format_wix_datetime(scheduled_date)
        return await self._item_call("POST", "/publish-by-id", "PublishItemById", body)

    async def reschedule_item(self, item_id: str, when: datetime) -> PostItem | None:
        """Move a ``SCHEDULED`` item to ``when``."""
        return await self._item_call(
            "POST",
            f"/items/{path_segment(item_id)}/reschedule",
            "RescheduleItem",
            {"scheduledDate": format_wix_datetime(when)},
        )

    async def cancel_scheduled_item(self, item_id: str) -> PostItem | None:
        """Stop a ``SCHEDULED`` item from going live (it becomes ``CANCELED``)."""
        return await self._item_call(
            "PATCH", f"/items/{path_segment(item_id)}/cancel", "CancelScheduledItem", {}
        )

    async def _item_call(
        self, method: str, path: str, operation: str, body: dict[str, Any]
    ) -> PostItem | None:
        # Each of these could take effect twice, so none is retried blindly.
        data = await self._transport.call(
            method, path, operation=operation, replay=Replay.ONCE, body=body
        )
        return self._read_item(data, operation=operation, method=method, path=path)


def _channel(channel: ChannelName) -> str:
    """The channel as the Publisher spells it in paths and queries (``INSTAGRAM``)."""
    return ChannelName(channel).value
