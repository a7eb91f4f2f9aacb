"""Small modal dialogs that several screens reuse."""

from tui_planner.ui.dialogs.confirm import ConfirmDialog
from tui_planner.ui.dialogs.text_prompt import TextPromptDialog

__all__ = ["ConfirmDialog", "TextPromptDialog"]
