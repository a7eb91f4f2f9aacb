"""``SaveSummary``: the settings screen's bottom line, what stands between the form and the
server: fields to fix, changes not saved yet, or nothing."""

from __future__ import annotations

from dataclasses import dataclass

from textual.reactive import reactive
from textual.widgets import Static

__all__ = ["FormMarks", "SaveSummary"]


@dataclass(frozen=True)
class FormMarks:
    """The labels of the fields whose values are ``invalid``, and how many fields changed
    since the last save (``unsaved``)."""

    invalid: tuple[str, ...] = ()
    unsaved: int = 0


class SaveSummary(Static):
    """ "✖ Fix before saving: …" (class ``-invalid``), "● 2 unsaved changes — ctrl+s saves"
    (``-dirty``) or "All changes saved." (``-clean``); blank until the form is filled."""

    marks: reactive[FormMarks | None] = reactive(None)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)

    def watch_marks(self, marks: FormMarks | None) -> None:
        if marks is None:
            return
        if marks.invalid:
            self.update(f"✖ Fix before saving: {', '.join(marks.invalid)}")
            self.set_classes("-invalid")
        elif marks.unsaved:
            plural = "s" if marks.unsaved != 1 else ""
            self.update(f"● {marks.unsaved} unsaved change{plural} — ctrl+s saves")
            self.set_classes("-dirty")
        else:
            self.update("All changes saved.")
            self.set_classes("-clean")
