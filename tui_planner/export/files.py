"""Export files: where they go by default, and writing one (atomically, 0600)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from tui_planner.config import write_private_file

from .formats import ExportFormat, export_text

if TYPE_CHECKING:
    from datetime import date

    from .selection import PlanExport

__all__ = ["default_export_dir", "default_export_path", "write_export"]


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
