"""Search: what a query finds across the plan, ignoring case and accents, and what it marks."""

from __future__ import annotations

from datetime import UTC, datetime
from types import MappingProxyType

import pytest

from tui_planner.api.models import (
    CalendarEvent,
    CalendarOption,
    Channel,
    ChannelName,
    PlanMarketingActivity,
    PostContent,
    PostItem,
)
from tui_planner.store import Options, PlannerState
from tui_planner.store.search import (
    SearchKind,
    fold,
    match_spans,
    search_index,
    settings_fields,
    snippet,
)


def post(item_id: str, caption: str, channel: ChannelName = ChannelName.INSTAGRAM) -> PostItem:
    return PostItem(
        id=item_id, channel=Channel(name=channel), instagram_post=PostContent(caption=caption)
    )


def activity(
    activity_id: str, day: int, title: str, description: str = "", *posts: PostItem
) -> PlanMarketingActivity:
    return PlanMarketingActivity(
        marketing_activity_id=activity_id,
        date=datetime(2026, 12, day, 10, tzinfo=UTC),
        title=title,
        description=description,
        items=posts,
    )


CREME = activity(
    "creme",
    3,
    "Crème brûlée week",
    "Torch-finished desserts",
    post("p-creme", "Our CRÈME brûlée is back. 🔥 Book a table."),
)
COFFEE = activity(
    "coffee",
    1,
    "Pour-over mornings",
    "Slow coffee for slow Sundays, with a crème of foam",
    post("p-coffee-1", "Dripper restock! Coffee lovers, this one is for you ☕"),
    post("p-coffee-2", "Grind, bloom, pour.", ChannelName.FACEBOOK),
)
STRASSE = activity("strasse", 5, "Straßenfest stall", "Come say hi at the street party")
SALE = CalendarEvent(id="ev-sale", name="Winter sale", description="Everything 20% off")
LAUNCH = CalendarEvent(id="ev-launch", name="Spring launch", description="New crème range")


def plan_state(*activities: PlanMarketingActivity, calendars: bool = False) -> PlannerState:
    return PlannerState(
        activities=MappingProxyType({a.id: a for a in activities}),
        events=(SALE, LAUNCH),
        options=Options(calendars=(CalendarOption(id="cal", name="Shop"),) if calendars else ()),
    )


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Crème Brûlée") == "creme brulee"
    assert fold("STRASSE") == fold("Straße") == "strasse"
    assert fold("İstanbul") == "istanbul"
    assert fold("plain ascii") == "plain ascii"


def test_a_query_without_accents_finds_every_kind_in_groups() -> None:
    results = search_index(plan_state(CREME, COFFEE, STRASSE)).search("creme")

    assert [(hit.kind, hit.key) for hit in results.hits] == [
        (SearchKind.ACTIVITY, "coffee"),  # by date: the 1st, then the 3rd
        (SearchKind.ACTIVITY, "creme"),
        (SearchKind.POST, "p-creme"),
        (SearchKind.EVENT, "ev-launch"),
    ]
    assert dict(results.totals) == {
        SearchKind.ACTIVITY: 2,
        SearchKind.POST: 1,
        SearchKind.EVENT: 1,
    }


def test_a_title_match_is_marked_in_the_title_and_a_description_match_in_a_snippet() -> None:
    results = search_index(plan_state(CREME, COFFEE)).search("CREME")
    by_key = {hit.key: hit for hit in results.hits}

    creme = by_key["creme"]
    assert [creme.title[a:b] for a, b in creme.title_spans] == ["Crème"]
    assert creme.text == ""
    coffee = by_key["coffee"]
    assert coffee.title_spans == ()
    assert [coffee.text[a:b] for a, b in coffee.text_spans] == ["crème"]


def test_a_post_hit_names_its_activity_and_marks_the_caption() -> None:
    hit = search_index(plan_state(COFFEE)).search("dripper").of_kind(SearchKind.POST)[0]

    assert (hit.key, hit.activity_id, hit.title) == ("p-coffee-1", "coffee", "Pour-over mornings")
    assert [hit.text[a:b] for a, b in hit.text_spans] == ["Dripper"]


def test_sharp_s_matches_its_folded_spelling_and_marks_the_original() -> None:
    hit = search_index(plan_state(STRASSE)).search("strassenfest").hits[0]

    assert hit.key == "strasse"
    assert [hit.title[a:b] for a, b in hit.title_spans] == ["Straßenfest"]


def test_settings_labels_are_found_and_calendars_only_when_the_site_has_some() -> None:
    keys = [hit.key for hit in search_index(plan_state()).search("topics").hits]
    assert keys == ["topics_included", "topics_excluded"]
    frequency = search_index(plan_state()).search("frequency")
    assert [hit.title for hit in frequency.hits] == [
        "Posting frequency: social posts",
        "Posting frequency: emails",
        "Posting frequency: blog posts",
    ]
    assert not search_index(plan_state()).search("calendars").hits
    with_calendars = search_index(plan_state(calendars=True)).search("calendars")
    assert [hit.key for hit in with_calendars.hits] == ["calendar_ids"]
    assert "calendar_ids" in {f.name for f in settings_fields(with_calendars=True)}


def test_blank_and_unmatched_queries_find_nothing() -> None:
    index = search_index(plan_state(CREME, COFFEE))
    assert index.search("   ").hits == ()
    assert index.search("zzz").total == 0


def test_only_the_first_hits_of_a_kind_are_listed_but_all_are_counted() -> None:
    many = [activity(f"a{n}", 1 + n % 28, f"Coffee tasting {n}") for n in range(30)]
    results = search_index(plan_state(*many)).search("coffee", limit=5)

    assert len(results.of_kind(SearchKind.ACTIVITY)) == 5
    assert results.totals[SearchKind.ACTIVITY] == 30


def test_typing_on_narrows_and_deleting_widens_again() -> None:
    index = search_index(plan_state(CREME, COFFEE, STRASSE))

    assert index.matching("c", SearchKind.ACTIVITY) == ("coffee", "creme", "strasse")
    assert index.matching("co", SearchKind.ACTIVITY) == ("coffee", "strasse")
    assert index.matching("cof", SearchKind.ACTIVITY) == ("coffee",)
    assert index.matching("co", SearchKind.ACTIVITY) == ("coffee", "strasse")


def test_matching_activities_include_those_whose_posts_match() -> None:
    index = search_index(plan_state(CREME, COFFEE, STRASSE))

    assert index.matching_activities("book a table") == {"creme"}
    assert index.matching_activities("street") == {"strasse"}
    assert index.matching_activities("") == frozenset()


def test_the_index_is_built_once_per_snapshot_of_the_plan() -> None:
    state = plan_state(CREME, COFFEE)
    first = search_index(state)

    assert search_index(state) is first
    assert search_index(PlannerState(activities=state.activities, events=state.events)) is first
    assert search_index(plan_state(CREME)) is not first


@pytest.mark.parametrize(
    ("text", "query", "found"),
    [
        ("Café CAFÉ cafe", "cafe", ["Café", "CAFÉ", "cafe"]),
        ("ﬁne print", "fi", ["ﬁ"]),  # a ligature folds to two letters, marked as one
        ("no match here", "xyz", []),
        ("🔥 Hot deals 🔥", "hot", ["Hot"]),
    ],
)
def test_match_spans_mark_the_original_characters(text: str, query: str, found: list[str]) -> None:
    assert [text[a:b] for a, b in match_spans(text, query)] == found


def test_a_snippet_of_a_long_text_keeps_the_match_in_view_with_ellipses() -> None:
    text = "start " + "filler " * 40 + "the MATCH is here\nand then " + "more " * 40
    shown, spans = snippet(text, match_spans(text, "match"))

    assert shown.startswith("…")
    assert shown.endswith("…")
    assert "\n" not in shown
    assert [shown[a:b] for a, b in spans] == ["MATCH"]
    assert len(shown) <= 112


def test_a_short_text_is_its_own_snippet_with_line_breaks_flattened() -> None:
    shown, spans = snippet("one\ntwo", match_spans("one\ntwo", "two"))
    assert (shown, [shown[a:b] for a, b in spans]) == ("one two", ["two"])
