"""Writing an activity's post and story drafts with the generator, and rewriting them.

Every pass passes the generator how many times that content was made before (the
activity's counters), so the same request twice gives the same drafts and asking again gives
new captions and a new image. Only drafts are rewritten: an item already handed to the
Publisher (scheduled, publishing, published...) is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui_planner.api.models import ChannelName, ItemStatus, ItemType

# The generator's modules are looked up when drafts are written, not at start-up.
from . import generator
from .activity_store import ActivityRow, update_activity
from .context import SandboxContext
from .item_store import ItemRow, activity_items, insert_item, update_item
from .media import image_seed, register_image
from .settings_store import settings_models

if TYPE_CHECKING:
    from .generator import GeneratedActivity, GeneratedPost

__all__ = [
    "create_posts",
    "insert_generated_post",
    "regenerate_media",
    "regenerate_posts",
    "regenerate_stories",
]


def _post_media(ctx: SandboxContext, activity: ActivityRow) -> Callable[[ChannelName], str]:
    """Names and registers the image of each channel's post for the activity's image generation."""
    label = f"i{activity.image_generation}"
    seed = image_seed(ctx.options.seed, activity.id, activity.image_generation)

    def media_url(channel: ChannelName) -> str:
        key = f"{activity.id}-{label}-{channel.value.lower()}"
        return register_image(ctx.conn, key, channel, title=activity.title, seed=seed)

    return media_url


def _story_media(
    ctx: SandboxContext, activity: ActivityRow, titles: list[str]
) -> Callable[[ChannelName, int], str]:
    """Names and registers each story frame's image; a frame's words are drawn on it."""
    label = f"s{activity.stories_generation}"
    seed = image_seed(ctx.options.seed, f"{activity.id}-story", activity.stories_generation)

    def media_url(channel: ChannelName, frame: int) -> str:
        key = f"{activity.id}-{label}-{channel.value.lower()}-{frame}"
        title = titles[frame] if frame < len(titles) else activity.title
        return register_image(
            ctx.conn, key, channel, title=title, seed=seed, item_type=ItemType.STORY
        )

    return media_url


def _as_generated(activity: ActivityRow) -> GeneratedActivity:
    return generator.GeneratedActivity(
        title=activity.title,
        description=activity.description,
        date=activity.target_date,
        activity_type=activity.activity_type,
        key=activity.generator_key or activity.id,
    )


def _posts(ctx: SandboxContext, activity: ActivityRow) -> list[GeneratedPost]:
    settings, _ = settings_models(ctx.site.settings)
    return generator.activity_posts(
        ctx.site.profile,
        settings,
        _as_generated(activity),
        seed=ctx.options.seed,
        generation=activity.posts_generation,
        media_url=_post_media(ctx, activity),
    )


def _stories(ctx: SandboxContext, activity: ActivityRow) -> list[GeneratedPost]:
    settings, _ = settings_models(ctx.site.settings)
    generated = _as_generated(activity)
    titles = generator.story_frame_titles(
        ctx.site.profile,
        settings,
        generated,
        seed=ctx.options.seed,
        generation=activity.stories_generation,
    )
    return generator.activity_stories(
        ctx.site.profile,
        settings,
        generated,
        seed=ctx.options.seed,
        generation=activity.stories_generation,
        media_url=_story_media(ctx, activity, titles),
    )


def insert_generated_post(ctx: SandboxContext, activity: ActivityRow, post: GeneratedPost) -> None:
    """Store one generated post (or story) of ``activity`` as a new DRAFT item."""
    insert_item(
        ctx.conn,
        ItemRow(
            id=ctx.new_id(),
            activity_id=activity.id,
            channel=post.channel,
            type=post.item_type,
            status=ItemStatus.DRAFT,
            content_key=post.content_key,
            content=dict(post.content),
        ),
    )


def create_posts(ctx: SandboxContext, activity: ActivityRow) -> None:
    """Give an activity without posts its post drafts (every plan channel).

    Stories planned for the activity come with them, unless it still has its stories (its
    posts were cleared, its stories were not).
    """
    had_stories = any(item.is_story for item in activity_items(ctx.conn, activity.id))
    for post in _posts(ctx, activity):
        insert_generated_post(ctx, activity, post)
    if not had_stories:
        for story in _stories(ctx, activity):
            insert_generated_post(ctx, activity, story)


def _rewrite(
    ctx: SandboxContext, activity: ActivityRow, generated: list[GeneratedPost], *, stories: bool
) -> None:
    """Put ``generated`` into the activity's drafts, channel by channel.

    A channel whose post is no longer a draft keeps it; a channel with no item at all (after
    clearing) gets a new draft.
    """
    items = [item for item in activity_items(ctx.conn, activity.id) if item.is_story == stories]
    for post in generated:
        same_channel = [item for item in items if item.channel == post.channel]
        drafts = [item for item in same_channel if item.status == ItemStatus.DRAFT]
        if drafts:
            draft = drafts[0]
            draft.content = dict(post.content)
            draft.content_key = post.content_key
            update_item(ctx.conn, draft)
        elif not same_channel:
            insert_generated_post(ctx, activity, post)


def regenerate_posts(ctx: SandboxContext, activity: ActivityRow) -> None:
    """New captions and a new image for the activity's post drafts."""
    activity.posts_generation += 1
    activity.image_generation += 1
    update_activity(ctx.conn, activity)
    _rewrite(ctx, activity, _posts(ctx, activity), stories=False)


def regenerate_media(ctx: SandboxContext, activity: ActivityRow) -> None:
    """A new image for the activity's post drafts; captions stay."""
    activity.image_generation += 1
    update_activity(ctx.conn, activity)
    media_url = _post_media(ctx, activity)
    for item in activity_items(ctx.conn, activity.id):
        if item.type == ItemType.POST and item.status == ItemStatus.DRAFT:
            item.set_media([media_url(item.channel)])
            update_item(ctx.conn, item)


def regenerate_stories(ctx: SandboxContext, activity: ActivityRow) -> None:
    """New story drafts for an activity that has stories (it never gains stories it lacked)."""
    if not any(item.is_story for item in activity_items(ctx.conn, activity.id)):
        return
    activity.stories_generation += 1
    update_activity(ctx.conn, activity)
    _rewrite(ctx, activity, _stories(ctx, activity), stories=True)
