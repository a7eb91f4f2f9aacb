"""A planner app over one fixed, hand-written plan, for pictures and lifecycle tests.

The real :class:`PlannerApp` with a :class:`Store` holding :func:`fixed_state` and an engine
that never syncs: it records commands and answers them the way the Publisher would. The
backend's HTTP client serves one Pillow-drawn PNG for every image URL, in process.
"""

from __future__ import annotations

import asyncio
import io
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from PIL import Image, ImageDraw

from tests.harness import FIXED_NOW, fixed_clock
from tui_planner.api import MarketingPlanClient, PublisherClient
from tui_planner.api.models import (
    ChannelName,
    Feature,
    FeatureDataResponse,
    FeatureType,
    ItemStatus,
    PlanMarketingActivity,
    PlanStatus,
    PostItem,
    SchedulingInfo,
    TokenStatus,
)
from tui_planner.backend import (
    SANDBOX_API_KEY,
    SANDBOX_BASE_URL,
    SANDBOX_SITE_ID,
    Backend,
    Connection,
)
from tui_planner.config import Config, UiSettings
from tui_planner.session import Session
from tui_planner.store import Store
from tui_planner.store.state import ConnectionPhase, PlannerState, SyncStatus, frozen_mapping
from tui_planner.sync.commands import (
    CancelItem,
    Command,
    CommandOutcome,
    RescheduleItem,
    ScheduleDrafts,
)
from tui_planner.ui.app import PlannerApp

IMAGE_URL = f"{SANDBOX_BASE_URL}/media/launch.png"

CAPTION_IG = (
    "Early access starts now ✨ Our Black Friday edit is live for subscribers: hand-thrown "
    "mugs, linen aprons and the winter candle trio. Shop before everyone else at "
    "https://studio-example.com/black-friday #blackfriday #ceramics #handmade #shopsmall"
)
CAPTION_X = (
    "Black Friday early access is live 🎉 Shop the edit: https://studio-example.com/bf "
    "#blackfriday #ceramics"
)


def _post(
    item_id: str,
    channel: ChannelName,
    text: str,
    status: ItemStatus = ItemStatus.DRAFT,
    *,
    scheduled: datetime | None = None,
) -> PostItem:
    key = {
        ChannelName.INSTAGRAM: "instagramPost",
        ChannelName.FACEBOOK: "facebookPost",
        ChannelName.LINKEDIN: "linkedinPost",
        ChannelName.PINTEREST: "pinterestPost",
        ChannelName.GBP: "gbpPost",
        ChannelName.TIKTOK: "tiktokPhoto",
        ChannelName.TWITTER: "twitterPost",
    }[channel]
    text_field = "description" if channel in _DESCRIBED else "caption"
    body: dict[str, Any] = {
        "id": item_id,
        "channel": {"name": channel.value},
        "type": "POST",
        "status": status.value,
        key: {text_field: text, "mediaWrapper": {"media": [{"type": "IMAGE", "url": IMAGE_URL}]}},
    }
    if scheduled is not None:
        body["schedulingInfo"] = {"scheduledDate": scheduled.isoformat()}
    return PostItem.model_validate(body)


_DESCRIBED = {ChannelName.PINTEREST, ChannelName.GBP, ChannelName.TIKTOK}


def fixed_state(*, premium: bool = True) -> PlannerState:
    """Four activities: drafts on every channel, a scheduled and a published post, and one
    social activity with no posts. Instagram, Facebook, LinkedIn and X are connected."""
    launch_at = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    countdown_at = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    launch = PlanMarketingActivity(
        marketing_activity_id="act-launch",
        date=launch_at,
        title="Black Friday early access",
        description="Subscribers shop the edit a day early.",
        items=(
            _post("ig-launch", ChannelName.INSTAGRAM, CAPTION_IG),
            _post("fb-launch", ChannelName.FACEBOOK, "Black Friday starts early for you."),
            _post("li-launch", ChannelName.LINKEDIN, "Behind the Black Friday edit."),
            _post("pin-launch", ChannelName.PINTEREST, "Winter candle trio #giftideas"),
            _post("x-launch", ChannelName.TWITTER, CAPTION_X),
        ),
    )
    countdown = PlanMarketingActivity(
        marketing_activity_id="act-countdown",
        date=countdown_at,
        title="Cyber Monday countdown",
        items=(
            _post(
                "ig-countdown",
                ChannelName.INSTAGRAM,
                "Three days to Cyber Monday #cybermonday",
                ItemStatus.SCHEDULED,
                scheduled=countdown_at,
            ),
            _post(
                "fb-countdown",
                ChannelName.FACEBOOK,
                "Cyber Monday is coming.",
                ItemStatus.PUBLISHED,
                scheduled=FIXED_NOW - timedelta(hours=2),
            ),
        ),
    )
    gifts = PlanMarketingActivity(
        marketing_activity_id="act-gifts",
        date=datetime(2026, 12, 3, 12, 0, tzinfo=UTC),
        title="Holiday gift guide",
        items=(
            _post("ig-gifts", ChannelName.INSTAGRAM, "Ten gifts under $40 #giftguide"),
            _post("tt-gifts", ChannelName.TIKTOK, "Wrapping hacks #giftwrap"),
        ),
    )
    workshop = PlanMarketingActivity(
        marketing_activity_id="act-workshop",
        date=datetime(2026, 12, 5, 15, 0, tzinfo=UTC),
        title="Glazing workshop recap",
    )
    activities = (launch, countdown, gifts, workshop)
    connected = (
        ChannelName.INSTAGRAM,
        ChannelName.FACEBOOK,
        ChannelName.LINKEDIN,
        ChannelName.TWITTER,
    )
    return PlannerState(
        loaded=True,
        plan_status=PlanStatus.ACTIVE,
        plan_start=FIXED_NOW.date(),
        activities=frozen_mapping({a.id: a for a in activities}),
        connections=frozen_mapping(
            {
                channel: TokenStatus.VALID if channel in connected else TokenStatus.NEVER_CREATED
                for channel in ChannelName
            }
        ),
        features=FeatureDataResponse(
            features=(Feature(type=FeatureType.SCHEDULE_POST, enabled=premium),)
        ),
        sync=SyncStatus(phase=ConnectionPhase.ONLINE, last_sync_at=FIXED_NOW),
    )


def picture_png() -> bytes:
    """A square PNG with bold shapes, so half-blocks show something recognisable."""
    image = Image.new("RGB", (480, 480), (244, 228, 210))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 300, 480, 480), fill=(120, 72, 48))
    draw.ellipse((140, 90, 340, 290), fill=(212, 96, 60))
    draw.rectangle((200, 40, 280, 120), fill=(60, 90, 120))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _serve_media(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith(".png"):
        return httpx.Response(200, content=picture_png(), headers={"content-type": "image/png"})
    return httpx.Response(404, json={"message": "Not found"})


def _backend(clock: Any) -> Backend:
    http = httpx.AsyncClient(transport=httpx.MockTransport(_serve_media), base_url=SANDBOX_BASE_URL)
    kwargs: dict[str, Any] = {
        "base_url": SANDBOX_BASE_URL,
        "api_key": SANDBOX_API_KEY,
        "site_id": SANDBOX_SITE_ID,
        "clock": clock,
    }
    return Backend(
        plan=MarketingPlanClient(http, **kwargs),
        publisher=PublisherClient(http, **kwargs),
        http=http,
        label="SANDBOX in memory",
        is_sandbox=True,
    )


@dataclass
class StillEngine:
    """An engine that never polls; commands change the store as the Publisher would."""

    store: Store
    commands: list[Command] = field(default_factory=list)

    async def run(self) -> None:
        await asyncio.Event().wait()

    async def run_once(self) -> float | None:
        """Nothing to poll."""
        return None

    def pause(self) -> None:
        """Nothing polls, so nothing pauses."""

    def resume(self) -> None:
        """Nothing polls, so nothing resumes."""

    def request_sync(self) -> None:
        """Nothing to sync with."""

    def read_more_posts(self) -> bool:
        """There are no older posts."""
        return False

    async def execute(self, command: Command) -> CommandOutcome:
        self.commands.append(command)
        if isinstance(command, ScheduleDrafts):
            return self._schedule(command)
        if isinstance(command, RescheduleItem):
            self._set(command.item_id, ItemStatus.SCHEDULED, command.when)
        elif isinstance(command, CancelItem):
            self._set(command.item_id, ItemStatus.CANCELED)
        return CommandOutcome(command, ok=True, message=f"{command.describe()}: done")

    def _schedule(self, command: ScheduleDrafts) -> CommandOutcome:
        state = self.store.state
        if state.can_schedule is False:
            return CommandOutcome(command, ok=False, message="Premium missing")
        done: list[str] = []
        for owner in state.activities.values():
            for entry in owner.items:
                if (
                    entry.id in command.draft_ids
                    and entry.status == ItemStatus.DRAFT
                    and state.is_connected(entry.channel.name)
                ):
                    done.append(entry.id)
                    self._set(entry.id, ItemStatus.SCHEDULED, owner.date)
        message = f"Scheduled {len(done)} of {len(command.draft_ids)} drafts"
        return CommandOutcome(command, ok=True, message=message, scheduled_ids=tuple(done))

    def _set(self, item_id: str, status: ItemStatus, when: datetime | None = None) -> None:
        def reducer(state: PlannerState) -> PlannerState:
            activities = {}
            for key, owner in state.activities.items():
                items = tuple(
                    entry.model_copy(
                        update={
                            "status": status,
                            "scheduling_info": entry.scheduling_info
                            if when is None
                            else SchedulingInfo(scheduled_date=when),
                        }
                    )
                    if entry.id == item_id
                    else entry
                    for entry in owner.items
                )
                activities[key] = owner.model_copy(update={"items": items})
            return replace(state, activities=frozen_mapping(activities))

        self.store.apply(reducer)


def fixed_app(*, premium: bool = True, state: PlannerState | None = None) -> PlannerApp:
    """A planner app showing :func:`fixed_state` on the fixed clock."""
    clock = fixed_clock()
    engine = StillEngine(Store(state or fixed_state(premium=premium)))
    backend = _backend(clock)
    session = Session(
        lambda: Connection(Config(), backend),
        info=backend.info,
        clock=clock,
        store=engine.store,
        make_engine=lambda _session, _connection: engine,
    )
    return PlannerApp(session, ui=UiSettings())
