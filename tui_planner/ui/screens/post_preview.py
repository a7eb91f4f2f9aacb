"""``PostPreviewScreen``: one activity's posts, a channel at a time.

The image, the caption measured against the network's limits, the post's status, when it
goes live and whether its channel is connected. The lifecycle actions offered are exactly
the ones the Publisher allows for the status on show: schedule a DRAFT, reschedule or cancel
a SCHEDULED post; once a post is publishing or published the screen says nothing can change.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual import work
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui_planner.api.models import ChannelName, ItemStatus, PostItem
from tui_planner.day_words import day_text
from tui_planner.store.scheduling import plan_schedule
from tui_planner.store.search import SearchKind
from tui_planner.sync.commands import CancelItem, RescheduleItem
from tui_planner.ui.dialogs.confirm import ConfirmDialog
from tui_planner.ui.icons import STATUS_STYLES, channel_label, channel_short, status_icon
from tui_planner.ui.planner_screen import PlannerScreen
from tui_planner.ui.post_actions import EDITABLE, delete_with_confirmation, edit_caption
from tui_planner.ui.screens.reschedule import RescheduleScreen
from tui_planner.ui.screens.schedule_confirm import schedule_with_confirmation
from tui_planner.ui.widgets.caption_view import CaptionView
from tui_planner.ui.widgets.post_image import PostImage
from tui_planner.ui.workers import WorkerGroup

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui_planner.api.models import PlanMarketingActivity
    from tui_planner.store.search import SearchIndex
    from tui_planner.store.state import PlannerState
    from tui_planner.ui.search import MatchPosition

__all__ = ["PostPreviewScreen", "lifecycle_text"]

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


def _strip_cells(labels: list[str]) -> int:
    """Cells the channel strip takes with ``labels``: `` n label `` chips one space apart."""
    chips = [
        f" {number} {label} " if number <= 9 else f" {label} "
        for number, label in enumerate(labels, start=1)
    ]
    return sum(cell_len(chip) for chip in chips) + max(0, len(chips) - 1)


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
        self._item_ids: tuple[str, ...] = ()
        self._current: str | None = None

    def compose_body(self) -> ComposeResult:
        with Vertical(id="preview"):
            yield Static(id="preview-activity", markup=False)
            yield Static(id="preview-channels")
            with Horizontal(id="preview-body"):
                picture = PostImage(id="preview-image")
                picture.border_title = "Image"
                yield picture
                with VerticalScroll(id="preview-side"):
                    yield Static(id="preview-meta")
                    yield Static(id="preview-lifecycle", markup=False)
                    caption = CaptionView(ChannelName.INSTAGRAM, "", id="preview-caption")
                    caption.border_title = "Caption"
                    yield caption
            yield Static(id="preview-missing", markup=False)

    # -- what is shown ---------------------------------------------------------------------

    @property
    def activity(self) -> PlanMarketingActivity | None:
        """The activity, if the plan still has it."""
        return self.state.activities.get(self.activity_id)

    @property
    def post(self) -> PostItem | None:
        """The post on show."""
        owner = self.activity
        if owner is None or self._current is None:
            return None
        return next((entry for entry in owner.posts if entry.id == self._current), None)

    def state_changed(self, state: PlannerState) -> None:
        owner = state.activities.get(self.activity_id)
        missing = self.query_one("#preview-missing", Static)
        body = self.query_one("#preview-body")
        if owner is None or not owner.posts:
            missing.update(self._missing_text(state, owner))
            missing.display = True
            body.display = False
            self.query_one("#preview-channels", Static).display = False
            self._item_ids = ()
            self._current = None
            self._describe_activity(owner)
            self.refresh_bindings()
            return
        missing.display = False
        body.display = True
        self.query_one("#preview-channels", Static).display = True
        self._describe_activity(owner)
        self._sync_tabs(owner.posts)
        self._show_post()

    def _missing_text(self, state: PlannerState, owner: PlanMarketingActivity | None) -> str:
        if not state.loaded:
            return "Loading the plan…"
        if owner is None:
            return "This activity is no longer in the plan. Press escape to go back."
        if owner.id in state.posts_generating:
            return "Posts are being generated for this activity…"
        return "This activity has no posts yet."

    def _describe_activity(self, owner: PlanMarketingActivity | None) -> None:
        line = self.query_one("#preview-activity", Static)
        if owner is None:
            line.update("")
            self.sub_title = ""
            return
        when = owner.date.astimezone(self.host.clock.tz)
        title = owner.title or "Untitled activity"
        line.update(f"{title}  ·  {day_text(when, long=True, year=True)}, {when:%H:%M}")
        self.sub_title = title

    def _sync_tabs(self, posts: tuple[PostItem, ...]) -> None:
        ids = tuple(entry.id for entry in posts)
        if ids != self._item_ids:
            self._item_ids = ids
            if self._current not in ids:
                self._current = self._initial(posts)
        self._draw_strip(posts)

    def _initial(self, posts: tuple[PostItem, ...]) -> str:
        if any(entry.id == self._wanted_item for entry in posts):
            return self._wanted_item or posts[0].id
        wanted = self._wanted_channel
        chosen = next((e for e in posts if wanted is not None and e.channel.name == wanted), None)
        return (chosen or posts[0]).id

    def _draw_strip(self, posts: tuple[PostItem, ...]) -> None:
        """One chip per post: ``1 Instagram`` and so on, the one on show highlighted.

        The strip stays on one line: when the full names do not fit, the other chips take
        their short names (``3 LI``) and the one on show keeps its full name.
        """
        strip = self.query_one("#preview-channels", Static)
        room = strip.content_size.width or self.app.size.width - 2
        full = [channel_label(entry.channel.name) for entry in posts]
        short = [channel_short(entry.channel.name) for entry in posts]
        current = [entry.id == self._current for entry in posts]
        mixed = [
            name if shown else brief
            for name, brief, shown in zip(full, short, current, strict=True)
        ]
        labels = next(
            (names for names in (full, mixed) if _strip_cells(names) <= room),
            short,
        )
        chips: list[Content] = []
        for number, (label, shown) in enumerate(zip(labels, current, strict=True), start=1):
            text = f" {number} {label} " if number <= 9 else f" {label} "
            style = "bold reverse $accent" if shown else "$text-muted"
            chips.append(Content.styled(text, style))
        strip.update(Content(" ").join(chips))

    def on_resize(self) -> None:
        owner = self.activity
        if owner is not None and owner.posts:
            self._draw_strip(owner.posts)

    def _show_post(self) -> None:
        entry = self.post
        if entry is None:
            return
        state = self.state
        channel = entry.channel.name
        self.query_one("#preview-image", PostImage).url = entry.image
        self.query_one("#preview-meta", Static).update(self._meta(state, entry))
        self.query_one("#preview-lifecycle", Static).update(
            lifecycle_text(state, entry, self.host.clock.now())
        )
        lifecycle = self.query_one("#preview-lifecycle", Static)
        lifecycle.set_class(entry.status in FINAL_STATUSES, "-final")
        self.query_one("#preview-caption", CaptionView).show(channel, entry.text)
        self.refresh_bindings()

    def _meta(self, state: PlannerState, entry: PostItem) -> Content:
        tz = self.host.clock.tz
        connected = state.is_connected(entry.channel.name)
        status_style = STATUS_STYLES.get(entry.status, "") or "$text"
        when = entry.scheduled_date
        owner = self.activity
        if when is not None:
            timing = ("Goes live  ", _day_and_time(when.astimezone(tz)))
        elif owner is not None:
            timing = ("Activity date  ", _day_and_time(owner.date.astimezone(tz)))
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
                ("● connected", "$success") if connected else ("○ not connected", "$warning"),
            ),
            Content.assemble((timing[0].ljust(12), "bold"), timing[1]),
        ]
        if entry.external_item_url:
            rows.append(Content.assemble(("Live at     ", "bold"), entry.external_item_url))
        return Content("\n").join(rows)

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

    def action_next_channel(self, step: int) -> None:
        """Show the next (or previous) channel's post."""
        if self._item_ids and self._current in self._item_ids:
            position = self._item_ids.index(self._current)
            self.action_show_channel((position + step) % len(self._item_ids))

    def action_show_channel(self, position: int) -> None:
        """Show the post in position ``position`` (0-based) of the channel strip."""
        owner = self.activity
        if owner is None or not 0 <= position < len(self._item_ids):
            return
        self._current = self._item_ids[position]
        self._draw_strip(owner.posts)
        self._show_post()

    def step_to_match(self, index: SearchIndex, query: str, step: int) -> MatchPosition | None:
        """Show this activity's next (or previous) post whose caption matches ``query``."""
        from tui_planner.ui.search import pick_match

        wanted = set(index.matching(query, SearchKind.POST))
        matched = [n for n, key in enumerate(self._item_ids) if key in wanted]
        if not matched:
            return None
        here = self._item_ids.index(self._current) if self._current in self._item_ids else -0.5
        row, where = pick_match(matched, here, step)
        self.action_show_channel(row)
        return where

    def action_copy_caption(self) -> None:
        """Put the caption on the clipboard: through the terminal (OSC 52) and, since many
        terminals ignore that without a word, with the system's clipboard tool as well."""
        entry = self.post
        if entry is None:
            return
        self.app.copy_to_clipboard(entry.text)
        self._copy_with_tool(entry.text, channel_label(entry.channel.name))

    @work(
        thread=True,
        group=WorkerGroup.CLIPBOARD,
        exit_on_error=False,
        description="Copy the caption",
    )
    def _copy_with_tool(self, text: str, label: str) -> None:
        from tui_planner.clipboard import copy_with_tool

        tool = copy_with_tool(text)
        if tool is not None:
            message = f"Copied the {label} caption (terminal clipboard and {tool})."
        else:
            message = (
                f"Copied the {label} caption to the terminal's clipboard (OSC 52). If it does "
                "not paste, your terminal ignores that: install wl-copy, xclip or xsel."
            )
        self.app.call_from_thread(self.notify, message, timeout=5)

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
