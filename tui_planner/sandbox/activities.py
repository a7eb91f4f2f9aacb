"""The Marketing Activities service (§3): create, get, update and query activities.

Requests are read leniently where the contract is UNVERIFIED: the body with or without the
``marketingActivity`` wrapper, the ID as ``marketingActivityId`` or ``id``, query filters as
plain values or ``$eq``/``$in``/``$gte``/``$lte`` operators, with or without ``query``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tui_planner.api.models import MarketingActivityType

from .activity_store import (
    ActivityOrigin,
    ActivityRow,
    all_activities,
    find_activity,
    insert_activity,
    update_activity,
)
from .context import ApiRequest, SandboxContext
from .errors import FieldViolation, WixError, failed_precondition, invalid_argument, not_found
from .request_input import field_mask_paths, parse_datetime, unwrap

__all__ = [
    "UPDATABLE_FIELDS",
    "create_activity",
    "get_activity",
    "query_activities",
    "update_activity_fields",
]

UPDATABLE_FIELDS = ("title", "description", "targetDate")
"""The only paths UpdateMarketingActivity's fieldMask may list."""

_CREATABLE_TYPES = {
    MarketingActivityType.SOCIAL_MARKETING.value,
    MarketingActivityType.EMAIL_MARKETING.value,
    MarketingActivityType.BLOG.value,
}


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def create_activity(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """CreateMarketingActivity: all four fields required (428 FAILED_PRECONDITION otherwise)."""
    fields = unwrap(request.body, "marketingActivity")
    title = _text_or_none(fields.get("title"))
    description = _text_or_none(fields.get("description"))
    kind = fields.get("marketingActivityType")
    missing = [
        name
        for name, present in (
            ("title", title is not None),
            ("description", description is not None),
            ("targetDate", fields.get("targetDate") is not None),
            ("marketingActivityType", kind in _CREATABLE_TYPES),
        )
        if not present
    ]
    if missing or title is None or description is None:
        raise failed_precondition(
            "A marketing activity needs a title, description, targetDate and a "
            f"marketingActivityType other than UNKNOWN; missing: {', '.join(missing)}"
        )
    activity = ActivityRow(
        id=ctx.new_id(),
        title=title,
        description=description,
        target_date=parse_datetime(fields["targetDate"], "marketingActivity.targetDate"),
        activity_type=MarketingActivityType(str(kind)),
        origin=ActivityOrigin.MANUAL,
    )
    insert_activity(ctx.conn, activity)
    return {"marketingActivity": activity.to_wire()}


def get_activity(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """GetMarketingActivity (``?marketingActivityId=`` or ``?id=``)."""
    query = request.query
    activity_id = (
        query.get("marketingActivityId") or query.get("id") or query.get("marketingActivity.id")
    )
    if not activity_id:
        raise invalid_argument(
            "marketingActivityId is required",
            FieldViolation("marketingActivityId", "is required", "REQUIRED_FIELD"),
        )
    activity = find_activity(ctx.conn, activity_id)
    if activity is None:
        raise not_found(f"Marketing activity {activity_id} does not exist")
    return {"marketingActivity": activity.to_wire()}


def _mask_error(message: str) -> WixError:
    return failed_precondition(message, "INVALID_FIELD_MASK_ERROR")


def update_activity_fields(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """UpdateMarketingActivity: change only the fieldMask paths (title/description/targetDate)."""
    activity_id = request.path["activity_id"]
    fields = unwrap(request.body, "marketingActivity")
    raw_mask = request.body.get("fieldMask", request.body.get("field_mask"))
    if raw_mask is None:
        paths = [name for name in UPDATABLE_FIELDS if name in fields]
    else:
        paths = [
            path.removeprefix("marketingActivity.")
            for path in field_mask_paths(raw_mask, string_only=False)
        ]
    disallowed = [path for path in paths if path not in UPDATABLE_FIELDS]
    if disallowed:
        raise _mask_error(
            "fieldMask may list only title, description and targetDate, "
            f"not {', '.join(disallowed)}"
        )
    activity = find_activity(ctx.conn, activity_id)
    if activity is None:
        raise not_found(f"Marketing activity {activity_id} does not exist")
    for path in paths:
        if path not in fields:
            raise _mask_error(f"fieldMask lists {path}, but the activity sent has no {path}")
        if path == "targetDate":
            activity.target_date = parse_datetime(fields[path], "marketingActivity.targetDate")
            continue
        text = _text_or_none(fields[path])
        if text is None:
            raise failed_precondition(f"A marketing activity's {path} cannot be empty")
        setattr(activity, path, text)
    update_activity(ctx.conn, activity)
    return {"marketingActivity": activity.to_wire()}


def _operators(value: object, key: str) -> dict[str, Any]:
    """A filter value as operators: a plain value means ``$eq``."""
    if isinstance(value, dict):
        unknown = [op for op in value if op not in ("$eq", "$in", "$gte", "$lte", "$gt", "$lt")]
        if unknown:
            raise invalid_argument(
                f"filter.{key} uses an unsupported operator {unknown[0]}",
                FieldViolation(f"query.filter.{key}", f"unsupported operator {unknown[0]}"),
            )
        return value
    if isinstance(value, list):
        return {"$in": value}
    return {"$eq": value}


def _date_bounds(ops: dict[str, Any], key: str, *, default: str) -> list[tuple[str, datetime]]:
    bounds = []
    for op, value in ops.items():
        bounds.append(
            (default if op == "$eq" else op, parse_datetime(value, f"query.filter.{key}"))
        )
    return bounds


def _compare(op: str, left: datetime, right: datetime) -> bool:
    return {
        "$gte": left >= right,
        "$gt": left > right,
        "$lte": left <= right,
        "$lt": left < right,
    }[op]


def query_activities(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """QueryMarketingActivities: filter by dates, type or IDs; all matches, by targetDate.

    ``sort`` and paging are ignored, as the service does.
    """
    query = unwrap(request.body, "query")
    raw_filter = query.get("filter") or {}
    if not isinstance(raw_filter, dict):
        raise invalid_argument("query.filter must be an object")
    filters = dict(raw_filter)
    if "id" in filters and "ids" not in filters:
        filters["ids"] = filters.pop("id")
    allowed = {"startDate", "endDate", "ids", "marketingActivityType", "targetDate"}
    unknown = sorted(set(filters) - allowed)
    if unknown:
        raise invalid_argument(
            f"Unsupported filter key {unknown[0]}",
            FieldViolation(f"query.filter.{unknown[0]}", "is not a supported filter key"),
        )
    if "ids" in filters and len(filters) > 1:
        raise invalid_argument(
            "ids cannot be combined with other filter keys",
            FieldViolation("query.filter.ids", "cannot be combined with other filter keys"),
        )
    # Whether plain startDate/endDate bounds are inclusive is UNVERIFIED: the rich shape
    # includes them, the documented shape takes the other reading.
    inclusive = ctx.options.shape != "documented"
    date_tests: list[tuple[str, datetime]] = []
    if "startDate" in filters:
        date_tests += _date_bounds(
            _operators(filters["startDate"], "startDate"),
            "startDate",
            default="$gte" if inclusive else "$gt",
        )
    if "endDate" in filters:
        date_tests += _date_bounds(
            _operators(filters["endDate"], "endDate"),
            "endDate",
            default="$lte" if inclusive else "$lt",
        )
    if "targetDate" in filters:
        ops = _operators(filters["targetDate"], "targetDate")
        date_tests += [
            (op, moment)
            for op, moment in _date_bounds(ops, "targetDate", default="$eq")
            if op != "$eq"
        ]
        if "$eq" in ops:
            moment = parse_datetime(ops["$eq"], "query.filter.targetDate")
            date_tests += [("$gte", moment), ("$lte", moment)]
    ids: set[str] | None = None
    if "ids" in filters:
        ops = _operators(filters["ids"], "ids")
        values = ops.get("$in", ops.get("$eq"))
        ids = {str(v) for v in values} if isinstance(values, list) else {str(values)}
    types: set[str] | None = None
    if "marketingActivityType" in filters:
        ops = _operators(filters["marketingActivityType"], "marketingActivityType")
        values = ops.get("$in", ops.get("$eq"))
        types = {str(v) for v in values} if isinstance(values, list) else {str(values)}
    found = [
        activity.to_wire()
        for activity in all_activities(ctx.conn)
        if (ids is None or activity.id in ids)
        and (types is None or activity.activity_type.value in types)
        and all(_compare(op, activity.target_date, moment) for op, moment in date_tests)
    ]
    return {"marketingActivities": found}
