"""What every screen that shows a post says about it and does to it: its name, editing its
caption, deleting it.

The post preview, the drafts list and the Posts section offer the same two changes, and the
Publisher allows both exactly while a post is a DRAFT or SCHEDULED (publisher-and-post-
lifecycle.md, Part B): :data:`EDITABLE` is that rule, and every screen's ``check_action``
reads it. A post is named the same way everywhere ("the Instagram post of 'Winter glaze
sale'"), in confirmations, notifications and the caption editor's title.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tui_planner.api.models import ItemStatus
from tui_planner.day_words import day_text
from tui_planner.store.selectors import item
from tui_planner.ui.icons import channel_label
from tui_planner.ui.planner_screen import planner_host

if TYPE_CHECKING:
    from textual.app import App

    from tui_planner.api.models import PostItem
    from tui_planner.store.state import PlannerState

__all__ = [
    "EDITABLE",
    "caption_excerpt",
    "copy_caption",
    "delete_question",
    "delete_with_confirmation",
    "edit_caption",
    "find_post",
    "post_name",
    "post_title",
]

EDITABLE = frozenset({ItemStatus.DRAFT, ItemStatus.SCHEDULED})
"""The statuses in which a post's caption may change and the post may be deleted."""

EXCERPT_WIDTH = 40
"""Characters of a caption that stand for a post with no activity to name it by."""

NAMES_LISTED = 4
"""How many posts a confirmation names before it says "and N more"."""


def find_post(state: PlannerState, item_id: str) -> PostItem | None:
    """The post with this id as the app knows it now: among the site's posts, or the plan's."""
    found = state.site_posts.items.get(item_id)
    if found is not None:
        return found
    owned = item(state, item_id)
    return owned[1] if owned is not None else None


def caption_excerpt(text: str, width: int = EXCERPT_WIDTH) -> str:
    """The caption's first words on one line, cut with an ellipsis past ``width``."""
    line = " ".join(text.split())
    if len(line) <= width:
        return line
    return line[: width - 1].rstrip() + "…"


def post_title(state: PlannerState, entry: PostItem) -> str | None:
    """The title of the plan activity the post belongs to (``None`` for a post made on the
    dashboard, imported, or whose activity has left the plan period)."""
    owned = item(state, entry.id)
    if owned is None:
        return None
    return owned[0].title or "Untitled activity"


def post_name(state: PlannerState, entry: PostItem) -> str:
    """The post in words: "the Instagram post of 'Winter glaze sale'", or, outside the plan,
    "the Instagram post 'Cozy up with our…'" (its caption's first words)."""
    kind = "story" if entry.is_story else "post"
    network = channel_label(entry.channel.name)
    title = post_title(state, entry)
    if title is not None:
        return f"the {network} {kind} of '{title}'"
    excerpt = caption_excerpt(entry.text)
    return f"the {network} {kind} '{excerpt}'" if excerpt else f"the {network} {kind}"


def delete_question(state: PlannerState, entries: Sequence[PostItem], tz: Any) -> tuple[str, str]:
    """The confirmation's title and body for deleting ``entries``: what goes for good.

    One post is named ("Delete the Instagram post of 'Winter glaze sale'?"); several are
    counted, and the first few named in the body. A scheduled post says when it would have
    gone out.
    """
    if len(entries) == 1:
        entry = entries[0]
        name = post_name(state, entry)
        body = "Its caption and image go for good."
        when = entry.scheduled_date
        if entry.status == ItemStatus.SCHEDULED and when is not None:
            local = when.astimezone(tz)
            body = f"It will not go out on {day_text(local)} at {local:%H:%M}. " + body
        return f"Delete {name}?", body
    drafts = all(entry.status == ItemStatus.DRAFT for entry in entries)
    noun = "drafts" if drafts else "posts"
    names = [post_name(state, entry) for entry in entries[:NAMES_LISTED]]
    more = len(entries) - len(names)
    listed = "; ".join(names) + (f"; and {more} more" if more else "")
    scheduled = sum(1 for entry in entries if entry.status == ItemStatus.SCHEDULED)
    going = f" {scheduled} of them will not go out as scheduled." if scheduled else ""
    body = f"Their captions and images go for good: {listed}.{going}"
    return f"Delete {len(entries)} {noun}?", body


def edit_caption(app: App[Any], entry: PostItem) -> None:
    """Open the caption editor over the current screen for ``entry`` (a DRAFT or SCHEDULED
    post; anything else gets a sentence instead)."""
    state = planner_host(app).state
    if entry.status not in EDITABLE:
        app.notify(
            f"Only a draft or scheduled post's caption can change; this one is "
            f"{entry.status.value.lower()}.",
            severity="warning",
        )
        return
    if entry.text_path is None:
        app.notify("This post carries no caption this app knows how to edit.", severity="warning")
        return
    from tui_planner.ui.screens.caption_editor import CaptionEditor

    app.push_screen(CaptionEditor(entry, name=post_name(state, entry)))


async def delete_with_confirmation(app: App[Any], item_ids: Sequence[str]) -> int:
    """Ask, naming what goes, then delete the posts one by one; returns how many went.

    Only DRAFT and SCHEDULED posts are asked about (the others are left out with a
    sentence). One notification sums up: "Deleted 3 drafts", or how many could not be
    deleted and the first reason.
    """
    from tui_planner.sync.commands import DeleteItem
    from tui_planner.ui.dialogs.confirm import ConfirmDialog

    host = planner_host(app)
    state = host.state
    found = [entry for key in item_ids if (entry := find_post(state, key)) is not None]
    entries = [entry for entry in found if entry.status in EDITABLE]
    if not entries:
        app.notify(
            "Only draft and scheduled posts can be deleted; posts going out or gone out stay.",
            severity="warning",
        )
        return 0
    title, body = delete_question(state, entries, host.clock.tz)
    left_out = len(found) - len(entries)
    if left_out:
        body += f" {left_out} other chosen {'post is' if left_out == 1 else 'posts are'} "
        body += "no longer a draft or scheduled and stays."
    if not await app.push_screen_wait(ConfirmDialog(title, body, "Delete")):
        return 0
    deleted = 0
    first_failure: str | None = None
    for entry in entries:
        outcome = await host.execute(DeleteItem(entry.id))
        if outcome.ok:
            deleted += 1
        elif first_failure is None:
            first_failure = outcome.message
    asked = len(entries)
    if first_failure is None:
        app.notify("Deleted the post." if asked == 1 else f"Deleted {deleted} posts.")
    elif asked == 1:
        app.notify(first_failure, title="Not deleted", severity="error", timeout=10)
    else:
        words = f"Deleted {deleted} of {asked} posts. {first_failure}"
        app.notify(words, title="Not all deleted", severity="error", timeout=10)
    return deleted


def copy_caption(app: App[Any], post: PostItem) -> None:
    """Put ``post``'s caption on the clipboard: through the terminal (OSC 52) and, since many
    terminals ignore that without a word, with the system's clipboard tool as well (in a
    thread); the notice says which took it."""
    text, label = post.text, channel_label(post.channel.name)
    app.copy_to_clipboard(text)

    def with_tool() -> None:
        from tui_planner.clipboard import copy_with_tool

        tool = copy_with_tool(text)
        if tool is not None:
            message = f"Copied the {label} caption (terminal clipboard and {tool})."
        else:
            message = (
                f"Copied the {label} caption to the terminal's clipboard (OSC 52). If it does "
                "not paste, your terminal ignores that: install wl-copy, xclip or xsel."
            )
        app.call_from_thread(app.notify, message, timeout=5)

    from tui_planner.ui.workers import WorkerGroup

    app.run_worker(
        with_tool,
        thread=True,
        group=WorkerGroup.CLIPBOARD,
        exit_on_error=False,
        description="Copy the caption",
    )
