"""Exports of the plan: iCalendar, CSV and JSON, from one :class:`PlanExport`.

Plain Python (no Textual): the command line (``planner-tui export``) and the app (``x`` on
the calendar, the palette) both call :func:`plan_export`, then :func:`export_text` or
:func:`write_export`. The names load on first use (PEP 562), so declaring the command
line's ``--format`` (:mod:`.formats`) loads neither the store nor the models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui_planner.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from .files import default_export_dir, default_export_path, write_export
    from .formats import ExportFormat, export_text
    from .selection import PlanExport, export_site, plan_export

__all__ = [
    "ExportFormat",
    "PlanExport",
    "default_export_dir",
    "default_export_path",
    "export_site",
    "export_text",
    "plan_export",
    "write_export",
]

_HOMES = {
    "ExportFormat": ".formats",
    "PlanExport": ".selection",
    "default_export_dir": ".files",
    "default_export_path": ".files",
    "export_site": ".selection",
    "export_text": ".formats",
    "plan_export": ".selection",
    "write_export": ".files",
}

__getattr__, __dir__ = lazy_exports(__name__, _HOMES, globals(), __all__)
