"""``PostsScreen`` (mode ``posts``): every post of the site, and how each one went.

After scheduling, this is where a marketer sees what went out, what failed and why, and how
the published ones did: every post Query Items returns (the plan's, those made on the
dashboard, those imported from the networks, marked), grouped Scheduled · Processing ·
Published · Failed (then drafts and canceled ones), newest first, filtered by network,
status and days. ``o`` or ``enter`` opens a published post where it lives; ``e`` and ``d``
edit the caption of, or delete, a draft or scheduled post. Opening the section marks the
failed posts as seen (the status bar stops counting them).

The newest posts are read (the sync engine's cap); when the site has more, the list's last
line says so, and moving down past the last post reads the next batch.
"""

from __future__ import annotations

import contextlib
from datetime import tzinfo
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.binding import Binding, BindingType

from tui_planner.store import reducers
from tui_planner.ui.planner_screen import PlannerScreen
from tui_planner.ui.post_actions import (
    EDITABLE,
    copy_caption,
    delete_with_confirmation,
    edit_caption,
)
from tui_planner.ui.post_news import withdraw_failures
from tui_planner.ui.widgets.filter_bar import FilterBar
from tui_planner.ui.widgets.post_detail import PostDetail
from tui_planner.ui.widgets.post_list import PostList
from tui_planner.ui.widgets.post_sections import (
    PostGroup,
    PostsFilter,
    post_sections,
    shown_post,
)
from tui_planner.ui.workers import WorkerGroup

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui_planner.store.search import SearchIndex
    from tui_planner.store.state import PlannerState
    from tui_planner.ui.search import MatchPosition
    from tui_planner.ui.widgets.post_sections import PostSection, ShownPost

__all__ = ["BIG_LIST", "PostsScreen"]

BIG_LIST = 500
"""Posts above which the list is made in a thread, off the UI's loop."""

_ListKey = tuple[object, object, PostsFilter, tzinfo]
"""What a list of posts is made from: the site's posts, the plan, the filter, the zone."""


class PostsScreen(PlannerScreen[None]):
    """Every post of the site by group, with the one under the cursor in full below."""

    CSS_PATH = "posts.tcss"
    TITLE = "Posts"
    # Below 30 rows the list keeps more of them (see posts.tcss).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "open_live", "Open live post", id="posts.open"),
        Binding("e", "edit_caption", "Edit caption", id="posts.edit"),
        Binding("d,delete", "delete_post", "Delete", id="posts.delete"),
        Binding("c", "copy_caption", "Copy caption", id="posts.copy"),
        Binding("f", "filter", "Filter", id="posts.filter"),
        Binding("F", "clear_filters", "Clear filters", id="posts.clear_filters"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter = PostsFilter()
        """Which posts are listed."""
        self._wanted: _ListKey | None = None
        self._arranged: _ListKey | None = None
        self._sections: tuple[PostSection, ...] = ()
        self._asked_for_more = False
        self._filter_shown: tuple[PostsFilter, str, str] | None = None

    def compose_body(self) -> ComposeResult:
        yield FilterBar(id="posts-filters")
        yield PostList(id="posts-list")
        yield PostDetail(id="posts-detail")

    def on_mount(self) -> None:
        self.query_one(PostList).focus()

    def on_screen_resume(self) -> None:
        # Every failure is listed here with its reason: its toast has said what it had to.
        withdraw_failures(self.app)

    @property
    def post_list(self) -> PostList:
        """The list of posts."""
        return self.query_one("#posts-list", PostList)

    @property
    def highlighted(self) -> ShownPost | None:
        """The post under the cursor."""
        return self.post_list.highlighted

    # -- drawing -------------------------------------------------------------------------------

    def state_changed(self, state: PlannerState) -> None:
        self._show(state)
        if state.site_posts.unseen_failed:
            # The section is on show: the failures listed here are seen.
            self.host.store.dispatch(reducers.acknowledge_posts, state.site_posts.unseen_failed)

    def _show(self, state: PlannerState) -> None:
        tz = self.host.clock.tz
        key = (state.site_posts.items, state.activities, self.filter, tz)
        wanted = self._wanted
        if wanted is None or any(a is not b for a, b in zip(wanted, key, strict=True)):
            self._wanted = key
            if len(state.site_posts.items) > BIG_LIST:
                # Two thousand posts take a while to group and sort: a thread does it, and
                # the list on show stays until the new one is ready.
                self._arrange_in_thread(state, key)
                return
            self._sections = post_sections(state, self.filter, tz)
            self._arranged = key
        self._draw(state)

    @work(
        thread=True,
        group=WorkerGroup.POSTS_LIST,
        exclusive=True,
        exit_on_error=False,
        description="Lists the site's posts",
    )
    def _arrange_in_thread(self, state: PlannerState, key: _ListKey) -> None:
        sections = post_sections(state, key[2], key[3])
        with contextlib.suppress(RuntimeError):  # the app closed meanwhile
            self.app.call_from_thread(self._take_sections, state, key, sections)

    def _take_sections(
        self, state: PlannerState, key: _ListKey, sections: tuple[PostSection, ...]
    ) -> None:
        if key is not self._wanted or not self.is_attached:
            return  # a newer snapshot or filter is being listed
        self._sections, self._arranged = sections, key
        self._draw(state)

    @property
    def listing(self) -> bool:
        """Whether a newer list of posts is being made (the one on show is older)."""
        return self._wanted is not self._arranged

    def _draw(self, state: PlannerState) -> None:
        tz = self.host.clock.tz
        posts = state.site_posts
        more = not posts.complete and posts.read_at is not None
        if not more:
            self._asked_for_more = False
        self.post_list.show(
            self._sections,
            describe=partial(shown_post, state),
            tz=tz,
            year=self.host.clock.today().year,
            note=self._note(state, more),
            more=more and not self._asked_for_more,
        )
        self._show_filter()
        self._describe()

    def _note(self, state: PlannerState, more: bool) -> str | None:
        posts = state.site_posts
        if not more:
            return None
        count = len(posts.items)
        if self._asked_for_more:
            return f"The newest {count:,} posts are here; reading older ones…"
        return f"The newest {count:,} posts are here; move down past the last to read older ones."

    def _show_filter(self) -> None:
        shown = (self.filter, self.key_for("posts.filter"), self.key_for("posts.clear_filters"))
        if shown != self._filter_shown:
            # Only on a change: the bar's new words lay the screen out again.
            self._filter_shown = shown
            self.query_one(FilterBar).show(*shown)

    def _describe(self) -> None:
        shown = sum(len(section.posts) for section in self._sections)
        failed = next((s for s in self._sections if s.group == PostGroup.FAILED), None)
        self.sub_title = f"{shown:,} posts" + (f" · {len(failed.posts)} failed" if failed else "")
        self.query_one(PostDetail).show(
            self.highlighted,
            self.host.clock.tz,
            open_key=self.key_for("posts.open"),
            empty=self._empty_text(self.state, shown),
        )

    def _empty_text(self, state: PlannerState, shown: int) -> str:
        if shown:
            return ""
        if self.listing:
            return "Listing the posts…"
        if not state.loaded:
            return "Loading the posts…"
        if state.site_posts.read_at is None:
            return "Reading the site's posts…"
        if self.filter.active:
            clear = self.key_for("posts.clear_filters")
            return f"No posts match these filters. Press {clear} to clear them."
        return "This site has no posts yet. Schedule drafts from the Drafts section."

    @on(PostList.Highlighted, "#posts-list")
    def _cursor_moved(self, event: PostList.Highlighted) -> None:
        event.stop()
        self._describe()
        self.refresh_bindings()

    @on(PostList.MoreWanted, "#posts-list")
    def _more_wanted(self, event: PostList.MoreWanted) -> None:
        event.stop()
        if self._asked_for_more:
            return
        if not self.host.session.read_more_posts():
            self.notify("Every post of the site is already here.", timeout=3)
            return
        self._asked_for_more = True
        self._show(self.state)

    # -- keys ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        post = self.highlighted
        match action:
            case "edit_caption" | "delete_post":
                # Never offered for a post going out or gone: the Publisher refuses.
                return post is not None and post.entry.status in EDITABLE
            case "open_live":
                return post is not None and bool(post.entry.external_item_url)
            case "copy_caption":
                return post is not None
            case "clear_filters":
                return self.filter.active
            case _:
                return True

    @on(PostList.Chosen, "#posts-list")
    def _chosen(self, event: PostList.Chosen) -> None:
        """``enter``: a live post opens where it lives; a plan post opens in the preview."""
        event.stop()
        post = self.highlighted
        if post is None:
            return
        if post.entry.external_item_url:
            self.action_open_live()
            return
        from tui_planner.store.selectors import item
        from tui_planner.ui.screens.post_preview import PostPreviewScreen

        owned = item(self.state, post.key)
        if owned is not None:
            self.app.push_screen(PostPreviewScreen(owned[0].id, post.entry.channel.name))
            return
        self.notify("This post is not in the plan, and has no live link yet.", severity="warning")

    def action_open_live(self) -> None:
        """Open the published post on its network, in the browser."""
        post = self.highlighted
        url = post.entry.external_item_url if post is not None else None
        if not url:
            return
        self.app.open_url(url)
        self.notify(f"Opening {url}", timeout=3)

    def action_edit_caption(self) -> None:
        """Edit the caption of the draft or scheduled post under the cursor."""
        post = self.highlighted
        if post is not None:
            edit_caption(self.app, post.entry)

    @work(
        group=WorkerGroup.DIALOGS, exclusive=True, exit_on_error=False, description="Delete a post"
    )
    async def action_delete_post(self) -> None:
        """Delete the draft or scheduled post under the cursor, after a question."""
        post = self.highlighted
        if post is not None:
            await delete_with_confirmation(self.app, [post.key])

    def action_copy_caption(self) -> None:
        """Put the caption of the post under the cursor on the clipboard."""
        post = self.highlighted
        if post is None:
            return
        copy_caption(self.app, post.entry)

    @work(
        group=WorkerGroup.DIALOGS,
        exclusive=True,
        exit_on_error=False,
        description="Filter the posts",
    )
    async def action_filter(self) -> None:
        """Choose the network, status and days to list."""
        from tui_planner.ui.screens.posts_filter import PostsFilterDialog

        chosen = await self.app.push_screen_wait(
            PostsFilterDialog(self.filter, self.host.clock.today())
        )
        if chosen is not None:
            self.set_filter(chosen)

    def action_clear_filters(self) -> None:
        """List every post again."""
        self.set_filter(PostsFilter())

    def set_filter(self, chosen: PostsFilter) -> None:
        """List the posts ``chosen`` lets through."""
        self.filter = chosen
        self._show(self.state)
        self.refresh_bindings()

    # -- search ----------------------------------------------------------------------------

    def step_to_match(self, index: SearchIndex, query: str, step: int) -> MatchPosition | None:
        """Move to the next (or previous) listed post whose caption matches ``query``.

        The site's posts are read here, not the plan's index: a post made on the dashboard
        or imported from a network is listed too, and its caption counts.
        """
        from tui_planner.store.search import fold
        from tui_planner.ui.search import pick_match

        del index  # the plan's index knows only the plan's posts
        wanted = fold(query)
        listed = [entry for section in self._sections for entry in section.posts]
        matched = [n for n, entry in enumerate(listed) if wanted in fold(entry.text)]
        if not matched:
            return None
        current = self.highlighted
        keys = [entry.id for entry in listed]
        here = keys.index(current.key) if current is not None and current.key in keys else -0.5
        row, where = pick_match(matched, here, step)
        self.post_list.move_to_key(keys[row])
        self.post_list.focus()
        return where
