"""Exports of the plan: iCalendar, CSV and JSON, from one :class:`PlanExport`.

Plain Python (no Textual): the command line (``planner-tui export``) and the app (``x`` on
the calendar, the palette) both call :func:`export_text` and :func:`write_export`.
"""

from __future__ import annotations

import enum
import os
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from tui_planner.config import write_private_file

from .selection import PlanExport, plan_export

if TYPE_CHECKING:
    from datetime import date

    from tui_planner.config import Config

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


def write_export(path: Path, export: PlanExport, fmt: ExportFormat) -> Path:
    """Write ``export`` in ``fmt`` to ``path`` (atomically, 0600; folders made as needed)."""
    # Plans are private business: the same 0600 as every file the app writes.
    text = export_text(export, fmt)
    write_private_file(path, text, encoding=fmt.encoding)
    return path


def default_export_dir(cwd: Path | None = None) -> Path:
    """Where an export goes unless told otherwise: the user's Downloads folder, else their
    Documents folder, else the working directory (the first that exists)."""
    for folder in (platformdirs.user_downloads_dir(), platformdirs.user_documents_dir()):
        candidate = Path(folder)
        if folder and candidate.is_dir() and os.access(candidate, os.W_OK):
            return candidate
    return cwd if cwd is not None else Path.cwd()


def default_export_path(fmt: ExportFormat, first: date, folder: Path | None = None) -> Path:
    """``marketing-plan-<day>.<ext>`` in ``folder`` (:func:`default_export_dir` if none)."""
    where = folder if folder is not None else default_export_dir()
    return where / f"marketing-plan-{first.isoformat()}.{fmt.value}"


def export_site(config: Config | None) -> str:
    """The site a config's plan belongs to, for the exports' UIDs: its site id, or the
    sandbox's (``None``: a config not validated yet, which only the sandbox runs without)."""
    from tui_planner.backend import SANDBOX_SITE_ID

    if config is None or config.uses_sandbox:
        return SANDBOX_SITE_ID
    return config.api.site_id or "wix"
