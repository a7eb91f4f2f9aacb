"""What the activity detail asks before a command that loses something, and when its story
keys apply.

Each question names what goes (the posts, the image, the story drafts, the activity) and
what stays; the screen shows it in a :class:`~tui_planner.ui.dialogs.ConfirmDialog` and sends
the command on yes. Nothing here touches a widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui_planner.api.models import ItemStatus
from tui_planner.day_words import day_text
from tui_planner.sync.commands import (
    ClearPosts,
    ClearStories,
    DeleteActivity,
    RegeneratePosts,
    RegeneratePostsMedia,
    RegenerateStories,
)
from tui_planner.ui.widgets.activity_posts import (
    describe_posts,
    describe_story_drafts,
    stories_kept,
)

if TYPE_CHECKING:
    from datetime import tzinfo

    from tui_planner.api.models import PlanMarketingActivity
    from tui_planner.sync.commands import Command

__all__ = [
    "Question",
    "Refusal",
    "clear_posts",
    "clear_stories",
    "delete_activity",
    "regenerate_image",
    "regenerate_posts",
    "regenerate_stories",
    "story_key_state",
]


@dataclass(frozen=True)
class Question:
    """A confirmation: its ``title``, ``body`` and confirming button's ``label``, and the
    ``command`` sent when the answer is yes."""

    command: Command
    title: str
    body: str
    label: str


@dataclass(frozen=True)
class Refusal:
    """Why a key can do nothing for this activity, as a warning's ``title`` and ``body``."""

    title: str
    body: str


def regenerate_posts(activity: PlanMarketingActivity) -> Question:
    """New captions and a new image for every post; the current ones are lost."""
    return Question(
        RegeneratePosts(activity.id),
        "Regenerate the posts?",
        f"Writes new captions and a new image for {describe_posts(activity.posts)}. "
        "The current captions and image are lost.",
        "Regenerate",
    )


def regenerate_image(activity: PlanMarketingActivity) -> Question:
    """A new image for every post; the captions stay."""
    return Question(
        RegeneratePostsMedia(activity.id),
        "Regenerate the image?",
        f"Makes a new image for {describe_posts(activity.posts)}. The captions stay; "
        "the current image is lost.",
        "New image",
    )


def clear_posts(activity: PlanMarketingActivity) -> Question:
    """Every post of the activity removed."""
    return Question(
        ClearPosts(activity.id),
        "Clear the posts?",
        f"Clears {describe_posts(activity.posts)} from “{activity.title}”. This cannot be undone.",
        "Clear posts",
    )


def regenerate_stories(activity: PlanMarketingActivity) -> Question | Refusal:
    """New story drafts in place of the current ones; or why there are none to remake
    (regenerating never adds a story the plan did not make, and touches drafts only)."""
    stories = activity.stories
    if not stories:
        return Refusal(
            "Nothing to regenerate",
            f"“{activity.title}” has no stories. Regenerating only remakes the stories "
            "the plan made for an activity; it never adds new ones.",
        )
    if not any(story.status == ItemStatus.DRAFT for story in stories):
        return Refusal(
            "Nothing to regenerate",
            f"Every story of “{activity.title}” is already scheduled or published; "
            "only story drafts can be regenerated.",
        )
    return Question(
        RegenerateStories(activity.id),
        "Regenerate the stories?",
        f"Replaces the {describe_story_drafts(stories)} of “{activity.title}” with new "
        f"ones; the current ones are lost. Only drafts change: {stories_kept(stories)}. "
        "The posts stay as they are.",
        "Regenerate stories",
    )


def clear_stories(activity: PlanMarketingActivity) -> Question:
    """The story drafts removed; scheduled and published stories stay."""
    stories = activity.stories
    return Question(
        ClearStories(activity.id),
        "Clear the story drafts?",
        f"Clears {describe_story_drafts(stories)} from “{activity.title}”. "
        f"Only drafts go: {stories_kept(stories)}. The posts stay. This cannot be undone.",
        "Clear stories",
    )


def delete_activity(activity: PlanMarketingActivity, tz: tzinfo) -> Question:
    """The activity and its posts gone, naming its day in ``tz``."""
    when = activity.date.astimezone(tz)
    items = f" and its {describe_posts(activity.items)}" if activity.items else ""
    return Question(
        DeleteActivity(activity.id),
        "Delete the activity?",
        f"Deletes “{activity.title}” on {day_text(when)}{items}. This cannot be undone.",
        "Delete",
    )


def story_key_state(
    activity: PlanMarketingActivity | None, generating: bool, action: str
) -> bool | None:
    """Whether a story key (``regenerate_stories``, ``clear_stories``) applies: ``None``
    shows it dimmed, ``False`` hides it.

    While the activity's posts or stories are being generated both keys wait (dimmed).
    Clearing needs a story draft; it is dimmed when every story is already scheduled or
    published, hidden when there are no stories. Regenerating always answers, if only to
    say why there is nothing to regenerate.
    """
    if activity is None:
        return False
    stories = activity.stories
    if generating:
        return None if stories or action == "regenerate_stories" else False
    if action == "regenerate_stories":
        return True
    if any(story.status == ItemStatus.DRAFT for story in stories):
        return True
    return None if stories else False
