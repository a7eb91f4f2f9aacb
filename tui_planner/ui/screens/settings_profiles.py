"""The settings screen's profiles (``f6``, ``f7``): the form's values written to a TOML file,
and a file's values read into the form after showing what they change.

Both ask through dialogs, so the screen runs them in a worker; neither saves anything to the
server: an imported profile waits in the form for ``ctrl+s``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui_planner.config import write_private_file
from tui_planner.store.settings_profile import (
    ProfileError,
    diff_drafts,
    dump_profile,
    load_profile,
)
from tui_planner.ui.dialogs.confirm import ConfirmDialog
from tui_planner.ui.dialogs.path_prompt import PathPrompt

if TYPE_CHECKING:
    from textual.app import App

    from tui_planner.ui.widgets.settings_form import SettingsForm

__all__ = ["PROFILE_NAME", "export_profile", "import_profile"]

PROFILE_NAME = "marketing-settings.toml"
"""The file name the prompts offer, in the working directory."""


async def export_profile(app: App[Any], form: SettingsForm) -> None:
    """Ask where, ask before replacing a file, then write ``form``'s values there (0600)."""
    path = await app.push_screen_wait(
        PathPrompt("Export settings to a profile file", Path.cwd() / PROFILE_NAME)
    )
    if path is None:
        return
    if path.exists() and not await app.push_screen_wait(
        ConfirmDialog("Replace file?", f"{path} exists. Replace it?", "Replace")
    ):
        return
    try:
        write_private_file(path, dump_profile(form.read_draft()))
    except OSError as exc:
        app.notify(f"Could not write {path}: {exc.strerror}.", severity="error")
        return
    app.notify(f"Settings exported to {path}.", title="Profile")


async def import_profile(app: App[Any], form: SettingsForm) -> bool:
    """Ask for a profile file, show what it changes in ``form`` and load it there once the
    user agrees; True when the form took its values."""
    path = await app.push_screen_wait(
        PathPrompt("Import a settings profile", Path.cwd() / PROFILE_NAME, must_exist=True)
    )
    if path is None:
        return False
    try:
        imported = load_profile(path.read_text(encoding="utf-8"), source=str(path))
    except (OSError, UnicodeDecodeError) as exc:
        app.notify(f"Could not read {path}: {exc}.", severity="error")
        return False
    except ProfileError as exc:
        app.notify(str(exc), title="Profile not imported", severity="error")
        return False
    changes = diff_drafts(form.read_draft(), imported)
    if not changes:
        app.notify("The profile matches the form; nothing to import.", timeout=4)
        return False
    lines = "\n".join(f"• {c.label}: {c.before} → {c.after}" for c in changes)
    if not await app.push_screen_wait(
        ConfirmDialog(
            "Import this profile?",
            f"{lines}\n\nThe form takes these values; save with ctrl+s.",
            "Import",
            destructive=False,
        )
    ):
        return False
    form.load_draft(imported)
    app.notify(f"Imported {len(changes)} change(s). Review, then ctrl+s to save.")
    return True
