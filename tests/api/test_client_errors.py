"""Wix error answers become typed exceptions whose text is a sentence (§7.2)."""

from __future__ import annotations

import httpx
import pytest

from tests.api.wix_double import PLAN_ROOT, PUBLISHER_ROOT, FakeWix
from tui_planner.api import (
    AlreadyExistsError,
    ApiConnectionError,
    ApiError,
    FailedPreconditionError,
    FieldViolation,
    InvalidArgumentError,
    MarketingPlanClient,
    NotFoundError,
    PermissionDeniedError,
    PublisherClient,
    ResourceExhaustedError,
    ResponseFormatError,
    ServerBusyError,
    ServerError,
    UnauthenticatedError,
    describe_error,
)
from tui_planner.api.models import FeatureDataResponse, FeatureType

# §2.4, the error body of RegenerateMarketingPlan while a generation runs.
ALREADY_GENERATING = {
    "message": "plan already generating",
    "details": {
        "applicationError": {
            "code": "PLAN_ALREADY_GENERATING_ERROR",
            "description": "plan already generating",
        }
    },
}

VALIDATION = {
    "message": "Invalid calendar event",
    "details": {
        "validationError": {
            "fieldViolations": [
                {
                    "field": "calendarEvent.name",
                    "description": "must not be empty",
                    "violatedRule": "REQUIRED_FIELD",
                    "ruleName": "VALIDATION_ERROR",
                    "data": {},
                },
                {
                    "field": "calendarEvent.date",
                    "description": "date or recurringRule is required",
                    "violatedRule": "REQUIRED_FIELD",
                    "ruleName": "VALIDATION_ERROR",
                },
            ]
        }
    },
}


async def test_application_error_becomes_failed_precondition_with_its_code(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(ALREADY_GENERATING, status=428)

    with pytest.raises(FailedPreconditionError) as caught:
        await plan.regenerate_marketing_plan()

    error = caught.value
    assert error.status == 428
    assert error.canonical == "FAILED_PRECONDITION"
    assert error.application_code == "PLAN_ALREADY_GENERATING_ERROR"
    assert error.message == "plan already generating"
    assert error.description == "plan already generating"
    assert error.violations == ()
    assert error.retry_after is None
    assert (error.method, error.path, error.operation) == (
        "POST",
        f"{PLAN_ROOT}/marketing-plan/regenerate-marketing-plan",
        "RegenerateMarketingPlan",
    )
    assert (
        str(error) == "Plan already generating (FAILED_PRECONDITION, PLAN_ALREADY_GENERATING_ERROR)"
    )


async def test_validation_error_lists_every_field_violation(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(VALIDATION, status=400)

    with pytest.raises(InvalidArgumentError) as caught:
        await plan.get_marketing_settings()

    error = caught.value
    assert error.canonical == "INVALID_ARGUMENT"
    assert error.application_code is None
    assert error.violations == (
        FieldViolation(
            field="calendarEvent.name",
            description="must not be empty",
            violated_rule="REQUIRED_FIELD",
            rule_name="VALIDATION_ERROR",
        ),
        FieldViolation(
            field="calendarEvent.date",
            description="date or recurringRule is required",
            violated_rule="REQUIRED_FIELD",
            rule_name="VALIDATION_ERROR",
        ),
    )
    assert str(error) == (
        "Invalid calendar event (calendarEvent.name: must not be empty; "
        "calendarEvent.date: date or recurringRule is required) (INVALID_ARGUMENT)"
    )


async def test_empty_body_of_a_system_error_still_gives_a_sentence(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(status=500)

    with pytest.raises(ServerError) as caught:
        await plan.generate_marketing_plan()

    error = caught.value
    assert (error.status, error.canonical, error.application_code) == (500, "INTERNAL", None)
    assert str(error) == "The service had an internal error; try again later (INTERNAL)"


async def test_html_gateway_page_is_read_for_its_status_only(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    page = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
    wix.reply(status=502, content=page, headers={"Content-Type": "text/html"})

    with pytest.raises(ServerError) as caught:
        await plan.schedule_drafts(["d1"])

    assert caught.value.status == 502
    assert caught.value.canonical == "UNAVAILABLE"
    assert "<html" not in str(caught.value)


async def test_a_json_body_that_is_not_an_object_counts_as_no_body(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(["unexpected"], status=404)

    with pytest.raises(NotFoundError, match=r"Not found \(NOT_FOUND\)"):
        await plan.get_marketing_activity("missing")


async def test_message_falls_back_to_the_application_description(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    body = {"details": {"applicationError": {"code": "ITEM_IS_PUBLISHED", "description": "gone"}}}
    wix.reply(body, status=428)

    with pytest.raises(FailedPreconditionError, match=r"^Gone \(FAILED_PRECONDITION"):
        await plan.clear_marketing_activity_posts("a1")


@pytest.mark.parametrize(
    ("status", "error_type", "canonical"),
    [
        (400, InvalidArgumentError, "INVALID_ARGUMENT"),
        (401, UnauthenticatedError, "UNAUTHENTICATED"),
        (403, PermissionDeniedError, "PERMISSION_DENIED"),
        (404, NotFoundError, "NOT_FOUND"),
        (409, AlreadyExistsError, "ALREADY_EXISTS"),
        (428, FailedPreconditionError, "FAILED_PRECONDITION"),
        (429, ResourceExhaustedError, "RESOURCE_EXHAUSTED"),
        (500, ServerError, "INTERNAL"),
        (501, ServerError, "UNIMPLEMENTED"),
        (503, ServerBusyError, "UNAVAILABLE"),
        (504, ServerError, "DEADLINE_EXCEEDED"),
        (418, ApiError, "UNKNOWN"),
    ],
)
async def test_each_status_maps_to_its_error_type_and_canonical_code(
    plan: MarketingPlanClient,
    wix: FakeWix,
    status: int,
    error_type: type[ApiError],
    canonical: str,
) -> None:
    wix.reply({"message": "nope"}, status=status)

    with pytest.raises(ApiError) as caught:
        # A non-retried call, so one scripted answer is enough for every status.
        await plan.generate_marketing_plan()

    assert type(caught.value) is error_type
    assert caught.value.status == status
    assert caught.value.canonical == canonical
    assert str(caught.value) == f"Nope ({canonical})"


@pytest.mark.parametrize(("status", "expected"), [(401, True), (403, True), (404, False)])
async def test_only_401_and_403_are_auth_errors(
    plan: MarketingPlanClient, wix: FakeWix, status: int, expected: bool
) -> None:
    wix.reply(status=status)

    with pytest.raises(ApiError) as caught:
        await plan.get_marketing_settings()

    assert caught.value.is_auth_error is expected


async def test_publisher_error_codes_come_through(publisher: PublisherClient, wix: FakeWix) -> None:
    body = {
        "message": "Reference id already exists",
        "details": {"applicationError": {"code": "REFERENCE_ID_ALREADY_EXIST"}},
    }
    wix.reply(body, status=409)

    with pytest.raises(AlreadyExistsError) as caught:
        await publisher.publish_item_by_id("i1")

    assert caught.value.application_code == "REFERENCE_ID_ALREADY_EXIST"
    assert caught.value.path == f"{PUBLISHER_ROOT}/publish-by-id"


async def test_network_failure_becomes_connection_error_without_status(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.fail(httpx.ConnectError("[Errno 111] Connection refused"))

    with pytest.raises(ApiConnectionError) as caught:
        await plan.generate_marketing_plan()

    error = caught.value
    assert error.status is None
    assert error.canonical == "UNAVAILABLE"
    assert str(error) == (
        "Could not reach www.wixapis.com for GenerateMarketingPlan (ConnectError) (UNAVAILABLE)"
    )
    assert isinstance(error.__cause__, httpx.ConnectError)


async def test_timeout_says_it_timed_out(plan: MarketingPlanClient, wix: FakeWix) -> None:
    wix.fail(httpx.ReadTimeout("timed out"))

    with pytest.raises(ApiConnectionError, match="GenerateMarketingPlan timed out"):
        await plan.generate_marketing_plan()


async def test_non_json_success_answer_is_a_format_error_naming_the_method(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(content=b"<html>maintenance</html>", status=200)

    with pytest.raises(ResponseFormatError) as caught:
        await plan.get_social_marketing_plan()

    assert str(caught.value) == (
        "The answer to GetSocialMarketingPlan was not a JSON object (INVALID_RESPONSE)"
    )


async def test_answer_not_matching_the_model_is_a_format_error_not_a_pydantic_dump(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply({"status": "ACTIVE", "marketingActivities": [{"marketingActivityId": "a1"}]})

    with pytest.raises(ResponseFormatError) as caught:
        await plan.get_social_marketing_plan()

    text = str(caught.value)
    assert text == (
        "The answer to GetSocialMarketingPlan did not match the documented format "
        "(at marketingActivities.0.date) (INVALID_RESPONSE)"
    )
    assert "pydantic" not in text
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__


@pytest.mark.parametrize("content", [b"", b" \r\n"], ids=["empty", "whitespace"])
async def test_empty_success_body_reads_as_empty_object(
    plan: MarketingPlanClient, publisher: PublisherClient, wix: FakeWix, content: bytes
) -> None:
    wix.reply(content=content).reply(content=content)

    await plan.delete_marketing_plan()
    features = await publisher.get_feature_data()

    assert features == FeatureDataResponse.model_validate({})
    assert features.feature(FeatureType.SCHEDULE_POST) is None
    # An empty answer is an answer: neither call was repeated.
    assert [(sent.method, sent.path) for sent in wix.sent] == [
        ("DELETE", f"{PLAN_ROOT}/marketing-plan"),
        ("GET", f"{PUBLISHER_ROOT}/features"),
    ]


def test_describe_error_gives_the_api_sentence() -> None:
    error = FailedPreconditionError(
        "plan already generating", status=428, application_code="PLAN_ALREADY_GENERATING_ERROR"
    )

    assert describe_error(error) == (
        "Plan already generating (FAILED_PRECONDITION, PLAN_ALREADY_GENERATING_ERROR)"
    )


def test_describe_error_names_unexpected_exceptions() -> None:
    assert describe_error(RuntimeError("boom")) == "Unexpected error (RuntimeError): boom"
    assert describe_error(KeyError()) == "Unexpected error (KeyError)"
