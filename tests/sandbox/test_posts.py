"""Post and story drafts: the auto window, GenerateSocialPosts and the §2.7 methods."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.sandbox.harness import Sandbox
from tui_planner.api.models import PLAN_CHANNELS, ActivityPostsResponse, SocialMarketingPlan

END_OF_NEXT_WEEK = "2026-07-19T23:59:59.999Z"


def _social(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        a for a in plan["marketingActivities"] if a["marketingActivityType"] == "SOCIAL_MARKETING"
    ]


def _later_social(plan: dict[str, Any]) -> dict[str, Any]:
    return next(a for a in _social(plan) if a["date"] > END_OF_NEXT_WEEK)


def _posts(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [item for item in items if item["type"] == "POST"]


def _stories(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [item for item in items if item["type"] == "STORY"]


def _content(item: dict[str, Any]) -> dict[str, Any]:
    keys = set(item) - {"id", "channel", "type", "status", "schedulingInfo", "externalItemUrl"}
    (key,) = keys
    content: dict[str, Any] = item[key]
    return content


def _caption(item: dict[str, Any]) -> str:
    content = _content(item)
    return str(content.get("caption") or content.get("description"))


def _image(item: dict[str, Any]) -> str:
    return str(_content(item)["mediaWrapper"]["media"][0]["url"])


def _frames(item: dict[str, Any]) -> list[str]:
    return [media["url"] for media in _content(item)["mediaWrapper"]["media"]]


async def _with_stories(
    sandbox: Sandbox, plan: dict[str, Any], min_frames: int = 1
) -> dict[str, Any]:
    for activity in _social(plan):
        stories = _stories(activity["items"])
        if stories and all(len(_frames(story)) >= min_frames for story in stories):
            return activity
    pytest.fail(f"no near-term activity has stories of {min_frames} frames")


async def test_posts_generated_only_through_end_of_next_week(sandbox: Sandbox) -> None:
    plan = await sandbox.generate()
    near = [a for a in _social(plan) if a["date"] <= END_OF_NEXT_WEEK]
    later = [a for a in plan["marketingActivities"] if a["date"] > END_OF_NEXT_WEEK]
    assert near
    assert later
    assert all(_posts(a["items"]) for a in near)
    assert all(a["items"] == [] for a in later)


async def test_posts_cover_every_plan_channel_as_drafts(sandbox: Sandbox) -> None:
    activity = _social(await sandbox.generate())[0]
    posts = _posts(activity["items"])
    assert [p["channel"]["name"] for p in posts] == [c.value for c in PLAN_CHANNELS]
    assert {p["status"] for p in posts} == {"DRAFT"}
    assert all(_image(p).startswith("http://sandbox.test/sandbox-media/") for p in posts)


async def test_only_connected_channels_carry_an_account_id(sandbox: Sandbox) -> None:
    posts = _posts(_social(await sandbox.generate())[0]["items"])
    with_account = {p["channel"]["name"] for p in posts if "accountId" in p["channel"]}
    assert with_account == {"FACEBOOK", "INSTAGRAM", "LINKEDIN"}


async def test_no_posts_without_social_marketing_tool(sandbox: Sandbox) -> None:
    await sandbox.ok(
        "POST",
        "/marketing-settings",
        json={
            "marketingSettings": {"settings": {"marketingTools": ["BLOGS", "EMAIL_MARKETING"]}},
            "fieldMask": "settings.marketingTools",
        },
    )
    plan = await sandbox.generate()
    assert plan["marketingActivities"]
    assert all(a["items"] == [] for a in plan["marketingActivities"])


async def test_posts_generated_with_default_tools_when_settings_omit_them(sandbox: Sandbox) -> None:
    await sandbox.ok(
        "POST",
        "/marketing-settings",
        json={
            "marketingSettings": {"settings": {"toneOfVoice": "calm"}},
            "fieldMask": "settings.toneOfVoice",
        },
    )
    plan = await sandbox.generate()
    assert any(_posts(a["items"]) for a in plan["marketingActivities"])


async def test_plan_parses_into_the_wire_models(sandbox: Sandbox) -> None:
    plan = SocialMarketingPlan.model_validate(await sandbox.generate())
    activity = next(a for a in plan.marketing_activities if a.posts)
    assert activity.posts[0].text
    assert activity.posts[0].image


async def test_generate_social_posts_answers_empty_and_posts_appear_later(sandbox: Sandbox) -> None:
    activity = _later_social(await sandbox.generate())
    activity_id = activity["marketingActivityId"]
    body = {"marketingActivityIds": [activity_id]}
    assert await sandbox.ok("POST", "/marketing-plan/generate-social-posts", json=body) == {}
    assert (await sandbox.posts(activity_id)) == {activity_id: []}
    sandbox.clock.advance(sandbox.options.posts_seconds)
    items = (await sandbox.posts(activity_id))[activity_id]
    assert len(_posts(items)) == len(PLAN_CHANNELS)
    in_plan = next(
        a
        for a in (await sandbox.plan())["marketingActivities"]
        if a["marketingActivityId"] == activity_id
    )
    assert in_plan["items"] == items


async def test_generate_social_posts_id_rules(sandbox: Sandbox) -> None:
    path = "/marketing-plan/generate-social-posts"
    assert (await sandbox.call("POST", path, json={"marketingActivityIds": []})).status_code == 400
    too_many = {"marketingActivityIds": [f"id-{n}" for n in range(21)]}
    assert (await sandbox.call("POST", path, json=too_many)).status_code == 400
    unknown = {"marketingActivityIds": ["no-such-activity"]}
    assert (await sandbox.call("POST", path, json=unknown)).status_code == 404


async def test_activity_posts_response_parses(sandbox: Sandbox) -> None:
    activity = _social(await sandbox.generate())[0]
    body = await sandbox.ok(
        "POST",
        "/marketing-activity-posts",
        json={"marketingActivityIds": [activity["marketingActivityId"], "unknown"]},
    )
    parsed = ActivityPostsResponse.model_validate(body)
    assert [a.marketing_activity_id for a in parsed.marketing_activities] == [
        activity["marketingActivityId"]
    ]


async def test_regenerate_posts_gives_new_text_and_new_image_later(sandbox: Sandbox) -> None:
    activity = _social(await sandbox.generate())[0]
    activity_id = activity["marketingActivityId"]
    before = _posts(activity["items"])
    snapshot = await sandbox.ok(
        "POST",
        "/marketing-plan/regenerate-marketing-activity-posts",
        json={"marketingActivityId": activity_id},
    )
    assert snapshot["marketingActivity"]["items"] == activity["items"]
    sandbox.clock.advance(sandbox.options.posts_seconds)
    after = _posts((await sandbox.posts(activity_id))[activity_id])
    assert [p["id"] for p in after] == [p["id"] for p in before]
    assert all(_caption(a) != _caption(b) for a, b in zip(after, before, strict=True))
    assert all(_image(a) != _image(b) for a, b in zip(after, before, strict=True))


async def test_regenerate_media_keeps_captions_and_changes_image(sandbox: Sandbox) -> None:
    activity = _social(await sandbox.generate())[0]
    activity_id = activity["marketingActivityId"]
    before = _posts(activity["items"])
    await sandbox.ok(
        "POST",
        "/marketing-plan/regenerate-marketing-activity-posts-media",
        json={"marketingActivityId": activity_id},
    )
    sandbox.clock.advance(sandbox.options.posts_seconds)
    after = _posts((await sandbox.posts(activity_id))[activity_id])
    assert [_caption(p) for p in after] == [_caption(p) for p in before]
    assert all(_image(a) != _image(b) for a, b in zip(after, before, strict=True))


async def test_update_posts_media_sets_caller_url_and_keeps_captions(sandbox: Sandbox) -> None:
    activity = _social(await sandbox.generate())[0]
    activity_id = activity["marketingActivityId"]
    url = "https://static.wixstatic.com/media/new.jpg"
    await sandbox.ok(
        "PATCH",
        "/marketing-plan/update-marketing-activity-posts-media",
        json={"marketingActivityId": activity_id, "mediaUrl": url},
    )
    after = _posts((await sandbox.posts(activity_id))[activity_id])
    assert {_image(p) for p in after} == {url}
    assert [_caption(p) for p in after] == [_caption(p) for p in _posts(activity["items"])]
    missing_url = {"marketingActivityId": activity_id}
    response = await sandbox.call(
        "PATCH", "/marketing-plan/update-marketing-activity-posts-media", json=missing_url
    )
    assert response.status_code == 400


async def test_clear_posts_removes_post_drafts_then_generate_starts_over(sandbox: Sandbox) -> None:
    activity = _social(await sandbox.generate())[0]
    activity_id = activity["marketingActivityId"]
    stories = _stories(activity["items"])
    assert (
        await sandbox.ok(
            "PATCH",
            "/marketing-plan/clear-marketing-activity-posts",
            json={"marketingActivityId": activity_id},
        )
        == {}
    )
    assert (await sandbox.posts(activity_id))[activity_id] == stories
    await sandbox.ok(
        "POST",
        "/marketing-plan/generate-social-posts",
        json={"marketingActivityIds": [activity_id]},
    )
    sandbox.clock.advance(sandbox.options.posts_seconds)
    items = (await sandbox.posts(activity_id))[activity_id]
    assert len(_posts(items)) == len(PLAN_CHANNELS)
    assert _stories(items) == stories


async def test_clear_posts_keeps_scheduled_posts(sandbox: Sandbox) -> None:
    activity = _social(await sandbox.generate())[0]
    activity_id = activity["marketingActivityId"]
    instagram = next(p for p in activity["items"] if p["channel"]["name"] == "INSTAGRAM")
    await sandbox.ok(
        "POST", "/marketing-plan/schedule-drafts", json={"draftIds": [instagram["id"]]}
    )
    await sandbox.ok(
        "PATCH",
        "/marketing-plan/clear-marketing-activity-posts",
        json={"marketingActivityId": activity_id},
    )
    remaining = _posts((await sandbox.posts(activity_id))[activity_id])
    assert [(p["id"], p["status"]) for p in remaining] == [(instagram["id"], "SCHEDULED")]


async def test_regenerate_stories_only_when_the_activity_has_stories(sandbox: Sandbox) -> None:
    plan = await sandbox.generate()
    with_stories = await _with_stories(sandbox, plan)
    activity_id = with_stories["marketingActivityId"]
    before = _stories(with_stories["items"])
    await sandbox.ok(
        "POST",
        "/marketing-plan/regenerate-marketing-activity-stories",
        json={"marketingActivityId": activity_id},
    )
    sandbox.clock.advance(sandbox.options.posts_seconds)
    items = (await sandbox.posts(activity_id))[activity_id]
    after = _stories(items)
    assert [s["id"] for s in after] == [s["id"] for s in before]
    assert all(_image(a) != _image(b) for a, b in zip(after, before, strict=True))
    assert _posts(items) == _posts(with_stories["items"])


async def test_regenerate_stories_without_stories_returns_final_snapshot(sandbox: Sandbox) -> None:
    activity = _later_social(await sandbox.generate())
    activity_id = activity["marketingActivityId"]
    snapshot = await sandbox.ok(
        "POST",
        "/marketing-plan/regenerate-marketing-activity-stories",
        json={"marketingActivityId": activity_id},
    )
    assert snapshot == {"marketingActivity": {"marketingActivityId": activity_id, "items": []}}
    sandbox.clock.advance(sandbox.options.posts_seconds)
    assert (await sandbox.posts(activity_id))[activity_id] == []


async def test_update_stories_media_replaces_one_frame_by_zero_based_index(
    sandbox: Sandbox,
) -> None:
    activity = await _with_stories(sandbox, await sandbox.generate(), min_frames=2)
    activity_id = activity["marketingActivityId"]
    before = _stories(activity["items"])
    url = "https://static.wixstatic.com/media/frame.jpg"
    await sandbox.ok(
        "PATCH",
        "/marketing-plan/update-marketing-activity-stories-media",
        json={"marketingActivityId": activity_id, "mediaUrl": url, "mediaIndex": 1},
    )
    after = _stories((await sandbox.posts(activity_id))[activity_id])
    for old, new in zip(before, after, strict=True):
        old_frames = _frames(old)
        assert _frames(new) == [old_frames[0], url, *old_frames[2:]]


async def test_update_stories_media_out_of_range_frame_leaves_story_unchanged(
    sandbox: Sandbox,
) -> None:
    activity = await _with_stories(sandbox, await sandbox.generate())
    activity_id = activity["marketingActivityId"]
    beyond = max(len(_frames(story)) for story in _stories(activity["items"]))
    await sandbox.ok(
        "PATCH",
        "/marketing-plan/update-marketing-activity-stories-media",
        json={
            "marketingActivityId": activity_id,
            "mediaUrl": "https://x.test/a.jpg",
            "mediaIndex": beyond,
        },
    )
    items = (await sandbox.posts(activity_id))[activity_id]
    assert _stories(items) == _stories(activity["items"])


async def test_update_stories_media_without_index_replaces_whole_story(sandbox: Sandbox) -> None:
    activity = await _with_stories(sandbox, await sandbox.generate())
    activity_id = activity["marketingActivityId"]
    url = "https://static.wixstatic.com/media/whole.jpg"
    await sandbox.ok(
        "PATCH",
        "/marketing-plan/update-marketing-activity-stories-media",
        json={"marketingActivityId": activity_id, "mediaUrl": url},
    )
    items = (await sandbox.posts(activity_id))[activity_id]
    for story in _stories(items):
        assert _content(story)["mediaWrapper"]["media"] == [{"type": "IMAGE", "url": url}]
    assert _posts(items) == _posts(activity["items"])


async def test_clear_stories_removes_story_drafts_only(sandbox: Sandbox) -> None:
    activity = await _with_stories(sandbox, await sandbox.generate())
    activity_id = activity["marketingActivityId"]
    assert (
        await sandbox.ok(
            "PATCH",
            "/marketing-plan/clear-marketing-activity-stories",
            json={"marketingActivityId": activity_id},
        )
        == {}
    )
    items = (await sandbox.posts(activity_id))[activity_id]
    assert _stories(items) == []
    assert _posts(items) == _posts(activity["items"])


@pytest.mark.parametrize(
    ("verb", "path"),
    [
        ("POST", "/marketing-plan/regenerate-marketing-activity-posts"),
        ("POST", "/marketing-plan/regenerate-marketing-activity-posts-media"),
        ("PATCH", "/marketing-plan/clear-marketing-activity-posts"),
        ("POST", "/marketing-plan/regenerate-marketing-activity-stories"),
        ("PATCH", "/marketing-plan/clear-marketing-activity-stories"),
    ],
)
async def test_activity_methods_refuse_unknown_or_missing_activity(
    sandbox: Sandbox, verb: str, path: str
) -> None:
    assert (await sandbox.call(verb, path, json={"marketingActivityId": "nope"})).status_code == 404
    assert (await sandbox.call(verb, path, json={})).status_code == 400


async def test_media_urls_serve_png_images(sandbox: Sandbox) -> None:
    activity = _social(await sandbox.generate())[0]
    url = _image(_posts(activity["items"])[0])
    response = await sandbox.http.get(url, headers={})
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")
    assert (await sandbox.http.get("/sandbox-media/unknown.png")).status_code == 404


async def test_same_requests_give_same_posts(make_sandbox: Callable[..., Any]) -> None:
    one: Sandbox = await make_sandbox()
    two: Sandbox = await make_sandbox()
    for sandbox in (one, two):
        await sandbox.ok("POST", "/marketing-plan/generate-marketing-plan", json={})
    one.clock.advance(6)
    assert await one.plan() == await two.plan()
