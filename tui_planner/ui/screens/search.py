"""``SearchScreen`` (``/``): find anything in the plan as you type, and open it.

Activity titles and descriptions, post captions, event names and descriptions and the
settings form's labels, grouped by kind with the matched text highlighted. The results
follow every keystroke (the index is :mod:`tui_planner.store.search`, built once per
snapshot); ``up``/``down`` choose while typing, ``tab`` moves into the list (where ``j``/``k``
and ``g``/``G`` work too), ``enter`` opens the chosen hit and ``escape`` closes.

The screen dismisses with the hit to open, or ``None``; :mod:`tui_planner.ui.search` opens
it and remembers the query for ``n``/``N``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui_planner.day_words import day_text
from tui_planner.store.search import SearchHit, SearchKind, SearchResults, search_index
from tui_planner.ui.icons import EVENT_ICON, channel_label, type_icon
from tui_planner.ui.widgets.list_keys import list_bindings
from tui_planner.ui.widgets.plain_text import PlainInput

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui_planner.store.state import PlannerState

__all__ = ["SearchChoice", "SearchResultsList", "SearchScreen", "hit_prompt"]

MATCH_STYLE = "bold underline $text-accent"
"""How the matched text is marked in a result."""

_KIND_ICONS = {SearchKind.EVENT: EVENT_ICON, SearchKind.SETTING: "⚙"}

EMPTY_HINT = "Type to search activity titles and descriptions, captions, events and settings."


@dataclass(frozen=True, slots=True)
class SearchChoice:
    """What the search screen ends with: the hit to open and the query that found it."""

    hit: SearchHit
    query: str


def _marked(text: str, spans: tuple[tuple[int, int], ...], style: str = "") -> Content:
    content = Content.styled(text, style) if style else Content(text)
    for start, end in spans:
        content = content.stylize(MATCH_STYLE, start, end)
    return content


def hit_prompt(hit: SearchHit, state: PlannerState, tz: tzinfo) -> Content:
    """A result's one or two lines: what it is, where it is, and the text that matched."""
    title = _marked(hit.title or "Untitled", hit.title_spans, "bold")
    where: str
    match hit.kind:
        case SearchKind.ACTIVITY:
            found = state.activities.get(hit.key)
            icon = type_icon(found.marketing_activity_type) if found else "·"
            where = f"{day_text(found.date.astimezone(tz).date())} · " if found else ""
            # The day before the title: a long title is cut at the line's end, not the day.
            first = Content.assemble(f"{icon} ", (where, "$text-muted"), title)
        case SearchKind.POST:
            owner = state.activities.get(hit.activity_id or "")
            entry = next((e for e in owner.items if e.id == hit.key), None) if owner else None
            channel = channel_label(entry.channel.name) if entry else "Post"
            where = f"{day_text(owner.date.astimezone(tz).date())} · " if owner else ""
            first = Content.assemble(
                (f"{channel} · ", "$text-secondary"), (where, "$text-muted"), title
            )
        case SearchKind.EVENT:
            first = Content.assemble(f"{_KIND_ICONS[hit.kind]} ", title)
        case _:
            first = Content.assemble(
                f"{_KIND_ICONS[SearchKind.SETTING]} ", title, ("  Settings", "$text-muted")
            )
    if not hit.text:
        return first
    second = Content.assemble("    ", _marked(hit.text, hit.text_spans, "$text-muted"))
    return Content("\n").join([first, second])


def _heading(kind: SearchKind, results: SearchResults) -> Content:
    total = results.totals.get(kind, 0)
    shown = len(results.of_kind(kind))
    count = f"{total:,}" if shown == total else f"{shown} of {total:,}; type more to narrow"
    return Content.assemble((kind.heading, "bold $text-primary"), (f"  {count}", "$text-muted"))


class SearchResultsList(OptionList):
    """The hits, a heading per kind; moved through from the query field or on its own."""

    BINDINGS: ClassVar[list[BindingType]] = list_bindings(
        down="cursor_down", up="cursor_up", top="first", bottom="last"
    )

    DEFAULT_CSS = """
    SearchResultsList {
        height: 1fr;
        border: none;
        padding: 0;
        /* A result is one or two screen lines: what it is, then the text around the match. */
        text-wrap: nowrap;
        text-overflow: ellipsis;
        & > .option-list--option-disabled { color: $text; }
    }
    """


class SearchScreen(ModalScreen[SearchChoice | None]):
    """Search the plan; ``enter`` ends with the chosen hit, ``escape`` with ``None``."""

    DEFAULT_CSS = """
    SearchScreen {
        align: center top;
        background: $background 60%;
    }
    /* Fixed heights: a keystroke changes the results, never the layout (which would
       reflow the screen on every key). */
    SearchScreen > #search-box {
        width: 100;
        max-width: 95%;
        height: 85%;
        margin-top: 2;
        padding: 0 1;
        border: thick $primary;
        background: $surface;
    }
    SearchScreen #search-query {
        margin-bottom: 0;
    }
    SearchScreen #search-summary {
        color: $text-muted;
        padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="search.close"),
        Binding("down", "move(1)", "Next result", show=False, id="search.down"),
        Binding("up", "move(-1)", "Previous result", show=False, id="search.up"),
        Binding("slash", "focus_query", "Type the query", show=False, id="search.query"),
    ]

    def __init__(self, state: PlannerState, tz: tzinfo, query: str = "") -> None:
        super().__init__()
        self._state = state
        self._tz = tz
        self._initial = query
        self.results = SearchResults(query)
        """What the query on show found."""

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield PlainInput(
                self._initial, placeholder="Search the plan…", id="search-query", compact=True
            )
            yield Static(EMPTY_HINT, id="search-summary", markup=False)
            yield SearchResultsList(id="search-results")

    def on_mount(self) -> None:
        # Built (or taken from the cache) once, before the first keystroke needs it.
        self._index = search_index(self._state)
        self.query_one("#search-results", OptionList).can_focus = True
        self.query_one(Input).focus()
        self._show(self._initial)

    @on(Input.Changed, "#search-query")
    def _query_changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#search-query")
    def _query_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_open()

    @on(OptionList.OptionSelected, "#search-results")
    def _result_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def _show(self, query: str) -> None:
        results = self._index.search(query)
        self.results = results
        listing = self.query_one("#search-results", OptionList)
        options: list[Option] = []
        for kind in SearchKind:
            hits = results.of_kind(kind)
            if not hits:
                continue
            options.append(Option(_heading(kind, results), disabled=True))
            options.extend(
                Option(hit_prompt(hit, self._state, self._tz), id=f"{kind.value}:{hit.key}")
                for hit in hits
            )
        listing.set_options(options)
        if options:
            listing.highlighted = next(n for n, option in enumerate(options) if not option.disabled)
        else:
            listing.refresh()  # set_options draws nothing new when there is nothing to add
        self.query_one("#search-summary", Static).update(self._summary(results), layout=False)

    def _summary(self, results: SearchResults) -> str:
        if not results.query.strip():
            return EMPTY_HINT
        if not results.total:
            return f"Nothing matches “{results.query.strip()}”."
        return "enter opens · ↑↓ choose · tab moves into the list · esc closes"

    def _hit_at(self, index: int | None) -> SearchHit | None:
        if index is None:
            return None
        option_id = self.query_one("#search-results", OptionList).get_option_at_index(index).id
        return next(
            (hit for hit in self.results.hits if f"{hit.kind.value}:{hit.key}" == option_id), None
        )

    def _choose(self, index: int | None) -> None:
        hit = self._hit_at(index)
        if hit is not None:
            self.dismiss(SearchChoice(hit, self.results.query.strip()))

    # -- keys ------------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        """Highlight the next (or previous) result while the query keeps the focus."""
        listing = self.query_one("#search-results", OptionList)
        if step > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    def action_open(self) -> None:
        """Open the highlighted result."""
        self._choose(self.query_one("#search-results", OptionList).highlighted)

    def action_focus_query(self) -> None:
        """Back to typing the query (from the list)."""
        self.query_one(Input).focus()

    def action_close(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)
