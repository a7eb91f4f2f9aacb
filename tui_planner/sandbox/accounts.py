"""The demo site's Publisher accounts, one per connected channel."""

from __future__ import annotations

import zlib
from functools import lru_cache
from typing import Any

from tui_planner.api.models import ChannelName

__all__ = ["account_extra_id", "account_id", "account_wire"]


@lru_cache(maxsize=64)  # asked once per item of every plan read
def account_id(channel: ChannelName | str, seed: int) -> str:
    """The connected account's ID on ``channel`` (numeric, as the networks' IDs are)."""
    number = zlib.crc32(f"{seed}:{channel}:account".encode())
    if str(channel) == ChannelName.LINKEDIN.value:
        return f"urn:li:organization:{number}"
    return f"178414{number:010d}"


def account_extra_id(channel: ChannelName | str, seed: int) -> str:
    """The ID of what the account posts to: its Facebook page, Pinterest board, GBP location."""
    return str(zlib.crc32(f"{seed}:{channel}:page".encode()))


def account_wire(channel: ChannelName, seed: int, business_name: str) -> dict[str, Any]:
    """One List Accounts entry, nested under the lowercase channel key as the Publisher does."""
    key = channel.value.lower()
    inner: dict[str, Any] = {
        "id": account_id(channel, seed),
        "displayName": business_name,
        "settings": {"default": True},
    }
    extra_id = account_extra_id(channel, seed)
    if channel == ChannelName.FACEBOOK:
        inner["page"] = {"id": extra_id, "displayName": f"{business_name} Page"}
    elif channel == ChannelName.PINTEREST:
        inner["board"] = {"id": extra_id, "displayName": f"{business_name} Board"}
    elif channel == ChannelName.GBP:
        inner["location"] = {"id": extra_id, "displayName": business_name}
    elif channel == ChannelName.TIKTOK:
        inner["privacyLevelOptions"] = ["PUBLIC_TO_EVERYONE", "FOLLOWER_OF_CREATOR", "SELF_ONLY"]
    return {"channelName": channel.value, key: inner}
