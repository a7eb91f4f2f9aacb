"""A site with posts in every state, hand-written, for the Posts section's pictures and tests.

Now is Monday 23 November 2026, 09:00 UTC (the harness's clock). The plan has three
activities; the site has posts beyond them too: one imported from Instagram, one scheduled
on the dashboard and one that failed there. Every group of the Posts section has posts:
scheduled, processing, published (with figures and live links), failed (with reasons),
drafts and one canceled post.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from tests.harness import FIXED_NOW, RecordingEngine, build_static_app, fixed_clock
from tui_planner.api.models import (
    ChannelName,
    ItemStatus,
    PlanMarketingActivity,
    PlanStatus,
    PostItem,
    TokenStatus,
)
from tui_planner.store.state import (
    ConnectionPhase,
    PlannerState,
    SitePosts,
    SyncStatus,
    frozen_mapping,
)
from tui_planner.sync.commands import Command, CommandOutcome
from tui_planner.ui.app import PlannerApp

_CONTENT_KEYS = {
    ChannelName.INSTAGRAM: "instagramPost",
    ChannelName.FACEBOOK: "facebookPost",
    ChannelName.LINKEDIN: "linkedinPost",
    ChannelName.PINTEREST: "pinterestPost",
    ChannelName.TWITTER: "twitterPost",
}

GLAZE_CAPTION = (
    "Our winter glaze sale starts tomorrow: 20% off every mug, bowl and vase in the studio "
    "shop. #wintersale #ceramics"
)
X_CAPTION = (
    "Winter glaze sale starts tomorrow ❄️ 20% off every mug, bowl and vase: "
    "https://emberline-example.com/sale #wintersale #ceramics"
)
FAILED_REASON = "The Facebook page's access token expired; reconnect the account"


def post(
    item_id: str,
    channel: ChannelName,
    text: str,
    status: ItemStatus,
    when: datetime | None = None,
    **extra: Any,
) -> PostItem:
    """One post as the Publisher sends it; ``extra`` adds wire fields (camelCase)."""
    body: dict[str, Any] = {
        "id": item_id,
        "channel": {"name": channel.value},
        "type": "POST",
        "status": status.value,
        _CONTENT_KEYS[channel]: {"caption": text},
        **extra,
    }
    if when is not None:
        body["schedulingInfo"] = {"scheduledDate": when.isoformat()}
    return PostItem.model_validate(body)


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def posts_state() -> PlannerState:
    """The plan's three activities and the site's posts, every one read just now."""
    glaze_at, open_at, kiln_at = _at(24, 10), _at(21, 10), _at(23, 8, 59)
    glaze = PlanMarketingActivity(
        marketing_activity_id="act-glaze",
        date=glaze_at,
        title="Winter glaze sale",
        items=(
            post("ig-glaze", ChannelName.INSTAGRAM, GLAZE_CAPTION, ItemStatus.SCHEDULED, glaze_at),
            post("fb-glaze", ChannelName.FACEBOOK, GLAZE_CAPTION, ItemStatus.SCHEDULED, glaze_at),
            post("x-glaze", ChannelName.TWITTER, X_CAPTION, ItemStatus.DRAFT),
        ),
    )
    studio = PlanMarketingActivity(
        marketing_activity_id="act-open",
        date=open_at,
        title="Open studio weekend",
        items=(
            post(
                "ig-open",
                ChannelName.INSTAGRAM,
                "Thank you for coming to the open studio! Here is what we made together.",
                ItemStatus.PUBLISHED,
                open_at,
                externalItemUrl="https://www.instagram.com/p/C0ldG1aze/",
                insightsSummary={
                    "impressions": 2456,
                    "interactions": 131,
                    "likes": 102,
                    "comments": 17,
                    "shares": 12,
                },
            ),
            post(
                "fb-open",
                ChannelName.FACEBOOK,
                "Open studio this weekend: throw a pot with us, Saturday and Sunday 10-4.",
                ItemStatus.FAILED,
                open_at,
                publicationError={"code": "TOKEN_EXPIRED", "message": FAILED_REASON},
            ),
            post(
                "li-open",
                ChannelName.LINKEDIN,
                "What an open studio teaches a small business about its customers.",
                ItemStatus.CANCELED,
                open_at,
            ),
        ),
    )
    kiln = PlanMarketingActivity(
        marketing_activity_id="act-kiln",
        date=kiln_at,
        title="Kiln opening, live",
        items=(
            post(
                "li-kiln",
                ChannelName.LINKEDIN,
                "The kiln opens in a minute: watch live as this week's pieces come out.",
                ItemStatus.PROCESSING,
                kiln_at,
            ),
        ),
    )
    others = (
        post(
            "ig-imported",
            ChannelName.INSTAGRAM,
            "Throwback to our first market stall, five years ago this week. #throwback",
            ItemStatus.PUBLISHED,
            _at(15, 18),
            external=True,
            externalItemUrl="https://www.instagram.com/p/Thr0wback5/",
            insightsSummary={"impressions": 5120, "interactions": 402},
        ),
        post(
            "fb-dashboard",
            ChannelName.FACEBOOK,
            "Gift cards are back for the holidays: any amount, any piece, any class.",
            ItemStatus.SCHEDULED,
            _at(28, 9),
        ),
        post(
            "pin-dashboard",
            ChannelName.PINTEREST,
            "Five glazes that look like winter #glazeideas",
            ItemStatus.FAILED,
            _at(19, 12),
            publicationError={"code": "MEDIA_REJECTED", "message": "Pinterest rejected the image"},
        ),
    )
    activities = (glaze, studio, kiln)
    items = {entry.id: entry for owner in activities for entry in owner.items}
    items.update({entry.id: entry for entry in others})
    connected = (ChannelName.INSTAGRAM, ChannelName.FACEBOOK, ChannelName.LINKEDIN)
    return PlannerState(
        loaded=True,
        plan_status=PlanStatus.ACTIVE,
        plan_start=FIXED_NOW.date(),
        activities=frozen_mapping({owner.id: owner for owner in activities}),
        connections=frozen_mapping(
            {
                channel: TokenStatus.VALID if channel in connected else TokenStatus.NEVER_CREATED
                for channel in ChannelName
            }
        ),
        sync=SyncStatus(phase=ConnectionPhase.ONLINE, last_sync_at=FIXED_NOW),
        site_posts=SitePosts(items=frozen_mapping(items), read_at=FIXED_NOW, complete=True),
    )


def posts_app(
    state: PlannerState | None = None,
    answer: Any = None,
    *,
    engine: RecordingEngine | None = None,
) -> tuple[PlannerApp, RecordingEngine]:
    """The planner over :func:`posts_state` (or ``state``) with an engine that records
    commands and answers them with ``answer`` (default: done); or over ``engine``."""
    engine = engine or RecordingEngine(state or posts_state(), answer)
    return build_static_app(fixed_clock(), engine), engine


def refused(command: Command) -> CommandOutcome:
    """An answer that refuses every command as the Publisher refuses a post going out."""
    from tui_planner.api.errors import FailedPreconditionError

    error = FailedPreconditionError(
        "Item is already processing",
        status=428,
        canonical="FAILED_PRECONDITION",
        application_code="ITEM_IS_PUBLISHED",
    )
    return CommandOutcome(command, ok=False, message=f"Could not save: {error}", error=error)
