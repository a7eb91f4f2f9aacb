"""``FormModal``: the plumbing every modal form shares, so each form holds only its fields.

:class:`CommandForm` is the form that saves through the server itself: it stays open, with
what was typed, until the server has confirmed the change, and stays open with the server's
sentence when it refuses. Nothing typed is lost to a slow or failing save.
"""

from __future__ import annotations

import logging
from abc import abstractmethod
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import events, on
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, RadioSet, Select, Switch, TextArea

from tui_planner.debug_log import see_the_log
from tui_planner.ui.dialogs.button_dialog import ButtonDialog
from tui_planner.ui.dialogs.confirm import ConfirmDialog
from tui_planner.ui.planner_screen import planner_host
from tui_planner.ui.widgets.field_error import FieldError
from tui_planner.ui.workers import WorkerGroup

if TYPE_CHECKING:
    from tui_planner.sync.commands import Command, CommandOutcome

__all__ = ["SAVING_LABEL", "CommandForm", "FormModal", "discard_dialog"]

logger = logging.getLogger(__name__)

FIELDS = "Input, TextArea, RadioSet, Select, Checkbox, Switch"
"""The widgets that hold a form's values."""

SAVING_LABEL = "Saving…"
"""The save button's label while the server has the change and has not answered."""

STILL_SAVING = "Still saving: the form closes once the server has confirmed the change."
"""What a second save, or cancelling, says while a save is in flight."""

ResultT = TypeVar("ResultT")

FieldValues = tuple[tuple[str, object], ...]


def discard_dialog() -> ConfirmDialog:
    """The question before typing is thrown away: "Keep editing" has the focus."""
    return ConfirmDialog(
        "Discard your changes?",
        "What you typed in this form has not been saved; closing it now loses it.",
        "Discard",
        cancel_label="Keep editing",
    )


class FormModal(ButtonDialog[ResultT | None]):
    """A modal form: ``enter`` in a field or the save button saves; the other button cancels.

    Subclasses name their save button in :attr:`SAVE_BUTTON_ID`, bind ``escape`` to
    ``cancel`` and ``ctrl+s`` to ``save`` (with their own binding ids), and implement
    :meth:`action_save`, which validates and dismisses with the result.

    Cancelling a form whose fields differ from how it opened asks first, with the focus on
    "Keep editing", so a stray ``escape`` never throws typing away.
    """

    SAVE_BUTTON_ID: ClassVar[str] = "form-save"

    _opened_with: FieldValues | None = None

    @on(events.Mount)
    def _remember_fields(self) -> None:
        # After the first refresh, so values a subclass sets while mounting count as the start.
        self.call_after_refresh(self._take_snapshot)

    def _take_snapshot(self) -> None:
        self._opened_with = self._field_values()

    def _field_values(self) -> FieldValues:
        """Every field's value, in order: what "changed" is measured against."""
        values: list[tuple[str, object]] = []
        for widget in self.query(FIELDS):
            if isinstance(widget, Input | Select | Checkbox | Switch):
                value: object = widget.value
            elif isinstance(widget, TextArea):
                value = widget.text
            elif isinstance(widget, RadioSet):
                value = widget.pressed_index
            else:  # pragma: no cover - the query names only the types above
                continue
            values.append((widget.id or "", value))
        return tuple(values)

    @property
    def changed(self) -> bool:
        """Whether any field differs from how the form opened."""
        return self._opened_with is not None and self._field_values() != self._opened_with

    def action_save(self) -> None:
        """Validate the fields and dismiss with the result (each form defines it)."""

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The save button saves; any other button cancels."""
        event.stop()
        if event.button.id == self.SAVE_BUTTON_ID:
            self.action_save()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        """Close without a result; with changes in the fields, ask first."""
        if not self.changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(discard_dialog(), answered)


class CommandForm(FormModal["CommandOutcome"]):
    """A form that sends its command itself and closes only when the server confirmed it.

    A subclass implements :meth:`build_command`, which validates and returns the command
    (or ``None`` when there is nothing to send). While the command is in flight the fields
    are read-only, the save button reads "Saving…", and another save or a cancel is refused
    with a sentence, so a second ``ctrl+s`` can never replace or drop the first. On success
    the form notifies the outcome and dismisses with it; on failure it stays open with every
    value as typed and shows the server's sentence in the :class:`FieldError` with id
    :attr:`FORM_ERROR_ID`, which the subclass yields above its buttons.
    """

    FORM_ERROR_ID: ClassVar[str] = "form-error"
    NOTIFY_SAVED: ClassVar[bool] = True
    """Whether the form announces the server's confirmation itself (off when the screen
    that opened it says more about the result)."""

    _sending = False
    _save_label: str | None = None
    _focus_after: Widget | None = None

    @property
    def saving(self) -> bool:
        """Whether a save is in flight."""
        return self._sending

    @abstractmethod
    def build_command(self) -> Command | None:
        """The command the fields ask for, or ``None`` after saying why there is none.

        Each form says it (mypy refuses to make a form that does not; Textual's metaclass
        leaves no room for ``ABCMeta``)."""

    def action_save(self) -> None:
        """Send what the fields ask for, unless a save is already in flight."""
        if self._sending:
            # Checked before reading the fields: compared with the optimistic store, a
            # second save would find "nothing changed" and close over the first.
            self.notify(STILL_SAVING, timeout=3)
            return
        command = self.build_command()
        if command is not None:
            self.send(command)

    def send(self, command: Command) -> None:
        """Carry ``command`` to the server; the form waits, read-only, for the answer."""
        if self._sending:
            self.notify(STILL_SAVING, timeout=3)
            return
        self._set_sending(True)
        self.run_worker(
            self._carry(command),
            name="form save",
            group=WorkerGroup.FORM_SAVE,
            exit_on_error=False,
            description=command.describe(),
        )

    async def _carry(self, command: Command) -> None:
        try:
            # The PlannerApp's execute never raises for API errors; anything else reopens.
            outcome: CommandOutcome = await planner_host(self.app).execute(command)
        except Exception as error:  # The form must reopen, whatever went wrong.
            logger.error("saving %s failed unexpectedly", command.describe(), exc_info=error)
            self._set_sending(False)
            self._show_failure(f"Could not save: {error}.{see_the_log()}")
            return
        if outcome.ok:
            if self.NOTIFY_SAVED:
                self.notify(outcome.message, timeout=3)
            self.dismiss(outcome)
            return
        self._set_sending(False)
        self.save_refused(outcome)

    def save_refused(self, outcome: CommandOutcome) -> None:
        """The server refused the save: the form stays open with its sentence (a form may
        say more, or lock itself when saving can never work)."""
        self._show_failure(outcome.message)

    def _set_sending(self, sending: bool) -> None:
        self._sending = sending
        self.set_class(sending, "-saving")
        if sending:
            self._focus_after = self.focused
            self._show_failure(None)
        for field in self.query(FIELDS):
            field.disabled = sending
        for button in self.query(Button):
            button.disabled = sending
        save = self.query_one(f"#{self.SAVE_BUTTON_ID}", Button)
        if sending:
            self._save_label = str(save.label)
            save.label = SAVING_LABEL
        elif self._save_label is not None:
            save.label = self._save_label
        if not sending:
            target = self._focus_after
            if target is not None and target.is_attached:
                target.focus()

    def _show_failure(self, message: str | None) -> None:
        self.query_one(f"#{self.FORM_ERROR_ID}", FieldError).show(message)

    def action_cancel(self) -> None:
        """Close without a result (asking first about changes); not while saving."""
        if self._sending:
            self.notify(STILL_SAVING, timeout=3)
            return
        super().action_cancel()
