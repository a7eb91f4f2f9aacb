"""The scheduling rules: what the confirmation promises and what the report says happened."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from tui_planner.api.errors import (
    ApiConnectionError,
    FailedPreconditionError,
    InvalidArgumentError,
    ResourceExhaustedError,
    ServerBusyError,
    ServerError,
)
from tui_planner.api.models import (
    ChannelName,
    Feature,
    FeatureDataResponse,
    FeatureType,
    ItemStatus,
    PlanMarketingActivity,
    PostItem,
    TokenStatus,
)
from tui_planner.store.scheduling import (
    Reason,
    failure_reason,
    outcome_report,
    plan_schedule,
    schedule_report,
)
from tui_planner.store.state import PlannerState, frozen_mapping

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _item(item_id: str, channel: ChannelName, status: ItemStatus = ItemStatus.DRAFT) -> PostItem:
    return PostItem.model_validate(
        {"id": item_id, "channel": {"name": channel.value}, "status": status.value}
    )


def _state(*, premium: bool | None = True, x_date: datetime | None = None) -> PlannerState:
    launch = PlanMarketingActivity(
        marketing_activity_id="act-1",
        date=datetime(2026, 11, 25, 9, tzinfo=UTC),
        title="Launch",
        items=(
            _item("ig", ChannelName.INSTAGRAM),
            _item("fb", ChannelName.FACEBOOK),
            _item("pin", ChannelName.PINTEREST),
            _item("fb-done", ChannelName.FACEBOOK, ItemStatus.SCHEDULED),
        ),
    )
    tweet = PlanMarketingActivity(
        marketing_activity_id="act-2",
        date=x_date or datetime(2026, 11, 26, 9, tzinfo=UTC),
        title="Tweet",
        items=(_item("x", ChannelName.TWITTER),),
    )
    features = (
        None
        if premium is None
        else FeatureDataResponse(
            features=(Feature(type=FeatureType.SCHEDULE_POST, enabled=premium),)
        )
    )
    return PlannerState(
        loaded=True,
        activities=frozen_mapping({a.id: a for a in (launch, tweet)}),
        connections=frozen_mapping(
            {
                ChannelName.INSTAGRAM: TokenStatus.VALID,
                ChannelName.FACEBOOK: TokenStatus.VALID,
                ChannelName.TWITTER: TokenStatus.VALID,
                ChannelName.PINTEREST: TokenStatus.DISCONNECTED,
            }
        ),
        features=features,
    )


def test_plan_schedules_only_connected_drafts_and_says_why_the_rest_stay() -> None:
    plan = plan_schedule(_state(), ["ig", "pin", "fb-done", "fb", "gone"], NOW)

    assert plan.will_schedule == ("ig", "fb")
    assert plan.stays_draft == (
        ("pin", Reason.CHANNEL_NOT_CONNECTED),
        ("fb-done", Reason.NOT_A_DRAFT),
        ("gone", Reason.NOT_FOUND),
    )
    assert plan.premium_missing is False
    assert plan.requested == 5


def test_plan_holds_back_x_drafts_dated_after_the_sunset() -> None:
    plan = plan_schedule(_state(), ["x"], NOW)

    assert plan.will_schedule == ()
    assert plan.stays_draft == (("x", Reason.X_SUNSET),)


def test_plan_sends_x_drafts_dated_before_the_sunset() -> None:
    state = _state(x_date=datetime(2026, 7, 31, 23, tzinfo=UTC))

    assert plan_schedule(state, ["x"], NOW).will_schedule == ("x",)


def test_plan_without_premium_schedules_nothing_and_says_so() -> None:
    plan = plan_schedule(_state(premium=False), ["ig", "pin"], NOW)

    assert plan.premium_missing is True
    assert plan.will_schedule == ()
    assert plan.stays_draft == (
        ("ig", Reason.PREMIUM_MISSING),
        ("pin", Reason.CHANNEL_NOT_CONNECTED),
    )


def test_plan_lets_the_server_decide_while_premium_is_unknown() -> None:
    plan = plan_schedule(_state(premium=None), ["ig"], NOW)

    assert plan.premium_missing is False
    assert plan.will_schedule == ("ig",)


def test_plan_ignores_repeated_ids() -> None:
    assert plan_schedule(_state(), ["ig", "ig"], NOW).will_schedule == ("ig",)


def test_report_lists_confirmed_ids_as_scheduled_and_keeps_planned_reasons() -> None:
    state = _state()
    plan = plan_schedule(state, ["ig", "fb", "pin"], NOW)

    report = schedule_report(plan, ["ig", "fb"], state)

    assert report.scheduled == ("ig", "fb")
    assert report.left_as_draft == (("pin", Reason.CHANNEL_NOT_CONNECTED),)
    assert report.failure is None


def test_report_explains_a_draft_the_server_did_not_confirm() -> None:
    state = _state()
    plan = plan_schedule(state, ["ig", "fb"], NOW)
    fb_disconnected = dataclasses.replace(
        state,
        connections=frozen_mapping(
            {ChannelName.INSTAGRAM: TokenStatus.VALID, ChannelName.FACEBOOK: TokenStatus.INVALID}
        ),
    )

    report = schedule_report(plan, ["ig"], fb_disconnected)

    assert report.scheduled == ("ig",)
    assert report.left_as_draft == (("fb", Reason.CHANNEL_NOT_CONNECTED),)


def test_report_blames_the_server_when_nothing_explains_a_missing_confirmation() -> None:
    state = _state()
    plan = plan_schedule(state, ["ig"], NOW)

    report = schedule_report(plan, [], state, failure="Could not schedule 1 draft: boom")

    assert report.scheduled == ()
    assert report.left_as_draft == (("ig", Reason.SERVER_DECLINED),)
    assert report.failure == "Could not schedule 1 draft: boom"


def test_report_counts_a_held_back_draft_the_server_scheduled_anyway() -> None:
    state = _state()
    plan = plan_schedule(state, ["pin"], NOW)

    report = schedule_report(plan, ["pin"], state)

    assert report.scheduled == ("pin",)
    assert report.left_as_draft == ()


def test_report_says_the_server_did_not_answer_for_drafts_a_failed_batch_carried() -> None:
    state = _state()
    plan = plan_schedule(state, ["ig", "fb", "pin"], NOW)
    unanswered = ServerBusyError("Busy", status=503)

    report = schedule_report(plan, ["ig"], state, "part-way", error=unanswered)

    assert report.scheduled == ("ig",)
    assert report.left_as_draft == (
        ("pin", Reason.CHANNEL_NOT_CONNECTED),
        ("fb", Reason.NO_ANSWER),
    )


def test_failure_reasons_by_what_went_wrong() -> None:
    assert failure_reason(None) is None
    assert failure_reason(ApiConnectionError("timed out")) is Reason.NO_ANSWER
    assert failure_reason(ServerError("boom", status=500)) is Reason.NO_ANSWER
    assert failure_reason(ResourceExhaustedError("slow down", status=429)) is Reason.NO_ANSWER
    assert failure_reason(FailedPreconditionError("premium", status=428)) is (
        Reason.PREMIUM_MISSING
    )
    assert failure_reason(InvalidArgumentError("bad id", status=400)) is Reason.REFUSED


def test_outcome_report_says_why_the_rest_failed_when_part_went_through() -> None:
    state = _state()
    plan = plan_schedule(state, ["ig", "fb"], NOW)
    silent = ServerError("The server failed (500)", status=500)

    cut_short = outcome_report(
        plan, state, ok=False, message="Could not...", scheduled_ids=["ig"], error=silent
    )
    refused = outcome_report(
        plan,
        state,
        ok=False,
        message="Could not...",
        scheduled_ids=["ig"],
        error=InvalidArgumentError("bad id", status=400),
    )
    failed = outcome_report(
        plan, state, ok=False, message="Could not schedule: no.", scheduled_ids=[], error=silent
    )

    assert cut_short.scheduled == ("ig",)
    assert cut_short.left_as_draft == (("fb", Reason.NO_ANSWER),)
    assert cut_short.failure is not None
    assert cut_short.failure.startswith("The server stopped answering part-way: ")
    assert refused.failure == "The server refused part of it: Bad id (INVALID_ARGUMENT)"
    assert failed.failure == "Could not schedule: no."
    assert failed.left_as_draft == (("ig", Reason.NO_ANSWER), ("fb", Reason.NO_ANSWER))
