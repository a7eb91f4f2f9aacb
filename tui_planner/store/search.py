"""Search over the plan: activity titles and descriptions, post captions, event names and
descriptions, and the settings form's labels.

Matching is a plain substring of the query in the text, ignoring case and accents: both
sides are *folded* (``str.casefold``, then NFKD, then every non-spacing mark dropped), so
"creme" finds "Crème" and "STRASSE" finds "Straße".

The index is built once per snapshot (:func:`search_index`, keyed by the identity of the
activities, events and calendar options it reads) and answers a query in a few
milliseconds on a plan of a thousand activities and seven thousand posts: each kind's folded
texts are one long string, which ``str.find`` scans at C speed, jumping to the end of a
document once it has matched. Only the hits that are shown are folded again, character by
character, to find the spans to highlight.

Plain Python (no Textual): the search screen shows what this module finds, and each screen
steps through :meth:`SearchIndex.matching` with ``n`` and ``N``.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, repeat
from operator import contains
from types import MappingProxyType
from typing import TYPE_CHECKING

from tui_planner.store.selectors import _LastAnswer

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from tui_planner.api.models import CalendarEvent, PlanMarketingActivity

    from .state import PlannerState

__all__ = [
    "DEFAULT_LIMIT",
    "SearchHit",
    "SearchIndex",
    "SearchKind",
    "SearchResults",
    "SettingsField",
    "fold",
    "match_spans",
    "search_index",
    "settings_fields",
    "snippet",
]

DEFAULT_LIMIT = 12
"""Hits listed per kind; the rest are counted (typing more narrows them)."""

SNIPPET_BEFORE = 24
"""Characters of context shown before a match in a long text."""
SNIPPET_WIDTH = 110
"""Characters a snippet holds at most (the match and its context)."""

_FIELD_BREAK = "\n\x00\n"
"""Between a document's fields when they are searched together: typing cannot match it."""


class SearchKind(enum.Enum):
    """What a hit is, in the order the results list them."""

    ACTIVITY = "activity"
    POST = "post"
    EVENT = "event"
    SETTING = "setting"

    @property
    def heading(self) -> str:
        """The group's heading in the results: "Activities", "Posts", ..."""
        return _HEADINGS[self]


_HEADINGS = {
    SearchKind.ACTIVITY: "Activities",
    SearchKind.POST: "Posts",
    SearchKind.EVENT: "Events",
    SearchKind.SETTING: "Settings",
}


@dataclass(frozen=True, slots=True)
class SettingsField:
    """One row of the settings form, as search finds it."""

    name: str
    """The draft field (``tone_of_voice``) or ``frequencies.TOOL``."""
    label: str
    """The label the form shows."""


def settings_fields(with_calendars: bool) -> tuple[SettingsField, ...]:
    """The settings form's fields in the form's order (calendars only when there are some)."""
    # Here, not at the top: the labels come with the settings models (pydantic), which the
    # first frame must not wait for; the key bar asks this module whether search is on.
    from tui_planner.store.settings_draft import FIELD_LABELS, TOOL_LABELS, TOOL_OVERRIDE_KEYS

    found: list[SettingsField] = []
    for name, label in FIELD_LABELS.items():
        if name == "frequencies":
            found.extend(
                SettingsField(f"frequencies.{tool.value}", f"{label}: {TOOL_LABELS[tool].lower()}")
                for tool in TOOL_OVERRIDE_KEYS
            )
        elif name != "calendar_ids" or with_calendars:
            found.append(SettingsField(name, label))
    return tuple(found)


# -- folding -----------------------------------------------------------------------------------


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=4096)
def _without_marks(run: str) -> str:
    return "".join(char for char in run if unicodedata.category(char) != "Mn")


def _strip_marks(run: re.Match[str]) -> str:
    return _without_marks(run.group())


def fold(text: str) -> str:
    """``text`` folded for matching: case-folded, decomposed, without accents."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():
        return decomposed
    # Marks only ever sit in the non-ASCII runs, which are short and few in most text.
    return _NON_ASCII.sub(_strip_marks, decomposed)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return fold(char)


def _fold_mapped(text: str) -> tuple[str, list[int]]:
    """``text`` folded character by character, with where each folded character came from
    (its index in ``text``), so a match in the folded text can be marked in the original."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    parts: list[str] = []
    origin: list[int] = []
    at = 0
    for run in _NON_ASCII.finditer(text):
        start, end = run.span()
        parts.append(text[at:start].lower())
        origin.extend(range(at, start))
        for index in range(start, end):
            folded = _fold_char(text[index])
            parts.append(folded)
            origin.extend([index] * len(folded))
        at = end
    parts.append(text[at:].lower())
    origin.extend(range(at, len(text)))
    return "".join(parts), origin


def match_spans(text: str, query: str) -> tuple[tuple[int, int], ...]:
    """Where the (unfolded) ``query`` occurs in ``text``, as ``(start, end)`` indexes of
    ``text``, matching as the search does; empty when it does not occur."""
    needle = fold(query.strip())
    if not needle:
        return ()
    folded, origin = _fold_mapped(text)
    spans: list[tuple[int, int]] = []
    at = folded.find(needle)
    while at >= 0:
        end = at + len(needle)
        spans.append((origin[at], origin[end - 1] + 1))
        at = folded.find(needle, end)
    return tuple(spans)


_FLATTEN = str.maketrans("\n\r\t\v\f", "     ")


def snippet(
    text: str, spans: tuple[tuple[int, int], ...], width: int = SNIPPET_WIDTH
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """One line of ``text`` around its first match, at most about ``width`` characters: line
    breaks become spaces and an ellipsis marks each cut. The spans come back moved to the
    snippet (clipped where it cuts them, dropped where it cuts them off)."""
    flat = text.translate(_FLATTEN)
    if len(flat) <= width:
        return flat, spans
    first = spans[0][0] if spans else 0
    start = max(0, min(first - SNIPPET_BEFORE, len(flat) - width))
    end = start + width
    shown = flat[start:end]
    shift = -start
    low = 0
    if start > 0:
        kept_text = shown.lstrip()
        shift += 1 + len(kept_text) - len(shown)
        shown = "…" + kept_text
        low = 1
    high = len(shown)
    if end < len(flat):
        shown = shown.rstrip()
        high = len(shown)
        shown += "…"
    moved = ((max(a + shift, low), min(b + shift, high)) for a, b in spans)
    return shown, tuple((a, b) for a, b in moved if a < b)


# -- hits --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One thing that matched, with the text to show and the spans to highlight."""

    kind: SearchKind
    key: str
    """The activity id, post item id, event id or settings field name."""
    activity_id: str | None
    """The activity the hit belongs to (for a post, its owner); ``None`` otherwise."""
    title: str
    """The first line: the activity title, the post's activity title, the event name or the
    settings label."""
    title_spans: tuple[tuple[int, int], ...]
    text: str = ""
    """A second line around the match when the match is not in the title (a description or
    a caption), else empty."""
    text_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class SearchResults:
    """What a query found: the hits listed (grouped by kind) and how many of each matched."""

    query: str
    hits: tuple[SearchHit, ...] = ()
    totals: Mapping[SearchKind, int] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def total(self) -> int:
        """How many things matched in all."""
        return sum(self.totals.values())

    def of_kind(self, kind: SearchKind) -> tuple[SearchHit, ...]:
        """The hits listed for ``kind``."""
        return tuple(hit for hit in self.hits if hit.kind is kind)


# -- the index ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Document:
    """One searchable thing: its key and its fields (title first)."""

    key: str
    fields: tuple[str, ...]
    activity_id: str | None = None


class _Haystack:
    """Every document of one kind, each folded into one string (its fields joined)."""

    def __init__(self, documents: Sequence[_Document]) -> None:
        self.documents = tuple(documents)
        self._folded = [fold(_FIELD_BREAK.join(document.fields)) for document in self.documents]
        self._last: tuple[str, tuple[int, ...]] = ("", tuple(range(len(self.documents))))

    def matches(self, needle: str) -> tuple[int, ...]:
        """The numbers of the documents containing ``needle``, in order."""
        last_needle, last_found = self._last
        if needle == last_needle:
            return last_found
        folded = self._folded
        if last_needle and last_needle in needle:
            # Typing on: only what matched before can match now.
            candidates: Sequence[int] = last_found
            texts = [folded[number] for number in last_found]
        else:
            candidates, texts = range(len(folded)), folded
        # map/compress keep the loop in C: a thousand documents cost well under a millisecond.
        found = tuple(compress(candidates, map(contains, texts, repeat(needle))))
        self._last = (needle, found)
        return found


class SearchIndex:
    """The searchable text of one snapshot; :func:`search_index` builds and keeps it."""

    def __init__(
        self,
        activities: Sequence[PlanMarketingActivity],
        events: Sequence[CalendarEvent],
        fields: Sequence[SettingsField],
    ) -> None:
        ordered = sorted(activities, key=lambda a: (a.date, a.title, a.id))
        self._titles = {activity.id: activity.title for activity in ordered}
        self._haystacks = {
            SearchKind.ACTIVITY: _Haystack(
                [_Document(a.id, (a.title, a.description), a.id) for a in ordered]
            ),
            SearchKind.POST: _Haystack(
                [
                    _Document(post.id, (text,), a.id)
                    for a in ordered
                    for post in a.posts
                    if (text := post.text)
                ]
            ),
            SearchKind.EVENT: _Haystack(
                [
                    _Document(
                        event.id or f"unsaved-{event.name}", (event.name, event.description or "")
                    )
                    for event in events
                ]
            ),
            SearchKind.SETTING: _Haystack([_Document(f.name, (f.label,)) for f in fields]),
        }
        self._last: SearchResults | None = None

    def search(self, query: str, limit: int = DEFAULT_LIMIT) -> SearchResults:
        """Everything ``query`` matches: at most ``limit`` hits of each kind, every match
        counted. An empty (or blank) query matches nothing."""
        last = self._last
        if last is not None and last.query == query and limit == DEFAULT_LIMIT:
            return last
        needle = fold(query.strip())
        if not needle:
            return SearchResults(query)
        hits: list[SearchHit] = []
        totals: dict[SearchKind, int] = {}
        for kind, haystack in self._haystacks.items():
            found = haystack.matches(needle)
            if found:
                totals[kind] = len(found)
                documents = haystack.documents
                hits.extend(self._hit(kind, documents[number], query) for number in found[:limit])
        results = SearchResults(query, tuple(hits), MappingProxyType(totals))
        if limit == DEFAULT_LIMIT:
            self._last = results
        return results

    def matching(self, query: str, kind: SearchKind) -> tuple[str, ...]:
        """The keys of every ``kind`` document that ``query`` matches, in the index's order
        (activities and posts by activity date, events and settings as given)."""
        needle = fold(query.strip())
        if not needle:
            return ()
        haystack = self._haystacks[kind]
        return tuple(haystack.documents[number].key for number in haystack.matches(needle))

    def matching_activities(self, query: str) -> frozenset[str]:
        """Activities whose title, description or a post's caption ``query`` matches."""
        needle = fold(query.strip())
        if not needle:
            return frozenset()
        activities = self._haystacks[SearchKind.ACTIVITY]
        posts = self._haystacks[SearchKind.POST]
        direct = (activities.documents[number].key for number in activities.matches(needle))
        via_posts = (posts.documents[number].activity_id for number in posts.matches(needle))
        return frozenset(direct).union(owner for owner in via_posts if owner is not None)

    def _hit(self, kind: SearchKind, document: _Document, query: str) -> SearchHit:
        if kind is SearchKind.POST:
            owner = document.activity_id or ""
            title = self._titles.get(owner, "") or "Untitled activity"
            text, spans = _snippet_of(document.fields[0], query)
            return SearchHit(kind, document.key, owner, title, (), text, spans)
        title = document.fields[0]
        title_spans = match_spans(title, query)
        if title_spans or len(document.fields) < 2:
            return SearchHit(kind, document.key, document.activity_id, title, title_spans)
        text, spans = _snippet_of(document.fields[1], query)
        return SearchHit(kind, document.key, document.activity_id, title, (), text, spans)


def _snippet_of(text: str, query: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    # A CRLF would become two spaces in the snippet; one reads better.
    text = text.replace("\r\n", "\n")
    return snippet(text, match_spans(text, query))


_index_cache: _LastAnswer[SearchIndex] = _LastAnswer()


def search_index(state: PlannerState) -> SearchIndex:
    """The index of ``state``, built on first use and kept until the activities, events or
    calendar options change."""
    with_calendars = bool(state.options.calendars)

    def build() -> SearchIndex:
        return SearchIndex(
            tuple(state.activities.values()), state.events, settings_fields(with_calendars)
        )

    return _index_cache.get((state.activities, state.events, with_calendars), build)
