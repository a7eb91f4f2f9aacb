"""The two answer shapes of the sandbox (``SandboxOptions.shape``).

``rich`` answers with every field the app can use and picks one form wherever the contract
is UNVERIFIED: the handlers write it. ``documented`` answers only what the contract states as
fact and takes the *other* plausible form wherever it is UNVERIFIED; it is made here, from the
rich answer, so no handler carries two shapes. The app must show the same plan over both: that
is how the tests know it relies on nothing the contract only guesses. The table of every
UNVERIFIED line and its two forms is in ``docs/architecture.md``.

A few documented choices are behaviour rather than shape and live in their handlers, reading
``ctx.options.shape``: GenerateMarketingPlan refuses an existing plan (``plan_service``) and
QueryMarketingActivities' date bounds are exclusive (``activities``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from . import (
    activities,
    events,
    item_edits,
    item_queries,
    plan_service,
    posts_service,
    publisher,
    settings_service,
)
from .context import ApiRequest, SandboxContext
from .errors import CANONICAL_CODES, WixError
from .options import Shape

__all__ = ["STORY_LIST_KEY", "Shaper", "shaper_for"]

Handler = Callable[[SandboxContext, ApiRequest], dict[str, Any]]
Answer = dict[str, Any]

STORY_LIST_KEY = "storyDrafts"
"""Where the documented shape lists an activity's story drafts: beside ``items``, not in it
(the contract leaves the field name UNVERIFIED)."""


def _is_story(item: object) -> bool:
    return isinstance(item, dict) and item.get("type") == "STORY"


def _plan(answer: Answer) -> Answer:
    # §2.2 documents marketingActivityId, date, title, description and items (posts); the
    # activity type and stories in the plan view are UNVERIFIED.
    shown = []
    for activity in answer.get("marketingActivities", []):
        kept = {key: value for key, value in activity.items() if key != "marketingActivityType"}
        kept["items"] = [item for item in activity.get("items", []) if not _is_story(item)]
        shown.append(kept)
    return {**answer, "marketingActivities": shown}


def _split_stories(entry: Answer) -> Answer:
    items = entry.get("items", [])
    return {
        **entry,
        "items": [item for item in items if not _is_story(item)],
        STORY_LIST_KEY: [item for item in items if _is_story(item)],
    }


def _activity_posts(answer: Answer) -> Answer:
    return {
        **answer,
        "marketingActivities": [_split_stories(e) for e in answer.get("marketingActivities", [])],
    }


def _snapshot(answer: Answer) -> Answer:
    entry = answer.get("marketingActivity")
    return {"marketingActivity": _split_stories(entry)} if isinstance(entry, dict) else answer


def _empty(answer: Answer) -> Answer:
    # The update-media answers ("probably {} or the updated items") and the Publisher's
    # publish-by-id and reschedule wrappers are UNVERIFIED: the documented shape says nothing.
    return {}


def _event(wire: Answer) -> Answer:
    # No read-only marker (not in §4.1); a rule shows only its frequency, as in §4.5's example.
    event = {key: value for key, value in wire.items() if key != "readOnly"}
    rule = event.get("recurringRule")
    if isinstance(rule, dict):
        event["recurringRule"] = {"frequency": rule.get("frequency")}
    return event


def _created_event(answer: Answer) -> Answer:
    # The create wrapper is assumed to be calendarEvent; the other form is event.
    return {"event": _event(answer["calendarEvent"])}


def _updated_event(answer: Answer) -> Answer:
    # The update example answers under event; the other form is calendarEvent.
    return {"calendarEvent": _event(answer["event"])}


def _first_date(event: Answer) -> str:
    occurrences = event.get("recurringOccurrences") or [{}]
    return str(occurrences[0].get("date") or event.get("date") or "")


def _queried_events(answer: Answer) -> Answer:
    # The other forms of §4.5: the key calendarEvents, and a recurring event listed once per
    # occurrence in range; still sorted by date and capped at 100.
    listed: list[Answer] = []
    for wire in answer.get("events", []):
        event = _event(wire)
        occurrences = event.get("recurringOccurrences")
        if occurrences:
            listed.extend({**event, "recurringOccurrences": [once]} for once in occurrences)
        else:
            listed.append(event)
    listed.sort(key=_first_date)
    return {"calendarEvents": listed[: events.MAX_RESULTS]}


def _queried_activities(answer: Answer) -> Answer:
    # Whether pagingMetadata comes back is UNVERIFIED; the documented shape sends it, saying
    # there is nothing more (the service does not page).
    found = answer.get("marketingActivities", [])
    return {
        **answer,
        "pagingMetadata": {"count": len(found), "offset": 0, "total": len(found), "hasNext": False},
    }


_DOCUMENTED_METRICS = ("impressions", "interactions")


def _documented_item(item: Answer) -> None:
    # The item object page names impressions and interactions; which metrics come, and in
    # what form, is UNVERIFIED: the other form is those two only, as strings (Wix writes
    # 64-bit integers that way). publicationError's sub-fields are UNVERIFIED too: the other
    # form of {code, message} is {code, description}. The answer was built for this request
    # alone, so its items are changed in place.
    summary = item.get("insightsSummary")
    if isinstance(summary, dict):
        item["insightsSummary"] = {
            name: str(summary[name]) for name in _DOCUMENTED_METRICS if name in summary
        }
    error = item.get("publicationError")
    if isinstance(error, dict):
        item["publicationError"] = {"code": error.get("code"), "description": error.get("message")}


def _item_lists(container: Answer) -> list[Any]:
    lists = [container.get("items"), container.get(STORY_LIST_KEY)]
    return [entries for entries in lists if isinstance(entries, list)]


def _item_details(answer: Answer) -> Answer:
    """Every item of an answer, wherever it sits, with its details in the documented form."""
    holders: list[Any] = [answer, answer.get("marketingActivity")]
    holders += answer.get("marketingActivities") or []
    for holder in holders:
        if not isinstance(holder, dict):
            continue
        for entries in _item_lists(holder):
            for item in entries:
                if isinstance(item, dict):
                    _documented_item(item)
    if isinstance(answer.get("item"), dict):
        _documented_item(answer["item"])
    return answer


def _defaults(answer: Answer) -> Answer:
    # §5.4's response shape is assumed; the other plausible wrapper is settings.
    return {"settings": answer.get("defaults", {})}


def _goal_options(answer: Answer) -> Answer:
    # §5.5 documents only planGoalKey.
    return {"options": [{"planGoalKey": o.get("planGoalKey")} for o in answer.get("options", [])]}


def _point_of_view_options(answer: Answer) -> Answer:
    # §5.6's key was cut at "pointOf…": pointOfView is presumed, pointOfViewKey (like
    # planGoalKey) is the other form; no labels.
    return {
        "options": [{"pointOfViewKey": o.get("pointOfView")} for o in answer.get("options", [])]
    }


def _calendar_options(answer: Answer) -> Answer:
    # §5.7 documents only id.
    return {"options": [{"id": o.get("id")} for o in answer.get("options", [])]}


_DOCUMENTED_ANSWERS: dict[Handler, Callable[[Answer], Answer]] = {
    plan_service.get_plan: _plan,
    posts_service.get_activity_posts: _activity_posts,
    posts_service.regenerate_posts: _snapshot,
    posts_service.regenerate_posts_media: _snapshot,
    posts_service.regenerate_stories: _snapshot,
    posts_service.update_posts_media: _empty,
    posts_service.update_stories_media: _empty,
    activities.query_activities: _queried_activities,
    events.create_event: _created_event,
    events.update_event: _updated_event,
    events.query_events: _queried_events,
    settings_service.get_defaults: _defaults,
    settings_service.get_plan_goal_options: _goal_options,
    settings_service.get_point_of_view_options: _point_of_view_options,
    settings_service.get_calendar_options: _calendar_options,
    publisher.publish_by_id: _empty,
    publisher.reschedule_item: _empty,
    item_edits.update_item_fields: _empty,
}

_PUBLISHER_MODULES = frozenset({publisher.__name__, item_edits.__name__, item_queries.__name__})

_DOCUMENTED_PUBLISHER_CODES = frozenset(
    {
        "USER_NOT_EXIST_FOR_CHANNEL",
        "NO_PAGES_FOR_USER",
        "INELIGIBLE_FOR_FEATURE",
        "SCHEDULED_TIME_ALREADY_PASSED",
        "PUBLISH_LIMIT_EXCEEDED",
        "REFERENCE_ID_ALREADY_EXIST",
        "UNSUPPORTED_CHANNEL",
        "ITEM_NOT_EXISTS",
        "ITEM_IS_PUBLISHED",
        "ITEM_IS_DELETED",
        "GENERATED_IMAGE_NOT_FOUND",
    }
)
"""The Publisher's error codes of A.5; the sandbox's own (``ITEM_NOT_EDITABLE``...) are not."""


class Shaper:
    """Turns one handler's rich answers and refusals into the shape the sandbox speaks."""

    def __init__(self, handler: Handler, shape: Shape) -> None:
        self._documented = shape == "documented"
        self._answer = _DOCUMENTED_ANSWERS.get(handler) if self._documented else None
        # The Publisher's error codes are documented ([S], A.5); the Marketing Plan's are not
        # (every "?" of §7.2, and where the two named codes sit is UNVERIFIED).
        self._publisher = handler.__module__ in _PUBLISHER_MODULES

    def answer(self, answer: Answer) -> Answer:
        """The handler's answer in this shape."""
        if not self._documented:
            return answer
        shaped = self._answer(answer) if self._answer is not None else answer
        return _item_details(shaped)

    def error(self, error: WixError) -> WixError:
        """A refusal in this shape: undocumented codes become the canonical name."""
        if not self._documented or error.violations:
            return error
        if self._publisher and error.code in _DOCUMENTED_PUBLISHER_CODES:
            return error
        return replace(error, code=CANONICAL_CODES.get(error.status, error.code))


def shaper_for(handler: Handler, shape: Shape) -> Shaper:
    """The :class:`Shaper` for ``handler``'s answers."""
    return Shaper(handler, shape)
