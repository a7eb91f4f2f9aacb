"""The site's posts in the state: what went out is news once, and nothing changes for nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from types import MappingProxyType

from tui_planner.api.models import Channel, ChannelName, ItemStatus, PostContent, PostItem
from tui_planner.store import PlannerState, reducers
from tui_planner.store.selectors import site_posts, unseen_failures

READ_AT = datetime(2026, 7, 1, 9, tzinfo=UTC)


def post(item_id: str, status: ItemStatus) -> PostItem:
    return PostItem(
        id=item_id,
        channel=Channel(name=ChannelName.FACEBOOK),
        status=status,
        facebook_post=PostContent(caption=item_id),
    )


def posts(*entries: PostItem) -> MappingProxyType[str, PostItem]:
    return MappingProxyType({entry.id: entry for entry in entries})


def shown(state: PlannerState, *entries: PostItem) -> PlannerState:
    return reducers.set_site_posts(state, posts(*entries), read_at=READ_AT, complete=True)


def test_nothing_new_keeps_the_snapshot() -> None:
    items = posts(post("a", ItemStatus.SCHEDULED))
    state = reducers.set_site_posts(PlannerState(), items, read_at=READ_AT, complete=True)

    again = reducers.set_site_posts(state, items, read_at=READ_AT, complete=True)

    assert again is state
    assert reducers.acknowledge_posts(state) is state


def test_a_read_that_found_more_than_it_reads_is_marked_incomplete() -> None:
    items = posts(post("a", ItemStatus.SCHEDULED))
    state = reducers.set_site_posts(PlannerState(), items, read_at=READ_AT, complete=True)

    capped = reducers.set_site_posts(state, items, read_at=READ_AT, complete=False)

    assert capped is not state
    assert not capped.site_posts.complete
    assert capped.revision == state.revision + 1


def test_posts_that_went_out_are_news_and_first_sightings_are_not() -> None:
    state = shown(
        PlannerState(),
        post("a", ItemStatus.SCHEDULED),
        post("b", ItemStatus.PROCESSING),
        post("old", ItemStatus.FAILED),
    )
    assert state.site_posts.unseen_failed == frozenset()

    state = shown(
        state,
        post("a", ItemStatus.FAILED),
        post("b", ItemStatus.PUBLISHED),
        post("old", ItemStatus.FAILED),
        post("new", ItemStatus.FAILED),
    )

    assert state.site_posts.unseen_failed == frozenset({"a"})
    assert state.site_posts.unseen_published == frozenset({"b"})
    assert [entry.id for entry in unseen_failures(state)] == ["a"]


def test_news_ends_when_acknowledged_or_when_the_post_changes_again() -> None:
    state = shown(PlannerState(), post("a", ItemStatus.SCHEDULED), post("b", ItemStatus.SCHEDULED))
    state = shown(state, post("a", ItemStatus.FAILED), post("b", ItemStatus.PUBLISHED))

    seen = reducers.acknowledge_posts(state, ["a"])
    assert seen.site_posts.unseen_failed == frozenset()
    assert seen.site_posts.unseen_published == frozenset({"b"})
    assert reducers.acknowledge_posts(seen).site_posts.unseen_published == frozenset()

    # Rescheduled after failing (on the dashboard), or deleted: no longer news.
    moved = shown(state, post("a", ItemStatus.SCHEDULED))
    assert moved.site_posts.unseen_failed == frozenset()
    assert moved.site_posts.unseen_published == frozenset()


def test_site_posts_are_newest_first_and_remembered_by_identity() -> None:
    state = shown(PlannerState(), post("a", ItemStatus.DRAFT), post("b", ItemStatus.DRAFT))

    first = site_posts(state)

    assert site_posts(state) is first
    assert {entry.id for entry in first} == {"a", "b"}
