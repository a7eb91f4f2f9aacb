"""The Publisher (social-publisher) bodies the app uses (publisher-and-post-lifecycle.md, A)."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from .base import WireModel
from .enums import ChannelName, FeatureType, QuotaPeriod, TokenStatus
from .posts import PostItem

__all__ = [
    "Account",
    "AccountsResponse",
    "Cursors",
    "Feature",
    "FeatureDataResponse",
    "ItemResponse",
    "ItemsResponse",
    "PagingMetadata",
    "QueryItemsResponse",
    "QuotaInfo",
    "TokenStatusResponse",
]


class TokenStatusResponse(WireModel):
    """Get Long Lived Token Status: whether a channel is connected."""

    status: TokenStatus = TokenStatus.NEVER_CREATED


class Account(WireModel):
    """A connected account. The wire nests it under a channel key (``facebook``: {...})."""

    channel_name: ChannelName
    id: str | None = None
    display_name: str | None = None
    details: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _unnest(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "channelName" not in data:
            return data
        key = str(data["channelName"]).lower()
        inner = data.get(key)
        if not isinstance(inner, dict):
            return data
        return {
            "channelName": data["channelName"],
            "id": inner.get("id"),
            "displayName": inner.get("displayName"),
            "details": inner,
        }

    @property
    def is_default(self) -> bool:
        """Whether the owner marked this account the channel's default."""
        settings = self.details.get("settings")
        return bool(isinstance(settings, dict) and settings.get("default"))


class AccountsResponse(WireModel):
    """List Accounts' response."""

    accounts: tuple[Account, ...] = ()


class QuotaInfo(WireModel):
    """A metered feature's quota."""

    limit: int = 0
    current_usage: int = 0
    remaining_usage: int = 0
    period: QuotaPeriod = QuotaPeriod.NO_PERIOD


class Feature(WireModel):
    """One premium feature of the site's social media marketing plan."""

    type: FeatureType
    enabled: bool = False
    quota_info: QuotaInfo | None = None

    @property
    def usable(self) -> bool:
        """Enabled and not out of quota (a zero limit or no quota means unmetered)."""
        if not self.enabled:
            return False
        quota = self.quota_info
        return quota is None or quota.limit <= 0 or quota.remaining_usage > 0


class FeatureDataResponse(WireModel):
    """Get Feature Data's response."""

    features: tuple[Feature, ...] = ()
    monetization_enabled: bool | None = None

    def feature(self, kind: FeatureType) -> Feature | None:
        """The feature of that type, if the answer named it."""
        return next((f for f in self.features if f.type == kind), None)


class ItemResponse(WireModel):
    """``{ "item": {...} }``, the answer of reschedule and cancel (UNVERIFIED wrapper)."""

    item: PostItem | None = None


def _items_under_any_key(data: Any) -> Any:
    """``results`` read as ``items``: the list key of Get Items / Query Items is UNVERIFIED."""
    if isinstance(data, dict) and "items" not in data and isinstance(data.get("results"), list):
        return {**data, "items": data["results"]}
    return data


class ItemsResponse(WireModel):
    """Get Items' answer: ``{ "items": [...] }`` (``results`` read too; UNVERIFIED key)."""

    items: tuple[PostItem, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _results(cls, data: Any) -> Any:
        return _items_under_any_key(data)


class Cursors(WireModel):
    """The cursors of a cursor-paged answer."""

    next: str | None = None
    prev: str | None = None


class PagingMetadata(WireModel):
    """Where a page of a query sits: offset paging (``offset``, ``total``) or cursor paging.

    Wix's query answers carry either form; which one Query Items uses is UNVERIFIED.
    """

    count: int | None = None
    offset: int | None = None
    total: int | None = None
    too_many_to_count: bool | None = None
    has_next: bool | None = None
    cursors: Cursors | None = None

    @property
    def next_cursor(self) -> str | None:
        """The cursor of the next page, when the answer is cursor-paged and has one."""
        return self.cursors.next if self.cursors and self.cursors.next else None


class QueryItemsResponse(WireModel):
    """Query Items' answer: a page of items and where it sits (``metadata`` read too)."""

    items: tuple[PostItem, ...] = ()
    paging_metadata: PagingMetadata | None = None

    @model_validator(mode="before")
    @classmethod
    def _variants(cls, data: Any) -> Any:
        data = _items_under_any_key(data)
        if (
            isinstance(data, dict)
            and "pagingMetadata" not in data
            and isinstance(data.get("metadata"), dict)
        ):
            return {**data, "pagingMetadata": data["metadata"]}
        return data
