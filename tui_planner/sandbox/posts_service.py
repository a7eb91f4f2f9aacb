"""The Marketing Plan service's post and story methods (§2.6, §2.7).

Generating and regenerating finish ``posts_seconds`` later (see ``post_jobs``); the regenerate
methods answer at once with a snapshot of the activity's items as they are. Choices where the
contract is silent:

- GenerateSocialPosts leaves an activity that already has posts as it is (clear first).
- Every method here changes drafts only: an item already scheduled, publishing or published
  belongs to the Publisher and is left alone.
- The media-update methods answer with the same snapshot shape as the regenerate methods.
- ``mediaIndex`` is 0-based; a story without that frame is left unchanged.
"""

from __future__ import annotations

from typing import Any

from tui_planner.api.models import ItemStatus

from .activity_store import ActivityRow, find_activity
from .context import ApiRequest, SandboxContext
from .errors import FieldViolation, invalid_argument, not_found
from .item_store import activity_items, delete_item, item_wire, update_item
from .post_jobs import JobKind, pending_jobs, queue_job
from .request_input import id_list

__all__ = [
    "clear_posts",
    "clear_stories",
    "generate_social_posts",
    "get_activity_posts",
    "regenerate_posts",
    "regenerate_posts_media",
    "regenerate_stories",
    "update_posts_media",
    "update_stories_media",
]


def _activity(ctx: SandboxContext, activity_id: str) -> ActivityRow:
    activity = find_activity(ctx.conn, activity_id)
    if activity is None:
        raise not_found(f"Marketing activity {activity_id} does not exist")
    return activity


def _target(ctx: SandboxContext, request: ApiRequest) -> ActivityRow:
    activity_id = request.body.get("marketingActivityId") or request.body.get("id")
    if not isinstance(activity_id, str) or not activity_id:
        raise invalid_argument(
            "marketingActivityId is required",
            FieldViolation("marketingActivityId", "is required", "REQUIRED_FIELD"),
        )
    return _activity(ctx, activity_id)


def _entry(ctx: SandboxContext, activity: ActivityRow) -> dict[str, Any]:
    items = activity_items(ctx.conn, activity.id)
    return {"marketingActivityId": activity.id, "items": [item_wire(i, ctx) for i in items]}


def _snapshot(ctx: SandboxContext, activity: ActivityRow) -> dict[str, Any]:
    return {"marketingActivity": _entry(ctx, activity)}


def _media_url(body: dict[str, Any]) -> str:
    """The caller's media URL, under whichever name it was sent (the field is UNVERIFIED)."""
    for key in ("mediaUrl", "imageUrl", "url"):
        value = body.get(key)
        if isinstance(value, str) and value:
            return value
    media = body.get("media")
    if isinstance(media, list) and media:
        media = media[0]
    if isinstance(media, dict) and isinstance(media.get("url"), str) and media["url"]:
        return str(media["url"])
    raise invalid_argument(
        "mediaUrl is required", FieldViolation("mediaUrl", "is required", "REQUIRED_FIELD")
    )


def generate_social_posts(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """GenerateSocialPosts: drafts appear for each activity ``posts_seconds`` later."""
    activities = [_activity(ctx, i) for i in id_list(request.body, "marketingActivityIds")]
    for activity in activities:
        has_posts = any(not item.is_story for item in activity_items(ctx.conn, activity.id))
        if not has_posts and JobKind.GENERATE_POSTS not in pending_jobs(ctx, activity.id):
            queue_job(ctx, activity.id, JobKind.GENERATE_POSTS)
    return {}


def get_activity_posts(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """GetMarketingActivityPosts: each known activity's items (unknown IDs are left out)."""
    entries = []
    for activity_id in id_list(request.body, "marketingActivityIds"):
        activity = find_activity(ctx.conn, activity_id)
        if activity is not None:
            entries.append(_entry(ctx, activity))
    return {"marketingActivities": entries}


def regenerate_posts(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """RegenerateMarketingActivityPosts: new captions and a new image, later."""
    activity = _target(ctx, request)
    queue_job(ctx, activity.id, JobKind.REGENERATE_POSTS)
    return _snapshot(ctx, activity)


def regenerate_posts_media(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """RegenerateMarketingActivityPostsMedia: a new image, captions kept, later."""
    activity = _target(ctx, request)
    queue_job(ctx, activity.id, JobKind.REGENERATE_MEDIA)
    return _snapshot(ctx, activity)


def regenerate_stories(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """RegenerateMarketingActivityStories: only an activity with stories gets new ones.

    Without stories nothing happens and the snapshot answered is final.
    """
    activity = _target(ctx, request)
    if any(item.is_story for item in activity_items(ctx.conn, activity.id)):
        queue_job(ctx, activity.id, JobKind.REGENERATE_STORIES)
    return _snapshot(ctx, activity)


def update_posts_media(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """UpdateMarketingActivityPostsMedia: the post drafts show the caller's image."""
    activity = _target(ctx, request)
    url = _media_url(request.body)
    for item in activity_items(ctx.conn, activity.id):
        if not item.is_story and item.status == ItemStatus.DRAFT:
            item.set_media([url])
            update_item(ctx.conn, item)
    return _snapshot(ctx, activity)


def update_stories_media(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """UpdateMarketingActivityStoriesMedia: one frame (``mediaIndex``) or the whole story."""
    activity = _target(ctx, request)
    url = _media_url(request.body)
    index = request.body.get("mediaIndex")
    if index is not None and (isinstance(index, bool) or not isinstance(index, int)):
        raise invalid_argument(
            "mediaIndex must be a whole number",
            FieldViolation("mediaIndex", "must be an integer", "FORMAT"),
        )
    for item in activity_items(ctx.conn, activity.id):
        if not item.is_story or item.status != ItemStatus.DRAFT:
            continue
        frames = item.media_urls()
        if index is None:
            frames = [url]
        elif 0 <= index < len(frames):
            frames[index] = url
        else:
            continue
        item.set_media(frames)
        update_item(ctx.conn, item)
    return _snapshot(ctx, activity)


def clear_posts(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """ClearMarketingActivityPosts: the activity's post drafts are removed."""
    activity = _target(ctx, request)
    for item in activity_items(ctx.conn, activity.id):
        if not item.is_story and item.status == ItemStatus.DRAFT:
            delete_item(ctx.conn, item.id)
    return {}


def clear_stories(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """ClearMarketingActivityStories: story drafts go; scheduled or published stories stay."""
    activity = _target(ctx, request)
    for item in activity_items(ctx.conn, activity.id):
        if item.is_story and item.status == ItemStatus.DRAFT:
            delete_item(ctx.conn, item.id)
    return {}
