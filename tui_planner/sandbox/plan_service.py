"""The Marketing Plan service's plan methods (§2.1, §2.4, §2.5), driven by time.

A generation records when it started, how long it takes and a snapshot of the settings and
events it reads; :func:`finish_generation` materialises the result on the first request after
that moment. Choices where the contract is silent:

- GenerateMarketingPlan always (re)starts a generation, even on an existing or generating
  plan; like a regeneration, it keeps activities dated before today. (The documented shape
  refuses an existing plan instead, the contract's other reading.)
- An unpublished site's generation ends by seed: FAILED when the seed is even, ACTIVE with no
  generated posts when it is odd (the default seed 7), the two outcomes the docs name.
- While a generation runs, the plan still shows the activities it has (none for a first one).
- Activities created through CreateMarketingActivity survive regeneration.
- DeleteMarketingPlan leaves NEVER_CREATED; settings and events stay.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from tui_planner.api.models import MarketingActivityType, PlanStatus, format_wix_datetime
from tui_planner.zone import event_span

# Looked up when a plan is generated, not at start-up (the phrase books take 30 ms).
from . import generator
from .activity_store import (
    ActivityOrigin,
    ActivityRow,
    all_activities,
    delete_activity,
    find_activity,
    insert_activity,
)
from .calendars import marketing_calendar_id
from .context import ApiRequest, SandboxContext
from .errors import FieldViolation, failed_precondition, invalid_argument, not_found
from .events import event_dates_between
from .item_store import ItemRow, item_wire, items_by_activity
from .post_content import create_posts
from .request_input import parse_datetime
from .settings_store import settings_models, social_marketing_enabled
from .site import GenerationKind
from .time_rules import end_of_next_month, end_of_next_week, local_date, start_of_day

__all__ = [
    "delete_plan",
    "delete_plan_activity",
    "finish_generation",
    "generate_plan",
    "get_plan",
    "regenerate_plan",
    "regenerate_plan_with_keyword_research",
]

_GENERATING = {"status": PlanStatus.GENERATING.value}


def _start_generation(ctx: SandboxContext, kind: GenerationKind, seconds: float) -> None:
    """Record a generation starting now, with the settings and events it will read."""
    site = ctx.site
    settings, _ = settings_models(site.settings)
    calendar_ids: set[str] | None = None
    if settings is not None and settings.calendar is not None:
        calendar_ids = {*settings.calendar.ids, marketing_calendar_id(ctx.options.seed)}
    period_end = end_of_next_month(ctx.today)
    span_start, span_after = event_span(ctx.today, period_end, ctx.tz)
    events = [
        (event, day)
        for event, day in event_dates_between(
            ctx.conn,
            span_start,
            span_after - timedelta(microseconds=1),
            ctx.tz,
            calendar_ids=calendar_ids,
        )
        if ctx.today <= day <= period_end
    ]
    site.plan_status = PlanStatus.GENERATING
    site.generation_kind = kind
    site.generation_started_at = ctx.now
    site.generation_seconds = seconds
    site.generation_today = ctx.today
    site.generation_inputs = {
        "settings": site.settings,
        "events": [
            {"name": event.name, "description": event.description or "", "date": day.isoformat()}
            for event, day in events
        ],
        "generation": site.generations_started,
    }
    site.generations_started += 1
    ctx.save()


def generate_plan(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """GenerateMarketingPlan: start (or restart) a generation; answers GENERATING at once.

    The documented shape takes the contract's other reading: with a plan already there
    (generating, active, inactive or failed) it refuses and points to RegenerateMarketingPlan.
    """
    if ctx.options.shape == "documented" and ctx.site.plan_status != PlanStatus.NEVER_CREATED:
        raise failed_precondition(
            "The site already has a marketing plan; regenerate it with RegenerateMarketingPlan"
        )
    _start_generation(ctx, GenerationKind.GENERATE, ctx.options.generation_seconds)
    return _GENERATING


def _require_plan(ctx: SandboxContext) -> None:
    if ctx.site.plan_status == PlanStatus.NEVER_CREATED:
        raise failed_precondition("plan does not exist", "PLAN_NOT_FOUND_ERROR")


def regenerate_plan(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """RegenerateMarketingPlan: needs a plan that is not generating (428 otherwise)."""
    _require_plan(ctx)
    if ctx.site.plan_status == PlanStatus.GENERATING:
        raise failed_precondition("plan already generating", "PLAN_ALREADY_GENERATING_ERROR")
    _start_generation(ctx, GenerationKind.REGENERATE, ctx.options.generation_seconds)
    return _GENERATING


def regenerate_plan_with_keyword_research(
    ctx: SandboxContext, request: ApiRequest
) -> dict[str, Any]:
    """RegenerateMarketingPlanWithKeywordResearch.

    Always refreshes the keyword research. A generation already running is left alone (its
    GENERATING status is the answer); otherwise a longer generation starts.
    """
    _require_plan(ctx)
    ctx.site.research_refreshes += 1
    if ctx.site.plan_status == PlanStatus.GENERATING:
        ctx.save()
        return _GENERATING
    _start_generation(ctx, GenerationKind.KEYWORD_RESEARCH, ctx.options.keyword_research_seconds)
    return _GENERATING


def _generation_fails(ctx: SandboxContext) -> bool:
    return not ctx.options.site_published and ctx.options.seed % 2 == 0


def finish_generation(ctx: SandboxContext) -> None:
    """Materialise a generation whose time is up (a no-op otherwise)."""
    site = ctx.site
    if site.plan_status != PlanStatus.GENERATING or site.generation_started_at is None:
        return
    finished_at = site.generation_started_at + timedelta(seconds=site.generation_seconds)
    if ctx.now < finished_at:
        return
    site.last_read_at = finished_at
    if _generation_fails(ctx):
        site.plan_status = PlanStatus.FAILED
        ctx.save()
        return
    inputs = site.generation_inputs or {}
    today = site.generation_today or local_date(finished_at, ctx.tz)
    period_end = end_of_next_month(today)
    settings, overrides = settings_models(inputs.get("settings"))
    events = [
        generator.EventOccurrence(
            name=event["name"],
            description=event["description"],
            date=datetime.fromisoformat(event["date"]).date(),
        )
        for event in inputs.get("events", [])
    ]
    generated = generator.plan_activities(
        site.profile,
        settings,
        overrides,
        events,
        seed=ctx.options.seed,
        today=today,
        period_end=period_end,
        generation=int(inputs.get("generation", 0)),
    )
    # Regeneration rebuilds upcoming activities only; the past is kept (§2.1).
    for activity in all_activities(ctx.conn):
        if (
            activity.origin == ActivityOrigin.PLAN
            and local_date(activity.target_date, ctx.tz) >= today
        ):
            delete_activity(ctx.conn, activity.id)
    posts_allowed = ctx.options.site_published and social_marketing_enabled(settings)
    post_window_end = end_of_next_week(today)
    for planned in generated:
        day = local_date(planned.date, ctx.tz)
        if not today <= day <= period_end:
            continue
        activity = ActivityRow(
            id=ctx.new_id(),
            title=planned.title,
            description=planned.description,
            target_date=planned.date,
            activity_type=planned.activity_type,
            origin=ActivityOrigin.PLAN,
            generator_key=planned.key,
        )
        insert_activity(ctx.conn, activity)
        if (
            posts_allowed
            and activity.activity_type == MarketingActivityType.SOCIAL_MARKETING
            and day <= post_window_end
        ):
            create_posts(ctx, activity)
    site.plan_status = PlanStatus.ACTIVE
    ctx.save()


def _timeframe(ctx: SandboxContext, request: ApiRequest) -> tuple[datetime, datetime | None]:
    query = request.query
    start_text = query.get("timeframe.startDate") or query.get("startDate")
    end_text = query.get("timeframe.endDate") or query.get("endDate")
    start = (
        parse_datetime(start_text, "timeframe.startDate")
        if start_text
        else start_of_day(ctx.today, ctx.tz)
    )
    end = parse_datetime(end_text, "timeframe.endDate") if end_text else None
    return start, end


def plan_activity_wire(
    ctx: SandboxContext, activity: ActivityRow, items: list[ItemRow]
) -> dict[str, Any]:
    """An activity as the plan shows it, with its ``items``."""
    return {
        "marketingActivityId": activity.id,
        "date": format_wix_datetime(activity.target_date),
        "title": activity.title,
        "description": activity.description,
        "marketingActivityType": activity.activity_type.value,
        "items": [item_wire(item, ctx) for item in items],
    }


def get_plan(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """GetSocialMarketingPlan: the status and the activities in the timeframe.

    Reading an ACTIVE plan left unread for ``idle_days_until_inactive`` days turns it INACTIVE
    (with no activities) instead.
    """
    start, end = _timeframe(ctx, request)
    site = ctx.site
    idle_limit = timedelta(days=ctx.options.idle_days_until_inactive)
    if (
        site.plan_status == PlanStatus.ACTIVE
        and site.last_read_at is not None
        and ctx.now - site.last_read_at >= idle_limit
    ):
        site.plan_status = PlanStatus.INACTIVE
    if site.plan_status == PlanStatus.ACTIVE:
        site.last_read_at = ctx.now
    ctx.save()
    activities = []
    if site.plan_status in (PlanStatus.ACTIVE, PlanStatus.GENERATING):
        items = items_by_activity(ctx.conn)
        activities = [
            plan_activity_wire(ctx, activity, items.get(activity.id, []))
            for activity in all_activities(ctx.conn)
            if activity.target_date >= start and (end is None or activity.target_date <= end)
        ]
    return {"status": site.plan_status.value, "marketingActivities": activities}


def delete_plan(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """DeleteMarketingPlan: every activity goes; the site has no plan again."""
    ctx.conn.execute("DELETE FROM activities")
    site = ctx.site
    site.plan_status = PlanStatus.NEVER_CREATED
    site.generation_kind = None
    site.generation_started_at = None
    site.generation_inputs = None
    site.last_read_at = None
    ctx.save()
    return {}


def delete_plan_activity(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """DeletePlanMarketingActivity (``?id=``): one activity with its drafts."""
    activity_id = request.query.get("id") or request.query.get("marketingActivityId")
    if not activity_id:
        raise invalid_argument(
            "id is required", FieldViolation("id", "is required", "REQUIRED_FIELD")
        )
    if find_activity(ctx.conn, activity_id) is None:
        raise not_found(f"Marketing activity {activity_id} does not exist")
    delete_activity(ctx.conn, activity_id)
    return {}
