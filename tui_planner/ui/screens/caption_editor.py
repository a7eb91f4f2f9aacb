"""``CaptionEditor``: fix a post's caption before it goes out.

A modal over the post preview or the Posts section: the caption in a text area, and under
it the network's live counter (characters, or X's weighted length; hashtags; links) in the
error colour past a limit. ``ctrl+s`` saves through Update Item and the editor stays open,
read-only, until the server has the caption (:class:`CommandForm`); the new caption shows
behind it at once and goes back if the server refuses.

The Publisher lets a caption change only while the post is a DRAFT or SCHEDULED. If the
post moves on while the editor is open (a sync shows it publishing, or the save is answered
428), the editor keeps the text, says in a sentence why it can no longer be saved, and ``c``
copies it, so nothing typed is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static, TextArea

from tui_planner.api.models import ChannelName, ItemStatus
from tui_planner.api.text_rules import control_character_problem
from tui_planner.sync.commands import UpdateItemCaption
from tui_planner.ui.dialogs.form_modal import CommandForm
from tui_planner.ui.icons import channel_label
from tui_planner.ui.planner_screen import planner_host
from tui_planner.ui.post_actions import EDITABLE, find_post
from tui_planner.ui.widgets.caption_view import counter_line, measure_caption
from tui_planner.ui.widgets.field_error import FieldError
from tui_planner.ui.widgets.plain_text import PlainTextArea

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui_planner.api.models import PostItem
    from tui_planner.store.state import PlannerState
    from tui_planner.sync.commands import Command, CommandOutcome

__all__ = ["CaptionEditor", "moved_on_sentence"]

KEEP_TEXT = "Your text stays here: press c to copy it."

_GOING_OUT = frozenset({ItemStatus.PROCESSING, ItemStatus.IN_QUEUE, ItemStatus.PUBLISHED})

# What the Publisher answers (428) when the post is past editing, by application code.
_REFUSED_CODES = {
    "ITEM_IS_PUBLISHED": ItemStatus.PROCESSING,
    "ITEM_NOT_EDITABLE": ItemStatus.FAILED,
    "ITEM_IS_DELETED": ItemStatus.DELETED,
    "ITEM_NOT_EXISTS": ItemStatus.DELETED,
}


def moved_on_sentence(status: ItemStatus | None) -> str:
    """Why a post's caption can no longer be saved, once the post is ``status`` (``None``:
    gone), followed by how to keep the text."""
    if status is None or status == ItemStatus.DELETED:
        why = "This post has been deleted, so there is nothing to save the caption to."
    elif status in _GOING_OUT:
        going = "has gone out" if status == ItemStatus.PUBLISHED else "is going out now"
        why = f"This post {going}, so its caption can no longer change."
    elif status == ItemStatus.CANCELED:
        why = "This post was canceled, so its caption can no longer change."
    elif status == ItemStatus.FAILED:
        why = "This post failed to go out, so its caption can no longer change here."
    else:
        why = f"This post is {status.value.lower()} now, so its caption cannot change."
    return f"{why} {KEEP_TEXT}"


class CaptionEditor(CommandForm):
    """Edit the caption of ``entry`` (a DRAFT or SCHEDULED post), named ``name`` in the
    title ("the Instagram post of 'Winter glaze sale'")."""

    DEFAULT_CSS = """
    CaptionEditor {
        align: center middle;
        background: $background 60%;
    }
    CaptionEditor > #editor-box {
        width: 84;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }
    CaptionEditor.-locked > #editor-box {
        border: thick $warning;
    }
    CaptionEditor #form-title { text-style: bold; }
    CaptionEditor #editor-about { color: $text-muted; margin-bottom: 1; }
    CaptionEditor #editor-text { height: 12; }
    CaptionEditor.-short > #editor-box { padding: 0 1; }
    CaptionEditor.-short #editor-text { height: 7; }
    CaptionEditor.-short #editor-about { margin-bottom: 0; }
    CaptionEditor #editor-counter { margin-top: 1; color: $text-muted; }
    CaptionEditor #form-error { margin-top: 1; }
    CaptionEditor.-locked #form-error { color: $text-warning; }
    CaptionEditor #form-buttons { height: auto; margin-top: 1; }
    CaptionEditor #editor-keys {
        width: 1fr;
        height: 3;
        content-align: left middle;
        color: $text-muted;
    }
    CaptionEditor #form-buttons Button { margin-left: 1; }
    """

    # On a short terminal the text area gives up rows, so the buttons stay in sight.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="caption_editor.cancel"),
        Binding("ctrl+s", "save", "Save", id="caption_editor.save"),
        Binding("c", "copy_text", "Copy text", id="caption_editor.copy"),
    ]

    def __init__(self, entry: PostItem, *, name: str) -> None:
        super().__init__()
        self.entry = entry
        """The post as it was when the editor opened."""
        self.post_name = name
        """The post in words, for the title."""
        self.locked_reason: str | None = None
        """Why the caption can no longer be saved (``None`` while it can)."""

    def compose(self) -> ComposeResult:
        entry = self.entry
        network = channel_label(entry.channel.name)
        field = "description" if entry.text_path and entry.text_path[1] == "description" else ""
        with Vertical(id="editor-box"):
            yield Label(f"Edit the {network} {field or 'caption'}", id="form-title")
            yield Static(self._about(), id="editor-about", markup=False)
            yield PlainTextArea(entry.text, id="editor-text", soft_wrap=True)
            yield Static(id="editor-counter")
            yield FieldError(id=self.FORM_ERROR_ID)
            with Horizontal(id="form-buttons"):
                yield Static(id="editor-keys", markup=False)
                yield Button("Cancel", id="form-cancel")
                yield Button("Save", id=self.SAVE_BUTTON_ID, variant="primary")

    def _about(self) -> str:
        name = self.post_name
        status = self.entry.status
        return f"{name[:1].upper()}{name[1:]} · {status.value.lower()}"

    def on_mount(self) -> None:
        area = self.query_one("#editor-text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        self._count()
        self._show_keys()
        self.watch(self.app, "state", self._state_changed, init=False)
        self._state_changed(self._app_state())

    def _app_state(self) -> PlannerState:
        return planner_host(self.app).state

    # -- what is typed -------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The caption as typed."""
        return self.query_one("#editor-text", TextArea).text

    @on(TextArea.Changed, "#editor-text")
    def _typed(self) -> None:
        self._count()
        if self.locked_reason is None:
            self._show_failure(None)

    def _count(self) -> None:
        measure = measure_caption(self.entry.channel.name, self.text)
        self.query_one("#editor-counter", Static).update(counter_line(measure))

    def _show_keys(self) -> None:
        keys = "esc close · c copy your text" if self.locked_reason else "ctrl+s save · esc close"
        self.query_one("#editor-keys", Static).update(keys)

    # -- the post moving on --------------------------------------------------------------------

    def _state_changed(self, state: PlannerState) -> None:
        if self.saving or self.locked_reason is not None:
            # A save in flight is settled by its answer; a locked editor stays locked.
            return
        current = find_post(state, self.entry.id)
        if current is None:
            if state.loaded:
                self.stop_editing(moved_on_sentence(None))
            return
        if current.status not in EDITABLE:
            self.stop_editing(moved_on_sentence(current.status))

    def stop_editing(self, reason: str) -> None:
        """The caption can no longer be saved: keep the text, read-only, and say why."""
        self.locked_reason = reason
        self.add_class("-locked")
        self.query_one("#editor-text", TextArea).read_only = True
        self.query_one(f"#{self.SAVE_BUTTON_ID}", Button).disabled = True
        self.query_one("#form-cancel", Button).label = "Close"
        self._show_failure(reason)
        self._show_keys()
        self.refresh_bindings()

    def save_refused(self, outcome: CommandOutcome) -> None:
        """A refusal because the post moved on locks the editor; any other keeps it open."""
        error = outcome.error
        moved = _REFUSED_CODES.get(error.application_code or "") if error is not None else None
        if moved is None and error is not None and error.status == 404:
            moved = ItemStatus.DELETED
        if moved is not None:
            current = find_post(self._app_state(), self.entry.id)
            known = current.status if current is not None else None
            self.stop_editing(moved_on_sentence(known if known not in EDITABLE else moved))
            return
        super().save_refused(outcome)
        # The post may have moved on while the save was out.
        self._state_changed(self._app_state())

    # -- keys ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "copy_text":
            # While editing, c is a letter of the caption; once locked it copies.
            return self.locked_reason is not None
        if action == "save":
            return None if self.locked_reason is not None else True
        return super().check_action(action, parameters)

    def action_copy_text(self) -> None:
        """Put the typed caption on the clipboard."""
        self.app.copy_to_clipboard(self.text)
        self.notify("Copied your caption.", timeout=3)

    def build_command(self) -> Command | None:
        """The Update Item the typed caption asks for; ``None`` (with a sentence) when it
        cannot or need not go."""
        if self.locked_reason is not None:
            self.notify(self.locked_reason, severity="warning", timeout=5)
            return None
        text = self.text.strip()
        if text == self.entry.text.strip():
            self.notify("Nothing changed.", timeout=2)
            self.dismiss(None)
            return None
        problem = self._problem(text)
        if problem is not None:
            self._show_failure(problem)
            return None
        return UpdateItemCaption(self.entry.id, text)

    def _problem(self, text: str) -> str | None:
        if not text:
            return "A post needs a caption; write one, or delete the post instead."
        measure = measure_caption(self.entry.channel.name, text)
        if measure.too_long:
            network = channel_label(self.entry.channel.name)
            how = " as X counts them" if self.entry.channel.name == ChannelName.TWITTER else ""
            return (
                f"{network} takes at most {measure.length_limit:,} characters{how}; this "
                f"caption has {measure.length:,}. Shorten it to save."
            )
        return control_character_problem(text, "The caption", multiline=True)
