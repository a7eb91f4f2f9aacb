"""Telling the user about posts that went out while the app watched.

The store lists the posts it saw turn FAILED or PUBLISHED (``site_posts.unseen_failed`` /
``unseen_published``). A failure is news that must not slip by: a toast names the post and
the network's reason and stays until it is dismissed, and the status bar counts the
failures until the Posts section is opened. A post that went out is a quiet toast, seen as
soon as it is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui_planner.store import reducers
from tui_planner.ui.planner_screen import planner_host
from tui_planner.ui.post_actions import find_post, post_name

if TYPE_CHECKING:
    from textual.app import App

    from tui_planner.store.state import PlannerState

__all__ = [
    "FAILED_SEEN_TIMEOUT",
    "FAILED_TIMEOUT",
    "FAILED_TITLES",
    "PostNews",
    "withdraw_failures",
]

FAILED_TIMEOUT = 24 * 3600.0
"""Seconds a failure's toast stays: until it is dismissed (clicked), in practice."""

FAILED_SEEN_TIMEOUT = 8.0
"""Seconds a failure's toast stays when the Posts section, which lists it, is on show."""

FAILED_TITLES = ("Post failed", "Posts failed")
"""The failure toasts' titles, by which they are found again to take them away."""

PUBLISHED_TIMEOUT = 4.0
"""Seconds a published post's toast stays."""

TOASTS_AT_ONCE = 3
"""Failures named in toasts of their own before the rest share one."""


class PostNews:
    """Turns each snapshot's unseen posts into notifications, each post once."""

    def __init__(self) -> None:
        self._told: set[str] = set()

    def tell(self, app: App[Any], state: PlannerState, *, listed: bool = False) -> None:
        """Notify about the posts in ``state`` not yet told of; mark published ones seen.

        ``listed``: the Posts section is on show, so a failure's toast need not stay.
        """
        posts = state.site_posts
        failed = sorted(posts.unseen_failed - self._told)
        if failed:
            self._told.update(failed)
            timeout = FAILED_SEEN_TIMEOUT if listed else FAILED_TIMEOUT
            self._tell_failed(app, state, failed, timeout)
        if posts.unseen_published:
            self._tell_published(app, state, sorted(posts.unseen_published))
            planner_host(app).store.dispatch(reducers.acknowledge_posts, posts.unseen_published)

    def _tell_failed(
        self, app: App[Any], state: PlannerState, item_ids: list[str], timeout: float
    ) -> None:
        named = item_ids if len(item_ids) <= TOASTS_AT_ONCE else item_ids[: TOASTS_AT_ONCE - 1]
        for item_id in named:
            entry = find_post(state, item_id)
            if entry is None:
                continue
            error = entry.publication_error
            reason = error.sentence if error is not None else "the network gave no reason"
            name = post_name(state, entry)
            app.notify(
                f"{name[:1].upper()}{name[1:]} did not go out: {reason}.",
                title=FAILED_TITLES[0],
                severity="error",
                timeout=timeout,
            )
        rest = len(item_ids) - len(named)
        if rest:
            app.notify(
                f"{rest} more posts did not go out. The Posts section lists each with its reason.",
                title=FAILED_TITLES[1],
                severity="error",
                timeout=timeout,
            )

    def _tell_published(self, app: App[Any], state: PlannerState, item_ids: list[str]) -> None:
        if len(item_ids) == 1:
            entry = find_post(state, item_ids[0])
            if entry is None:
                return
            name = post_name(state, entry)
            message = f"{name[:1].upper()}{name[1:]} went out."
        else:
            message = f"{len(item_ids)} posts went out."
        app.notify(message, title="Published", timeout=PUBLISHED_TIMEOUT)


def withdraw_failures(app: App[Any]) -> None:
    """Take away the failure toasts still showing: the Posts section lists each failure."""
    # Textual offers no public way to withdraw one notification (only all of them).
    for notice in list(app._notifications):
        if notice.title in FAILED_TITLES:
            app._unnotify(notice)
