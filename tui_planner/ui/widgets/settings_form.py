"""``SettingsForm``: every writable marketing setting as a keyboard form.

The form knows widgets, not rules: it turns its widgets into a :class:`SettingsDraft`
(:meth:`read_draft`), puts a draft back into them (:meth:`load_draft`), and shows the
messages and dirty marks the screen computes with ``tui_planner.store.settings_draft``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Select, SelectionList, Static, TextArea

from tui_planner.api.models import (
    PLAN_CHANNELS,
    CalendarOption,
    ChannelName,
    MarketingSettings,
    MarketingSettingsDefaults,
    MarketingTool,
    PlanGoal,
    PlanGoalOption,
    PointOfView,
    PointOfViewOption,
)
from tui_planner.store.settings_draft import (
    FIELD_LABELS,
    TOOL_LABELS,
    TOOL_OVERRIDE_KEYS,
    FrequencyDraft,
    SettingsDraft,
)
from tui_planner.ui.widgets.form_field import FormField
from tui_planner.ui.widgets.frequency_row import FrequencyRow
from tui_planner.ui.widgets.keyed_lists import KeyedSelectionList
from tui_planner.ui.widgets.plain_text import PlainInput, PlainTextArea
from tui_planner.ui.widgets.settings_labels import (
    CHANNEL_LABELS,
    TEXT_AREAS,
    TEXT_INPUTS,
    default_frequency,
    goal_label,
    humanise,
    lines_of,
)

__all__ = ["TOOL_LABELS", "SettingsForm", "humanise"]


class SettingsForm(VerticalScroll):
    """The marketing settings form, built from the option lists the API offers."""

    # The scroll's own home and end would leave a focused dropdown off screen (and space
    # would then open it over the header): the focus goes with the view instead. Inputs,
    # text areas and lists keep home and end for themselves.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "edge_field(0)", "First field", show=False, id="settings.first_field"),
        Binding("end", "edge_field(-1)", "Last field", show=False, id="settings.last_field"),
    ]

    DEFAULT_CSS: ClassVar[str] = """
    SettingsForm {
        padding: 0 1;
    }
    SettingsForm .settings-section {
        text-style: bold;
        color: $accent;
        margin: 1 0 0 0;
        padding: 0 1;
    }
    SettingsForm SelectionList {
        height: auto;
        max-height: 9;
    }
    SettingsForm TextArea {
        height: 5;
    }
    SettingsForm .frequency-row {
        height: auto;
    }
    SettingsForm .frequency-row Select {
        width: 30;
    }
    SettingsForm .frequency-row Input {
        width: 10;
        margin-right: 1;
    }
    SettingsForm .frequency-row Static {
        width: auto;
        padding: 1 1 0 1;
    }
    SettingsForm .read-only {
        color: $text-muted;
        padding: 0 1;
    }
    """

    def __init__(
        self,
        *,
        goals: Sequence[PlanGoalOption],
        points_of_view: Sequence[PointOfViewOption],
        calendars: Sequence[CalendarOption],
        defaults: MarketingSettingsDefaults | None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.goals = tuple(goals) or tuple(PlanGoalOption(plan_goal_key=g) for g in PlanGoal)
        self.points_of_view = tuple(points_of_view) or tuple(
            PointOfViewOption(point_of_view=p) for p in PointOfView
        )
        self.calendars = tuple(calendars)
        self.defaults = defaults

    # -- building ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        defaults = self.defaults
        goal_default = defaults.marketing_plan_goal if defaults else None
        goal_prompt = (
            f"Default: {goal_label(self.goals, goal_default.goal_key)}"
            if goal_default and goal_default.goal_key
            else "Choose a goal"
        )
        yield Static("Goal and voice", classes="settings-section")
        yield FormField(
            FIELD_LABELS["goal_key"],
            Select(
                [
                    (o.label or goal_label(self.goals, o.plan_goal_key), o.plan_goal_key)
                    for o in self.goals
                ],
                prompt=goal_prompt,
                id="goal_key",
            ),
            field_name="goal_key",
        )
        yield FormField(
            FIELD_LABELS["custom_goal"],
            # No max_length: a long paste stays whole and the check names the limit.
            PlainInput(placeholder="Or describe your own goal", id="custom_goal"),
            field_name="custom_goal",
        )
        yield FormField(
            FIELD_LABELS["point_of_view"],
            Select(
                [
                    (o.label or humanise(o.point_of_view.value), o.point_of_view)
                    for o in self.points_of_view
                ],
                prompt="Choose whose voice posts use",
                id="point_of_view",
            ),
            field_name="point_of_view",
        )
        yield FormField(
            FIELD_LABELS["tone_of_voice"],
            PlainInput(placeholder="e.g. warm and playful", id="tone_of_voice"),
            field_name="tone_of_voice",
        )

        yield Static("Tools and channels", classes="settings-section")
        yield FormField(
            FIELD_LABELS["marketing_tools"],
            KeyedSelectionList[MarketingTool](
                *((label, tool) for tool, label in TOOL_LABELS.items()), id="marketing_tools"
            ),
            hint="Space toggles. Without Social posts, the plan gets no posts to schedule.",
            field_name="marketing_tools",
        )
        channel_default = (
            ", ".join(CHANNEL_LABELS.get(c, c.value) for c in defaults.social_channels)
            if defaults and defaults.social_channels
            else ""
        )
        yield FormField(
            FIELD_LABELS["social_channels"],
            KeyedSelectionList[ChannelName](
                *((CHANNEL_LABELS[c], c) for c in PLAN_CHANNELS), id="social_channels"
            ),
            hint="A hint for captions; posts are written for every channel."
            + (f" Default: {channel_default}." if channel_default else ""),
            field_name="social_channels",
        )
        for tool in TOOL_OVERRIDE_KEYS:
            yield self._frequency_field(tool)

        yield Static("Content pillars", classes="settings-section")
        yield FormField(
            FIELD_LABELS["topics_included"],
            PlainTextArea(id="topics_included", soft_wrap=True),
            hint="One topic per line.",
            field_name="topics_included",
        )
        yield FormField(
            FIELD_LABELS["topics_excluded"],
            PlainTextArea(id="topics_excluded", soft_wrap=True),
            hint="One topic per line. These never appear in the plan.",
            field_name="topics_excluded",
        )

        yield Static("Business profile", classes="settings-section")
        for name, placeholder in (
            ("value_proposition", "What makes you different"),
            ("target_audience", "Who you sell to"),
            ("business_goal", "What you want this quarter"),
        ):
            yield FormField(
                FIELD_LABELS[name],
                PlainInput(placeholder=placeholder, id=name),
                field_name=name,
            )
        if self.calendars:
            yield FormField(
                FIELD_LABELS["calendar_ids"],
                KeyedSelectionList[str](
                    *((c.name or c.id, c.id) for c in self.calendars), id="calendar_ids"
                ),
                hint="Calendars whose events the plan is built around.",
                field_name="calendar_ids",
            )

        yield Static("Guidelines", classes="settings-section")
        yield FormField(
            FIELD_LABELS["content_guidelines"],
            PlainTextArea(id="content_guidelines", soft_wrap=True),
            field_name="content_guidelines",
        )
        yield FormField(
            FIELD_LABELS["image_guidelines"],
            PlainTextArea(id="image_guidelines", soft_wrap=True),
            field_name="image_guidelines",
        )
        yield Static("From your site (read-only)", classes="settings-section")
        yield Static("", id="read-only", classes="read-only")

    def _frequency_field(self, tool: MarketingTool) -> FormField:
        return FormField(
            f"{FIELD_LABELS['frequencies']}: {TOOL_LABELS[tool].lower()}",
            FrequencyRow(tool, default_frequency(self.defaults, tool)),
            field_name=f"frequencies.{tool.value}",
        )

    # -- draft <-> widgets -----------------------------------------------------------------

    def read_draft(self) -> SettingsDraft:
        """The draft the widgets currently show."""
        frequencies = {row.tool: row.read() for row in self.query(FrequencyRow)}
        calendar_ids: tuple[str, ...] = ()
        if self.calendars:
            calendar_ids = tuple(self.query_one("#calendar_ids", SelectionList).selected)
        draft = SettingsDraft(
            goal_key=self._select_value("goal_key"),
            custom_goal=self.query_one("#custom_goal", Input).value,
            marketing_tools=self._ordered(
                self.query_one("#marketing_tools", SelectionList).selected, TOOL_LABELS
            ),
            social_channels=self._ordered(
                self.query_one("#social_channels", SelectionList).selected, PLAN_CHANNELS
            ),
            point_of_view=self._select_value("point_of_view"),
            tone_of_voice=self.query_one("#tone_of_voice", Input).value,
            topics_included=lines_of(self.query_one("#topics_included", TextArea).text),
            topics_excluded=lines_of(self.query_one("#topics_excluded", TextArea).text),
            value_proposition=self.query_one("#value_proposition", Input).value,
            target_audience=self.query_one("#target_audience", Input).value,
            business_goal=self.query_one("#business_goal", Input).value,
            calendar_ids=calendar_ids,
            content_guidelines=self.query_one("#content_guidelines", TextArea).text,
            image_guidelines=self.query_one("#image_guidelines", TextArea).text,
        )
        for tool, frequency in frequencies.items():
            draft = draft.with_frequency(tool, frequency)
        return draft

    @staticmethod
    def _ordered(selected: Iterable[Any], order: Iterable[Any]) -> tuple[Any, ...]:
        chosen = set(selected)
        return tuple(value for value in order if value in chosen)

    def _select_value(self, widget_id: str) -> Any:
        value = self.query_one(f"#{widget_id}", Select).value
        return None if value is Select.NULL else value

    def load_draft(self, draft: SettingsDraft, only: str | None = None) -> None:
        """Show ``draft`` in the widgets (all fields, or just the field named ``only``)."""
        names = (
            [only]
            if only
            else [
                "goal_key",
                "custom_goal",
                "marketing_tools",
                "social_channels",
                "point_of_view",
                *TEXT_INPUTS[1:],
                *TEXT_AREAS,
                "calendar_ids",
                *(f"frequencies.{tool.value}" for tool in TOOL_OVERRIDE_KEYS),
            ]
        )
        for name in dict.fromkeys(names):
            self._load_field(draft, name)

    def _load_field(self, draft: SettingsDraft, name: str) -> None:
        if name in TEXT_INPUTS:
            self.query_one(f"#{name}", Input).value = getattr(draft, name)
        elif name in TEXT_AREAS:
            value = getattr(draft, name)
            text = "\n".join(value) if isinstance(value, tuple) else value
            self.query_one(f"#{name}", TextArea).load_text(text)
        elif name in ("goal_key", "point_of_view"):
            self._set_select(name, getattr(draft, name))
        elif name in ("marketing_tools", "social_channels", "calendar_ids"):
            if name == "calendar_ids" and not self.calendars:
                return
            selection = self.query_one(f"#{name}", SelectionList)
            selection.deselect_all()
            for value in getattr(draft, name):
                selection.select(value)
        elif name.startswith("frequencies."):
            tool = MarketingTool(name.split(".", 1)[1])
            row = next(row for row in self.query(FrequencyRow) if row.tool == tool)
            row.show(draft.frequencies.get(tool, FrequencyDraft()))

    def _set_select(self, widget_id: str, value: Any) -> None:
        select = self.query_one(f"#{widget_id}", Select)
        if value is None:
            select.clear()
        else:
            select.value = value

    def show_read_only(self, record: MarketingSettings | None) -> None:
        """Show the site-derived fields (language, business location)."""
        settings = record.settings if record else None
        language = (settings.language if settings else None) or "—"
        location = settings.business_location if settings else None
        place = ", ".join(str(v) for v in (location or {}).values() if v) or "—"
        self.query_one("#read-only", Static).update(
            f"Language: {language}    Business location: {place}"
        )

    def show_marks(self, errors: dict[str, str], dirty: Iterable[str]) -> None:
        """Put each message beside its field and mark the changed fields."""
        dirty_set = set(dirty)
        for field in self.query(FormField):
            field.error = errors.get(field.field_name, "")
            field.dirty = field.field_name in dirty_set

    def field_of(self, widget: Widget | None) -> FormField | None:
        """The form row holding ``widget``, if any."""
        node = widget
        while node is not None and node is not self:
            if isinstance(node, FormField):
                return node
            parent = node.parent
            node = parent if isinstance(parent, Widget) else None
        return None

    def first_field(self, names: Iterable[str]) -> FormField | None:
        """The first row (top to bottom) whose field is among ``names``."""
        wanted = set(names)
        return next((f for f in self.query(FormField) if f.field_name in wanted), None)

    def action_edge_field(self, position: int) -> None:
        """Focus the first (0) or last (-1) field and bring it into view."""
        fields = list(self.query(FormField))
        if fields:
            self.focus_field(fields[position])

    def focus_field(self, field: FormField) -> None:
        """Move focus into ``field`` and scroll it into view."""
        for widget in field.query("Input, Select, SelectionList, TextArea"):
            if widget.focusable:
                widget.focus()
                break
        self.scroll_to_widget(field)
