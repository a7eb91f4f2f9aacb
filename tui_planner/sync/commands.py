"""Commands: one frozen dataclass per user intent, and :data:`Command`, the union of them all.

The UI builds a command and hands it to :meth:`SyncEngine.execute`; only the engine talks to
the API. Each command says in words what it asks for (``describe()``), which is what the
status bar lists while it is pending and what a failure notice quotes ("Could not schedule 4
drafts: ...").

:data:`Command` is a closed union: every ``match`` over it (what a command sends, how it
looks before the server answers) ends in :func:`typing.assert_never`, so a command added here
and forgotten there is a type error, not a surprise at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from tui_planner.words import plural

if TYPE_CHECKING:
    from datetime import datetime

    from tui_planner.api.errors import ApiError
    from tui_planner.api.models import CalendarEvent, MarketingActivityType, MarketingSettings

__all__ = [
    "CancelItem",
    "ClearPosts",
    "ClearStories",
    "Command",
    "CommandOutcome",
    "CreateActivity",
    "CreateEvent",
    "DeleteActivity",
    "DeleteEvent",
    "DeleteItem",
    "DeletePlan",
    "GeneratePlan",
    "GeneratePosts",
    "RegeneratePlan",
    "RegeneratePlanWithResearch",
    "RegeneratePosts",
    "RegeneratePostsMedia",
    "RegenerateStories",
    "RescheduleItem",
    "ScheduleDrafts",
    "UpdateActivity",
    "UpdateEvent",
    "UpdateItemCaption",
    "UpdatePostsMedia",
    "UpsertSettings",
]


@dataclass(frozen=True, slots=True)
class GeneratePlan:
    """Generate the site's plan (first time, or after FAILED / INACTIVE)."""

    def describe(self) -> str:
        return "Generate the plan"


@dataclass(frozen=True, slots=True)
class RegeneratePlan:
    """Rebuild the upcoming activities from the current settings."""

    def describe(self) -> str:
        return "Regenerate the plan"


@dataclass(frozen=True, slots=True)
class RegeneratePlanWithResearch:
    """Run fresh keyword research, then regenerate."""

    def describe(self) -> str:
        return "Regenerate the plan with keyword research"


@dataclass(frozen=True, slots=True)
class DeletePlan:
    """Delete the plan and all of its activities."""

    def describe(self) -> str:
        return "Delete the plan"


@dataclass(frozen=True, slots=True)
class GeneratePosts:
    """Generate post drafts for activities that have none yet."""

    activity_ids: tuple[str, ...]

    def describe(self) -> str:
        return f"Generate posts for {plural(len(self.activity_ids), 'activity', 'activities')}"


@dataclass(frozen=True, slots=True)
class RegeneratePosts:
    """New image and captions for one activity's posts."""

    activity_id: str

    def describe(self) -> str:
        return "Regenerate the posts"


@dataclass(frozen=True, slots=True)
class RegeneratePostsMedia:
    """A new image for one activity's posts, keeping the captions."""

    activity_id: str

    def describe(self) -> str:
        return "Regenerate the image"


@dataclass(frozen=True, slots=True)
class UpdatePostsMedia:
    """Set one activity's post image to a given URL."""

    activity_id: str
    media_url: str

    def describe(self) -> str:
        return "Set the image"


@dataclass(frozen=True, slots=True)
class ClearPosts:
    """Remove every social post of one activity."""

    activity_id: str

    def describe(self) -> str:
        return "Clear the posts"


@dataclass(frozen=True, slots=True)
class RegenerateStories:
    """Regenerate one activity's story drafts."""

    activity_id: str

    def describe(self) -> str:
        return "Regenerate the stories"


@dataclass(frozen=True, slots=True)
class ClearStories:
    """Remove one activity's story drafts (scheduled and published stories stay)."""

    activity_id: str

    def describe(self) -> str:
        return "Clear the stories"


@dataclass(frozen=True, slots=True)
class ScheduleDrafts:
    """Hand drafts to the Publisher for scheduled publishing."""

    draft_ids: tuple[str, ...]

    def describe(self) -> str:
        return f"Schedule {plural(len(self.draft_ids), 'draft')}"


@dataclass(frozen=True, slots=True)
class RescheduleItem:
    """Move a scheduled post to another time."""

    item_id: str
    when: datetime

    def describe(self) -> str:
        return "Reschedule the post"


@dataclass(frozen=True, slots=True)
class CancelItem:
    """Cancel a scheduled post."""

    item_id: str

    def describe(self) -> str:
        return "Cancel the scheduled post"


@dataclass(frozen=True, slots=True)
class UpdateItemCaption:
    """Change the caption of a draft or scheduled post (its description, on the networks
    that call it that); the rest of the post stays as it is."""

    item_id: str
    caption: str

    def describe(self) -> str:
        return "Edit the caption"


@dataclass(frozen=True, slots=True)
class DeleteItem:
    """Delete a draft or scheduled post (one already going out cannot be)."""

    item_id: str

    def describe(self) -> str:
        return "Delete the post"


@dataclass(frozen=True, slots=True)
class CreateActivity:
    """Add an activity of one's own to the plan."""

    title: str
    description: str
    target_date: datetime
    activity_type: MarketingActivityType

    def describe(self) -> str:
        return f"Create the activity “{self.title}”"


@dataclass(frozen=True, slots=True)
class UpdateActivity:
    """Change an activity's title, description or date; ``None`` fields stay as they are."""

    activity_id: str
    title: str | None = None
    description: str | None = None
    target_date: datetime | None = None

    @property
    def field_mask(self) -> tuple[str, ...]:
        """The wire names of the fields this update sets."""
        fields = (
            ("title", self.title),
            ("description", self.description),
            ("targetDate", self.target_date),
        )
        return tuple(name for name, value in fields if value is not None)

    def describe(self) -> str:
        return "Update the activity"


@dataclass(frozen=True, slots=True)
class DeleteActivity:
    """Delete one activity from the plan."""

    activity_id: str

    def describe(self) -> str:
        return "Delete the activity"


@dataclass(frozen=True, slots=True)
class CreateEvent:
    """Add a calendar event (sale, launch, holiday) for the plan to work around."""

    event: CalendarEvent

    def describe(self) -> str:
        return f"Create the event “{self.event.name}”"


@dataclass(frozen=True, slots=True)
class UpdateEvent:
    """Replace a calendar event (the event carries its id)."""

    event: CalendarEvent

    def describe(self) -> str:
        return f"Update the event “{self.event.name}”"


@dataclass(frozen=True, slots=True)
class DeleteEvent:
    """Delete a calendar event."""

    event_id: str

    def describe(self) -> str:
        return "Delete the event"


@dataclass(frozen=True, slots=True)
class UpsertSettings:
    """Save the marketing settings; only the paths in ``field_mask`` are written."""

    settings: MarketingSettings
    field_mask: tuple[str, ...]

    def describe(self) -> str:
        return "Save the settings"


Command: TypeAlias = (
    GeneratePlan
    | RegeneratePlan
    | RegeneratePlanWithResearch
    | DeletePlan
    | GeneratePosts
    | RegeneratePosts
    | RegeneratePostsMedia
    | UpdatePostsMedia
    | ClearPosts
    | RegenerateStories
    | ClearStories
    | ScheduleDrafts
    | RescheduleItem
    | CancelItem
    | UpdateItemCaption
    | DeleteItem
    | CreateActivity
    | UpdateActivity
    | DeleteActivity
    | CreateEvent
    | UpdateEvent
    | DeleteEvent
    | UpsertSettings
)
"""Every user intent the sync engine carries to the API (a closed union)."""


@dataclass(frozen=True, slots=True)
class CommandOutcome:
    """How a command ended, with a sentence for a notification.

    ``message`` reads "Scheduled 3 of 5 drafts" or "Could not delete the event: <Wix
    message> (FAILED_PRECONDITION)". For :class:`ScheduleDrafts`, ``scheduled_ids`` are the
    drafts the server confirmed SCHEDULED after re-reading the posts.
    """

    command: Command
    ok: bool
    message: str
    error: ApiError | None = None
    scheduled_ids: tuple[str, ...] = ()
