"""Commands: one frozen dataclass per user intent.

The UI builds a command and hands it to :meth:`SyncEngine.execute`; only the engine talks to
the API. Each command names its :class:`CommandKind` and says in words what it asks for
(``describe()``), which is what the status bar lists while it is pending and what a failure
notice quotes ("Could not schedule 4 drafts: ...").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from tui_planner.store.state import CommandKind

if TYPE_CHECKING:
    from datetime import datetime

    from tui_planner.api.errors import ApiError
    from tui_planner.api.models import CalendarEvent, MarketingActivityType, MarketingSettings

__all__ = [
    "CancelItem",
    "ClearPosts",
    "ClearStories",
    "Command",
    "CommandKind",
    "CommandOutcome",
    "CreateActivity",
    "CreateEvent",
    "DeleteActivity",
    "DeleteEvent",
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
    "UpdatePostsMedia",
    "UpsertSettings",
]


def _count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


@dataclass(frozen=True, slots=True)
class Command:
    """The base of every command: a kind and a description in words."""

    kind: ClassVar[CommandKind]

    def describe(self) -> str:
        """What the command asks for, as the start of a sentence ("Schedule 4 drafts")."""
        return self.kind.value.capitalize()


@dataclass(frozen=True, slots=True)
class GeneratePlan(Command):
    """Generate the site's plan (first time, or after FAILED / INACTIVE)."""

    kind: ClassVar[CommandKind] = CommandKind.GENERATE_PLAN

    def describe(self) -> str:
        return "Generate the plan"


@dataclass(frozen=True, slots=True)
class RegeneratePlan(Command):
    """Rebuild the upcoming activities from the current settings."""

    kind: ClassVar[CommandKind] = CommandKind.REGENERATE_PLAN

    def describe(self) -> str:
        return "Regenerate the plan"


@dataclass(frozen=True, slots=True)
class RegeneratePlanWithResearch(Command):
    """Run fresh keyword research, then regenerate."""

    kind: ClassVar[CommandKind] = CommandKind.REGENERATE_PLAN_WITH_RESEARCH

    def describe(self) -> str:
        return "Regenerate the plan with keyword research"


@dataclass(frozen=True, slots=True)
class DeletePlan(Command):
    """Delete the plan and all of its activities."""

    kind: ClassVar[CommandKind] = CommandKind.DELETE_PLAN

    def describe(self) -> str:
        return "Delete the plan"


@dataclass(frozen=True, slots=True)
class GeneratePosts(Command):
    """Generate post drafts for activities that have none yet."""

    kind: ClassVar[CommandKind] = CommandKind.GENERATE_POSTS
    activity_ids: tuple[str, ...]

    def describe(self) -> str:
        return f"Generate posts for {_count(len(self.activity_ids), 'activity', 'activities')}"


@dataclass(frozen=True, slots=True)
class RegeneratePosts(Command):
    """New image and captions for one activity's posts."""

    kind: ClassVar[CommandKind] = CommandKind.REGENERATE_POSTS
    activity_id: str

    def describe(self) -> str:
        return "Regenerate the posts"


@dataclass(frozen=True, slots=True)
class RegeneratePostsMedia(Command):
    """A new image for one activity's posts, keeping the captions."""

    kind: ClassVar[CommandKind] = CommandKind.REGENERATE_POSTS_MEDIA
    activity_id: str

    def describe(self) -> str:
        return "Regenerate the image"


@dataclass(frozen=True, slots=True)
class UpdatePostsMedia(Command):
    """Set one activity's post image to a given URL."""

    kind: ClassVar[CommandKind] = CommandKind.UPDATE_POSTS_MEDIA
    activity_id: str
    media_url: str

    def describe(self) -> str:
        return "Set the image"


@dataclass(frozen=True, slots=True)
class ClearPosts(Command):
    """Remove every social post of one activity."""

    kind: ClassVar[CommandKind] = CommandKind.CLEAR_POSTS
    activity_id: str

    def describe(self) -> str:
        return "Clear the posts"


@dataclass(frozen=True, slots=True)
class RegenerateStories(Command):
    """Regenerate one activity's story drafts."""

    kind: ClassVar[CommandKind] = CommandKind.REGENERATE_STORIES
    activity_id: str

    def describe(self) -> str:
        return "Regenerate the stories"


@dataclass(frozen=True, slots=True)
class ClearStories(Command):
    """Remove one activity's story drafts (scheduled and published stories stay)."""

    kind: ClassVar[CommandKind] = CommandKind.CLEAR_STORIES
    activity_id: str

    def describe(self) -> str:
        return "Clear the stories"


@dataclass(frozen=True, slots=True)
class ScheduleDrafts(Command):
    """Hand drafts to the Publisher for scheduled publishing."""

    kind: ClassVar[CommandKind] = CommandKind.SCHEDULE_DRAFTS
    draft_ids: tuple[str, ...]

    def describe(self) -> str:
        return f"Schedule {_count(len(self.draft_ids), 'draft')}"


@dataclass(frozen=True, slots=True)
class RescheduleItem(Command):
    """Move a scheduled post to another time."""

    kind: ClassVar[CommandKind] = CommandKind.RESCHEDULE_ITEM
    item_id: str
    when: datetime

    def describe(self) -> str:
        return "Reschedule the post"


@dataclass(frozen=True, slots=True)
class CancelItem(Command):
    """Cancel a scheduled post."""

    kind: ClassVar[CommandKind] = CommandKind.CANCEL_ITEM
    item_id: str

    def describe(self) -> str:
        return "Cancel the scheduled post"


@dataclass(frozen=True, slots=True)
class CreateActivity(Command):
    """Add an activity of one's own to the plan."""

    kind: ClassVar[CommandKind] = CommandKind.CREATE_ACTIVITY
    title: str
    description: str
    target_date: datetime
    activity_type: MarketingActivityType

    def describe(self) -> str:
        return f"Create the activity “{self.title}”"


@dataclass(frozen=True, slots=True)
class UpdateActivity(Command):
    """Change an activity's title, description or date; ``None`` fields stay as they are."""

    kind: ClassVar[CommandKind] = CommandKind.UPDATE_ACTIVITY
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
class DeleteActivity(Command):
    """Delete one activity from the plan."""

    kind: ClassVar[CommandKind] = CommandKind.DELETE_ACTIVITY
    activity_id: str

    def describe(self) -> str:
        return "Delete the activity"


@dataclass(frozen=True, slots=True)
class CreateEvent(Command):
    """Add a calendar event (sale, launch, holiday) for the plan to work around."""

    kind: ClassVar[CommandKind] = CommandKind.CREATE_EVENT
    event: CalendarEvent

    def describe(self) -> str:
        return f"Create the event “{self.event.name}”"


@dataclass(frozen=True, slots=True)
class UpdateEvent(Command):
    """Replace a calendar event (the event carries its id)."""

    kind: ClassVar[CommandKind] = CommandKind.UPDATE_EVENT
    event: CalendarEvent

    def describe(self) -> str:
        return f"Update the event “{self.event.name}”"


@dataclass(frozen=True, slots=True)
class DeleteEvent(Command):
    """Delete a calendar event."""

    kind: ClassVar[CommandKind] = CommandKind.DELETE_EVENT
    event_id: str

    def describe(self) -> str:
        return "Delete the event"


@dataclass(frozen=True, slots=True)
class UpsertSettings(Command):
    """Save the marketing settings; only the paths in ``field_mask`` are written."""

    kind: ClassVar[CommandKind] = CommandKind.UPSERT_SETTINGS
    settings: MarketingSettings
    field_mask: tuple[str, ...]

    def describe(self) -> str:
        return "Save the settings"


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
