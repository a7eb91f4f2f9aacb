"""Reading Publisher items: Get Item, Get Items and Query Items (A.8).

Every item of the site is found here, the plan's and the others (made on the dashboard or
imported from the network); deleted ones are not. The forms the contract leaves UNVERIFIED
are all accepted: IDs as ``ids``, ``itemIds``, ``id`` or ``itemId``, repeated or
comma-separated; a query with or without its ``query`` wrapper, paged by ``paging`` (limit,
offset) or ``cursorPaging`` (limit, cursor).

Query Items answers offset paging metadata (``count``, ``offset``, ``total``, ``hasNext``)
in the ``rich`` shape and cursor paging metadata (``cursors.next``, ``hasNext``) in the
``documented`` shape or whenever the request paged by cursor.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tui_planner.api.models import ItemStatus

from .context import ApiRequest, SandboxContext
from .errors import FieldViolation, invalid_argument, not_found
from .item_store import each_item, find_item, item_wire
from .query_language import matches, picked, read_filter, read_sort, sorted_items
from .request_input import unwrap

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["DEFAULT_LIMIT", "MAX_IDS", "MAX_LIMIT", "get_item", "get_items", "query_items"]

DEFAULT_LIMIT = 50
"""Query Items' page size when none is asked for (A.8)."""

MAX_LIMIT = 100
"""The largest page Query Items serves (the contract assumes 100)."""

MAX_IDS = 100
"""The most IDs one Get Items request may name."""

_ID_PARAMS = ("ids", "itemIds", "id", "itemId")


def get_item(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """Get Item: ``{item}``; 404 ``ITEM_NOT_EXISTS`` (or ``ITEM_IS_DELETED``) otherwise."""
    item_id = request.path["item_id"]
    item = find_item(ctx.conn, item_id)
    if item is None or item.status == ItemStatus.DELETED:
        code = "ITEM_IS_DELETED" if item is not None else "ITEM_NOT_EXISTS"
        raise not_found(f"Item {item_id} does not exist", code)
    return {"item": item_wire(item, ctx)}


def get_items(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """Get Items: the known, undeleted items among the IDs, in the order asked."""
    ids: list[str] = []
    for name, value in request.query.multi_items():
        if name in _ID_PARAMS:
            ids.extend(part.strip() for part in value.split(",") if part.strip())
    ids = list(dict.fromkeys(ids))
    if not ids:
        raise invalid_argument(
            "ids is required", FieldViolation("ids", "name at least one item ID", "REQUIRED_FIELD")
        )
    if len(ids) > MAX_IDS:
        raise invalid_argument(
            f"ids may name at most {MAX_IDS} items",
            FieldViolation("ids", f"must hold at most {MAX_IDS} IDs", "ARRAY_SIZE"),
        )
    found = []
    for item_id in ids:
        item = find_item(ctx.conn, item_id)
        if item is not None and item.status != ItemStatus.DELETED:
            found.append(item_wire(item, ctx))
    return {"items": found}


@dataclass(frozen=True)
class _Page:
    """What one Query Items request asks for."""

    query_filter: dict[str, Any]
    sort: list[tuple[str, bool]]
    limit: int
    offset: int
    by_cursor: bool


def query_items(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """Query Items: the items passing the filter, sorted, one page of them."""
    page = _read_page(unwrap(request.body, "query"))
    # Of each item that passes, only its ID and the fields it is sorted by are kept; the
    # page's own items are read again whole. Thousands of whole wire objects at once were
    # tens of megabytes for every page served (the app runs the sandbox in its process).
    fields = ["id", *(path for path, _ in page.sort)]
    chosen = sorted_items(
        [picked(wire, fields) for wire in _passing(ctx, page.query_filter)], page.sort
    )
    items = [
        item_wire(item, ctx)
        for entry in chosen[page.offset : page.offset + page.limit]
        if (item := find_item(ctx.conn, entry["id"])) is not None
    ]
    after = page.offset + len(items)
    has_next = after < len(chosen)
    metadata: dict[str, Any]
    # Which paging form answers depends on the request (a cursor holds its query), so the
    # shapes differ here rather than in :mod:`.shape`.
    if page.by_cursor or ctx.options.shape == "documented":
        cursors = {"next": _cursor(page, after)} if has_next else {}
        metadata = {"count": len(items), "cursors": cursors, "hasNext": has_next}
    else:
        metadata = {
            "count": len(items),
            "offset": page.offset,
            "total": len(chosen),
            "tooManyToCount": False,
            "hasNext": has_next,
        }
    return {"items": items, "pagingMetadata": metadata}


def _passing(ctx: SandboxContext, query_filter: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The wire objects of the site's items that pass ``query_filter``, one at a time."""
    for item in each_item(ctx.conn):
        wire = item_wire(item, ctx)
        if matches({"external": False, **wire}, query_filter):
            yield wire


def _read_page(query: dict[str, Any]) -> _Page:
    cursor_paging = query.get("cursorPaging")
    if cursor_paging is not None:
        if not isinstance(cursor_paging, dict):
            raise _bad("query.cursorPaging", "must be an object")
        limit = _limit(cursor_paging.get("limit"), "query.cursorPaging.limit")
        cursor = cursor_paging.get("cursor")
        if cursor is None or cursor == "":
            return _Page(read_filter(query.get("filter")), _sort(query), limit, 0, by_cursor=True)
        state = _decode(cursor)
        return _Page(
            read_filter(state.get("filter")),
            read_sort(state.get("sort")),
            limit,
            _offset(state.get("offset"), "query.cursorPaging.cursor"),
            by_cursor=True,
        )
    paging = query.get("paging") or {}
    if not isinstance(paging, dict):
        raise _bad("query.paging", "must be an object")
    return _Page(
        read_filter(query.get("filter")),
        _sort(query),
        _limit(paging.get("limit"), "query.paging.limit"),
        _offset(paging.get("offset"), "query.paging.offset"),
        by_cursor=False,
    )


def _sort(query: dict[str, Any]) -> list[tuple[str, bool]]:
    return read_sort(query.get("sort"))


def _limit(raw: object, field: str) -> int:
    if raw is None or raw == 0:
        return DEFAULT_LIMIT
    limit = _whole(raw, field)
    if not 1 <= limit <= MAX_LIMIT:
        raise _bad(field, f"must be between 1 and {MAX_LIMIT}")
    return limit


def _offset(raw: object, field: str) -> int:
    if raw is None:
        return 0
    offset = _whole(raw, field)
    if offset < 0:
        raise _bad(field, "must not be negative")
    return offset


def _whole(raw: object, field: str) -> int:
    # Wix writes 64-bit integers as strings, so "50" is as good as 50.
    if isinstance(raw, bool):
        raise _bad(field, "must be a whole number")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and raw.strip().lstrip("-").isdigit():
        return int(raw)
    raise _bad(field, "must be a whole number")


def _cursor(page: _Page, offset: int) -> str:
    """An opaque cursor holding the query and where the next page starts."""
    state = {
        "filter": page.query_filter,
        "sort": [
            {"fieldName": path, "order": "DESC" if descending else "ASC"}
            for path, descending in page.sort
        ],
        "offset": offset,
    }
    return base64.urlsafe_b64encode(json.dumps(state).encode()).decode().rstrip("=")


def _decode(cursor: object) -> dict[str, Any]:
    if isinstance(cursor, str):
        try:
            raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
            state = json.loads(raw)
        except (ValueError, binascii.Error):
            state = None
        if isinstance(state, dict):
            return state
    raise _bad("query.cursorPaging.cursor", "is not a cursor this service gave out")


def _bad(field: str, problem: str) -> Exception:
    return invalid_argument(f"{field} {problem}", FieldViolation(field, problem))
