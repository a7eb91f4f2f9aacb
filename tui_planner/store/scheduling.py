"""What scheduling a set of drafts will do, and what it did.

``ScheduleDrafts`` skips, silently, anything that is not a draft and every draft for a channel
the site has not connected; it refuses the whole call without the schedule-posts premium
feature; and X takes no posts after its sunset date. :func:`plan_schedule` applies those
rules before the call so the confirmation can say what will happen, and
:func:`schedule_report` compares the plan with what the server confirmed afterwards so the
report says what did happen. Both are pure: no Textual, no clock reads, no IO.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from tui_planner.api.errors import (
    ApiConnectionError,
    ApiError,
    FailedPreconditionError,
    ResourceExhaustedError,
    ServerError,
)
from tui_planner.api.models import ChannelName, ItemStatus
from tui_planner.store.selectors import item

if TYPE_CHECKING:
    from collections.abc import Iterable

    from tui_planner.store.state import PlannerState

__all__ = [
    "PREMIUM_MISSING_TEXT",
    "X_SUNSET",
    "Reason",
    "SchedulePlan",
    "ScheduleReport",
    "failure_reason",
    "outcome_report",
    "plan_schedule",
    "schedule_report",
]

X_SUNSET = date(2026, 7, 31)
"""The last day X (TWITTER) accepts posts through the Publisher."""


PREMIUM_MISSING_TEXT = (
    "Scheduling needs the schedule-posts premium feature, which this site's social media "
    "marketing plan does not include. Upgrade the plan in Wix to schedule posts; until then "
    "nothing can be scheduled."
)
"""What the confirmation says first when the site lacks the premium feature."""


def _drafts(n: int) -> str:
    return f"{n} draft" if n == 1 else f"{n} drafts"


class Reason(enum.Enum):
    """Why a draft stays a draft; the value completes "Left as a draft: ..."."""

    PREMIUM_MISSING = "schedule-posts premium feature missing"
    CHANNEL_NOT_CONNECTED = "channel not connected"
    NOT_A_DRAFT = "no longer a draft"
    X_SUNSET = "X takes no posts after 31 Jul 2026"
    NOT_FOUND = "no longer in the plan"
    SERVER_DECLINED = "the server left it a draft"
    NO_ANSWER = "the server did not answer"
    REFUSED = "the server refused it (why is above)"


@dataclass(frozen=True, slots=True)
class SchedulePlan:
    """What scheduling the chosen drafts will do.

    ``will_schedule`` keeps the order the drafts were chosen in; ``stays_draft`` pairs each
    other id with the first rule that keeps it back. With ``premium_missing`` nothing will be
    scheduled and the confirmation says so before anything else.
    """

    will_schedule: tuple[str, ...]
    stays_draft: tuple[tuple[str, Reason], ...]
    premium_missing: bool

    @property
    def requested(self) -> int:
        """How many drafts were chosen."""
        return len(self.will_schedule) + len(self.stays_draft)

    @property
    def can_confirm(self) -> bool:
        """Whether there is anything to schedule."""
        return bool(self.will_schedule) and not self.premium_missing

    def headline(self) -> str:
        """The confirmation's question: "Schedule 3 of 5 drafts?"."""
        if self.premium_missing:
            return "Scheduling is not available on this site"
        if not self.will_schedule:
            if self.requested == 1:
                return "This draft cannot be scheduled"
            return f"None of the {_drafts(self.requested)} can be scheduled"
        if self.requested == 1:
            return "Schedule this draft?"  # the one under the cursor, when none is selected
        return f"Schedule {len(self.will_schedule)} of {_drafts(self.requested)}?"


@dataclass(frozen=True, slots=True)
class ScheduleReport:
    """What scheduling did, as confirmed by the server after re-reading the posts."""

    scheduled: tuple[str, ...]
    left_as_draft: tuple[tuple[str, Reason], ...]
    failure: str | None = None
    """The sentence of a call that failed outright (e.g. the premium gate), if one did."""

    @property
    def requested(self) -> int:
        """How many drafts were chosen."""
        return len(self.scheduled) + len(self.left_as_draft)

    def headline(self) -> str:
        """The report's first line: "Scheduled 3 of 5 drafts · 2 still drafts"."""
        if not self.scheduled:
            return f"Nothing was scheduled ({_drafts(self.requested)} chosen)"
        headline = f"Scheduled {len(self.scheduled)} of {_drafts(self.requested)}"
        left = len(self.left_as_draft)
        if left:
            headline += f" · {left} still {'a draft' if left == 1 else 'drafts'}"
        return headline


def plan_schedule(state: PlannerState, draft_ids: Iterable[str], now: datetime) -> SchedulePlan:
    """Sort ``draft_ids`` into those ``ScheduleDrafts`` will schedule and those it will not.

    ``now`` is taken for the caller's clock so a later rule about past dates has one; the
    rules themselves are the Publisher's: a draft, on a connected channel, X only up to its
    sunset, and the premium feature (an unknown feature state lets the server decide).
    """
    del now  # The Publisher's rules today are all about the item, not the moment.
    ids = tuple(dict.fromkeys(draft_ids))
    premium_missing = state.can_schedule is False
    will: list[str] = []
    stays: list[tuple[str, Reason]] = []
    for item_id in ids:
        reason = _blocking_reason(state, item_id)
        if reason is None and premium_missing:
            reason = Reason.PREMIUM_MISSING
        if reason is None:
            will.append(item_id)
        else:
            stays.append((item_id, reason))
    return SchedulePlan(tuple(will), tuple(stays), premium_missing)


def failure_reason(error: ApiError | None) -> Reason | None:
    """Why the drafts a failed ScheduleDrafts call carried are still drafts.

    No answer at all, a 5xx or a 429 that outlasted the retries: the server did not answer.
    A 428 is the premium gate. Anything else the server refused, in words of its own that the
    report shows above the list.
    """
    if error is None:
        return None
    if isinstance(error, ServerError | ApiConnectionError | ResourceExhaustedError):
        return Reason.NO_ANSWER
    if isinstance(error, FailedPreconditionError):
        return Reason.PREMIUM_MISSING
    return Reason.REFUSED


def schedule_report(
    plan: SchedulePlan,
    outcome_scheduled_ids: Iterable[str],
    state_after: PlannerState,
    failure: str | None = None,
    *,
    error: ApiError | None = None,
) -> ScheduleReport:
    """Compare ``plan`` with the ids the server confirmed SCHEDULED.

    A draft the plan expected to schedule that the server did not confirm is explained from
    ``state_after`` (the snapshot after the command, read back from the server): gone, no
    longer a draft, channel disconnected meanwhile; failing that, by the ``error`` the call
    failed with (:func:`failure_reason`), premium lost, or otherwise declined by the server.
    """
    confirmed = set(outcome_scheduled_ids)
    scheduled = [item_id for item_id in plan.will_schedule if item_id in confirmed]
    left: list[tuple[str, Reason]] = []
    for item_id, reason in plan.stays_draft:
        # The server may schedule a draft the plan held back (a channel connected meanwhile).
        if item_id in confirmed:
            scheduled.append(item_id)
        else:
            left.append((item_id, reason))
    unconfirmed = [item_id for item_id in plan.will_schedule if item_id not in confirmed]
    call_failed = failure_reason(error)
    for item_id in unconfirmed:
        found = _blocking_reason(state_after, item_id)
        if found is None:
            if call_failed is not None:
                found = call_failed
            elif state_after.can_schedule is False:
                found = Reason.PREMIUM_MISSING
            else:
                found = Reason.SERVER_DECLINED
        left.append((item_id, found))
    return ScheduleReport(tuple(scheduled), tuple(left), failure)


def outcome_report(
    plan: SchedulePlan,
    state_after: PlannerState,
    *,
    ok: bool,
    message: str | None,
    scheduled_ids: Iterable[str],
    error: ApiError | None,
) -> ScheduleReport:
    """The report on a ScheduleDrafts command, from how it ended and the plan read after.

    The app's report screen and ``planner-tui schedule`` both show this. A call that failed
    outright quotes its sentence (``message``); one that went through in part says why the
    rest did not, above the list.
    """
    scheduled = tuple(scheduled_ids)
    failure = None if ok else message
    if scheduled and error is not None:
        failure = (
            f"The server stopped answering part-way: {error} The drafts it did not "
            "take are still drafts; schedule them again once it answers."
            if failure_reason(error) is Reason.NO_ANSWER
            else f"The server refused part of it: {error}"
        )
    return schedule_report(plan, scheduled, state_after, failure, error=error)


def _blocking_reason(state: PlannerState, item_id: str) -> Reason | None:
    found = item(state, item_id)
    if found is None:
        return Reason.NOT_FOUND
    owner, entry = found
    if entry.status != ItemStatus.DRAFT:
        return Reason.NOT_A_DRAFT
    if entry.channel.name == ChannelName.TWITTER and _after_x_sunset(owner.date):
        return Reason.X_SUNSET
    if not state.is_connected(entry.channel.name):
        return Reason.CHANNEL_NOT_CONNECTED
    return None


def _after_x_sunset(when: datetime) -> bool:
    return when.astimezone(UTC).date() > X_SUNSET
