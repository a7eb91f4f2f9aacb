"""The Publisher's item calls beyond scheduling: get, update, delete, query (A.8).

Paths, bodies and answers are the contract's likeliest forms where it is UNVERIFIED, and the
answers are read in every plausible form: an item under ``item`` or bare, a list under
``items`` or ``results``, query pages that continue by offset or by cursor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import ResponseFormatError
from .id_lists import chunked_ids
from .models import (
    ItemQuery,
    ItemResponse,
    ItemsQueryResult,
    ItemsResponse,
    PostItem,
    QueryItemsResponse,
)
from .transport import Replay, ServiceClient, path_segment

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterable, Mapping

__all__ = ["MAX_PAGE_SIZE", "MAX_QUERY_ITEMS", "ItemCalls"]

MAX_PAGE_SIZE = 100
"""The largest ``paging.limit`` Query Items is sent (the contract assumes 100; UNVERIFIED)."""

MAX_QUERY_ITEMS = 1000
"""How many items :meth:`ItemCalls.query_items` reads at most, unless told otherwise."""

_QUERY_PATH = "/items/query"


class ItemCalls(ServiceClient):
    """Read, change, delete and query Publisher items.

    Mixed into :class:`~tui_planner.api.PublisherClient`, which sets the service root.
    """

    async def get_item(self, item_id: str) -> PostItem:
        """One item by ID (404 ``ITEM_NOT_EXISTS`` when there is none)."""
        path = f"/items/{path_segment(item_id)}"
        data = await self._transport.call("GET", path, operation="GetItem", replay=Replay.SAFE)
        item = self._read_item(data, operation="GetItem", method="GET", path=path)
        if item is None:
            raise ResponseFormatError(
                "The answer to GetItem did not include the item",
                method="GET",
                path=self.prefix + path,
                operation="GetItem",
            )
        return item

    async def get_items(self, item_ids: Iterable[str]) -> tuple[PostItem, ...]:
        """The items with these IDs, 20 per request (``ids`` repeated; UNVERIFIED name).

        IDs the server does not know are simply missing from the answer.
        """
        found: list[PostItem] = []
        for chunk in chunked_ids(item_ids):
            answer = await self._transport.fetch(
                ItemsResponse,
                "GET",
                "/items",
                operation="GetItems",
                replay=Replay.SAFE,
                params=[("ids", item_id) for item_id in chunk],
            )
            found.extend(answer.items)
        return tuple(found)

    async def update_item(self, item_id: str, changes: Mapping[str, Any]) -> PostItem | None:
        """Change only the item fields in ``changes``, given by wire name.

        ``{"instagramPost": {"caption": "..."}}`` is sent as
        ``{"item": {"id": ..., "instagramPost": {"caption": "..."}}}``. A scheduled date is
        moved with :meth:`reschedule_item`, not here. Answers with the item when the server
        sends all of it (``{}`` is accepted too: then ``None``). Never retried after a
        failure that leaves its outcome unknown.
        """
        if not changes:
            raise ValueError("Name at least one field of the item to change")
        if "schedulingInfo" in changes:
            raise ValueError("Move a scheduled date with reschedule_item, not update_item")
        body = {"item": {**changes, "id": item_id}}
        path = f"/items/{path_segment(item_id)}"
        data = await self._transport.call(
            "PATCH", path, operation="UpdateItem", replay=Replay.ONCE, body=body
        )
        return self._read_item(data, operation="UpdateItem", method="PATCH", path=path)

    async def update_item_text(self, item: PostItem, text: str) -> PostItem | None:
        """Set a post's caption (or description, on networks that call it that)."""
        where = item.text_path
        if where is None:
            raise ValueError("This post's content is of a kind the app cannot edit")
        content_key, text_field = where
        return await self.update_item(item.id, {content_key: {text_field: text}})

    async def delete_item(self, item_id: str) -> None:
        """Delete a draft or scheduled item (404 ``ITEM_NOT_EXISTS``, 428 ``ITEM_IS_DELETED``)."""
        await self._transport.call(
            "DELETE", f"/items/{path_segment(item_id)}", operation="DeleteItem", replay=Replay.SAFE
        )

    async def query_item_pages(
        self, query: ItemQuery | None = None, *, page_size: int = MAX_PAGE_SIZE
    ) -> AsyncIterator[QueryItemsResponse]:
        """Query Items page by page, following offsets or cursors, whichever the server uses.

        Each page holds only items not seen on an earlier page; reading stops at a page
        with nothing new, so a server that ignores the paging cannot loop it forever.
        """
        pager = _Pager(query or ItemQuery(), page_size)
        body: dict[str, Any] | None = pager.first()
        while body is not None:
            page = await self._query_page(body)
            fresh = pager.take(page)
            yield page.model_copy(update={"items": fresh})
            body = pager.next(page, fresh)

    async def query_items(
        self,
        query: ItemQuery | None = None,
        *,
        page_size: int = MAX_PAGE_SIZE,
        max_items: int = MAX_QUERY_ITEMS,
        known: Mapping[str, PostItem] | None = None,
    ) -> ItemsQueryResult:
        """Every item the query finds, up to ``max_items`` (``complete`` says if all came).

        An item that reads the same as the one ``known`` holds under its ID comes back as
        that very one. Each page is let go as soon as it is read, so over a long read only
        the items that are new or changed stay alive beside the ones the caller holds.
        """
        if max_items < 1:
            raise ValueError("max_items must be at least 1")
        pager = _Pager(query or ItemQuery(), page_size)
        found: list[PostItem] = []
        total: int | None = None
        pages = 0
        body: dict[str, Any] | None = pager.first()
        while body is not None:
            page = await self._query_page(body)
            pages += 1
            fresh = pager.take(page)
            if page.paging_metadata is not None and page.paging_metadata.total is not None:
                total = page.paging_metadata.total
            room = max_items - len(found)
            found.extend(_as_known(fresh[:room], known))
            body = pager.next(page, fresh)
            whole = len(fresh) <= room
            # Let the page go before the next one is read: only what ``found`` took stays.
            del page, fresh
            if len(found) >= max_items:
                return ItemsQueryResult(tuple(found), whole and body is None, total, pages)
        return ItemsQueryResult(tuple(found), complete=True, total=total, pages=pages)

    async def _query_page(self, body: dict[str, Any]) -> QueryItemsResponse:
        return await self._transport.fetch(
            QueryItemsResponse,
            "POST",
            _QUERY_PATH,
            operation="QueryItems",
            replay=Replay.SAFE,
            body=body,
        )

    def _read_item(
        self, data: Mapping[str, Any], *, operation: str, method: str, path: str
    ) -> PostItem | None:
        """The item in an answer, under ``item`` or bare; ``None`` when only part of it came.

        The contract's own examples give only ``id`` and ``status`` in some answers; such a
        partial item says too little to replace the one the app holds.
        """
        item = data.get("item")
        if not isinstance(item, dict) and "id" in data:
            item = data
        if not isinstance(item, dict) or "channel" not in item:
            return None
        answer = self._transport.read(
            ItemResponse, {"item": item}, operation=operation, method=method, path=path
        )
        return answer.item


def _as_known(
    items: Iterable[PostItem], known: Mapping[str, PostItem] | None
) -> Iterable[PostItem]:
    """``items``, each one that reads the same as ``known``'s under its ID swapped for that."""
    if not known:
        return items
    return [old if (old := known.get(i.id)) is not None and old == i else i for i in items]


@dataclass
class _Pager:
    """The request bodies of one query, page after page."""

    query: ItemQuery
    page_size: int
    offset: int = 0
    by_cursor: bool = False
    seen: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.page_size = max(1, min(MAX_PAGE_SIZE, self.page_size))

    def first(self) -> dict[str, Any]:
        """The first page's body: ``{ "query": { filter, sort, paging } }``."""
        return self._offset_body()

    def take(self, page: QueryItemsResponse) -> tuple[PostItem, ...]:
        """The page's items not seen before, remembered from now on."""
        fresh = tuple(item for item in page.items if item.id not in self.seen)
        self.seen.update(item.id for item in fresh)
        return fresh

    def next(self, page: QueryItemsResponse, fresh: tuple[PostItem, ...]) -> dict[str, Any] | None:
        """The next page's body, or ``None`` when ``page`` was the last."""
        if not fresh:
            return None
        meta = page.paging_metadata
        cursor = meta.next_cursor if meta is not None else None
        if cursor is not None:
            self.by_cursor = True
            # Wix's cursor paging carries only the cursor: it already holds filter and sort.
            return {"query": {"cursorPaging": {"limit": self.page_size, "cursor": cursor}}}
        if self.by_cursor:
            return None
        self.offset += len(page.items)
        if meta is not None and meta.has_next is not None:
            more = meta.has_next
        elif meta is not None and meta.total is not None:
            more = self.offset < meta.total
        else:
            more = len(page.items) >= self.page_size
        return self._offset_body() if more else None

    def _offset_body(self) -> dict[str, Any]:
        inner: dict[str, Any] = {}
        query_filter = self.query.wire_filter()
        if query_filter:
            inner["filter"] = query_filter
        sort = self.query.wire_sort()
        if sort:
            inner["sort"] = sort
        inner["paging"] = {"limit": self.page_size, "offset": self.offset}
        return {"query": inner}
