"""Update Item and Delete Item: the post lifecycle rule, caption limits and the body forms."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.sandbox.harness import Sandbox
from tests.sandbox.publisher_items import (
    ITEMS,
    content,
    error_code,
    everything,
    get_item,
    item_in_status,
    plan_draft,
    scheduled,
    text,
)
from tui_planner.api.channel_rules import x_weighted_length

REFUSED = {
    "PROCESSING": "ITEM_IS_PUBLISHED",
    "PUBLISHED": "ITEM_IS_PUBLISHED",
    "FAILED": "ITEM_NOT_EDITABLE",
    "CANCELED": "ITEM_NOT_EDITABLE",
    "DELETED": "ITEM_IS_DELETED",
}


async def _patch_caption(sandbox: Sandbox, item_id: str, caption: str) -> Any:
    return await sandbox.call(
        "PATCH",
        f"{ITEMS}/{item_id}",
        json={"item": {"id": item_id, "instagramPost": {"caption": caption}}},
    )


async def test_edited_caption_shows_in_plan_activity_posts_and_queries(sandbox: Sandbox) -> None:
    activity_id, draft = await plan_draft(sandbox)

    response = await _patch_caption(sandbox, draft["id"], "Fresh words for the kiln day")

    assert response.status_code == 200
    answered = response.json()["item"]
    assert text(answered) == "Fresh words for the kiln day"
    assert content(answered)["mediaWrapper"] == content(draft)["mediaWrapper"]
    plan = await sandbox.plan()
    in_plan = next(
        i
        for a in plan["marketingActivities"]
        if a["marketingActivityId"] == activity_id
        for i in a["items"]
        if i["id"] == draft["id"]
    )
    assert text(in_plan) == "Fresh words for the kiln day"
    posts = (await sandbox.posts(activity_id))[activity_id]
    assert text(next(i for i in posts if i["id"] == draft["id"])) == "Fresh words for the kiln day"
    (queried,) = [i for i in await everything(sandbox, status="DRAFT") if i["id"] == draft["id"]]
    assert text(queried) == "Fresh words for the kiln day"


async def test_scheduled_item_can_be_edited_and_stays_scheduled(sandbox: Sandbox) -> None:
    _, item = await scheduled(sandbox)

    response = await _patch_caption(sandbox, item["id"], "Changed before it goes out")

    assert response.status_code == 200
    stored = await get_item(sandbox, item["id"])
    assert stored["status"] == "SCHEDULED"
    assert stored["schedulingInfo"] == item["schedulingInfo"]
    assert text(stored) == "Changed before it goes out"


@pytest.mark.parametrize("status", sorted(REFUSED))
async def test_edit_is_refused_once_not_draft_or_scheduled(
    make_sandbox: Callable[..., Any], status: str
) -> None:
    sandbox, item_id = await item_in_status(make_sandbox, status)
    before = (await sandbox.call("GET", f"{ITEMS}/{item_id}")).json()

    response = await _patch_caption(sandbox, item_id, "Too late")

    assert response.status_code == 428
    assert error_code(response) == REFUSED[status]
    assert response.json()["message"]
    assert (await sandbox.call("GET", f"{ITEMS}/{item_id}")).json() == before


@pytest.mark.parametrize("status", sorted(REFUSED))
async def test_delete_is_refused_once_not_draft_or_scheduled(
    make_sandbox: Callable[..., Any], status: str
) -> None:
    sandbox, item_id = await item_in_status(make_sandbox, status)

    response = await sandbox.call("DELETE", f"{ITEMS}/{item_id}")

    assert response.status_code == 428
    assert error_code(response) == REFUSED[status]
    if status != "DELETED":
        assert (await get_item(sandbox, item_id))["status"] == status


@pytest.mark.parametrize("status", ["DRAFT", "SCHEDULED"])
async def test_deleted_item_leaves_every_list(
    make_sandbox: Callable[..., Any], status: str
) -> None:
    sandbox, item_id = await item_in_status(make_sandbox, status)

    assert await sandbox.ok("DELETE", f"{ITEMS}/{item_id}") == {}

    plan = await sandbox.plan()
    assert all(i["id"] != item_id for a in plan["marketingActivities"] for i in a["items"])
    assert all(i["id"] != item_id for i in await everything(sandbox))
    assert (await sandbox.ok("GET", ITEMS, params={"ids": item_id}))["items"] == []
    gone = await sandbox.call("GET", f"{ITEMS}/{item_id}")
    assert gone.status_code == 404
    assert error_code(gone) == "ITEM_IS_DELETED"
    skipped = await sandbox.ok(
        "POST", "/marketing-plan/schedule-drafts", json={"draftIds": [item_id]}
    )
    assert skipped["items"] == []


async def test_unknown_item_is_not_found(sandbox: Sandbox) -> None:
    for method in ("PATCH", "DELETE"):
        response = await sandbox.call(
            method, f"{ITEMS}/nope", json={} if method == "PATCH" else None
        )
        assert response.status_code == 404
        assert error_code(response) == "ITEM_NOT_EXISTS"


async def test_x_caption_is_held_to_its_weighted_length(sandbox: Sandbox) -> None:
    _, draft = await plan_draft(sandbox, "TWITTER")
    # 150 characters, but every emoji weighs 2 on X: 300 weighted.
    too_long = "🏺" * 150
    assert len(too_long) <= 280 < x_weighted_length(too_long)
    path = f"{ITEMS}/{draft['id']}"

    refused = await sandbox.call(
        "PATCH", path, json={"item": {"twitterPost": {"caption": too_long}}}
    )
    fits = await sandbox.call(
        "PATCH", path, json={"item": {"twitterPost": {"caption": "🏺" * 140}}}
    )

    assert refused.status_code == 400
    (violation,) = refused.json()["details"]["validationError"]["fieldViolations"]
    assert violation["field"] == "item.twitterPost.caption"
    assert violation["violatedRule"] == "MAX_LENGTH"
    assert "280" in violation["description"]
    assert fits.status_code == 200
    assert text(await get_item(sandbox, draft["id"])) == "🏺" * 140


@pytest.mark.parametrize(
    ("channel", "key", "field", "limit"),
    [
        ("INSTAGRAM", "instagramPost", "caption", 2200),
        ("PINTEREST", "pinterestPost", "description", 500),
        ("GBP", "gbpPost", "description", 1500),
        ("PINTEREST", "pinterestPost", "title", 100),
    ],
)
async def test_text_over_the_networks_limit_is_a_validation_error(
    sandbox: Sandbox, channel: str, key: str, field: str, limit: int
) -> None:
    _, draft = await plan_draft(sandbox, channel)
    path = f"{ITEMS}/{draft['id']}"

    over = await sandbox.call("PATCH", path, json={"item": {key: {field: "a" * (limit + 1)}}})
    at = await sandbox.call("PATCH", path, json={"item": {key: {field: "a" * limit}}})

    assert over.status_code == 400
    (violation,) = over.json()["details"]["validationError"]["fieldViolations"]
    assert violation["field"] == f"item.{key}.{field}"
    assert at.status_code == 200
    assert content(await get_item(sandbox, draft["id"]))[field] == "a" * limit


async def test_update_without_wrapper_and_with_a_field_mask(sandbox: Sandbox) -> None:
    _, draft = await plan_draft(sandbox)
    path = f"{ITEMS}/{draft['id']}"

    bare = await sandbox.call("PATCH", path, json={"instagramPost": {"caption": "Bare body"}})
    masked = await sandbox.call(
        "PATCH",
        path,
        json={
            "item": {
                "instagramPost": {
                    "caption": "Masked",
                    "mediaWrapper": {"media": [{"type": "IMAGE", "url": "https://x.test/a.png"}]},
                }
            },
            "fieldMask": "item.instagramPost.caption",
        },
    )

    assert bare.status_code == 200
    assert masked.status_code == 200
    stored = await get_item(sandbox, draft["id"])
    assert text(stored) == "Masked"
    assert content(stored)["mediaWrapper"] == content(draft)["mediaWrapper"]


async def test_media_can_change_but_must_be_urls(sandbox: Sandbox) -> None:
    _, draft = await plan_draft(sandbox)
    path = f"{ITEMS}/{draft['id']}"
    good = {"media": [{"type": "IMAGE", "url": "https://static.wixstatic.com/media/new.jpg"}]}

    changed = await sandbox.call(
        "PATCH", path, json={"item": {"instagramPost": {"mediaWrapper": good}}}
    )
    refused = await sandbox.call(
        "PATCH",
        path,
        json={"item": {"instagramPost": {"mediaWrapper": {"media": [{"url": "not a url"}]}}}},
    )

    assert changed.status_code == 200
    assert content(await get_item(sandbox, draft["id"]))["mediaWrapper"] == good
    assert refused.status_code == 400


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"item": {"id": "another", "instagramPost": {"caption": "x"}}}, "item.id"),
        (
            {"item": {"schedulingInfo": {"scheduledDate": "2026-07-30T10:00:00Z"}}},
            "item.schedulingInfo",
        ),
        ({"item": {"facebookPost": {"caption": "x"}}}, "item.facebookPost"),
        ({"item": {"instagramPost": {"caption": 42}}}, "item.instagramPost.caption"),
        ({"item": {"status": "PUBLISHED"}}, "item.status"),
        ({"item": "not an object"}, "item"),
    ],
)
async def test_update_refuses_what_it_cannot_change(
    sandbox: Sandbox, body: dict[str, Any], field: str
) -> None:
    _, draft = await plan_draft(sandbox)

    response = await sandbox.call("PATCH", f"{ITEMS}/{draft['id']}", json=body)

    assert response.status_code == 400
    violations = response.json()["details"]["validationError"]["fieldViolations"]
    assert violations[0]["field"] == field
    assert text(await get_item(sandbox, draft["id"])) == text(draft)


async def test_read_only_fields_sent_back_are_ignored(sandbox: Sandbox) -> None:
    _, draft = await plan_draft(sandbox)
    body = {"item": {**draft, "instagramPost": {"caption": "Round trip"}}}

    response = await sandbox.call("PATCH", f"{ITEMS}/{draft['id']}", json=body)

    assert response.status_code == 200
    assert text(await get_item(sandbox, draft["id"])) == "Round trip"


@pytest.mark.parametrize(
    ("status", "code"),
    [
        ("DRAFT", None),
        ("PUBLISHED", "ITEM_IS_PUBLISHED"),
        ("DELETED", "ITEM_IS_DELETED"),
        ("CANCELED", "FAILED_PRECONDITION"),
    ],
)
async def test_documented_shape_answers_nothing_and_only_documented_codes(
    make_sandbox: Callable[..., Any], status: str, code: str | None
) -> None:
    sandbox, item_id = await item_in_status(make_sandbox, status, shape="documented")

    response = await _patch_caption(sandbox, item_id, "Documented")

    if code is None:
        assert response.status_code == 200
        assert response.json() == {}
        assert text(await get_item(sandbox, item_id)) == "Documented"
    else:
        assert response.status_code == 428
        assert error_code(response) == code
