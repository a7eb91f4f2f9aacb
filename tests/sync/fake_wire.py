"""The fake API behind HTTP: the real clients talk to a :class:`FakeApi` over the wire.

``FakeWire`` is an ``httpx.MockTransport`` handler that reads each request the way the
contract spells it (verb, path, query, JSON body), calls the matching :class:`FakeApi`
method, and answers with the JSON the contract gives (an :class:`ApiError` becomes a Wix
error body with its status). It records every request as a :class:`Sent`, so a test can
check exactly what a command put on the wire, and it can hold requests or refuse the next
one, so a test sees the optimistic state and the rollback.
"""

from __future__ import annotations

import asyncio
import json
import random
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import httpx

from tui_planner.api import MarketingPlanClient, PublisherClient
from tui_planner.api.errors import ApiError
from tui_planner.api.models import (
    CalendarEvent,
    CalendarEventResponse,
    CalendarEventsResponse,
    CalendarOptionsResponse,
    ChannelName,
    GenerationResponse,
    ItemResponse,
    ItemStatus,
    MarketingActivitiesResponse,
    MarketingActivity,
    MarketingActivityResponse,
    MarketingSettings,
    MarketingSettingsDefaultsResponse,
    MarketingSettingsResponse,
    PagingMetadata,
    PlanGoalOptionsResponse,
    PointOfViewOptionsResponse,
    PostItem,
    QueryItemsResponse,
    TokenStatusResponse,
    WireModel,
)

if TYPE_CHECKING:
    from tests.sync.sync_fakes import FakeApi
    from tui_planner.clock import Clock

__all__ = ["PLAN", "PUBLISHER", "FakeWire", "Sent", "wire_clients"]

BASE = "https://fake.wix.test"
PLAN = "/promote/marketing-plan-service/v1"
PUBLISHER = "/social-publisher/v1"


@dataclass(frozen=True, slots=True)
class Sent:
    """One request as the fake server saw it: verb, path (with its query) and JSON body."""

    verb: str
    path: str
    body: Any = None


class FakeWire:
    """Routes HTTP requests to a :class:`FakeApi` and records them."""

    def __init__(self, api: FakeApi) -> None:
        self.api = api
        self.sent: list[Sent] = []
        self._gate: asyncio.Event | None = None
        self._refusals: list[ApiError] = []
        self.page_size: int | None = None
        """Query Items serves at most this many items a page (``None``: as many as asked)."""

    def hold(self) -> asyncio.Event:
        """Keep every request waiting (recorded, not answered) until the event is set."""
        gate = asyncio.Event()
        self._gate = gate
        return gate

    def _items_page(self, found: tuple[PostItem, ...], body: dict[str, Any]) -> QueryItemsResponse:
        """One page of Query Items by the request's offset paging, ``page_size`` at most."""
        paging = body.get("query", {}).get("paging") or {}
        offset = int(paging.get("offset", 0))
        limit = int(paging.get("limit", 100))
        if self.page_size is not None:
            limit = min(limit, self.page_size)
        items = found[offset : offset + limit]
        after = offset + len(items)
        metadata = PagingMetadata(count=len(items), offset=offset, has_next=after < len(found))
        return QueryItemsResponse(items=items, paging_metadata=metadata)

    def refuse_next(self, error: ApiError) -> None:
        """Answer the next request with ``error``, changing nothing on the server."""
        self._refusals.append(error)

    async def handle(self, request: httpx.Request) -> httpx.Response:
        """The ``MockTransport`` handler."""
        query = request.url.query.decode()
        body = json.loads(request.content) if request.content else None
        path = request.url.path
        self.sent.append(Sent(request.method, f"{path}?{query}" if query else path, body))
        if self._gate is not None:
            await self._gate.wait()
        try:
            if self._refusals:
                raise self._refusals.pop(0)
            answer = await self._answer(request.method, path, request.url.params, body or {})
        except ApiError as error:
            return _error_response(error)
        if answer is None:
            return httpx.Response(200, json={})
        return httpx.Response(
            200, json=answer.to_wire() if isinstance(answer, WireModel) else answer
        )

    async def _answer(
        self, verb: str, path: str, params: httpx.QueryParams, body: dict[str, Any]
    ) -> WireModel | dict[str, Any] | None:
        api = self.api
        if path.startswith(PUBLISHER):
            return await self._publisher(verb, path.removeprefix(PUBLISHER).split("/")[1:], body)
        segments = path.removeprefix(PLAN).split("/")[1:]
        match verb, segments:
            case "GET", ["marketing-plan"]:
                return await api.get_social_marketing_plan(
                    _when(params.get("timeframe.startDate")), _when(params.get("timeframe.endDate"))
                )
            case "DELETE", ["marketing-plan"]:
                await api.delete_marketing_plan()
            case "DELETE", ["marketing-plan", "plan-marketing-activity"]:
                await api.delete_plan_marketing_activity(params["id"])
            case "POST", ["marketing-plan", "generate-marketing-plan"]:
                return GenerationResponse(status=await api.generate_marketing_plan())
            case "POST", ["marketing-plan", "regenerate-marketing-plan"]:
                return GenerationResponse(status=await api.regenerate_marketing_plan())
            case "POST", ["marketing-plan", "regenerate-marketing-plan-with-keyword-research"]:
                status = await api.regenerate_marketing_plan_with_keyword_research()
                return GenerationResponse(status=status)
            case "POST", ["marketing-plan", "generate-social-posts"]:
                await api.generate_social_posts(body["marketingActivityIds"])
            case "POST", ["marketing-activity-posts"]:
                return await api.get_marketing_activity_posts(body["marketingActivityIds"])
            case "POST", ["marketing-plan", "schedule-drafts"]:
                return await api.schedule_drafts(body["draftIds"])
            case "POST", ["marketing-plan", "regenerate-marketing-activity-posts"]:
                return await api.regenerate_marketing_activity_posts(body["marketingActivityId"])
            case "POST", ["marketing-plan", "regenerate-marketing-activity-posts-media"]:
                activity_id = body["marketingActivityId"]
                return await api.regenerate_marketing_activity_posts_media(activity_id)
            case "POST", ["marketing-plan", "regenerate-marketing-activity-stories"]:
                activity_id = body["marketingActivityId"]
                return await api.regenerate_marketing_activity_stories(activity_id)
            case "PATCH", ["marketing-plan", "update-marketing-activity-posts-media"]:
                return await api.update_marketing_activity_posts_media(
                    body["marketingActivityId"], body["mediaUrl"]
                )
            case "PATCH", ["marketing-plan", "clear-marketing-activity-posts"]:
                await api.clear_marketing_activity_posts(body["marketingActivityId"])
            case "PATCH", ["marketing-plan", "clear-marketing-activity-stories"]:
                await api.clear_marketing_activity_stories(body["marketingActivityId"])
            case "POST", ["items"]:
                activity = MarketingActivity.model_validate(body["marketingActivity"])
                created = await api.create_marketing_activity(activity)
                return MarketingActivityResponse(marketing_activity=created)
            case "PATCH", ["items", activity_id]:
                activity = MarketingActivity.model_validate(body["marketingActivity"])
                assert activity.id == activity_id, "the path and the body name one activity"
                mask = tuple(body["fieldMask"].split(","))
                updated = await api.update_marketing_activity(activity, mask)
                return MarketingActivityResponse(marketing_activity=updated)
            case "POST", ["marketing-activities", "query"]:
                query_filter = body["query"]["filter"]
                found = await api.query_marketing_activities(
                    start=_when(query_filter.get("startDate")),
                    end=_when(query_filter.get("endDate")),
                    ids=query_filter.get("ids"),
                )
                return MarketingActivitiesResponse(marketing_activities=found)
            case "POST", ["events"]:
                event = CalendarEvent.model_validate(body["calendarEvent"])
                return CalendarEventResponse(calendar_event=await api.create_event(event))
            case "PUT", ["events", event_id]:
                event = CalendarEvent.model_validate(body["event"])
                assert event.id == event_id, "the path and the body name one event"
                return CalendarEventResponse(calendar_event=await api.update_event(event))
            case "DELETE", ["events", event_id]:
                await api.delete_event(event_id)
            case "POST", ["events", "query"]:
                dates = body["query"]["filter"]["date"]
                events = await api.query_events(_at(dates["$gte"]), _at(dates["$lte"]))
                return CalendarEventsResponse(events=events)
            case "GET", ["marketing-settings"]:
                return MarketingSettingsResponse(
                    marketing_settings=await api.get_marketing_settings()
                )
            case "POST", ["marketing-settings"]:
                sent = MarketingSettings.model_validate(body["marketingSettings"])
                saved = await api.upsert_marketing_settings(sent, body["fieldMask"].split(","))
                return MarketingSettingsResponse(marketing_settings=saved)
            case "GET", ["marketing-settings", "defaults"]:
                defaults = await api.get_marketing_settings_defaults()
                return MarketingSettingsDefaultsResponse(defaults=defaults)
            case "GET", ["marketing-settings", "plan-goal-options"]:
                return PlanGoalOptionsResponse(options=await api.get_plan_goal_options())
            case "GET", ["marketing-settings", "point-of-view-options"]:
                return PointOfViewOptionsResponse(options=await api.get_point_of_view_options())
            case "GET", ["marketing-settings", "calendar-options"]:
                return CalendarOptionsResponse(options=await api.get_calendar_options())
            case _:
                raise AssertionError(f"the fake API has no route for {verb} {path}")
        return None

    async def _publisher(
        self, verb: str, segments: list[str], body: dict[str, Any]
    ) -> WireModel | dict[str, Any] | None:
        api = self.api
        match verb, segments:
            case "GET", [channel, "long-lived-token-status"]:
                return TokenStatusResponse(status=await api.get_token_status(ChannelName(channel)))
            case "GET", ["features"]:
                return await api.get_feature_data()
            case "POST", ["items", item_id, "reschedule"]:
                moved = await api.reschedule_item(item_id, _at(body["scheduledDate"]))
                return ItemResponse(item=moved)
            case "PATCH", ["items", item_id, "cancel"]:
                await api.cancel_scheduled_item(item_id)
                # As the contract's example answers: the id and the new status, nothing more.
                return {"item": {"id": item_id, "status": ItemStatus.CANCELED.value}}
            case "POST", ["items", "query"]:
                return self._items_page((await api.query_items()).items, body)
            case "GET", ["items", item_id]:
                return ItemResponse(item=await api.get_item(item_id))
            case "PATCH", ["items", item_id]:
                sent = body["item"]
                assert sent["id"] == item_id, "the path and the body name one item"
                content = next(value for key, value in sent.items() if key != "id")
                text = content.get("caption", content.get("description"))
                current = await api.get_item(item_id)
                changed = await api.update_item_text(current, text)
                return ItemResponse(item=changed) if changed is not None else {}
            case "DELETE", ["items", item_id]:
                await api.delete_item(item_id)
                return {}
        raise AssertionError(f"the fake Publisher has no route for {verb} {'/'.join(segments)}")


def wire_clients(
    wire: FakeWire, clock: Clock
) -> tuple[httpx.AsyncClient, MarketingPlanClient, PublisherClient]:
    """An httpx client on ``wire`` and both real API clients on it (no retries)."""
    http = httpx.AsyncClient(transport=httpx.MockTransport(wire.handle))
    options: dict[str, Any] = {
        "base_url": BASE,
        "api_key": "fake-key",
        "site_id": "fake-site",
        "clock": clock,
        "max_retries": 0,
        "rng": random.Random(0),
    }
    return http, MarketingPlanClient(http, **options), PublisherClient(http, **options)


def _when(value: str | None) -> datetime | None:
    return None if value is None else _at(value)


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _error_response(error: ApiError) -> httpx.Response:
    application = {"code": error.application_code} if error.application_code else {}
    body = {"message": error.message, "details": {"applicationError": application}}
    return httpx.Response(error.status or 500, json=body)
