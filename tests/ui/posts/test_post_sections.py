"""What the Posts section lists, without a terminal: groups, order, filters, lines."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date

from tests.ui.posts.fixed_posts import posts_state
from tui_planner.api.models import ChannelName, ItemStatus
from tui_planner.store.state import SitePosts, frozen_mapping
from tui_planner.ui.widgets.post_line import post_line, when_text
from tui_planner.ui.widgets.post_sections import (
    PostGroup,
    PostsFilter,
    group_of,
    post_sections,
    shown_post,
)


def listed(chosen: PostsFilter | None = None) -> list[tuple[PostGroup, list[str]]]:
    sections = post_sections(posts_state(), chosen or PostsFilter(), UTC)
    return [(section.group, [entry.id for entry in section.posts]) for section in sections]


def test_groups_come_in_life_order_and_newest_first_within_each() -> None:
    assert listed() == [
        (PostGroup.SCHEDULED, ["fb-dashboard", "ig-glaze", "fb-glaze"]),
        (PostGroup.PROCESSING, ["li-kiln"]),
        (PostGroup.PUBLISHED, ["ig-open", "ig-imported"]),
        (PostGroup.FAILED, ["fb-open", "pin-dashboard"]),
        (PostGroup.DRAFT, ["x-glaze"]),
        (PostGroup.CANCELED, ["li-open"]),
    ]


def test_a_post_in_the_plan_carries_its_activity_title_and_a_draft_its_day() -> None:
    state = posts_state()
    items = state.site_posts.items
    assert shown_post(state, items["ig-glaze"]).activity_title == "Winter glaze sale"
    assert shown_post(state, items["fb-dashboard"]).activity_title is None
    draft = shown_post(state, items["x-glaze"])
    assert draft.entry.scheduled_date is None
    assert draft.when == state.activities["act-glaze"].date
    assert draft.group == PostGroup.DRAFT


def test_deleted_posts_are_not_listed_and_unknown_statuses_go_under_other() -> None:
    state = posts_state()
    items = dict(state.site_posts.items)
    items["pin-dashboard"] = items["pin-dashboard"].model_copy(
        update={"status": ItemStatus.DELETED}
    )
    items["ig-imported"] = items["ig-imported"].model_copy(update={"status": ItemStatus("LIMBO")})
    state = replace(state, site_posts=SitePosts(items=frozen_mapping(items)))
    sections = post_sections(state, PostsFilter(), UTC)
    keys = {entry.id for section in sections for entry in section.posts}
    assert "pin-dashboard" not in keys
    assert sections[-1].group == PostGroup.OTHER
    assert [entry.id for entry in sections[-1].posts] == ["ig-imported"]
    assert group_of(ItemStatus.IN_QUEUE) == PostGroup.PROCESSING


def test_channel_status_and_days_filter_together() -> None:
    assert listed(PostsFilter(channel=ChannelName.INSTAGRAM)) == [
        (PostGroup.SCHEDULED, ["ig-glaze"]),
        (PostGroup.PUBLISHED, ["ig-open", "ig-imported"]),
    ]
    assert listed(PostsFilter(group=PostGroup.FAILED)) == [
        (PostGroup.FAILED, ["fb-open", "pin-dashboard"])
    ]
    within = PostsFilter(first=date(2026, 11, 19), last=date(2026, 11, 21))
    assert listed(within) == [
        (PostGroup.PUBLISHED, ["ig-open"]),
        (PostGroup.FAILED, ["fb-open", "pin-dashboard"]),
        (PostGroup.CANCELED, ["li-open"]),
    ]
    assert listed(PostsFilter(channel=ChannelName.TWITTER, first=date(2026, 11, 25))) == []


def test_a_filter_says_what_it_keeps() -> None:
    assert not PostsFilter().active
    chosen = PostsFilter(
        channel=ChannelName.GBP,
        group=PostGroup.PUBLISHED,
        first=date(2026, 11, 1),
        last=date(2026, 11, 30),
    )
    assert chosen.active
    assert chosen.describe() == (
        "Channel: Google Business",
        "Status: Published",
        "Sun 1 Nov 2026 to Mon 30 Nov 2026",
    )
    assert PostsFilter(last=date(2026, 1, 2)).describe() == ("Until Fri 2 Jan 2026",)


def test_a_line_shows_the_reason_a_post_failed_and_how_a_published_one_did() -> None:
    state = posts_state()
    sections = {s.group: s for s in post_sections(state, PostsFilter(), UTC)}
    failed = post_line(shown_post(state, sections[PostGroup.FAILED].posts[1]), 120, UTC, 2026).plain
    assert failed.startswith("✗ Thu 19 Nov 12:00   Pinterest        Five glazes")
    assert failed.rstrip().endswith("Pinterest rejected the image (MEDIA_REJECTED)")
    imported = shown_post(state, sections[PostGroup.PUBLISHED].posts[1])
    published = post_line(imported, 120, UTC, 2026).plain
    assert "⇣ imported · Throwback" in published
    assert published.rstrip().endswith("5,120 seen · 402 interactions")
    narrow = post_line(imported, 76, UTC, 2026).plain
    assert narrow.startswith("● 15 Nov 18:00  IG")
    assert len(narrow) <= 76


def test_dates_outside_this_year_carry_the_year() -> None:
    when = posts_state().activities["act-glaze"].date
    assert when_text(when, UTC, 2026, wide=True) == "Tue 24 Nov 10:00"
    assert when_text(when, UTC, 2027, wide=True) == "24 Nov 2026 10:00"
    assert when_text(when, UTC, 2027, wide=False) == "24 Nov 2026"
    assert when_text(None, UTC, 2026, wide=True) == "no date"
