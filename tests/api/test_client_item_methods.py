"""Publisher item calls beyond scheduling (A.8): get, update, delete, query, on the wire."""

from __future__ import annotations

import weakref
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from tests.api.wix_double import API_KEY, PUBLISHER_ROOT, SITE_ID, FakeWix, RecordingClock, drive
from tui_planner.api import (
    ApiConnectionError,
    FailedPreconditionError,
    InvalidArgumentError,
    NotFoundError,
    PublisherClient,
    ResponseFormatError,
    ServerError,
)
from tui_planner.api.models import (
    ChannelName,
    ItemQuery,
    ItemStatus,
    PostItem,
    QueryItemsResponse,
)

ITEM_ID = "ac01c174-5244-49df-8085-84d87cd0345a"


def _item(item_id: str = ITEM_ID, **extra: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": item_id,
        "status": "SCHEDULED",
        "channel": {"name": "INSTAGRAM", "accountId": "17841405822304914"},
        "type": "POST",
        "instagramPost": {
            "caption": "Summer collection just dropped! #summerstyle",
            "imageUrl": "https://static.wixstatic.com/media/cf2434_4b3a2d8eb7f54bc89c0d4524430a2af3~mv2.jpg",
        },
        "schedulingInfo": {"scheduledDate": "2026-07-10T09:00:00.000Z"},
    }
    item.update(extra)
    return item


def _post(answer: dict[str, Any]) -> PostItem:
    return PostItem.model_validate(answer)


# -- Get Item / Get Items --------------------------------------------------------------------


async def test_get_item_reads_item_under_item_key(publisher: PublisherClient, wix: FakeWix) -> None:
    wix.reply({"item": _item()})

    item = await publisher.get_item(ITEM_ID)

    assert (wix.last.method, wix.last.path) == ("GET", f"{PUBLISHER_ROOT}/items/{ITEM_ID}")
    assert wix.last.query == []
    assert wix.last.body is None
    assert wix.last.headers["Authorization"] == API_KEY
    assert wix.last.headers["wix-site-id"] == SITE_ID
    assert item.id == ITEM_ID
    assert item.text == "Summer collection just dropped! #summerstyle"


async def test_get_item_reads_a_bare_item_too(publisher: PublisherClient, wix: FakeWix) -> None:
    wix.reply(_item())

    assert (await publisher.get_item(ITEM_ID)).status is ItemStatus.SCHEDULED


async def test_get_item_escapes_the_id_in_the_path(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    wix.reply({"item": _item("a/b")})

    await publisher.get_item("a/b")

    assert wix.last.raw_path == f"{PUBLISHER_ROOT}/items/a%2Fb"


async def test_get_item_without_the_item_is_a_format_error(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    wix.reply({})

    with pytest.raises(ResponseFormatError, match="GetItem"):
        await publisher.get_item(ITEM_ID)


async def test_get_item_not_found_keeps_the_publisher_code(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    body = {
        "message": "Item does not exist",
        "details": {"applicationError": {"code": "ITEM_NOT_EXISTS", "description": "gone"}},
    }
    wix.reply(body, status=404)

    with pytest.raises(NotFoundError) as caught:
        await publisher.get_item(ITEM_ID)

    assert caught.value.application_code == "ITEM_NOT_EXISTS"


async def test_get_items_repeats_ids_and_chunks_by_twenty(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    ids = [f"id-{n}" for n in range(25)]
    wix.reply({"items": [_item(i) for i in ids[:20]]}).reply(
        {"items": [_item(i) for i in ids[20:]]}
    )

    items = await publisher.get_items([*ids, "id-0"])

    assert [s.method for s in wix.sent] == ["GET", "GET"]
    assert {s.path for s in wix.sent} == {f"{PUBLISHER_ROOT}/items"}
    assert wix.sent[0].query == [("ids", i) for i in ids[:20]]
    assert wix.sent[1].query == [("ids", i) for i in ids[20:]]
    assert [item.id for item in items] == ids


async def test_get_items_reads_results_key_and_sends_nothing_for_no_ids(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    assert await publisher.get_items([]) == ()
    assert wix.sent == []

    wix.reply({"results": [_item()]})
    (item,) = await publisher.get_items([ITEM_ID])
    assert item.id == ITEM_ID


# -- Update Item -----------------------------------------------------------------------------


async def test_update_item_text_patches_only_the_caption(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    changed = _item(instagramPost={"caption": "New words", "imageUrl": "https://x/y.jpg"})
    wix.reply({"item": changed})

    result = await publisher.update_item_text(_post(_item()), "New words")

    assert wix.last.method == "PATCH"
    assert wix.last.path == f"{PUBLISHER_ROOT}/items/{ITEM_ID}"
    assert wix.last.query == []
    assert wix.last.body == {"item": {"instagramPost": {"caption": "New words"}, "id": ITEM_ID}}
    assert wix.last.headers["Content-Type"] == "application/json"
    assert result is not None
    assert result.text == "New words"


@pytest.mark.parametrize(
    ("channel", "key", "content", "field"),
    [
        ("PINTEREST", "pinterestPost", {"title": "Pin", "description": "Old"}, "description"),
        ("GBP", "gbpPost", {"description": "Old"}, "description"),
        ("TIKTOK", "tiktokPhoto", {}, "description"),
        ("TWITTER", "twitterPost", {}, "caption"),
        ("LINKEDIN", "linkedinPost", {"caption": "Old"}, "caption"),
    ],
)
async def test_update_item_text_uses_the_networks_own_text_field(
    publisher: PublisherClient,
    wix: FakeWix,
    channel: str,
    key: str,
    content: dict[str, Any],
    field: str,
) -> None:
    item = _post({"id": ITEM_ID, "channel": {"name": channel}, "type": "POST", key: content})

    await publisher.update_item_text(item, "New")

    assert wix.last.body == {"item": {key: {field: "New"}, "id": ITEM_ID}}


@pytest.mark.parametrize("answer", [{}, {"item": {"id": ITEM_ID, "status": "SCHEDULED"}}])
async def test_update_item_accepts_an_empty_or_partial_answer(
    publisher: PublisherClient, wix: FakeWix, answer: dict[str, Any]
) -> None:
    wix.reply(answer)

    assert await publisher.update_item(ITEM_ID, {"instagramPost": {"caption": "x"}}) is None


async def test_update_item_refuses_moving_the_date_and_empty_changes(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    with pytest.raises(ValueError, match="reschedule"):
        await publisher.update_item(ITEM_ID, {"schedulingInfo": {"scheduledDate": "x"}})
    with pytest.raises(ValueError, match="at least one"):
        await publisher.update_item(ITEM_ID, {})
    assert wix.sent == []


async def test_update_item_is_not_retried_after_a_503(
    publisher: PublisherClient, wix: FakeWix, clock: RecordingClock
) -> None:
    wix.reply(status=503).reply({"item": _item()})

    with pytest.raises(ServerError):
        await publisher.update_item_text(_post(_item()), "x")

    assert len(wix.sent) == 1
    assert clock.slept == []


async def test_update_item_is_not_retried_after_a_lost_connection(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    wix.fail(httpx.ReadError("connection reset")).reply({"item": _item()})

    with pytest.raises(ApiConnectionError):
        await publisher.update_item_text(_post(_item()), "x")

    assert len(wix.sent) == 1


async def test_update_item_validation_error_lists_the_field(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    body = {
        "message": "Caption is too long",
        "details": {
            "validationError": {
                "fieldViolations": [
                    {
                        "field": "item.twitterPost.caption",
                        "description": "must be at most 280 characters",
                        "violatedRule": "MAX_LENGTH",
                    }
                ]
            }
        },
    }
    wix.reply(body, status=400)

    with pytest.raises(InvalidArgumentError) as caught:
        await publisher.update_item(ITEM_ID, {"twitterPost": {"caption": "x" * 300}})

    (violation,) = caught.value.violations
    assert violation.field == "item.twitterPost.caption"
    assert violation.violated_rule == "MAX_LENGTH"


async def test_update_item_refused_once_published(publisher: PublisherClient, wix: FakeWix) -> None:
    body = {
        "message": "Item is already published",
        "details": {"applicationError": {"code": "ITEM_IS_PUBLISHED"}},
    }
    wix.reply(body, status=428)

    with pytest.raises(FailedPreconditionError) as caught:
        await publisher.update_item(ITEM_ID, {"instagramPost": {"caption": "x"}})

    assert caught.value.application_code == "ITEM_IS_PUBLISHED"
    assert "ITEM_IS_PUBLISHED" in str(caught.value)


# -- Delete Item -----------------------------------------------------------------------------


async def test_delete_item_sends_no_body(publisher: PublisherClient, wix: FakeWix) -> None:
    wix.reply({})

    await publisher.delete_item(ITEM_ID)

    assert (wix.last.method, wix.last.path) == ("DELETE", f"{PUBLISHER_ROOT}/items/{ITEM_ID}")
    assert wix.last.query == []
    assert wix.last.body is None


async def test_delete_item_is_repeated_after_a_503(
    publisher: PublisherClient, wix: FakeWix, clock: RecordingClock
) -> None:
    # Deleting twice leaves the item as deleting once does.
    wix.reply(status=503).reply({})

    await drive(clock, publisher.delete_item(ITEM_ID))

    assert len(wix.sent) == 2


async def test_delete_deleted_item_is_failed_precondition(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    body = {
        "message": "Item is deleted",
        "details": {"applicationError": {"code": "ITEM_IS_DELETED"}},
    }
    wix.reply(body, status=428)

    with pytest.raises(FailedPreconditionError) as caught:
        await publisher.delete_item(ITEM_ID)

    assert caught.value.application_code == "ITEM_IS_DELETED"


# -- Query Items -----------------------------------------------------------------------------


async def test_query_items_sends_filter_sort_and_paging(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    wix.reply({"items": [_item()], "pagingMetadata": {"count": 1, "offset": 0, "total": 1}})
    query = ItemQuery(
        statuses=(ItemStatus.SCHEDULED, ItemStatus.PROCESSING),
        channels=(ChannelName.INSTAGRAM,),
        scheduled_from=datetime(2026, 7, 1, tzinfo=UTC),
        scheduled_until=datetime(2026, 8, 1, tzinfo=UTC),
        external=False,
        sort_field="schedulingInfo.scheduledDate",
        descending=True,
    )

    result = await publisher.query_items(query)

    assert (wix.last.method, wix.last.path) == ("POST", f"{PUBLISHER_ROOT}/items/query")
    assert wix.last.query == []
    assert wix.last.body == {
        "query": {
            "filter": {
                "status": {"$in": ["SCHEDULED", "PROCESSING"]},
                "channel.name": "INSTAGRAM",
                "schedulingInfo.scheduledDate": {
                    "$gte": "2026-07-01T00:00:00.000Z",
                    "$lt": "2026-08-01T00:00:00.000Z",
                },
                "external": False,
            },
            "sort": [{"fieldName": "schedulingInfo.scheduledDate", "order": "DESC"}],
            "paging": {"limit": 100, "offset": 0},
        }
    }
    assert [item.id for item in result.items] == [ITEM_ID]
    assert result.complete
    assert result.total == 1


async def test_query_items_without_conditions_sends_only_paging(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    wix.reply({"items": []})

    result = await publisher.query_items(page_size=50)

    assert wix.last.body == {"query": {"paging": {"limit": 50, "offset": 0}}}
    assert result.items == ()
    assert result.complete


async def test_query_items_follows_offsets_while_has_next(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    wix.reply({"items": [_item("a"), _item("b")], "pagingMetadata": {"count": 2, "hasNext": True}})
    wix.reply({"items": [_item("c")], "pagingMetadata": {"count": 1, "hasNext": False}})

    result = await publisher.query_items(ItemQuery(statuses=(ItemStatus.PUBLISHED,)), page_size=2)

    assert [s.body["query"]["paging"] for s in wix.sent] == [
        {"limit": 2, "offset": 0},
        {"limit": 2, "offset": 2},
    ]
    # Every page repeats the filter: offset paging carries no state on the server.
    assert all(s.body["query"]["filter"] == {"status": "PUBLISHED"} for s in wix.sent)
    assert [item.id for item in result.items] == ["a", "b", "c"]
    assert result.complete


async def test_query_items_follows_offsets_up_to_the_total(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    wix.reply({"items": [_item("a"), _item("b")], "pagingMetadata": {"total": "3"}})
    wix.reply({"items": [_item("c")], "pagingMetadata": {"total": "3"}})

    result = await publisher.query_items(page_size=2)

    assert len(wix.sent) == 2
    assert result.total == 3
    assert [item.id for item in result.items] == ["a", "b", "c"]


async def test_query_items_without_metadata_stops_at_a_short_page(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    wix.reply({"items": [_item("a"), _item("b")]}).reply({"items": [_item("c")]})

    result = await publisher.query_items(page_size=2)

    assert len(wix.sent) == 2
    assert [item.id for item in result.items] == ["a", "b", "c"]


async def test_query_items_follows_cursors_with_only_the_cursor(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    wix.reply(
        {
            "items": [_item("a")],
            "pagingMetadata": {"count": 1, "cursors": {"next": "CUR-2"}, "hasNext": True},
        }
    )
    wix.reply({"items": [_item("b")], "metadata": {"count": 1, "cursors": {}}})

    result = await publisher.query_items(ItemQuery(channels=(ChannelName.FACEBOOK,)), page_size=1)

    assert wix.sent[0].body["query"]["filter"] == {"channel.name": "FACEBOOK"}
    assert wix.sent[1].body == {"query": {"cursorPaging": {"limit": 1, "cursor": "CUR-2"}}}
    assert [item.id for item in result.items] == ["a", "b"]
    assert result.complete


async def test_query_items_stops_when_the_server_ignores_paging(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    page = {"items": [_item("a"), _item("b")], "pagingMetadata": {"hasNext": True}}
    wix.reply(page).reply(page).reply(page)

    result = await publisher.query_items(page_size=2)

    assert len(wix.sent) == 2
    assert [item.id for item in result.items] == ["a", "b"]


async def test_query_items_stops_at_its_cap_and_says_so(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    wix.reply({"items": [_item("a"), _item("b")], "pagingMetadata": {"total": 9}})
    wix.reply({"items": [_item("c"), _item("d")], "pagingMetadata": {"total": 9}})

    result = await publisher.query_items(page_size=2, max_items=3)

    assert len(wix.sent) == 2
    assert [item.id for item in result.items] == ["a", "b", "c"]
    assert not result.complete
    assert result.total == 9
    assert result.pages == 2


async def test_query_items_answers_known_items_with_the_ones_held(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    known = {"a": _post(_item("a")), "b": _post(_item("b")), "gone": _post(_item("gone"))}
    wix.reply({"items": [_item("a"), _item("b", status="PUBLISHED")], "pagingMetadata": {}})
    wix.reply({"items": [_item("c")]})

    result = await publisher.query_items(page_size=2, known=known)

    a, b, c = result.items
    assert a is known["a"]
    assert b is not known["b"]
    assert b.status is ItemStatus.PUBLISHED
    assert c.id == "c"
    assert result.complete


async def test_query_items_lets_each_page_go_before_reading_the_next(
    publisher: PublisherClient, wix: FakeWix, monkeypatch: pytest.MonkeyPatch
) -> None:
    known = {"a": _post(_item("a")), "c": _post(_item("c"))}
    wix.reply({"items": [_item("a"), _item("b")], "pagingMetadata": {"hasNext": True}})
    wix.reply({"items": [_item("c"), _item("d")], "pagingMetadata": {"hasNext": True}})
    wix.reply({"items": [_item("e")], "pagingMetadata": {"hasNext": False}})
    pages: list[weakref.ref[QueryItemsResponse]] = []
    copies: list[weakref.ref[PostItem]] = []
    alive: list[tuple[int, int]] = []
    read_page = publisher._query_page

    async def watched(body: dict[str, Any]) -> QueryItemsResponse:
        # What of the earlier pages is still alive as the next one is asked for.
        alive.append((sum(p() is not None for p in pages), sum(c() is not None for c in copies)))
        page = await read_page(body)
        pages.append(weakref.ref(page))
        copies.extend(weakref.ref(item) for item in page.items if item.id in known)
        return page

    monkeypatch.setattr(publisher, "_query_page", watched)

    result = await publisher.query_items(page_size=2, known=known)

    assert alive == [(0, 0), (0, 0), (0, 0)]
    assert [item.id for item in result.items] == ["a", "b", "c", "d", "e"]
    assert result.items[0] is known["a"]
    assert result.items[2] is known["c"]


async def test_query_items_clamps_page_size_to_the_assumed_maximum(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    wix.reply({"items": []})

    await publisher.query_items(page_size=500)

    assert wix.last.body["query"]["paging"]["limit"] == 100


async def test_query_item_pages_yields_each_page(publisher: PublisherClient, wix: FakeWix) -> None:
    wix.reply({"items": [_item("a")], "pagingMetadata": {"cursors": {"next": "n"}}})
    wix.reply({"items": [_item("b")]})

    pages = [page async for page in publisher.query_item_pages(page_size=1)]

    assert [[item.id for item in page.items] for page in pages] == [["a"], ["b"]]


async def test_query_items_is_retried_after_a_503(
    publisher: PublisherClient, wix: FakeWix, clock: RecordingClock
) -> None:
    wix.reply(status=503).reply({"items": [_item()]})

    result = await drive(clock, publisher.query_items())

    assert len(wix.sent) == 2
    assert len(result.items) == 1


# -- What a queried item carries -------------------------------------------------------------


async def test_failed_item_reads_its_publication_error(
    publisher: PublisherClient, wix: FakeWix
) -> None:
    failed = _item(
        status="FAILED",
        publicationError={"code": "MEDIA_REJECTED", "message": "Instagram rejected the image."},
    )
    wix.reply({"items": [failed]})

    (item,) = (await publisher.query_items()).items

    assert item.status is ItemStatus.FAILED
    assert item.publication_error is not None
    assert item.publication_error.code == "MEDIA_REJECTED"
    assert item.publication_error.sentence == "Instagram rejected the image (MEDIA_REJECTED)"


@pytest.mark.parametrize(
    ("wire", "code", "message"),
    [
        ({"errorCode": "TOKEN_EXPIRED", "description": "Reconnect"}, "TOKEN_EXPIRED", "Reconnect"),
        ({"applicationError": {"code": "X", "description": "Y"}}, "X", "Y"),
        ("The page was removed", None, "The page was removed"),
        ({"unexpected": 3}, None, None),
    ],
)
def test_publication_error_is_read_leniently(
    wire: Any, code: str | None, message: str | None
) -> None:
    item = _post(_item(status="FAILED", publicationError=wire))

    assert item.publication_error is not None
    assert (item.publication_error.code, item.publication_error.message) == (code, message)
    assert item.publication_error.sentence


@pytest.mark.parametrize(
    "wire",
    [
        {"impressions": 1200, "interactions": 85},
        {"impressions": "1200", "interactions": "85"},
        {"impressionsCount": 1200, "engagements": 85},
        {"impressions": {"value": 1200}, "interactions": {"total": 85}},
        {
            "metrics": [
                {"name": "IMPRESSIONS", "value": "1200"},
                {"name": "INTERACTIONS", "value": 85},
            ]
        },
        {"metrics": {"impressions": 1200, "interactions": 85}},
    ],
)
def test_insights_summary_is_read_leniently(wire: dict[str, Any]) -> None:
    item = _post(_item(status="PUBLISHED", insightsSummary=wire))

    assert item.insights_summary is not None
    assert item.insights_summary.impressions == 1200
    assert item.insights_summary.interactions == 85


def test_insights_keep_every_metric_and_skip_what_is_not_a_number() -> None:
    wire = {
        "impressions": 10,
        "likes": 4,
        "reach": {"organic": 7, "paid": "2"},
        "label": "great",
        "flag": True,
        "updatedDate": "2026-07-11T09:00:00.000Z",
    }
    summary = _post(_item(status="PUBLISHED", insightsSummary=wire)).insights_summary

    assert summary is not None
    assert summary.metrics == {"impressions": 10, "likes": 4, "reach.organic": 7, "reach.paid": 2}
    assert summary.interactions is None
    assert summary.updated_date == datetime(2026, 7, 11, 9, tzinfo=UTC)


def test_published_external_item_reads_its_url_and_draft_dates() -> None:
    item = _post(
        _item(
            status="PUBLISHED",
            external=True,
            externalItemUrl="https://www.instagram.com/p/C8xYz12AbCd/",
            draftInfo={"createdDate": "2026-07-01T08:00:00Z", "updatedDate": "not a date"},
        )
    )

    assert item.external is True
    assert item.external_item_url == "https://www.instagram.com/p/C8xYz12AbCd/"
    assert item.draft_info is not None
    assert item.draft_info.created_date == datetime(2026, 7, 1, 8, tzinfo=UTC)
    assert item.draft_info.updated_date is None
    assert item.draft_info.last_changed == datetime(2026, 7, 1, 8, tzinfo=UTC)


def test_with_text_changes_only_the_caption() -> None:
    item = _post(_item())

    changed = item.with_text("Fresh")

    assert changed.text == "Fresh"
    assert changed.image == item.image
    assert item.text != "Fresh"
