"""Changing and deleting Publisher items: Update Item and Delete Item (A.8, Part B).

The lifecycle rule is Post for Me's (the contract leaves Wix's UNVERIFIED): a post can be
changed or deleted only while it is ``DRAFT`` or ``SCHEDULED``. Otherwise the answer is 428
with ``ITEM_IS_PUBLISHED`` (processing or published), ``ITEM_IS_DELETED``, or
``ITEM_NOT_EDITABLE`` (failed or canceled). A plan draft lives in the same table the plan
reads, so an edited caption shows in the plan, the activity's posts and the drafts at once.

Update Item accepts every plausible body: ``{item: {id, <contentKey>: {...}}}`` or the item
fields without the wrapper, with or without a ``fieldMask`` (a string, a list, or
``{paths}``; paths with or without ``item.``). Only the fields sent change. Text is held to
its network's limit (X's weighted length), refused with a ``validationError``. The answer
is ``{item}`` (the ``documented`` shape makes it ``{}``, :mod:`.shape`).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from tui_planner.api.channel_rules import CAPTION_LIMITS, TITLE_LIMITS, caption_length
from tui_planner.api.models import ItemStatus, PostItem

from .context import ApiRequest, SandboxContext
from .errors import FieldViolation, WixError, failed_precondition, invalid_argument, not_found
from .item_store import ItemRow, find_item, item_wire, update_item
from .request_input import field_mask_paths

__all__ = ["EDITABLE_STATUSES", "delete_item", "update_item_fields"]

EDITABLE_STATUSES = frozenset({ItemStatus.DRAFT, ItemStatus.SCHEDULED})
"""The only statuses in which an item may be changed or deleted."""

_GOING_OUT = frozenset({ItemStatus.PROCESSING, ItemStatus.IN_QUEUE, ItemStatus.PUBLISHED})
_CONTENT_KEYS = frozenset(
    {
        "facebookPost",
        "facebookReel",
        "facebookStory",
        "gbpPost",
        "instagramPost",
        "instagramStory",
        "linkedinPost",
        "pinterestPost",
        "tiktokPhoto",
        "tiktokVideo",
        "twitterPost",
        "youtubeShort",
        "youtubeVideo",
    }
)
_TEXT_KEYS = ("caption", "description", "title")
_URL_KEYS = ("imageUrl", "videoUrl", "link")


def _editable(ctx: SandboxContext, item_id: str, action: str) -> ItemRow:
    """The item, if it may still be changed; 404 or 428 with a Publisher code otherwise."""
    item = find_item(ctx.conn, item_id)
    if item is None:
        raise not_found(f"Item {item_id} does not exist", "ITEM_NOT_EXISTS")
    if item.status in EDITABLE_STATUSES:
        return item
    if item.status == ItemStatus.DELETED:
        raise failed_precondition(f"Item {item_id} is already deleted", "ITEM_IS_DELETED")
    if item.status in _GOING_OUT:
        raise failed_precondition(
            f"Item {item_id} is {item.status.value.lower()} and can no longer be {action}",
            "ITEM_IS_PUBLISHED",
        )
    raise failed_precondition(
        f"Item {item_id} is {item.status.value}; only a draft or a scheduled post can be {action}",
        "ITEM_NOT_EDITABLE",
    )


def delete_item(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """Delete Item: a draft or scheduled item becomes ``DELETED`` and leaves every list."""
    item = _editable(ctx, request.path["item_id"], "deleted")
    item.status = ItemStatus.DELETED
    update_item(ctx.conn, item)
    return {}


def update_item_fields(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """Update Item: change the content fields sent, on a draft or scheduled item."""
    item_id = request.path["item_id"]
    fields = _item_fields(request.body, item_id)
    mask = _mask(request.body)
    item = _editable(ctx, item_id, "changed")
    changes = _content_changes(item, fields)
    if mask is not None:
        changes = {
            name: value
            for name, value in changes.items()
            if {item.content_key, f"{item.content_key}.{name}"} & mask
        }
        # A masked field left out of the body is cleared, as a proto3 field mask says.
        for path in mask:
            head, _, name = path.partition(".")
            if head == item.content_key and name and name not in changes:
                changes[name] = None
    content = dict(item.content)
    for name, value in changes.items():
        if value is None:
            content.pop(name, None)
        else:
            content[name] = value
    _check_content(item, content, changed=set(changes))
    item.content = content
    update_item(ctx.conn, item)
    return {"item": item_wire(item, ctx)}


def _item_fields(body: dict[str, Any], item_id: str) -> dict[str, Any]:
    wrapped = body.get("item")
    if wrapped is not None and not isinstance(wrapped, dict):
        raise _bad("item", "must be an object")
    fields = dict(wrapped) if isinstance(wrapped, dict) else dict(body)
    fields.pop("fieldMask", None)
    sent_id = fields.pop("id", None)
    if sent_id is not None and sent_id != item_id:
        raise _bad("item.id", "does not match the item ID in the path")
    return fields


def _mask(body: dict[str, Any]) -> set[str] | None:
    raw = body.get("fieldMask")
    if raw is None:
        return None
    return {path.removeprefix("item.") for path in field_mask_paths(raw, string_only=False)}


def _content_changes(item: ItemRow, fields: dict[str, Any]) -> dict[str, Any]:
    """The content fields to set (``None``: remove), after refusing what cannot change."""
    changes: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "schedulingInfo":
            raise _bad(
                "item.schedulingInfo",
                "cannot be changed here; move a scheduled post with Reschedule Item",
            )
        if key == "status" and value != item.status.value:
            raise _bad("item.status", "is set by the Publisher, not by Update Item")
        if key == "type" and value != item.type.value:
            raise _bad("item.type", f"cannot change; this item is a {item.type.value}")
        if key == "channel":
            name = value.get("name") if isinstance(value, dict) else None
            if name not in (None, item.channel.value):
                raise _bad("item.channel", f"cannot change; this item is for {item.channel.value}")
        elif key in _CONTENT_KEYS:
            if key != item.content_key:
                raise _bad(
                    f"item.{key}",
                    f"does not fit this {item.channel.value} {item.type.value} item "
                    f"(its content is {item.content_key})",
                )
            if not isinstance(value, dict):
                raise _bad(f"item.{key}", "must be an object")
            changes.update(value)
        # Anything else (read-only fields sent back, a revision) changes nothing.
    return changes


def _text_field(item: ItemRow) -> str:
    """Which content field holds the post's main text (the client decides the same way)."""
    post = PostItem.model_validate(
        {
            "id": item.id,
            "channel": {"name": item.channel.value},
            "type": item.type.value,
            item.content_key: item.content,
        }
    )
    path = post.text_path
    return path[1] if path else "caption"


def _check_content(item: ItemRow, content: dict[str, Any], *, changed: set[str]) -> None:
    """Refuse a changed content object that breaks a rule of its network (400)."""
    where = f"item.{item.content_key}"
    violations: list[FieldViolation] = []
    main = _text_field(item)
    for name in _TEXT_KEYS:
        if name not in changed or name not in content:
            continue
        text = content[name]
        if not isinstance(text, str):
            violations.append(FieldViolation(f"{where}.{name}", "must be a string", "FORMAT"))
            continue
        limit = CAPTION_LIMITS.get(item.channel) if name == main else None
        if name == "title":
            limit = TITLE_LIMITS.get(item.channel)
        if limit is None:
            continue
        length = caption_length(item.channel, text) if name == main else len(text)
        if length > limit:
            unit = "weighted characters" if length != len(text) else "characters"
            violations.append(
                FieldViolation(
                    f"{where}.{name}",
                    f"must be at most {limit} {unit} on {item.channel.value} (it is {length})",
                    "MAX_LENGTH",
                )
            )
    for name in _URL_KEYS:
        if name in changed and name in content and not _is_url(content[name]):
            violations.append(FieldViolation(f"{where}.{name}", "must be an http(s) URL", "FORMAT"))
    if "mediaWrapper" in changed and "mediaWrapper" in content:
        violations += _media_violations(item, content["mediaWrapper"], f"{where}.mediaWrapper")
    if violations:
        first = violations[0]
        raise invalid_argument(f"{first.field} {first.description}", *violations)


def _media_violations(item: ItemRow, wrapper: Any, where: str) -> list[FieldViolation]:
    media = wrapper.get("media") if isinstance(wrapper, dict) else None
    if not isinstance(media, list) or not media:
        return [FieldViolation(f"{where}.media", "must list at least one image or video")]
    if item.is_story and len(media) > 5:
        return [FieldViolation(f"{where}.media", "a story holds at most 5 frames", "MAX_SIZE")]
    problems = []
    for index, entry in enumerate(media):
        kind = entry.get("type", "IMAGE") if isinstance(entry, dict) else None
        url = entry.get("url") if isinstance(entry, dict) else None
        if kind not in ("IMAGE", "VIDEO") or not _is_url(url):
            problems.append(
                FieldViolation(
                    f"{where}.media[{index}]",
                    "must be {type: IMAGE or VIDEO, url: an http(s) URL}",
                    "FORMAT",
                )
            )
    return problems


def _is_url(value: object) -> bool:
    if not isinstance(value, str):
        return False
    if value.startswith("/sandbox-media/"):
        return True
    parsed = urlparse(value)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def _bad(field: str, problem: str) -> WixError:
    return invalid_argument(f"{field} {problem}", FieldViolation(field, problem))
