"""``FormField``: a labelled form row with a dirty mark and an inline error beside its input."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Label, Static

__all__ = ["FormField"]


class FormField(Vertical):
    """One field of a form: its label, its input widget(s), a hint, and its error message.

    The owner sets :attr:`error` and :attr:`dirty`; the row shows a ``●`` beside the label
    when the value differs from what is saved, and the message in red under the input.
    """

    DEFAULT_CSS: ClassVar[str] = """
    FormField {
        height: auto;
        margin: 0 0 1 0;
        padding: 0 1;
        border-left: blank;
    }
    FormField.-dirty {
        border-left: outer $warning;
    }
    FormField.-invalid {
        border-left: outer $error;
    }
    FormField > .form-field--label {
        text-style: bold;
        color: $text;
    }
    FormField > .form-field--hint {
        color: $text-muted;
    }
    FormField > .form-field--error {
        color: $text-error;
        display: none;
    }
    FormField.-invalid > .form-field--error {
        display: block;
    }
    """

    error: reactive[str] = reactive("", init=False)
    """The validation message; empty when the value is acceptable."""
    dirty: reactive[bool] = reactive(False, init=False)
    """Whether the value differs from the saved one."""

    def __init__(
        self,
        label: str,
        *children: Widget,
        hint: str = "",
        field_name: str,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id or f"field-{field_name.replace('.', '-')}")
        self.label = label
        self.field_name = field_name
        """The draft field (or ``frequencies.TOOL``) this row edits."""
        self._children = children
        self._hint = hint

    def compose(self) -> ComposeResult:
        yield Label(self.label, classes="form-field--label")
        yield from self._children
        if self._hint:
            yield Static(self._hint, classes="form-field--hint")
        yield Static("", classes="form-field--error")

    def watch_error(self, error: str) -> None:
        self.set_class(bool(error), "-invalid")
        if self.is_mounted:
            self.query_one(".form-field--error", Static).update(f"✖ {error}" if error else "")

    def watch_dirty(self, dirty: bool) -> None:
        self.set_class(dirty, "-dirty")
        if self.is_mounted:
            mark = " ●" if dirty else ""
            self.query_one(".form-field--label", Label).update(f"{self.label}{mark}")
