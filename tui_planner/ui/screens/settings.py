"""The Settings screen: edit the marketing settings, save exactly what changed, regenerate.

No lost work: invalid values block saving with a summary, a failed save keeps every value,
and leaving with unsaved changes asks first (:meth:`SettingsScreen.confirm_leave`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Input, Select, SelectionList, Static, TextArea

from tui_planner.store.search import SearchKind
from tui_planner.store.settings_draft import (
    FIELD_LABELS,
    SettingsDraft,
    changed_fields,
    changed_paths,
    draft_from_settings,
    to_settings,
    validate,
)
from tui_planner.sync.commands import UpsertSettings
from tui_planner.ui.plan_commands import carry_plan_command
from tui_planner.ui.planner_screen import PlannerScreen
from tui_planner.ui.screens.settings_profiles import export_profile, import_profile
from tui_planner.ui.screens.settings_questions import (
    LeaveChoice,
    RegenerateChoice,
    ask_about_unsaved,
    ask_to_regenerate,
)
from tui_planner.ui.widgets.form_field import FormField
from tui_planner.ui.widgets.save_summary import FormMarks, SaveSummary
from tui_planner.ui.widgets.settings_form import TOOL_LABELS, SettingsForm
from tui_planner.ui.workers import WorkerGroup

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.widget import AwaitMount

    from tui_planner.api.models import MarketingSettings
    from tui_planner.store.search import SearchIndex
    from tui_planner.store.state import PlannerState
    from tui_planner.ui.search import MatchPosition

__all__ = ["LeaveChoice", "RegenerateChoice", "SettingsScreen"]


def _field_label(name: str) -> str:
    if name.startswith("frequencies."):
        tool = name.split(".", 1)[1]
        label = next((v for k, v in TOOL_LABELS.items() if k.value == tool), tool)
        return f"{FIELD_LABELS['frequencies']} ({label.lower()})"
    return FIELD_LABELS.get(name, name)


class SettingsScreen(PlannerScreen[None]):
    """The marketing settings form (mode ``settings``)."""

    TITLE = "Settings"
    CSS_PATH = "settings.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True, id="settings.save"),
        Binding("ctrl+z", "revert_field", "Revert field", priority=True, id="settings.revert"),
        # Priority: a multi-line field (TextArea) binds f6 and f7 to select line and all.
        Binding("f6", "export_profile", "Export", priority=True, id="settings.export"),
        Binding("f7", "import_profile", "Import", priority=True, id="settings.import"),
    ]

    marks: reactive[FormMarks | None] = reactive(None, init=False)
    """What the bottom line says: fields to fix, changes not saved (``None`` until filled)."""

    def __init__(self) -> None:
        super().__init__()
        self._original: SettingsDraft | None = None
        self._loaded_record: MarketingSettings | None = None
        self._errors: dict[str, str] = {}
        self._dirty: tuple[str, ...] = ()
        self._saving = False
        self._wanted_field: str | None = None

    def compose_body(self) -> ComposeResult:
        with Vertical(id="settings-body"):
            yield Static("Marketing settings", id="settings-title")
            yield Static(
                "They shape the plan the next time it is generated. "
                "ctrl+s saves; ctrl+z reverts the field you are in.",
                id="settings-intro",
            )
            yield Static("Loading settings…", id="settings-loading")
            yield SaveSummary(id="settings-summary").data_bind(SettingsScreen.marks)

    # -- state -----------------------------------------------------------------------------

    def state_changed(self, state: PlannerState) -> None:
        if not state.loaded:
            return
        form = self._form
        if form is None:
            self._build_form(state)
            return
        if state.settings is not self._loaded_record and not self._dirty and not self._saving:
            self._load_record(state.settings)

    @property
    def _form(self) -> SettingsForm | None:
        forms = self.query(SettingsForm)
        return forms.first() if forms else None

    def _build_form(self, state: PlannerState) -> None:
        self.query_one("#settings-loading").display = False
        form = SettingsForm(
            goals=state.options.goals,
            points_of_view=state.options.points_of_view,
            calendars=state.options.calendars,
            defaults=state.options.defaults,
            id="settings-form",
        )
        mounting = self.query_one("#settings-body").mount(form, before="#settings-summary")
        self.run_worker(
            self._load_when_mounted(mounting),
            group=WorkerGroup.SETTINGS_FORM,
            exit_on_error=False,
            description="Fill the settings form",
        )

    async def _load_when_mounted(self, mounting: AwaitMount) -> None:
        """Fill the form once every field in it is mounted (not merely after a refresh)."""
        await mounting
        self._load_record(self.state.settings)
        self._focus_wanted()

    def _load_record(self, record: MarketingSettings | None) -> None:
        form = self._form
        if form is None:
            return
        self._loaded_record = record
        self._original = draft_from_settings(record)
        with self.prevent(
            Input.Changed, Select.Changed, SelectionList.SelectedChanged, TextArea.Changed
        ):
            form.load_draft(self._original)
        form.show_read_only(record)
        self.call_after_refresh(self._refresh_marks)

    # -- search ----------------------------------------------------------------------------

    def focus_field(self, name: str) -> None:
        """Move into the field ``name`` (a draft field, or ``frequencies.TOOL``), as soon as
        the form is there."""
        self._wanted_field = name
        self._focus_wanted()

    def _focus_wanted(self) -> None:
        form = self._form
        if form is None or self._wanted_field is None:
            return
        field = form.first_field([self._wanted_field])
        if field is not None:
            self._wanted_field = None
            form.focus_field(field)

    def step_to_match(self, index: SearchIndex, query: str, step: int) -> MatchPosition | None:
        """Move into the next (or previous) field whose label matches ``query``."""
        from tui_planner.ui.search import pick_match

        form = self._form
        if form is None:
            return None
        wanted = set(index.matching(query, SearchKind.SETTING))
        fields = list(form.query(FormField))
        matched = [n for n, field in enumerate(fields) if field.field_name in wanted]
        if not matched:
            return None
        current = form.field_of(self.focused)
        here = fields.index(current) if current in fields else -0.5
        row, where = pick_match(matched, here, step)
        form.focus_field(fields[row])
        return where

    # -- editing ---------------------------------------------------------------------------

    @on(events.ScreenResume)
    def _show_the_focused_field(self) -> None:
        """Coming back to the settings, bring the field that has the focus into view, so
        what is typed next goes where the user is looking."""
        focused = self.focused
        if focused is not None:
            self.call_after_refresh(focused.scroll_visible, animate=False, immediate=True)

    @on(Input.Changed)
    @on(Select.Changed)
    @on(SelectionList.SelectedChanged)
    @on(TextArea.Changed)
    def _field_changed(self) -> None:
        self._refresh_marks()

    def _refresh_marks(self) -> None:
        form = self._form
        if form is None or self._original is None:
            return
        draft = form.read_draft()
        self._errors = validate(draft, self._original)
        self._dirty = changed_fields(self._original, draft)
        form.show_marks(self._errors, self._dirty)
        self._show_summary()

    def _show_summary(self) -> None:
        invalid = tuple(_field_label(name) for name in self._errors)
        self.marks = FormMarks(invalid, len(self._dirty))

    @property
    def is_dirty(self) -> bool:
        """Whether the form holds changes that are not saved."""
        return bool(self._dirty)

    def action_revert_field(self) -> None:
        """Put the focused field back to its saved value."""
        form = self._form
        if form is None or self._original is None:
            return
        field = form.field_of(self.focused)
        if field is None:
            self.notify("Move into a field to revert it.", timeout=3)
            return
        form.load_draft(self._original, only=field.field_name)
        self.call_after_refresh(self._refresh_marks)

    # -- saving ----------------------------------------------------------------------------

    def action_save(self) -> None:
        """Save the changed fields, then offer to regenerate."""
        self._save_and_offer()

    @work(
        exclusive=True,
        group=WorkerGroup.SETTINGS,
        exit_on_error=False,
        description="Saving settings",
    )
    async def _save_and_offer(self) -> None:
        if await self.save() and self._last_saved_paths:
            await self._offer_regenerate(self._last_saved_paths)

    _last_saved_paths: tuple[str, ...] = ()

    async def save(self) -> bool:
        """Send the changed paths; True when the server accepted them (or nothing changed)."""
        form = self._form
        if form is None or self._original is None:
            return False
        self._refresh_marks()
        if self._errors:
            names = ", ".join(_field_label(n) for n in self._errors)
            self.notify(f"Not saved: fix {names} first.", title="Settings", severity="error")
            first = form.first_field(self._errors)
            if first is not None:
                form.focus_field(first)
            return False
        draft = form.read_draft()
        paths = changed_paths(self._original, draft)
        self._last_saved_paths = paths
        if not paths:
            self.notify("Nothing to save: no field has changed.", timeout=3)
            return True
        self._saving = True
        try:
            outcome = await self.host.execute(UpsertSettings(to_settings(draft), paths))
        finally:
            self._saving = False
        if not outcome.ok:
            # Every value stays in the form; the user can fix the cause and save again.
            self.notify(outcome.message, title="Settings not saved", severity="error")
            return False
        self._original = draft
        self._loaded_record = self.state.settings
        self._refresh_marks()
        count = len(paths)
        self.notify(f"Saved {count} setting{'s' if count != 1 else ''}.", title="Settings")
        return True

    async def _offer_regenerate(self, paths: tuple[str, ...]) -> None:
        command = await ask_to_regenerate(self.app, self.state.plan_status, paths)
        if command is not None:
            # The dialog named what would be lost; this sends it and sums up after.
            await carry_plan_command(self.app, command)

    # -- leaving ---------------------------------------------------------------------------

    async def confirm_leave(self) -> bool:
        """Ask about unsaved changes; True when it is fine to leave this screen."""
        if not self._dirty:
            return True
        names = ", ".join(_field_label(n) for n in self._dirty)
        choice = await ask_about_unsaved(self.app, names)
        if choice is LeaveChoice.SAVE:
            return await self.save()
        if choice is LeaveChoice.DISCARD:
            self._load_record(self._loaded_record)
            self._dirty = ()
            return True
        return False

    # -- profiles --------------------------------------------------------------------------

    def action_export_profile(self) -> None:
        """Write the form's current values to a TOML profile."""
        self._export_profile()

    @work(
        exclusive=True,
        group=WorkerGroup.SETTINGS,
        exit_on_error=False,
        description="Exporting settings",
    )
    async def _export_profile(self) -> None:
        if self._form is not None:
            await export_profile(self.app, self._form)

    def action_import_profile(self) -> None:
        """Load a TOML profile into the form after showing what it changes."""
        self._import_profile()

    @work(
        exclusive=True,
        group=WorkerGroup.SETTINGS,
        exit_on_error=False,
        description="Importing settings",
    )
    async def _import_profile(self) -> None:
        if self._form is not None and await import_profile(self.app, self._form):
            self.call_after_refresh(self._refresh_marks)
