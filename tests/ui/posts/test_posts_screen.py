"""The Posts section over a fixed site: keys, filters, the failures' count and news."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from textual.notifications import Notification
from textual.widgets import Input, Select

from tests.harness import SIZE, RecordingEngine
from tests.ui.posts.fixed_posts import post, posts_app, posts_state
from tui_planner.api.models import ChannelName, ItemStatus
from tui_planner.store.state import PlannerState, SitePosts, frozen_mapping
from tui_planner.sync.commands import DeleteItem
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.dialogs.confirm import ConfirmDialog
from tui_planner.ui.palette import planner_entries
from tui_planner.ui.post_news import FAILED_SEEN_TIMEOUT, FAILED_TIMEOUT
from tui_planner.ui.screens.caption_editor import CaptionEditor
from tui_planner.ui.screens.post_preview import PostPreviewScreen
from tui_planner.ui.screens.posts import BIG_LIST, PostsScreen
from tui_planner.ui.screens.posts_filter import PostsFilterDialog
from tui_planner.ui.widgets.field_error import FieldError
from tui_planner.ui.widgets.key_bar import KeyBar
from tui_planner.ui.widgets.post_detail import PostDetail
from tui_planner.ui.widgets.post_sections import PostsFilter
from tui_planner.ui.widgets.status_bar import StatusBar


def notifications(app: PlannerApp) -> list[Notification]:
    return list(app._notifications)


async def open_posts(pilot: Any) -> PostsScreen:
    await pilot.press("f8")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PostsScreen)
    return screen


def hints(screen: Any) -> str:
    return str(screen.query_one(KeyBar).render())


async def test_f8_opens_every_post_of_the_site_by_group() -> None:
    app, _ = posts_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_posts(pilot)
        assert screen.post_list.keys == (
            "fb-dashboard",
            "ig-glaze",
            "fb-glaze",
            "li-kiln",
            "ig-open",
            "ig-imported",
            "fb-open",
            "pin-dashboard",
            "x-glaze",
            "li-open",
        )
        assert screen.sub_title == "10 posts · 2 failed"
        assert "Switch to Posts" in [entry.title for entry in planner_entries(app)]


async def test_the_cursor_shows_each_post_in_full_and_offers_only_what_its_status_allows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app, engine = posts_app()
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_posts(pilot)
        detail = screen.query_one(PostDetail)
        assert "Edit caption" in hints(screen)
        assert "Delete" in hints(screen)

        screen.post_list.move_to_key("ig-open")  # published, with figures and a live link
        await pilot.pause()
        assert detail.post is not None
        assert detail.post.key == "ig-open"
        shown = str(detail.render())
        assert "2,456 seen · 131 interactions" in shown
        assert "102 likes, 17 comments, 12 shares" in shown
        assert "https://www.instagram.com/p/C0ldG1aze/" in shown
        assert "Edit caption" not in hints(screen)
        assert "Delete" not in hints(screen)
        assert "Open live post" in hints(screen)
        await pilot.press("d", "e")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("o")
        await pilot.press("enter")
        assert opened == ["https://www.instagram.com/p/C0ldG1aze/"] * 2

        await pilot.press("down", "down")  # fb-open: failed, with its reason
        assert detail.post is not None
        assert detail.post.key == "fb-open"
        shown = str(detail.render())
        assert "Why  The Facebook page's access token expired; reconnect the account" in shown
        assert "(TOKEN_EXPIRED)" in shown
        assert not any(isinstance(command, DeleteItem) for command in engine.commands)


async def test_enter_on_a_plan_post_opens_its_preview_and_e_the_caption_editor() -> None:
    app, _ = posts_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_posts(pilot)
        screen.post_list.move_to_key("ig-glaze")
        await pilot.press("enter")
        await pilot.pause()
        preview = app.screen
        assert isinstance(preview, PostPreviewScreen)
        assert preview.activity_id == "act-glaze"
        assert preview.post is not None
        assert preview.post.id == "ig-glaze"
        await pilot.press("escape")
        await pilot.pause()

        screen.post_list.move_to_key("fb-dashboard")  # scheduled, not in the plan
        await pilot.press("e")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, CaptionEditor)
        assert editor.entry.id == "fb-dashboard"
        assert editor.text.startswith("Gift cards are back")


async def test_d_deletes_a_scheduled_post_after_saying_when_it_would_have_gone_out() -> None:
    app, engine = posts_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_posts(pilot)
        screen.post_list.move_to_key("ig-glaze")
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert dialog._title == "Delete the Instagram post of 'Winter glaze sale'?"
        assert dialog._body == (
            "It will not go out on Tue 24 Nov at 10:00. Its caption and image go for good."
        )
        await pilot.press("y")
        await pilot.pause()
        assert engine.commands == [DeleteItem("ig-glaze")]


async def test_the_filter_dialog_narrows_the_list_and_shift_f_clears_it() -> None:
    app, _ = posts_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_posts(pilot)
        await pilot.press("f")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PostsFilterDialog)
        dialog.query_one("#filter-channel", Select).value = ChannelName.FACEBOOK
        dialog.query_one("#filter-first", Input).value = "2026-13-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog, "a day that cannot be read keeps the dialog open"
        assert dialog.query_one("#filter-first-error", FieldError).message
        dialog.query_one("#filter-first", Input).value = "2026-11-20"
        dialog.query_one("#filter-last", Input).value = "2026-11-19"
        await pilot.press("ctrl+s")
        await pilot.pause()
        last_error = dialog.query_one("#filter-last-error", FieldError).message
        assert last_error is not None
        assert "ends before it starts" in last_error
        dialog.query_one("#filter-last", Input).value = "+1w"
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert isinstance(app.screen, PostsScreen)
        assert screen.filter == PostsFilter(
            channel=ChannelName.FACEBOOK, first=date(2026, 11, 20), last=date(2026, 11, 30)
        )
        assert screen.post_list.keys == ("fb-dashboard", "fb-glaze", "fb-open")
        assert "Clear filters" in hints(screen)
        await pilot.press("F")
        await pilot.pause()
        assert len(screen.post_list.keys) == 10


def with_unseen_failure(state: PlannerState) -> PlannerState:
    """``state`` after a sync saw the scheduled Instagram post fail."""
    items = dict(state.site_posts.items)
    was = items["ig-glaze"]
    items["ig-glaze"] = post(
        was.id,
        ChannelName.INSTAGRAM,
        was.text,
        ItemStatus.FAILED,
        was.scheduled_date,
        publicationError={"code": "RATE_LIMITED", "message": "Instagram is busy"},
    )
    posts = state.site_posts.updated(frozen_mapping(items), read_at=None, complete=True)
    return replace(state, site_posts=posts)


async def test_a_failure_is_a_toast_and_a_count_that_stay_until_the_posts_are_opened() -> None:
    app, engine = posts_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        engine.store.apply(with_unseen_failure)
        await pilot.pause()

        (toast,) = [n for n in notifications(app) if n.title == "Post failed"]
        assert toast.message == (
            "The Instagram post of 'Winter glaze sale' did not go out: "
            "Instagram is busy (RATE_LIMITED)."
        )
        assert toast.severity == "error"
        assert toast.timeout == FAILED_TIMEOUT
        status = str(app.screen.query_one("#status-failed").render())
        assert status == "✗ 1 post failed · f8 Posts"

        await open_posts(pilot)
        await pilot.pause()
        assert app.state.site_posts.unseen_failed == frozenset()
        assert app.screen.query_one(StatusBar).query_one("#status-failed").has_class("-hidden")
        # The section lists it with its reason: the toast, which only a click took away
        # before, has gone, and the same failure is not told again.
        assert [n for n in notifications(app) if n.title == "Post failed"] == []
        engine.store.apply(lambda s: replace(s, last_error="something else"))
        await pilot.pause()
        assert [n for n in notifications(app) if n.title == "Post failed"] == []


async def test_a_failure_while_the_posts_are_on_show_is_a_toast_that_fades() -> None:
    app, engine = posts_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_posts(pilot)
        engine.store.apply(with_unseen_failure)
        await pilot.pause()

        (toast,) = [n for n in notifications(app) if n.title == "Post failed"]
        assert toast.timeout == FAILED_SEEN_TIMEOUT
        assert app.state.site_posts.unseen_failed == frozenset()


async def test_a_post_that_went_out_is_a_quiet_toast_and_seen_at_once() -> None:
    app, engine = posts_app()

    def went_out(state: PlannerState) -> PlannerState:
        items = dict(state.site_posts.items)
        items["li-kiln"] = items["li-kiln"].model_copy(update={"status": ItemStatus.PUBLISHED})
        return replace(
            state,
            site_posts=state.site_posts.updated(frozen_mapping(items), read_at=None, complete=True),
        )

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        engine.store.apply(went_out)
        await pilot.pause()
        (toast,) = [n for n in notifications(app) if n.title == "Published"]
        assert toast.message == "The LinkedIn post of 'Kiln opening, live' went out."
        assert toast.severity == "information"
        assert app.state.site_posts.unseen_published == frozenset()


class MorePostsEngine(RecordingEngine):
    """Answers a request for older posts by adding them, as the sync engine's next read."""

    async def _add_older(self) -> None:
        await asyncio.sleep(0)
        state = posts_state()
        self.store.apply(lambda s: replace(s, site_posts=state.site_posts))

    def read_more_posts(self) -> bool:
        self.more_posts_requests += 1
        asyncio.get_running_loop().create_task(self._add_older())
        return True


async def test_moving_past_the_last_post_reads_older_ones_when_there_are_more() -> None:
    state = posts_state()
    newest = dict(list(state.site_posts.items.items())[:4])
    capped = SitePosts(
        items=frozen_mapping(newest), read_at=state.site_posts.read_at, complete=False
    )
    app, engine = posts_app(engine=MorePostsEngine(replace(state, site_posts=capped)))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_posts(pilot)
        note = screen.post_list.note
        assert note is not None
        assert note.startswith("The newest 4 posts are here; move down past the last")
        await pilot.press("end", "down")
        await pilot.pause()
        await pilot.pause()
        assert engine.more_posts_requests == 1
        assert len(screen.post_list.keys) == 10
        assert screen.post_list.note is None


async def test_asking_for_more_when_every_post_is_here_says_so() -> None:
    state = posts_state()
    capped = replace(state.site_posts, complete=False)
    app, engine = posts_app(replace(state, site_posts=capped))
    async with app.run_test(size=SIZE) as pilot:
        await open_posts(pilot)
        await pilot.press("end", "down")
        await pilot.pause()
        assert engine.more_posts_requests == 1
        assert any("already here" in n.message for n in notifications(app))


def many_posts(count: int) -> PlannerState:
    """The fixed site with ``count`` more published posts, an hour apart, before the rest."""
    state = posts_state()
    items = dict(state.site_posts.items)
    first = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    for n in range(count):
        key = f"old-{n:04d}"
        when = first - timedelta(hours=n)
        items[key] = post(key, ChannelName.FACEBOOK, f"Old post {n}", ItemStatus.PUBLISHED, when)
    return replace(state, site_posts=replace(state.site_posts, items=frozen_mapping(items)))


async def test_a_long_list_is_made_off_the_loop_and_the_old_one_stays_meanwhile() -> None:
    app, engine = posts_app(many_posts(BIG_LIST))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_posts(pilot)
        for _ in range(50):
            if len(screen.post_list.keys) == BIG_LIST + 10:
                break
            await pilot.pause()
        assert len(screen.post_list.keys) == BIG_LIST + 10
        assert not screen.listing
        screen.post_list.move_to_key("old-0007")

        engine.store.apply(lambda s: replace(s, site_posts=many_posts(BIG_LIST + 1).site_posts))
        await pilot.pause()
        for _ in range(50):
            if not screen.listing:
                break
            await pilot.pause()
        assert len(screen.post_list.keys) == BIG_LIST + 11
        highlighted = screen.highlighted
        assert highlighted is not None
        assert highlighted.key == "old-0007", "the cursor stays on its post"
