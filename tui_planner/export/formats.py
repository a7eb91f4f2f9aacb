"""The export formats, and :func:`export_text`, which writes a :class:`PlanExport` in one."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .selection import PlanExport

__all__ = ["ExportFormat", "export_text"]


class ExportFormat(enum.StrEnum):
    """The formats a plan can be exported in; the value is the file extension."""

    ICS = "ics"
    """iCalendar, for calendar apps."""
    CSV = "csv"
    """One row per post, for spreadsheets."""
    JSON = "json"
    """The API's shapes, for scripts."""

    @property
    def encoding(self) -> str:
        """How a file of this format is written (CSV carries a BOM for Excel)."""
        from .csv_rows import CSV_ENCODING

        return CSV_ENCODING if self is ExportFormat.CSV else "utf-8"


def export_text(export: PlanExport, fmt: ExportFormat) -> str:
    """``export`` in ``fmt``."""
    match fmt:
        case ExportFormat.ICS:
            from .ics import to_ics

            return to_ics(export)
        case ExportFormat.CSV:
            from .csv_rows import to_csv

            return to_csv(export)
        case ExportFormat.JSON:
            from .json_plan import to_json

            return to_json(export)
