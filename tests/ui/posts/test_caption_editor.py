"""The caption editor end to end: the real app over the in-memory sandbox, checked on the
sandbox itself (issue 14: fix one word in an AI caption without leaving the app)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from textual.widgets import Button, TextArea

from tests.harness import SIZE
from tui_planner.api.models import ChannelName, ItemStatus
from tui_planner.clock import ManualClock
from tui_planner.store.selectors import drafts, item
from tui_planner.sync.commands import RescheduleItem, ScheduleDrafts
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.dialogs.confirm import ConfirmDialog
from tui_planner.ui.post_actions import find_post
from tui_planner.ui.screens.caption_editor import KEEP_TEXT, CaptionEditor
from tui_planner.ui.screens.drafts import DraftsScreen
from tui_planner.ui.screens.post_preview import PostPreviewScreen
from tui_planner.ui.widgets.field_error import FieldError

Settle = Callable[..., Awaitable[None]]
ADDED = " Last call!"


async def sandbox_caption(app: PlannerApp, item_id: str) -> tuple[ItemStatus, str]:
    """The post's status and caption as the sandbox holds them, read through the client."""
    assert app.session.backend is not None
    found = await app.session.backend.publisher.get_item(item_id)
    return found.status, found.text


def editor(app: PlannerApp) -> CaptionEditor:
    screen = app.screen
    assert isinstance(screen, CaptionEditor), f"the editor is not open: {screen!r}"
    return screen


async def type_text(pilot: Any, text: str) -> None:
    await pilot.press(*text)


async def test_a_draft_caption_edited_in_the_preview_shows_in_drafts_and_after_a_sync(
    make_app: Callable[..., PlannerApp], shape: str, settle: Settle, generate_plan: Settle
) -> None:
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        await pilot.press("f3")
        await settle(pilot, lambda: isinstance(app.screen, DraftsScreen), what="drafts")
        drafts_screen = app.screen
        assert isinstance(drafts_screen, DraftsScreen)
        key = drafts_screen.table.cursor_key
        assert key is not None
        before = find_post(app.state, key)
        assert before is not None
        assert before.status == ItemStatus.DRAFT

        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, PostPreviewScreen), what="preview")
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, CaptionEditor), what="the editor")
        assert editor(app).text == before.text
        await type_text(pilot, ADDED)
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, PostPreviewScreen), what="saved")

        wanted = before.text.strip() + ADDED
        assert await sandbox_caption(app, key) == (ItemStatus.DRAFT, wanted)
        shown = find_post(app.state, key)
        assert shown is not None
        assert shown.text == wanted

        await pilot.press("escape")
        await settle(pilot, lambda: app.screen is drafts_screen, what="back in drafts")
        row = drafts_screen.table.get_row(key)
        assert str(row[-1]).endswith("Last call!")

        await pilot.press("ctrl+r")
        await settle(pilot)
        found = item(app.state, key)
        assert found is not None
        assert found[1].text == wanted
        assert app.state.site_posts.items[key].text == wanted


async def _scheduled_instagram_post(app: PlannerApp, clock: ManualClock) -> tuple[str, str]:
    """A connected draft scheduled to go out two minutes from now: (activity id, item id)."""
    owner, entry = next(
        (owner, entry)
        for owner, entry in drafts(app.state)
        if entry.channel.name == ChannelName.INSTAGRAM
    )
    outcome = await app.execute(ScheduleDrafts((entry.id,)))
    assert outcome.ok, outcome.message
    assert outcome.scheduled_ids == (entry.id,)
    moved = await app.execute(RescheduleItem(entry.id, clock.now() + timedelta(minutes=2)))
    assert moved.ok, moved.message
    return owner.id, entry.id


async def test_saving_after_the_post_went_out_keeps_the_text_with_the_reason(
    make_app: Callable[..., PlannerApp], clock: ManualClock, settle: Settle, generate_plan: Settle
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        activity_id, key = await _scheduled_instagram_post(app, clock)
        await settle(pilot)
        await app.push_screen(PostPreviewScreen(activity_id, ChannelName.INSTAGRAM))
        await settle(pilot, lambda: isinstance(app.screen, PostPreviewScreen), what="preview")
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, CaptionEditor), what="the editor")
        await type_text(pilot, ADDED)
        typed = editor(app).text

        # The post's time passes before the save reaches the server; no poll shows it first.
        assert app.session.engine is not None
        app.session.engine.pause()
        clock.advance(180)
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: editor(app).locked_reason is not None, what="locked")

        shown = editor(app)
        assert shown.text == typed
        error = shown.query_one("#form-error", FieldError).message
        assert error is not None
        assert "going out now" in error
        assert KEEP_TEXT in error
        assert shown.query_one("#editor-text", TextArea).read_only
        assert shown.query_one("#form-save", Button).disabled
        status, caption = await sandbox_caption(app, key)
        assert status in (ItemStatus.PROCESSING, ItemStatus.PUBLISHED)
        assert not caption.endswith(ADDED)
        # The optimistic caption went back: the store shows what the server holds.
        posted = find_post(app.state, key)
        assert posted is not None
        assert not posted.text.endswith(ADDED)

        await pilot.press("c")
        assert app.clipboard == typed


async def test_a_sync_showing_the_post_publishing_locks_the_open_editor(
    make_app: Callable[..., PlannerApp],
    clock: ManualClock,
    settle: Settle,
    advance: Settle,
    generate_plan: Settle,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        activity_id, key = await _scheduled_instagram_post(app, clock)
        await settle(pilot)
        await app.push_screen(PostPreviewScreen(activity_id, ChannelName.INSTAGRAM))
        await settle(pilot, lambda: isinstance(app.screen, PostPreviewScreen), what="preview")
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, CaptionEditor), what="the editor")
        await type_text(pilot, ADDED)
        typed = editor(app).text

        await advance(pilot, 150, step=5)
        await settle(pilot, lambda: editor(app).locked_reason is not None, what="locked")
        shown = editor(app)
        assert shown.text == typed
        post = find_post(app.state, key)
        assert post is not None
        assert post.status not in (ItemStatus.DRAFT, ItemStatus.SCHEDULED)

        await pilot.press("ctrl+s")  # refused in a sentence, nothing sent, text kept
        await pilot.pause()
        assert editor(app).text == typed
        _, caption = await sandbox_caption(app, key)
        assert not caption.endswith(ADDED)

        # escape asks first: the text has not been saved anywhere.
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="the question")
        await pilot.press("n")
        await pilot.pause()
        assert editor(app).text == typed
