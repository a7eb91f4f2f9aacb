"""``DraftsLine``: the Drafts list's top line, its filters, how many rows are shown and
whether a range is being marked, drawn from one :class:`ListFacts` the screen binds down."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

if TYPE_CHECKING:
    from tui_planner.ui.screens.draft_filters import DraftFilters

__all__ = ["DraftsLine", "ListFacts"]


@dataclass(frozen=True)
class ListFacts:
    """What the line says: the ``filters``, whether the list is of activities without posts
    (``postless``) rather than drafts, the rows ``shown``, and whether a range is open."""

    filters: DraftFilters
    postless: bool
    shown: int
    in_range: bool


def _chip(name: str, value: str) -> Content:
    return Content.assemble((f"{name} ", "$text-muted"), (value, "bold"))


class DraftsLine(Static):
    """ "Channel All · Connected only off · Dates Next 14 days · 12 drafts shown", then a
    ``RANGE`` chip while shift-moves or ``v`` extend the selection."""

    facts: reactive[ListFacts | None] = reactive(None)

    def watch_facts(self, facts: ListFacts | None) -> None:
        if facts is None:
            return
        filters = facts.filters
        noun = "activities" if facts.postless else "drafts"
        chips = [
            _chip("Channel", filters.channel_text),
            _chip("Connected only", "on" if filters.connected_only else "off"),
            _chip("Dates", filters.date_range.label),
            Content.assemble((str(facts.shown), "bold"), f" {noun} shown"),
        ]
        if facts.in_range:
            chips.append(
                Content.assemble((" RANGE ", "bold reverse $accent"), " move to extend, v to end")
            )
        self.update(Content.styled("  ·  ", "$text-muted").join(chips))
