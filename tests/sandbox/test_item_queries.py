"""Get Item, Get Items and Query Items: every post of the site, filtered, sorted and paged."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
import pytest

from tests.sandbox.harness import AUTH, BASE_URL, Sandbox
from tests.sandbox.publisher_items import (
    ITEMS,
    error_code,
    everything,
    get_item,
    query,
    scheduled,
    text,
    when,
)
from tui_planner.api import PublisherClient
from tui_planner.api.models import ChannelName, ItemQuery, ItemStatus
from tui_planner.sandbox.publication import PUBLISHING_SECONDS
from tui_planner.sandbox.query_language import picked, read_sort, sorted_items


async def _plan_items(sandbox: Sandbox) -> list[dict[str, Any]]:
    plan = await sandbox.generate()
    return [i for a in plan["marketingActivities"] for i in a["items"]]


async def test_get_item_answers_under_item(sandbox: Sandbox) -> None:
    items = await _plan_items(sandbox)

    item = await get_item(sandbox, items[0]["id"])

    assert item == items[0]


async def test_get_unknown_item_is_not_found(sandbox: Sandbox) -> None:
    response = await sandbox.call("GET", f"{ITEMS}/nope")

    assert response.status_code == 404
    assert error_code(response) == "ITEM_NOT_EXISTS"


@pytest.mark.parametrize(
    "params",
    [
        lambda ids: [("ids", i) for i in ids],
        lambda ids: [("itemIds", i) for i in ids],
        lambda ids: [("ids", ",".join(ids))],
        lambda ids: [("itemId", ids[0]), ("id", ids[1]), ("ids", ids[2])],
    ],
    ids=["ids", "itemIds", "comma-separated", "mixed"],
)
async def test_get_items_takes_every_plausible_form(
    sandbox: Sandbox, params: Callable[[list[str]], list[tuple[str, str]]]
) -> None:
    items = await _plan_items(sandbox)
    wanted = [items[5]["id"], items[0]["id"], items[3]["id"]]

    body = await sandbox.ok("GET", ITEMS, params=[*params(wanted), ("ids", "unknown")])

    assert [item["id"] for item in body["items"]] == wanted


async def test_get_items_needs_ids(sandbox: Sandbox) -> None:
    response = await sandbox.call("GET", ITEMS)

    assert response.status_code == 400


async def test_query_covers_plan_and_other_posts_and_pages_by_offset(sandbox: Sandbox) -> None:
    items = await _plan_items(sandbox)
    total = len(items) + 5  # the plan's, three imported, two made on the dashboard

    first = await query(sandbox, paging={"limit": 40})
    second = await query(sandbox, paging={"limit": 40, "offset": 40})
    last = await query(sandbox, paging={"limit": 40, "offset": total - 1})

    assert first["pagingMetadata"] == {
        "count": 40,
        "offset": 0,
        "total": total,
        "tooManyToCount": False,
        "hasNext": True,
    }
    assert second["pagingMetadata"]["offset"] == 40
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
    assert last["pagingMetadata"]["count"] == 1
    assert last["pagingMetadata"]["hasNext"] is False


async def test_query_default_page_is_fifty(sandbox: Sandbox) -> None:
    await _plan_items(sandbox)

    body = await sandbox.ok("POST", f"{ITEMS}/query", json={})

    assert len(body["items"]) == 50


async def test_query_pages_by_cursor_when_asked(sandbox: Sandbox) -> None:
    await sandbox.generate()
    seen: list[str] = []

    body = await query(sandbox, filter={"status": "DRAFT"}, cursorPaging={"limit": 30})
    while True:
        seen += [item["id"] for item in body["items"]]
        assert "total" not in body["pagingMetadata"]
        cursor = body["pagingMetadata"]["cursors"].get("next")
        if cursor is None:
            assert body["pagingMetadata"]["hasNext"] is False
            break
        body = await query(sandbox, cursorPaging={"limit": 30, "cursor": cursor})

    drafts = await everything(sandbox, status="DRAFT")
    assert len(seen) == len(set(seen)) == len(drafts) > 30


async def test_documented_shape_answers_offset_requests_with_cursors(
    own_sandboxes: Callable[..., Sandbox],
) -> None:
    sandbox = own_sandboxes(shape="documented")
    await sandbox.generate()

    body = await query(sandbox, paging={"limit": 10})

    assert set(body["pagingMetadata"]) == {"count", "cursors", "hasNext"}
    assert body["pagingMetadata"]["cursors"]["next"]


async def test_query_filters_by_status_channel_and_date(sandbox: Sandbox) -> None:
    items = await _plan_items(sandbox)
    _, first = await scheduled(sandbox)
    await sandbox.ok(
        "POST",
        "/marketing-plan/schedule-drafts",
        json={"draftIds": [i["id"] for i in items if i["channel"]["name"] == "FACEBOOK"][:3]},
    )
    all_scheduled = await everything(sandbox, status="SCHEDULED")
    dates = sorted(when(item) for item in all_scheduled)
    middle = dates[len(dates) // 2].strftime("%Y-%m-%dT%H:%M:%S.000Z")

    drafts = await everything(sandbox, status="DRAFT")
    either = await everything(sandbox, status={"$in": ["DRAFT", "SCHEDULED"]})
    instagram = await everything(sandbox, **{"channel.name": "INSTAGRAM"})
    later = await everything(
        sandbox, **{"status": "SCHEDULED", "schedulingInfo.scheduledDate": {"$gte": middle}}
    )
    earlier = await everything(sandbox, **{"schedulingInfo.scheduledDate": {"$lt": middle}})

    assert drafts
    assert all(i["status"] == "DRAFT" for i in drafts)
    assert len(either) == len(drafts) + len(all_scheduled)
    assert instagram
    assert all(i["channel"]["name"] == "INSTAGRAM" for i in instagram)
    assert first["id"] in {i["id"] for i in instagram}
    assert later
    assert all(when(i) >= dates[len(dates) // 2] for i in later)
    assert earlier
    assert all(when(i) < dates[len(dates) // 2] for i in earlier)
    # Imported posts are dated in the past: only the date filter catches them.
    assert {i["id"] for i in earlier} >= {i["id"] for i in await everything(sandbox, external=True)}


async def test_query_combines_conditions_and_sorts(sandbox: Sandbox) -> None:
    await _plan_items(sandbox)

    body = await query(
        sandbox,
        filter={"$or": [{"external": True}, {"status": "SCHEDULED"}]},
        sort=[{"fieldName": "schedulingInfo.scheduledDate", "order": "DESC"}],
        paging={"limit": 100},
    )

    dates = [when(item) for item in body["items"]]
    assert len(dates) == 4  # three imported, one scheduled on the dashboard
    assert dates == sorted(dates, reverse=True)


async def test_query_pages_in_the_order_of_every_whole_item_sorted(sandbox: Sandbox) -> None:
    # The sandbox sorts only the fields it is asked to sort by and reads each page's items
    # again whole; the pages must still be the whole items' order, cut into pages.
    await _plan_items(sandbox)
    sort = [
        {"fieldName": "channel.name", "order": "ASC"},
        {"fieldName": "schedulingInfo.scheduledDate", "order": "DESC"},
    ]
    whole = await everything(sandbox)
    expected = sorted_items(whole, read_sort(sort))
    assert any("schedulingInfo" not in item for item in expected)  # drafts sort last

    paged: list[dict[str, Any]] = []
    while True:
        body = await query(sandbox, sort=sort, paging={"limit": 7, "offset": len(paged)})
        paged += body["items"]
        if not body["pagingMetadata"]["hasNext"]:
            break

    assert paged == expected
    assert body["pagingMetadata"]["total"] == len(whole)


def test_picked_keeps_only_the_paths_asked_for() -> None:
    item = {"id": "a", "channel": {"name": "X", "accountId": "1"}, "caption": "long"}

    assert picked(item, ["id", "channel.name", "schedulingInfo.scheduledDate"]) == {
        "id": "a",
        "channel": {"name": "X"},
    }


async def test_query_takes_a_filter_as_json_text_and_no_wrapper(sandbox: Sandbox) -> None:
    await _plan_items(sandbox)

    body = await sandbox.ok(
        "POST", f"{ITEMS}/query", json={"filter": json.dumps({"external": True}), "paging": {}}
    )

    assert len(body["items"]) == 3


@pytest.mark.parametrize(
    "inner",
    [
        {"paging": {"limit": 101}},
        {"paging": {"offset": -1}},
        {"filter": {"status": {"$regex": "D.*"}}},
        {"filter": {"status": {"$in": "DRAFT"}}},
        {"filter": "{not json"},
        {"sort": [{"fieldName": "status", "order": "SIDEWAYS"}]},
        {"cursorPaging": {"cursor": "not-one-of-ours"}},
    ],
)
async def test_query_refuses_what_it_cannot_read(sandbox: Sandbox, inner: dict[str, Any]) -> None:
    response = await sandbox.call("POST", f"{ITEMS}/query", json={"query": inner})

    assert response.status_code == 400
    assert response.json()["details"]["validationError"]["fieldViolations"]


async def test_published_items_are_found_by_status(sandbox: Sandbox) -> None:
    _, item = await scheduled(sandbox)
    sandbox.clock.set(when(item) + timedelta(seconds=PUBLISHING_SECONDS))

    published = await everything(sandbox, status="PUBLISHED", external=False)

    assert [i["id"] for i in published] == [item["id"]]


@pytest.mark.parametrize("documented", [False, True])
async def test_client_reads_the_same_posts_from_both_shapes(
    own_sandboxes: Callable[..., Sandbox], documented: bool
) -> None:
    sandbox = own_sandboxes(shape="documented" if documented else "rich")
    await sandbox.generate()
    _, item = await scheduled(sandbox)
    async with httpx.AsyncClient(transport=sandbox.http._transport) as http:
        client = PublisherClient(
            http,
            base_url=BASE_URL,
            api_key=AUTH["Authorization"],
            site_id=AUTH["wix-site-id"],
            clock=sandbox.clock,
        )
        everything_found = await client.query_items(page_size=25)
        instagram = await client.query_items(
            ItemQuery(statuses=(ItemStatus.SCHEDULED,), channels=(ChannelName.INSTAGRAM,))
        )
        draft = next(i for i in everything_found.items if i.status == ItemStatus.DRAFT)
        changed = await client.update_item_text(draft, "Written in the test")
        reread = await client.get_item(draft.id)

    expected = len(await everything(sandbox, status={"$ne": "NOPE"}))
    assert everything_found.complete
    assert len(everything_found.items) == len({i.id for i in everything_found.items}) == expected
    assert [i.id for i in instagram.items] == [item["id"]]
    assert reread.text == "Written in the test"
    # The rich shape answers the changed item; the documented one answers {} (then: None).
    assert (changed is None) is documented
    assert text(await get_item(sandbox, draft.id)) == "Written in the test"
