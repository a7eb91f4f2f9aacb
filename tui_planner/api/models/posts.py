"""Post items: the Publisher drafts a plan activity's social posts live in (§2.3, A.3)."""

from __future__ import annotations

from datetime import datetime

from .base import WireModel, WixDateTime
from .enums import ChannelName, ItemStatus, ItemType, MediaType
from .item_details import DraftInfo, InsightsSummary, PublicationError

__all__ = [
    "CONTENT_KEYS",
    "Channel",
    "Media",
    "MediaWrapper",
    "PostContent",
    "PostItem",
    "SchedulingInfo",
]


class Media(WireModel):
    """One image or video of a post."""

    type: MediaType = MediaType.IMAGE
    url: str


class MediaWrapper(WireModel):
    """The media list of a post; a story holds one entry per frame (at most five)."""

    media: tuple[Media, ...] = ()


class PostContent(WireModel):
    """A channel content object (``instagramPost``, ``facebookPost``, ...).

    The networks name their text differently: most use ``caption``; Pinterest, GBP and TikTok
    use ``description`` (and Pinterest and TikTok a ``title``).
    """

    caption: str | None = None
    description: str | None = None
    title: str | None = None
    media_wrapper: MediaWrapper | None = None
    image_url: str | None = None
    video_url: str | None = None
    link: str | None = None
    page_id: str | None = None
    board_id: str | None = None
    location_id: str | None = None
    author_id: str | None = None
    privacy_level: str | None = None
    call_to_action: str | None = None

    @property
    def text(self) -> str:
        """The post's main text, whatever the network calls it."""
        return self.caption or self.description or ""

    @property
    def image(self) -> str | None:
        """The URL of the post's first image, if it has one."""
        if self.media_wrapper:
            for media in self.media_wrapper.media:
                if media.type == MediaType.IMAGE:
                    return media.url
        return self.image_url


class Channel(WireModel):
    """Which network (and connected account) an item is for."""

    name: ChannelName
    account_id: str | None = None


class SchedulingInfo(WireModel):
    """When a scheduled item goes live."""

    scheduled_date: WixDateTime | None = None


# Item field name of each content object, by (channel, type). Unknown pairs fall back to
# whichever content object the item carries.
CONTENT_KEYS: dict[tuple[ChannelName, ItemType], str] = {
    (ChannelName.INSTAGRAM, ItemType.POST): "instagram_post",
    (ChannelName.INSTAGRAM, ItemType.STORY): "instagram_story",
    (ChannelName.FACEBOOK, ItemType.POST): "facebook_post",
    (ChannelName.FACEBOOK, ItemType.STORY): "facebook_story",
    (ChannelName.FACEBOOK, ItemType.REEL): "facebook_reel",
    (ChannelName.LINKEDIN, ItemType.POST): "linkedin_post",
    (ChannelName.PINTEREST, ItemType.POST): "pinterest_post",
    (ChannelName.GBP, ItemType.POST): "gbp_post",
    (ChannelName.TIKTOK, ItemType.POST): "tiktok_photo",
    (ChannelName.TIKTOK, ItemType.VIDEO): "tiktok_video",
    (ChannelName.TWITTER, ItemType.POST): "twitter_post",
    (ChannelName.YOUTUBE, ItemType.VIDEO): "youtube_video",
    (ChannelName.YOUTUBE, ItemType.SHORT): "youtube_short",
}

# Networks whose content objects keep the main text in ``description``, not ``caption``.
_DESCRIPTION_CHANNELS = frozenset(
    {ChannelName.PINTEREST, ChannelName.GBP, ChannelName.TIKTOK, ChannelName.YOUTUBE}
)


class PostItem(WireModel):
    """One post (or story) for one channel: the draft ID ``ScheduleDrafts`` takes."""

    id: str
    channel: Channel
    type: ItemType = ItemType.POST
    status: ItemStatus = ItemStatus.DRAFT
    scheduling_info: SchedulingInfo | None = None
    external: bool | None = None
    external_item_url: str | None = None
    reference_id: str | None = None
    instagram_post: PostContent | None = None
    instagram_story: PostContent | None = None
    facebook_post: PostContent | None = None
    facebook_story: PostContent | None = None
    facebook_reel: PostContent | None = None
    linkedin_post: PostContent | None = None
    pinterest_post: PostContent | None = None
    gbp_post: PostContent | None = None
    tiktok_photo: PostContent | None = None
    tiktok_video: PostContent | None = None
    twitter_post: PostContent | None = None
    youtube_video: PostContent | None = None
    youtube_short: PostContent | None = None
    draft_info: DraftInfo | None = None
    publication_error: PublicationError | None = None
    insights_summary: InsightsSummary | None = None

    @property
    def content_key(self) -> str | None:
        """The Python field name of the content object this item carries."""
        expected = CONTENT_KEYS.get((self.channel.name, self.type))
        if expected and getattr(self, expected) is not None:
            return expected
        for key in dict.fromkeys(CONTENT_KEYS.values()):
            if getattr(self, key) is not None:
                return key
        return expected

    @property
    def content(self) -> PostContent:
        """The item's content object (empty when the item carries none)."""
        key = self.content_key
        value = getattr(self, key) if key else None
        return value if isinstance(value, PostContent) else _EMPTY_CONTENT

    @property
    def text(self) -> str:
        """The caption or description."""
        return self.content.text

    @property
    def text_path(self) -> tuple[str, str] | None:
        """Where the main text goes on the wire: ``("instagramPost", "caption")``.

        ``None`` for an item whose content object is unknown (it cannot be edited).
        """
        key = self.content_key
        if key is None:
            return None
        content = self.content
        uses_description = self.channel.name in _DESCRIPTION_CHANNELS or self.type == ItemType.REEL
        if content.caption is None and (content.description is not None or uses_description):
            text_field = "description"
        else:
            text_field = "caption"
        return type(self).model_fields[key].alias or key, text_field

    def with_text(self, text: str) -> PostItem:
        """A copy whose caption (or description) reads ``text``; the rest stays as it is."""
        key = self.content_key
        path = self.text_path
        if key is None or path is None:
            return self
        content = self.content.model_copy(update={path[1]: text})
        return self.model_copy(update={key: content})

    @property
    def image(self) -> str | None:
        """The first image URL."""
        return self.content.image

    @property
    def scheduled_date(self) -> datetime | None:
        """When the item is (or was) scheduled to go live."""
        return self.scheduling_info.scheduled_date if self.scheduling_info else None

    @property
    def is_story(self) -> bool:
        """Whether this item is a story rather than a feed post."""
        return self.type == ItemType.STORY


_EMPTY_CONTENT = PostContent()
