"""The post preview's facts about the post on show, each a widget drawn from what it is given.

The screen works out one :class:`ShownPost` (the post, whether its channel is connected,
its activity's date, what can happen to it next) and binds it down (``data_bind``);
:class:`PostMeta` and :class:`LifecycleNote` re-render when it changes. The activity's own
line, :class:`ActivityLine`, is bound to the activity.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from tui_planner.api.models import ItemStatus
from tui_planner.day_words import day_text
from tui_planner.store.scheduling import plan_schedule
from tui_planner.ui.icons import STATUS_STYLES, channel_label, status_icon

if TYPE_CHECKING:
    from tui_planner.api.models import PlanMarketingActivity, PostItem
    from tui_planner.store.state import PlannerState

__all__ = [
    "FINAL_STATUSES",
    "ActivityLine",
    "LifecycleNote",
    "PostMeta",
    "ShownPost",
    "lifecycle_text",
]

FINAL_STATUSES = frozenset(
    {
        ItemStatus.PROCESSING,
        ItemStatus.IN_QUEUE,
        ItemStatus.PUBLISHED,
        ItemStatus.CANCELED,
        ItemStatus.FAILED,
        ItemStatus.DELETED,
    }
)
"""Statuses after which the Publisher allows no change to a post."""

_FINAL_TEXT = {
    ItemStatus.PROCESSING: "Publishing now — no further changes possible.",
    ItemStatus.IN_QUEUE: "Queued for publishing — no further changes possible.",
    ItemStatus.PUBLISHED: "Published — no further changes possible.",
    ItemStatus.CANCELED: "Canceled — this post will not go out; no further changes possible.",
    ItemStatus.FAILED: "Publishing failed — no further changes possible here.",
    ItemStatus.DELETED: "Deleted — no further changes possible.",
}


def _day_and_time(when: datetime) -> str:
    """ "Mon 7 Dec 2026, 09:00 CET": the day, the time of day and the zone."""
    return f"{day_text(when, year=True)}, {when:%H:%M %Z}"


def lifecycle_text(state: PlannerState, entry: PostItem, now: datetime) -> str:
    """What can happen to ``entry`` next, in a sentence (or why nothing can)."""
    status = entry.status
    if status in _FINAL_TEXT:
        return _FINAL_TEXT[status]
    if status == ItemStatus.SCHEDULED:
        return "Scheduled — press r to reschedule or x to cancel."
    if status == ItemStatus.DRAFT:
        plan = plan_schedule(state, [entry.id], now)
        if plan.stays_draft:
            _, reason = plan.stays_draft[0]
            return f"Draft — scheduling would leave it a draft: {reason.value}."
        return "Draft — press s to schedule it for the activity's date."
    return f"{status.value.title()} — this app does not know what can change now."


@dataclass(frozen=True)
class ShownPost:
    """The post on show and what the preview says about it."""

    entry: PostItem
    connected: bool
    """Whether the post's channel has a connected account."""
    activity_date: datetime | None
    """Its activity's date, shown while the post has no date of its own."""
    lifecycle: str
    """What can happen to it next (:func:`lifecycle_text`)."""

    @classmethod
    def of(
        cls,
        state: PlannerState,
        activity: PlanMarketingActivity | None,
        entry: PostItem,
        now: datetime,
    ) -> ShownPost:
        """``entry`` of ``activity`` as ``state`` has it, at ``now``."""
        return cls(
            entry=entry,
            connected=state.is_connected(entry.channel.name),
            activity_date=activity.date if activity is not None else None,
            lifecycle=lifecycle_text(state, entry, now),
        )


class ActivityLine(Static):
    """The activity's title and its day and time in ``tz``; blank without an activity."""

    activity: reactive[PlanMarketingActivity | None] = reactive(None)

    def __init__(self, tz: tzinfo = UTC, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._tz = tz

    def watch_activity(self, activity: PlanMarketingActivity | None) -> None:
        if activity is None:
            self.update("")
            return
        when = activity.date.astimezone(self._tz)
        title = activity.title or "Untitled activity"
        self.update(f"{title}  ·  {day_text(when, long=True, year=True)}, {when:%H:%M}")


_WENT = {ItemStatus.PUBLISHED: "Went live", ItemStatus.FAILED: "Was due"}
"""The timing's label for a post whose moment has passed (else "Goes live")."""


class PostMeta(Static):
    """The post's status, channel (connected or not), when it goes live and where it lives."""

    shown: reactive[ShownPost | None] = reactive(None)

    def __init__(self, tz: tzinfo = UTC, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._tz = tz

    def watch_shown(self, shown: ShownPost | None) -> None:
        if shown is not None:
            self.update(self._rows(shown))

    def _rows(self, shown: ShownPost) -> Content:
        entry = shown.entry
        status_style = STATUS_STYLES.get(entry.status, "") or "$text"
        if entry.scheduled_date is not None:
            label = _WENT.get(entry.status, "Goes live")
            timing = (f"{label}  ", _day_and_time(entry.scheduled_date.astimezone(self._tz)))
        elif shown.activity_date is not None:
            timing = ("Activity date  ", _day_and_time(shown.activity_date.astimezone(self._tz)))
        else:
            timing = ("", "")
        rows = [
            Content.assemble(
                ("Status      ", "bold"),
                (f"{status_icon(entry.status)} {entry.status.value}", status_style),
            ),
            Content.assemble(
                ("Channel     ", "bold"),
                f"{channel_label(entry.channel.name)}  ",
                ("● connected", "$success") if shown.connected else ("○ not connected", "$warning"),
            ),
            Content.assemble((timing[0].ljust(12), "bold"), timing[1]),
        ]
        if entry.external_item_url:
            rows.append(Content.assemble(("Live at     ", "bold"), entry.external_item_url))
        return Content("\n").join(rows)


class LifecycleNote(Static):
    """What can happen to the post next; marked ``-final`` once nothing can."""

    shown: reactive[ShownPost | None] = reactive(None)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def watch_shown(self, shown: ShownPost | None) -> None:
        if shown is not None:
            self.update(shown.lifecycle)
            self.set_class(shown.entry.status in FINAL_STATUSES, "-final")
