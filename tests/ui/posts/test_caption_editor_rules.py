"""The caption editor's rules over a fixed site: what it refuses to send, and what it keeps."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

from textual.widgets import Button, TextArea

from tests.harness import SIZE, RecordingEngine
from tests.ui.posts.fixed_posts import posts_app, posts_state, refused
from tui_planner.api.errors import ServerError
from tui_planner.api.models import ItemStatus
from tui_planner.store.state import PlannerState, frozen_mapping
from tui_planner.sync.commands import Command, CommandOutcome, UpdateItemCaption
from tui_planner.ui.dialogs.form_modal import STILL_SAVING
from tui_planner.ui.screens.caption_editor import CaptionEditor
from tui_planner.ui.screens.posts import PostsScreen
from tui_planner.ui.widgets.field_error import FieldError

LONG = " Every piece is one of a kind, thrown and glazed by hand in our Asheville studio." * 3


async def open_editor(pilot: Any, item_id: str) -> CaptionEditor:
    await pilot.press("f8")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PostsScreen)
    screen.post_list.move_to_key(item_id)
    await pilot.press("e")
    await pilot.pause()
    editor = pilot.app.screen
    assert isinstance(editor, CaptionEditor)
    return editor


def error_of(editor: CaptionEditor) -> str | None:
    return editor.query_one("#form-error", FieldError).message


async def test_an_x_caption_over_its_weighted_limit_is_not_sent() -> None:
    app, engine = posts_app()
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, "x-glaze")
        editor.query_one(TextArea).insert(LONG)
        await pilot.pause()
        counter = str(editor.query_one("#editor-counter").render())
        assert counter.startswith("3")
        assert "/ 280 characters (X-weighted)" in counter
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert engine.commands == []
        assert app.screen is editor
        error = error_of(editor)
        assert error is not None
        assert error.startswith("X takes at most 280 characters as X counts them; this caption")


async def test_an_empty_caption_is_refused_and_an_unchanged_one_closes_without_a_request() -> None:
    app, engine = posts_app()
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, "fb-dashboard")
        editor.query_one(TextArea).text = "   "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_of(editor) == "A post needs a caption; write one, or delete the post instead."
        editor.query_one(TextArea).text = editor.entry.text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PostsScreen)
        assert engine.commands == []


async def test_a_saved_caption_is_sent_trimmed_and_the_editor_closes() -> None:
    app, engine = posts_app()
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, "fb-dashboard")
        editor.query_one(TextArea).text = "  Gift cards are back: any amount, any class.\n"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert engine.commands == [
            UpdateItemCaption("fb-dashboard", "Gift cards are back: any amount, any class.")
        ]
        assert isinstance(app.screen, PostsScreen)


async def test_a_428_locks_the_editor_with_the_text_and_c_copies_it() -> None:
    app, _ = posts_app(answer=refused)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, "ig-glaze")
        editor.query_one(TextArea).insert(" Hurry!")
        typed = editor.text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert editor.locked_reason is not None
        assert editor.locked_reason.startswith("This post is going out now")
        assert editor.text == typed
        assert editor.query_one("#form-save", Button).disabled
        await pilot.press("c")
        assert app.clipboard == typed
        assert editor.text == typed, "c copies once locked; it types nothing"


async def test_a_server_error_keeps_the_editor_open_and_editable() -> None:
    def busy(command: Command) -> CommandOutcome:
        error = ServerError("Server error", status=500)
        message = "The server failed; try again."
        return CommandOutcome(command, ok=False, message=message, error=error)

    app, engine = posts_app(answer=busy)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, "ig-glaze")
        editor.query_one(TextArea).insert(" Hurry!")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert editor.locked_reason is None
        assert error_of(editor) == "The server failed; try again."
        assert not editor.query_one(TextArea).read_only
        assert len(engine.commands) == 1


class SlowEngine(RecordingEngine):
    """Holds every command until :attr:`release` is set."""

    def __init__(self, state: PlannerState) -> None:
        super().__init__(state)
        self.release = asyncio.Event()

    async def execute(self, command: Command) -> CommandOutcome:
        self.commands.append(command)
        await self.release.wait()
        return CommandOutcome(command, ok=True, message="Saved the caption")


async def test_a_second_save_while_one_is_out_drops_nothing() -> None:
    app, engine = posts_app(engine=SlowEngine(posts_state()))
    assert isinstance(engine, SlowEngine)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, "ig-glaze")
        editor.query_one(TextArea).insert(" Hurry!")
        typed = editor.text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert editor.saving
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        assert len(engine.commands) == 1
        assert app.screen is editor
        assert editor.text == typed
        assert any(n.message == STILL_SAVING for n in app._notifications)
        engine.release.set()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PostsScreen)


async def test_the_post_going_out_while_the_editor_is_open_locks_it() -> None:
    app, engine = posts_app()

    def publishing(state: PlannerState) -> PlannerState:
        items = dict(state.site_posts.items)
        items["ig-glaze"] = items["ig-glaze"].model_copy(update={"status": ItemStatus.PROCESSING})
        return replace(state, site_posts=replace(state.site_posts, items=frozen_mapping(items)))

    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, "ig-glaze")
        editor.query_one(TextArea).insert(" Hurry!")
        engine.store.apply(publishing)
        await pilot.pause()
        assert editor.locked_reason is not None
        assert "going out now" in editor.locked_reason
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert engine.commands == []
