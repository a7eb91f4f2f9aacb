"""``DraftsScreen`` (mode ``drafts``): pick drafts by keyboard and schedule them.

Every DRAFT in the plan, grouped by day and activity, with its channel's connection. The
selection is a set of item ids held here, so it survives syncs (ids that stop being drafts
drop out) and filter changes. ``p`` switches to the activities that have no posts yet, where
``G`` asks for their posts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.widgets import DataTable

from tui_planner.api.models import MarketingTool
from tui_planner.store.search import SearchKind
from tui_planner.store.selectors import drafts, item
from tui_planner.sync.commands import GeneratePosts
from tui_planner.ui import keymap
from tui_planner.ui.planner_screen import PlannerScreen
from tui_planner.ui.post_actions import delete_with_confirmation
from tui_planner.ui.screens.draft_filters import (
    ACTIVITY_HEADERS,
    DRAFT_HEADERS,
    DraftFilters,
    activity_rows,
    draft_rows,
    postless_activities,
)
from tui_planner.ui.screens.post_preview import PostPreviewScreen
from tui_planner.ui.screens.schedule_confirm import schedule_with_confirmation
from tui_planner.ui.widgets.draft_table import DraftRow, DraftTable
from tui_planner.ui.widgets.drafts_line import DraftsLine, ListFacts
from tui_planner.ui.widgets.note import Note
from tui_planner.ui.workers import WorkerGroup

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui_planner.store.search import SearchIndex
    from tui_planner.store.state import PlannerState
    from tui_planner.ui.search import MatchPosition

__all__ = ["DraftsScreen"]


class DraftsScreen(PlannerScreen[None]):
    """Every draft in the plan, to select and schedule."""

    CSS_PATH = "drafts.tcss"
    TITLE = "Drafts"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_row", "Select", id="drafts.toggle"),
        Binding("shift+down", "extend(1)", "Extend down", show=False, id="drafts.extend_down"),
        Binding("shift+up", "extend(-1)", "Extend up", show=False, id="drafts.extend_up"),
        Binding("v", "mark_range", "Range", id="drafts.range"),
        Binding("a", "select_all", "All", id="drafts.select_all"),
        Binding("A", "clear_selection", "None", id="drafts.clear"),
        Binding("s", "schedule", "Schedule", id="drafts.schedule"),
        # d filters by dates here; deleting takes the capital (or the delete key).
        Binding("D,delete", "delete_drafts", "Delete", id="drafts.delete"),
        Binding("G", "generate_posts", "Generate posts", id="drafts.generate"),
        Binding("f", "cycle_channel", "Channel", id="drafts.channel"),
        Binding("c", "toggle_connected", "Connected", id="drafts.connected"),
        Binding("d", "cycle_dates", "Dates", id="drafts.dates"),
        Binding("p", "toggle_postless", "No posts", id="drafts.postless"),
        Binding("escape", "end_range", "End range", show=False, id="drafts.end_range"),
    ]

    list_facts: reactive[ListFacts | None] = reactive(None, init=False)
    """What the top line says (filters, rows shown, an open range)."""
    empty_note: reactive[str] = reactive("", init=False)
    """Why the list is empty ("" while it has rows)."""

    def __init__(self) -> None:
        super().__init__()
        self.filters = DraftFilters()
        """Which drafts are listed."""
        self.showing_postless = False
        """Whether the list shows activities without posts instead of drafts."""
        self.selected_drafts: set[str] = set()
        """Chosen draft ids."""
        self._set_aside: set[str] = set()
        """Chosen drafts a command in flight took out of the drafts for now (optimistically);
        chosen again if its failure brings them back."""
        self.selected_activities: set[str] = set()
        """Chosen activity ids (in the activities-without-posts list)."""
        self._anchor: str | None = None
        self._range_base: frozenset[str] = frozenset()

    def compose_body(self) -> ComposeResult:
        yield DraftsLine(id="drafts-filters").data_bind(facts=DraftsScreen.list_facts)
        yield DraftTable(id="drafts-table")
        yield Note(id="drafts-empty").data_bind(text=DraftsScreen.empty_note)

    @property
    def table(self) -> DraftTable:
        """The list."""
        return self.query_one("#drafts-table", DraftTable)

    @property
    def selected(self) -> set[str]:
        """The selection of the list on show."""
        return self.selected_activities if self.showing_postless else self.selected_drafts

    # -- drawing ---------------------------------------------------------------------------

    def state_changed(self, state: PlannerState) -> None:
        self._prune(state)
        self._redraw(state)

    def _prune(self, state: PlannerState) -> None:
        """Forget chosen ids that are no longer drafts (or no longer lack posts)."""
        still_drafts = {entry.id for _, entry in drafts(state)}
        if state.pending:
            self._set_aside |= self.selected_drafts - still_drafts
        else:
            # Nothing in flight: what came back as drafts (a refused schedule rolled back)
            # is chosen again, so the user need not pick it all over.
            self.selected_drafts |= self._set_aside & still_drafts
            self._set_aside.clear()
        self.selected_drafts &= still_drafts
        postless = {
            owner.id
            for owner in postless_activities(
                state, DraftFilters(), self.host.clock.today(), self.host.clock.tz
            )
        }
        self.selected_activities &= postless

    def _rows(self, state: PlannerState) -> tuple[DraftRow, ...]:
        clock = self.host.clock
        rows = activity_rows if self.showing_postless else draft_rows
        return rows(state, self.filters, clock.today(), clock.tz)

    def _redraw(self, state: PlannerState) -> None:
        rows = self._rows(state)
        headers = ACTIVITY_HEADERS if self.showing_postless else DRAFT_HEADERS
        table = self.table
        table.show_rows(rows, self.selected, headers)
        table.display = bool(rows)
        self.empty_note = "" if rows else self._empty_text(state)
        self._describe(len(rows))

    def _empty_text(self, state: PlannerState) -> str:
        if not state.plan_loaded:
            return "Loading the plan…"
        if self.filters.connected_only and not state.loaded:
            # The plan is in; which channels are connected comes with the rest of the first
            # load (slow over a slow connection), and until then none counts as connected.
            return "Reading which channels are connected…"
        if self.showing_postless:
            return "Every social activity in this range has posts. Press p to see the drafts."
        if not state.activities:
            return "The plan has no activities yet."
        if not any(activity.posts for activity in state.activities.values()):
            return self._no_posts_text(state)
        return "No drafts match these filters. Press f, c or d to change them."

    def _no_posts_text(self, state: PlannerState) -> str:
        """Why an ACTIVE plan has no posts at all, and what brings them."""
        host = self.host
        regenerate = host.key_for(keymap.GENERATE)
        listing, generate = self.key_for("drafts.postless"), self.key_for("drafts.generate")
        or_generate = (
            f"Or press {listing} to list the activities without posts, choose some, and "
            f"{generate} generates their posts."
        )
        tools = state.settings.settings.marketing_tools if state.settings is not None else None
        if tools is not None and MarketingTool.SOCIAL_MARKETING not in tools:
            return (
                "The plan has no posts: Social posts is off in the settings' marketing tools. "
                f"Turn it on in Settings ({host.key_for(keymap.SETTINGS)}), then regenerate "
                f"the plan ({regenerate}). {or_generate}"
            )
        return (
            "The plan has no posts yet. A site that is not published gets a plan without "
            f"posts: publish the site, then regenerate the plan ({regenerate}). {or_generate}"
        )

    def _describe(self, shown: int) -> None:
        self.list_facts = ListFacts(
            self.filters, self.showing_postless, shown, in_range=self._anchor is not None
        )
        count = len(self.selected)
        self.sub_title = (
            f"{count} selected" if not self.showing_postless else f"No posts · {count} selected"
        )

    def _marks_changed(self, keys: set[str] | None = None) -> None:
        self.table.refresh_marks(self.selected, keys)
        self._describe(len(self.table.keys))

    # -- selection -------------------------------------------------------------------------

    def action_toggle_row(self) -> None:
        """Select or unselect the row under the cursor."""
        key = self.table.cursor_key
        if key is None:
            return
        self.selected.symmetric_difference_update({key})
        self._marks_changed({key})

    def action_extend(self, delta: int) -> None:
        """Select this row and the next one up or down, moving the cursor there."""
        table = self.table
        key = table.cursor_key
        if key is None:
            return
        table.move_cursor(row=max(0, min(table.cursor_row + delta, table.row_count - 1)))
        target = table.cursor_key
        keys = {key} if target is None else {key, target}
        self.selected.update(keys)
        self._marks_changed(keys)

    def action_mark_range(self) -> None:
        """Start a range at the cursor, or end the one being marked."""
        if self._anchor is not None:
            self.action_end_range()
            return
        key = self.table.cursor_key
        if key is None:
            return
        self._anchor = key
        self._range_base = frozenset(self.selected)
        self.selected.add(key)
        self._marks_changed({key})

    def action_end_range(self) -> None:
        """Stop extending the range; its rows stay selected."""
        self._anchor = None
        self._describe(len(self.table.keys))

    @on(DataTable.RowHighlighted, "#drafts-table")
    def _cursor_moved(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if self._anchor is None:
            return
        table = self.table
        start = table.index_of(self._anchor)
        if start is None:
            self._anchor = None
            return
        low, high = sorted((start, event.cursor_row))
        keys = table.keys
        before = set(self.selected)
        self.selected.clear()
        self.selected.update(self._range_base, keys[low : high + 1])
        self._marks_changed(before ^ self.selected)

    def action_select_all(self) -> None:
        """Select every row the filters show (ending a range being marked, which would
        otherwise shrink the selection back to itself at the next cursor move)."""
        self._anchor = None
        keys = set(self.table.keys) - self.selected
        self.selected.update(keys)
        self._marks_changed(keys)

    def action_clear_selection(self) -> None:
        """Unselect everything, shown or not."""
        keys = set(self.selected)
        self.selected.clear()
        self._set_aside.clear()
        self._anchor = None
        self._marks_changed(keys)

    # -- filters ---------------------------------------------------------------------------

    def action_cycle_channel(self) -> None:
        """Show all channels, then one channel at a time."""
        self._refilter(self.filters.next_channel())

    def action_toggle_connected(self) -> None:
        """Show only drafts for connected channels, or all."""
        self._refilter(self.filters.toggled_connected())

    def action_cycle_dates(self) -> None:
        """Show the whole plan, or the next 7 or 14 days, this month or next month."""
        self._refilter(self.filters.next_date_range())

    def action_toggle_postless(self) -> None:
        """Switch between the drafts and the activities that have no posts yet."""
        self.showing_postless = not self.showing_postless
        self._anchor = None
        self._redraw(self.state)
        self.refresh_bindings()

    def _refilter(self, filters: DraftFilters) -> None:
        self.filters = filters
        self._anchor = None
        self._redraw(self.state)

    # -- intents ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("schedule", "delete_drafts"):
            return not self.showing_postless
        if action == "generate_posts":
            return self.showing_postless
        if action in ("cycle_channel", "toggle_connected"):
            return None if self.showing_postless else True
        if action == "end_range":
            return self._anchor is not None
        return True

    def _chosen_drafts(self) -> list[str]:
        """The selection in list order (the ones filtered out after), or the cursor's."""
        chosen = [key for key in self.table.keys if key in self.selected_drafts]
        chosen += sorted(self.selected_drafts - set(chosen))
        if not chosen and self.table.cursor_key is not None:
            chosen = [self.table.cursor_key]
        return chosen

    def action_schedule(self) -> None:
        """Confirm and schedule the selection (or the draft under the cursor)."""
        chosen = self._chosen_drafts()
        if not chosen:
            self.notify("There are no drafts to schedule.", severity="warning")
            return
        self._anchor = None
        self.run_worker(
            schedule_with_confirmation(self, chosen),
            name="schedule drafts",
            group=WorkerGroup.SCHEDULING,
            description="Schedule the chosen drafts",
            exclusive=True,
            exit_on_error=False,
        )

    def action_delete_drafts(self) -> None:
        """Delete the selection (or the draft under the cursor), after a question naming
        what goes for good."""
        chosen = self._chosen_drafts()
        if not chosen:
            self.notify("There are no drafts to delete.", severity="warning")
            return
        self._anchor = None
        self.run_worker(
            delete_with_confirmation(self.app, chosen),
            name="delete drafts",
            group=WorkerGroup.DIALOGS,
            description="Delete the chosen drafts",
            exclusive=True,
            exit_on_error=False,
        )

    def action_generate_posts(self) -> None:
        """Ask for posts for the chosen activities (or the one under the cursor)."""
        chosen = [key for key in self.table.keys if key in self.selected_activities]
        if not chosen and self.table.cursor_key is not None:
            chosen = [self.table.cursor_key]
        waiting = self.state.posts_generating
        chosen = [key for key in chosen if key not in waiting]
        if not chosen:
            self.notify("Those activities' posts are already on the way.", severity="warning")
            return
        self.host.submit(GeneratePosts(tuple(chosen)))
        self.selected_activities.difference_update(chosen)
        self._marks_changed(set(chosen))

    # -- search ----------------------------------------------------------------------------

    def step_to_match(self, index: SearchIndex, query: str, step: int) -> MatchPosition | None:
        """Move to the next (or previous) row whose caption, or activity title or
        description, matches ``query`` (an activity's, in the list without posts)."""
        from tui_planner.ui.search import pick_match

        table = self.table
        activities = set(index.matching(query, SearchKind.ACTIVITY))
        if self.showing_postless:
            matched = [n for n, key in enumerate(table.keys) if key in activities]
        else:
            posts = set(index.matching(query, SearchKind.POST))
            state = self.state
            matched = [
                n
                for n, key in enumerate(table.keys)
                if key in posts or ((found := item(state, key)) and found[0].id in activities)
            ]
        if not matched:
            return None
        here = table.cursor_row if table.keys else -0.5
        row, where = pick_match(matched, here, step)
        table.move_cursor(row=row, animate=False)
        table.focus()
        return where

    @on(DataTable.RowSelected, "#drafts-table")
    def _open_preview(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value
        found = None if self.showing_postless or key is None else item(self.state, key)
        if found is not None:
            owner, entry = found
            self.app.push_screen(PostPreviewScreen(owner.id, entry.channel.name))
