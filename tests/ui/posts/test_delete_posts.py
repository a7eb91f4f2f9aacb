"""Deleting posts: a question that names what goes, only for drafts and scheduled posts."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.widgets import Static

from tests.harness import SIZE
from tests.ui.preview.fixed_plan import fixed_app
from tui_planner.api.errors import NotFoundError
from tui_planner.api.models import ChannelName, ItemStatus
from tui_planner.store.selectors import drafts, item
from tui_planner.sync.commands import DeleteItem
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.dialogs.confirm import ConfirmDialog
from tui_planner.ui.post_actions import find_post
from tui_planner.ui.screens.drafts import DraftsScreen
from tui_planner.ui.screens.post_preview import PostPreviewScreen
from tui_planner.ui.widgets.key_bar import KeyBar

Settle = Callable[..., Awaitable[None]]


def dialog_text(app: PlannerApp) -> tuple[str, str]:
    dialog = app.screen
    assert isinstance(dialog, ConfirmDialog)
    title = str(dialog.query_one("#confirm-title", Static).render())
    body = str(dialog.query_one("#confirm-body", Static).render())
    return title, body


async def assert_gone_from_sandbox(app: PlannerApp, item_id: str) -> None:
    assert app.session.backend is not None
    with pytest.raises(NotFoundError):
        await app.session.backend.publisher.get_item(item_id)


async def test_d_in_the_preview_names_the_post_and_deletes_it_everywhere(
    make_app: Callable[..., PlannerApp], settle: Settle, generate_plan: Settle
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        owner, entry = next(
            (owner, entry)
            for owner, entry in drafts(app.state)
            if entry.channel.name == ChannelName.INSTAGRAM
        )
        await app.push_screen(PostPreviewScreen(owner.id, ChannelName.INSTAGRAM))
        await settle(pilot, lambda: isinstance(app.screen, PostPreviewScreen), what="preview")

        await pilot.press("d")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="the question")
        assert dialog_text(app) == (
            f"Delete the Instagram post of '{owner.title}'?",
            "Its caption and image go for good.",
        )
        await pilot.press("y")
        await settle(pilot, lambda: find_post(app.state, entry.id) is None, what="deleted")
        await settle(pilot)

        await assert_gone_from_sandbox(app, entry.id)
        assert item(app.state, entry.id) is None
        assert entry.id not in app.state.site_posts.items
        preview = app.screen
        assert isinstance(preview, PostPreviewScreen)
        assert preview.post is not None
        assert preview.post.channel.name != ChannelName.INSTAGRAM


async def test_answering_no_keeps_the_post(
    make_app: Callable[..., PlannerApp], settle: Settle, generate_plan: Settle
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        owner, entry = drafts(app.state)[0]
        await app.push_screen(PostPreviewScreen(owner.id, entry.channel.name))
        await settle(pilot, lambda: isinstance(app.screen, PostPreviewScreen), what="preview")
        await pilot.press("d")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="the question")
        await pilot.press("n")
        await settle(pilot)
        assert find_post(app.state, entry.id) is not None
        assert app.session.backend is not None
        assert (await app.session.backend.publisher.get_item(entry.id)).status == ItemStatus.DRAFT


async def test_a_published_post_offers_no_edit_or_delete() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(PostPreviewScreen("act-countdown", ChannelName.FACEBOOK))
        await pilot.pause()
        preview = app.screen
        assert isinstance(preview, PostPreviewScreen)
        assert preview.post is not None
        assert preview.post.status == ItemStatus.PUBLISHED
        hints = str(preview.query_one(KeyBar).render())
        assert "Delete" not in hints
        assert "Edit caption" not in hints
        await pilot.press("d", "e")
        await pilot.pause()
        assert app.screen is preview
        assert not any(isinstance(c, DeleteItem) for c in app.session.engine.commands)  # type: ignore[union-attr]


async def test_shift_d_in_drafts_deletes_the_selection_after_one_question(
    make_app: Callable[..., PlannerApp], settle: Settle, generate_plan: Settle
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        await pilot.press("f3")
        await settle(pilot, lambda: isinstance(app.screen, DraftsScreen), what="drafts")
        screen = app.screen
        assert isinstance(screen, DraftsScreen)
        first, second, third = screen.table.keys[:3]
        await pilot.press("space", "down", "space")
        assert screen.selected_drafts == {first, second}

        await pilot.press("D")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="the question")
        title, body = dialog_text(app)
        assert title == "Delete 2 drafts?"
        assert body.startswith("Their captions and images go for good: the ")
        await pilot.press("y")
        await settle(pilot, lambda: app.screen is screen, what="back in drafts")
        await settle(pilot)

        for key in (first, second):
            await assert_gone_from_sandbox(app, key)
            assert find_post(app.state, key) is None
        assert third in screen.table.keys
        assert screen.selected_drafts == set()
