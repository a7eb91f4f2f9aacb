"""The Publisher (``/social-publisher/v1``) the app uses, and how items go live over time.

Connections come from the ``connected_channels`` switch and premium features from
``premium``. A scheduled item turns PROCESSING at its time and PUBLISHED (or FAILED, at
``publish_failure_rate``, decided by seed and item ID) :data:`PUBLISHING_SECONDS` later;
:func:`advance_items` applies that on the first request after each moment. Nothing changes
an item once it is PROCESSING or PUBLISHED. Getting, editing, deleting and querying items
live in :mod:`.item_edits` and :mod:`.item_queries`.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tui_planner.api.models import ChannelName, ItemStatus

from .accounts import account_wire
from .context import ApiRequest, SandboxContext
from .errors import FieldViolation, WixError, failed_precondition, invalid_argument, not_found
from .item_store import ItemRow, find_item, item_wire, items_with_status, update_item
from .publication import PUBLISHING_SECONDS, publish_fails
from .request_input import parse_datetime

__all__ = [
    "PUBLISHING_SECONDS",
    "advance_items",
    "cancel_item",
    "connect_url",
    "feature_data",
    "list_accounts",
    "publish_by_id",
    "reschedule_item",
    "token_status",
]

_FEATURE_TYPES = ("PUBLISH_POST", "SCHEDULE_POST")


def advance_items(ctx: SandboxContext) -> None:
    """Move scheduled and publishing items along to where the clock says they are."""
    for item in items_with_status(ctx.conn, ItemStatus.SCHEDULED, ItemStatus.PROCESSING):
        if item.scheduled_date is None:
            continue
        before = item.status
        if item.status == ItemStatus.SCHEDULED and ctx.now >= item.scheduled_date:
            item.status = ItemStatus.PROCESSING
        done_at = item.scheduled_date + timedelta(seconds=PUBLISHING_SECONDS)
        if item.status == ItemStatus.PROCESSING and ctx.now >= done_at:
            item.status = (
                ItemStatus.FAILED if publish_fails(ctx.options, item.id) else ItemStatus.PUBLISHED
            )
        if item.status != before:
            update_item(ctx.conn, item)


def _channel(request: ApiRequest, raw: str | None = None) -> ChannelName:
    name = (raw if raw is not None else request.path.get("channel", "")).upper()
    if name not in ChannelName.__members__:
        raise invalid_argument(
            f"{name or 'The channel'} is not a supported channel",
            FieldViolation("channelName", "is not a supported channel", "ENUM"),
            code="UNSUPPORTED_CHANNEL",
        )
    return ChannelName(name)


def token_status(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """Get Long Lived Token Status: VALID for connected channels, NEVER_CREATED otherwise."""
    channel = _channel(request)
    return {"status": "VALID" if ctx.is_connected(channel) else "NEVER_CREATED"}


def list_accounts(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """List Accounts for one channel (400 USER_NOT_EXIST_FOR_CHANNEL when not connected) or all."""
    raw = request.query.get("channelName")
    name = ctx.site.profile.name
    if raw is None:
        return {
            "accounts": [
                account_wire(channel, ctx.options.seed, name)
                for channel in ctx.options.connected_channels
            ]
        }
    channel = _channel(request, raw)
    if not ctx.is_connected(channel):
        raise invalid_argument(
            f"No user is connected for {channel.value}", code="USER_NOT_EXIST_FOR_CHANNEL"
        )
    return {"accounts": [account_wire(channel, ctx.options.seed, name)]}


def feature_data(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """Get Feature Data: publishing always, scheduling only with premium (unmetered)."""
    wanted = request.query.getlist("featureTypes") or list(_FEATURE_TYPES)
    enabled = {"PUBLISH_POST": True, "SCHEDULE_POST": ctx.options.premium}
    features = [
        {
            "type": kind,
            "enabled": enabled.get(kind, False),
            "quotaInfo": {
                "limit": 0,
                "currentUsage": 0,
                "remainingUsage": 0,
                "period": "NO_PERIOD",
            },
        }
        for kind in wanted
    ]
    return {"features": features, "monetizationEnabled": True}


def connect_url(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """Get Connect Url: a sandbox page explaining that connections are a sandbox switch."""
    channel = _channel(request)
    return {"connectUrl": ctx.absolute_url(f"/sandbox-connect/{channel.value}")}


def _item(ctx: SandboxContext, item_id: str) -> ItemRow:
    item = find_item(ctx.conn, item_id)
    if item is None or item.status == ItemStatus.DELETED:
        code = "ITEM_IS_DELETED" if item is not None else "ITEM_NOT_EXISTS"
        raise not_found(f"Item {item_id} does not exist", code)
    return item


def _must_be_scheduled(item: ItemRow) -> None:
    if item.status == ItemStatus.SCHEDULED:
        return
    if item.status in (ItemStatus.PROCESSING, ItemStatus.PUBLISHED):
        raise failed_precondition(
            f"Item {item.id} is already {item.status.value.lower()}", "ITEM_IS_PUBLISHED"
        )
    raise failed_precondition(
        f"Item {item.id} is {item.status.value}, and only a scheduled item can be changed",
        "ITEM_NOT_SCHEDULED",
    )


def _future(ctx: SandboxContext, value: object) -> Any:
    when = parse_datetime(value, "scheduledDate")
    if when <= ctx.now:
        raise failed_precondition(
            "The scheduled time has already passed", "SCHEDULED_TIME_ALREADY_PASSED"
        )
    return when


def reschedule_item(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """Reschedule Item: only a SCHEDULED item, only into the future."""
    item = _item(ctx, request.path["item_id"])
    _must_be_scheduled(item)
    raw = request.body.get("scheduledDate")
    if raw is None:
        raise invalid_argument(
            "scheduledDate is required",
            FieldViolation("scheduledDate", "is required", "REQUIRED_FIELD"),
        )
    item.scheduled_date = _future(ctx, raw)
    update_item(ctx.conn, item)
    return {"item": item_wire(item, ctx)}


def cancel_item(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """Cancel Scheduled Item: SCHEDULED becomes CANCELED."""
    item = _item(ctx, request.path["item_id"])
    _must_be_scheduled(item)
    item.status = ItemStatus.CANCELED
    update_item(ctx.conn, item)
    return {"item": item_wire(item, ctx)}


def publish_by_id(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """Publish Item By ID: a draft goes out now (PROCESSING) or at a future ``scheduledDate``."""
    item_id = request.body.get("id")
    if not isinstance(item_id, str) or not item_id:
        raise invalid_argument(
            "id is required", FieldViolation("id", "is required", "REQUIRED_FIELD")
        )
    item = _item(ctx, item_id)
    if item.status != ItemStatus.DRAFT:
        raise failed_precondition(
            f"Item {item.id} is {item.status.value}; only a draft can be published",
            "ITEM_IS_PUBLISHED" if item.status == ItemStatus.PUBLISHED else "ITEM_NOT_DRAFT",
        )
    if not ctx.is_connected(item.channel):
        raise failed_precondition(
            f"{item.channel.value} is not connected", "USER_NOT_EXIST_FOR_CHANNEL"
        )
    raw = request.body.get("scheduledDate")
    if raw is None:
        item.status = ItemStatus.PROCESSING
        item.scheduled_date = ctx.now
    else:
        if not ctx.options.premium:
            raise _ineligible()
        item.status = ItemStatus.SCHEDULED
        item.scheduled_date = _future(ctx, raw)
    update_item(ctx.conn, item)
    return {"item": item_wire(item, ctx)}


def _ineligible() -> WixError:
    return failed_precondition(
        "The site's plan does not include scheduling posts", "INELIGIBLE_FOR_FEATURE"
    )
