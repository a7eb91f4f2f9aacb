"""One small plan with every kind of entry an export must carry, at a fixed moment."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from tui_planner.api.models import (
    CalendarEvent,
    MarketingSettings,
    PlanMarketingActivity,
    PlanStatus,
    PostItem,
)
from tui_planner.export import PlanExport, plan_export
from tui_planner.store.state import PlannerState, frozen_mapping

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
SITE = "0f3a-site"


def post(item_id: str, channel: str, status: str = "DRAFT", **extra: object) -> PostItem:
    """A post for ``channel`` with a caption and an image."""
    body: dict[str, object] = {
        "id": item_id,
        "channel": {"name": channel},
        "status": status,
        "instagramPost" if channel == "INSTAGRAM" else "facebookPost": {
            "caption": f"Caption of {item_id}",
            "mediaWrapper": {
                "media": [{"type": "IMAGE", "url": f"https://img.test/{item_id}.png"}]
            },
        },
        **extra,
    }
    return PostItem.model_validate(body)


LAUNCH = PlanMarketingActivity.model_validate(
    {
        "marketingActivityId": "act-launch",
        "date": "2026-11-25T09:00:00.000Z",
        "title": "Black Friday teaser",
        "description": "Tease the sale, one week out.",
        "marketingActivityType": "SOCIAL_MARKETING",
        "items": [
            post("ig-1", "INSTAGRAM").model_dump(by_alias=True, mode="json"),
            post(
                "fb-1",
                "FACEBOOK",
                "SCHEDULED",
                schedulingInfo={"scheduledDate": "2026-11-25T09:00:00.000Z"},
            ).model_dump(by_alias=True, mode="json"),
        ],
    }
)
BLOG = PlanMarketingActivity.model_validate(
    {
        "marketingActivityId": "act/blog 2",  # an id with characters a UID must escape
        "date": "2026-12-02T00:00:00.000Z",  # date-only: an all-day entry
        "title": "Gift guide",
        "marketingActivityType": "BLOG",
    }
)
LATE = PlanMarketingActivity.model_validate(
    {
        "marketingActivityId": "act-late",
        "date": "2026-12-20T17:30:00.000Z",
        "title": '=HYPERLINK("http://evil.test")',  # a formula where a title should be
        "items": [
            post("ig-2", "INSTAGRAM")
            .with_text("-5% today, @everyone")
            .model_dump(by_alias=True, mode="json")
        ],
    }
)

SALE = CalendarEvent.model_validate(
    {"id": "ev-sale", "name": "Black Friday", "date": "2026-11-27T00:00:00.000Z"}
)
MEETUP = CalendarEvent.model_validate(
    {
        "id": "ev-meetup",
        "name": "Shop meetup",
        "description": "Upstairs room",
        "date": "2026-12-03T15:30:00.000Z",
    }
)
MARKET = CalendarEvent.model_validate(
    {
        "id": "ev-market",
        "name": "Saturday market",
        "recurringRule": {
            "frequency": "WEEKLY",
            "startDate": "2026-11-28T00:00:00.000Z",
            "endDate": "2027-01-30T00:00:00.000Z",
        },
    }
)
CLASS = CalendarEvent.model_validate(
    {
        "id": "ev-class",
        "name": "Evening class",
        "recurringRule": {
            "frequency": "MONTHLY",
            "startDate": "2026-12-01T18:00:00.000Z",
            "endDate": "2027-03-01T00:00:00.000Z",
        },
    }
)
ODD = CalendarEvent.model_validate(
    {
        "id": "ev-odd",
        "name": "Fortnightly stall",
        "recurringRule": {"frequency": "BIWEEKLY", "startDate": "2026-11-24T00:00:00.000Z"},
        "recurringOccurrences": [
            {"date": "2026-11-24T00:00:00.000Z"},
            {"date": "2026-12-08T00:00:00.000Z"},
        ],
    }
)
OLD = CalendarEvent.model_validate(
    {"id": "ev-old", "name": "Summer sale", "date": "2026-08-01T00:00:00.000Z"}
)

SETTINGS = MarketingSettings.model_validate({"id": "settings-1", "settings": {}})


def plan_state() -> PlannerState:
    """The plan: three activities, six events, settings."""
    return PlannerState(
        loaded=True,
        plan_status=PlanStatus.ACTIVE,
        activities=frozen_mapping({a.id: a for a in (LATE, BLOG, LAUNCH)}),
        events=(MARKET, SALE, MEETUP, CLASS, ODD, OLD),
        settings=SETTINGS,
    )


def whole_plan(start: date | None = None, end: date | None = None) -> PlanExport:
    """The whole plan (or the days ``start`` to ``end``) as an export, in Berlin."""
    return plan_export(plan_state(), site=SITE, tz=BERLIN, now=NOW, start=start, end=end)
