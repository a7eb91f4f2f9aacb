"""``PostPreviewScreen``: one activity's posts, a channel at a time.

The image, the caption measured against the network's limits, the post's status, when it
goes live and whether its channel is connected. The lifecycle actions offered are exactly
the ones the Publisher allows for the status on show: schedule a DRAFT, reschedule or cancel
a SCHEDULED post; once a post is publishing or published the screen says nothing can change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive

from tui_planner.api.models import ChannelName, ItemStatus, PostItem
from tui_planner.day_words import day_text
from tui_planner.store.search import SearchKind
from tui_planner.sync.commands import CancelItem, RescheduleItem
from tui_planner.ui.dialogs.confirm import ConfirmDialog
from tui_planner.ui.icons import channel_label
from tui_planner.ui.planner_screen import PlannerScreen
from tui_planner.ui.post_actions import (
    EDITABLE,
    copy_caption,
    delete_with_confirmation,
    edit_caption,
)
from tui_planner.ui.screens.reschedule import RescheduleScreen
from tui_planner.ui.screens.schedule_confirm import schedule_with_confirmation
from tui_planner.ui.widgets.caption_view import CaptionView
from tui_planner.ui.widgets.channel_strip import ChannelStrip
from tui_planner.ui.widgets.note import Note
from tui_planner.ui.widgets.post_facts import (
    ActivityLine,
    LifecycleNote,
    PostMeta,
    ShownPost,
)
from tui_planner.ui.widgets.post_image import PostImage
from tui_planner.ui.workers import WorkerGroup

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui_planner.api.models import PlanMarketingActivity
    from tui_planner.store.search import SearchIndex
    from tui_planner.store.state import PlannerState
    from tui_planner.ui.search import MatchPosition

__all__ = ["PostPreviewScreen"]


class PostPreviewScreen(PlannerScreen[None]):
    """The posts of activity ``activity_id``, opening on the post ``item_id`` or the one
    for ``channel`` when given."""

    CSS_PATH = "post_preview.tcss"
    TITLE = "Post preview"
    # Below 100 columns the picture narrows so the caption keeps a readable width.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="preview.back"),
        Binding("tab", "next_channel(1)", "Next channel", priority=True, id="preview.next"),
        Binding(
            "shift+tab",
            "next_channel(-1)",
            "Previous",
            show=False,
            priority=True,
            id="preview.previous",
        ),
        *(
            Binding(str(n), f"show_channel({n - 1})", show=False, id=f"preview.channel_{n}")
            for n in range(1, 10)
        ),
        Binding("c", "copy_caption", "Copy caption", id="preview.copy"),
        Binding("s", "schedule", "Schedule", id="preview.schedule"),
        Binding("r", "reschedule", "Reschedule", id="preview.reschedule"),
        Binding("x", "cancel_post", "Cancel post", id="preview.cancel"),
        Binding("e", "edit_caption", "Edit caption", id="preview.edit"),
        Binding("d,delete", "delete_post", "Delete", id="preview.delete"),
    ]

    activity: reactive[PlanMarketingActivity | None] = reactive(None, init=False)
    """The activity, while the plan has it."""
    posts: reactive[tuple[PostItem, ...]] = reactive((), init=False)
    """Its posts, one chip each in the channel strip."""
    current: reactive[str | None] = reactive(None, init=False)
    """The id of the post on show."""
    shown: reactive[ShownPost | None] = reactive(None, init=False)
    """The post on show and what the preview says about it."""
    missing: reactive[str] = reactive("", init=False)
    """Why there is no post to show ("" while there is one)."""

    def __init__(
        self,
        activity_id: str,
        channel: ChannelName | None = None,
        *,
        item_id: str | None = None,
    ) -> None:
        super().__init__()
        self.activity_id = activity_id
        """The activity whose posts are shown."""
        self._wanted_channel = channel
        self._wanted_item = item_id

    def compose_body(self) -> ComposeResult:
        tz = self.host.clock.tz
        with Vertical(id="preview"):
            yield ActivityLine(tz, id="preview-activity").data_bind(PostPreviewScreen.activity)
            yield ChannelStrip(id="preview-channels").data_bind(
                PostPreviewScreen.posts, PostPreviewScreen.current
            )
            with Horizontal(id="preview-body"):
                picture = PostImage(id="preview-image")
                picture.border_title = "Image"
                yield picture
                with VerticalScroll(id="preview-side"):
                    yield PostMeta(tz, id="preview-meta").data_bind(PostPreviewScreen.shown)
                    yield LifecycleNote(id="preview-lifecycle").data_bind(PostPreviewScreen.shown)
                    caption = CaptionView(ChannelName.INSTAGRAM, "", id="preview-caption")
                    caption.border_title = "Caption"
                    yield caption
            yield Note(id="preview-missing").data_bind(text=PostPreviewScreen.missing)

    # -- what is shown ---------------------------------------------------------------------

    @property
    def post(self) -> PostItem | None:
        """The post on show."""
        owner = self.activity
        if owner is None or self.current is None:
            return None
        return next((entry for entry in owner.posts if entry.id == self.current), None)

    def state_changed(self, state: PlannerState) -> None:
        owner = state.activities.get(self.activity_id)
        self.activity = owner
        self.sub_title = "" if owner is None else owner.title or "Untitled activity"
        if owner is None or not owner.posts:
            self.missing = self._missing_text(state, owner)
            self.posts, self.current = (), None
            self.refresh_bindings()
            return
        self.missing = ""
        if not any(entry.id == self.current for entry in owner.posts):
            self.current = self._initial(owner.posts)
        self.posts = owner.posts
        self._show_post()

    def watch_missing(self, missing: str) -> None:
        # The channel strip and the post give way to the sentence saying why there is none.
        self.set_class(bool(missing), "-missing")

    def _missing_text(self, state: PlannerState, owner: PlanMarketingActivity | None) -> str:
        if not state.plan_loaded:
            return "Loading the plan…"
        if owner is None:
            return "This activity is no longer in the plan. Press escape to go back."
        if owner.id in state.posts_generating:
            return "Posts are being generated for this activity…"
        return "This activity has no posts yet."

    def _initial(self, posts: tuple[PostItem, ...]) -> str:
        if any(entry.id == self._wanted_item for entry in posts):
            return self._wanted_item or posts[0].id
        wanted = self._wanted_channel
        chosen = next((e for e in posts if wanted is not None and e.channel.name == wanted), None)
        return (chosen or posts[0]).id

    def _show_post(self) -> None:
        entry = self.post
        if entry is None:
            return
        self.query_one("#preview-image", PostImage).url = entry.image
        self.shown = ShownPost.of(self.state, self.activity, entry, self.host.clock.now())
        self.query_one("#preview-caption", CaptionView).show(entry.channel.name, entry.text)
        self.refresh_bindings()

    # -- keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        entry = self.post
        status = entry.status if entry is not None else None
        match action:
            case "schedule":
                return status == ItemStatus.DRAFT
            case "reschedule" | "cancel_post":
                return status == ItemStatus.SCHEDULED
            case "edit_caption" | "delete_post":
                # Never offered once a post is going out or gone (the Publisher refuses).
                return status in EDITABLE
            case "copy_caption" | "next_channel" | "show_channel":
                return entry is not None
            case _:
                return True

    def action_back(self) -> None:
        """Return to the screen underneath."""
        self.dismiss(None)

    @property
    def _item_ids(self) -> list[str]:
        return [entry.id for entry in self.posts]

    def action_next_channel(self, step: int) -> None:
        """Show the next (or previous) channel's post."""
        ids = self._item_ids
        if ids and self.current in ids:
            self.action_show_channel((ids.index(self.current) + step) % len(ids))

    def action_show_channel(self, position: int) -> None:
        """Show the post in position ``position`` (0-based) of the channel strip."""
        ids = self._item_ids
        if self.activity is None or not 0 <= position < len(ids):
            return
        self.current = ids[position]
        self._show_post()

    def step_to_match(self, index: SearchIndex, query: str, step: int) -> MatchPosition | None:
        """Show this activity's next (or previous) post whose caption matches ``query``."""
        from tui_planner.ui.search import pick_match

        wanted = set(index.matching(query, SearchKind.POST))
        ids = self._item_ids
        matched = [n for n, key in enumerate(ids) if key in wanted]
        if not matched:
            return None
        here = ids.index(self.current) if self.current in ids else -0.5
        row, where = pick_match(matched, here, step)
        self.action_show_channel(row)
        return where

    def action_copy_caption(self) -> None:
        """Put the caption on the clipboard (:func:`~tui_planner.ui.post_actions.copy_caption`)."""
        if self.post is not None:
            copy_caption(self.app, self.post)

    def action_schedule(self) -> None:
        """Schedule this draft, through the same confirmation as the drafts screen."""
        entry = self.post
        if entry is None or entry.status != ItemStatus.DRAFT:
            return
        self.run_worker(
            schedule_with_confirmation(self, [entry.id]),
            name="schedule draft",
            group=WorkerGroup.SCHEDULING,
            description="Schedule the draft",
            exclusive=True,
            exit_on_error=False,
        )

    @work(
        group=WorkerGroup.DIALOGS,
        exclusive=True,
        exit_on_error=False,
        description="Reschedule a post",
    )
    async def action_reschedule(self) -> None:
        """Pick a new time for this scheduled post."""
        entry = self.post
        if entry is None or entry.status != ItemStatus.SCHEDULED:
            return
        what = f"the {channel_label(entry.channel.name)} post"
        when = await self.app.push_screen_wait(
            RescheduleScreen(entry.scheduled_date, self.host.clock, what=what)
        )
        if when is not None:
            self.host.submit(RescheduleItem(entry.id, when))

    @work(
        group=WorkerGroup.DIALOGS, exclusive=True, exit_on_error=False, description="Cancel a post"
    )
    async def action_cancel_post(self) -> None:
        """Cancel this scheduled post, after asking."""
        entry = self.post
        if entry is None or entry.status != ItemStatus.SCHEDULED:
            return
        label = channel_label(entry.channel.name)
        when = entry.scheduled_date
        local = when.astimezone(self.host.clock.tz) if when else None
        at = f" on {day_text(local)} at {local:%H:%M}" if local else ""
        body = (
            f"The {label} post will not go out{at}. A canceled post cannot be scheduled "
            "again from here."
        )
        confirmed = await self.app.push_screen_wait(
            ConfirmDialog("Cancel the scheduled post?", body, "Cancel post", cancel_label="Keep it")
        )
        if confirmed:
            self.host.submit(CancelItem(entry.id))

    def action_edit_caption(self) -> None:
        """Open the caption editor for this draft or scheduled post."""
        entry = self.post
        if entry is not None:
            edit_caption(self.app, entry)

    @work(
        group=WorkerGroup.DIALOGS, exclusive=True, exit_on_error=False, description="Delete a post"
    )
    async def action_delete_post(self) -> None:
        """Delete this draft or scheduled post, after a question naming what goes."""
        entry = self.post
        if entry is not None:
            await delete_with_confirmation(self.app, [entry.id])
