"""The activity detail's lines, each a widget that draws itself from the activity it is given.

The screen holds the activity on show and a few facts about it in reactives and binds them
down (``data_bind``); each widget here re-renders when its own input changes and never asks
the screen or the app for anything.
"""

from __future__ import annotations

from datetime import UTC, tzinfo
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Label, Static

from tui_planner.api.models import ItemStatus
from tui_planner.day_words import day_text
from tui_planner.ui.icons import type_icon, type_label

if TYPE_CHECKING:
    from tui_planner.api.models import PlanMarketingActivity

__all__ = [
    "ActivityDescription",
    "ActivityTitle",
    "ActivityWhen",
    "StoriesHeading",
]


class ActivityTitle(Static):
    """The activity's title, or "Untitled activity"."""

    activity: reactive[PlanMarketingActivity | None] = reactive(None)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def watch_activity(self, activity: PlanMarketingActivity | None) -> None:
        self.update("" if activity is None else activity.title or "Untitled activity")


class ActivityWhen(Static):
    """The activity's type and its day and time in ``tz``: "◆ Social · Tuesday 24 November…"."""

    activity: reactive[PlanMarketingActivity | None] = reactive(None)

    def __init__(self, tz: tzinfo = UTC, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._tz = tz

    def watch_activity(self, activity: PlanMarketingActivity | None) -> None:
        if activity is None:
            self.update("")
            return
        when = activity.date.astimezone(self._tz)
        kind = activity.marketing_activity_type
        self.update(
            Text.assemble(
                (f"{type_icon(kind)} {type_label(kind)}", "bold"),
                f" · {day_text(when, long=True, year=True)}, {when:%H:%M}",
            )
        )


class ActivityDescription(Static):
    """The activity's description, or "No description."."""

    activity: reactive[PlanMarketingActivity | None] = reactive(None)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def watch_activity(self, activity: PlanMarketingActivity | None) -> None:
        self.update("" if activity is None else activity.description or "No description.")


class StoriesHeading(Label):
    """ "Stories", then the story keys while there are story drafts to act on; hidden when
    the activity has no stories."""

    activity: reactive[PlanMarketingActivity | None] = reactive(None)
    generating: reactive[bool] = reactive(False)

    def __init__(
        self, *, regenerate_key: str, clear_key: str, id: str | None = None, classes: str = ""
    ) -> None:
        super().__init__("Stories", id=id, classes=classes)
        self._regenerate_key = regenerate_key
        self._clear_key = clear_key

    def watch_activity(self) -> None:
        self._show()

    def watch_generating(self) -> None:
        self._show()

    def _show(self) -> None:
        activity = self.activity
        stories = activity.stories if activity is not None else ()
        self.display = bool(stories)
        heading = Text("Stories")
        has_drafts = any(story.status == ItemStatus.DRAFT for story in stories)
        if has_drafts and not self.generating:
            hint = Style(bold=False, dim=True)
            heading.append("   ")
            heading.append(self._regenerate_key)
            heading.append(" regenerate · ", hint)
            heading.append(self._clear_key)
            heading.append(" clear drafts", hint)
        self.update(heading)
