"""``FieldError``: the line under a form field where its complaint appears."""

from __future__ import annotations

from textual.widgets import Static

__all__ = ["FieldError"]


class FieldError(Static):
    """Hidden while the field is fine; shows a sentence in the error colour when it is not."""

    DEFAULT_CSS = """
    FieldError {
        color: $error;
        height: auto;
        display: none;
    }
    FieldError.-shown {
        display: block;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.message: str | None = None
        """The complaint on show, if any."""

    def show(self, message: str | None) -> None:
        """Show ``message``, or hide the line when it is ``None``."""
        self.message = message
        self.update(message or "")
        self.set_class(bool(message), "-shown")
