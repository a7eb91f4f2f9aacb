"""Copying text to the system clipboard with the platform's own tool, beside OSC 52.

The app copies with the terminal's OSC 52 sequence (Textual's ``copy_to_clipboard``), which
many terminals ignore (and tmux drops unless told otherwise) without any way to tell. So it
also hands the text to the system clipboard tool when one is installed and usable here:
``wl-copy`` on Wayland, ``xclip`` or ``xsel`` on X11, ``pbcopy`` on macOS, ``clip.exe`` on
Windows and WSL. Both are tried; the notice names what was used.

Plain Python (no Textual); the copy runs in a worker thread, as the tool may take a moment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["CLIPBOARD_TOOLS", "ClipboardTool", "copy_with_tool", "find_clipboard_tool"]

TIMEOUT = 3.0
"""Seconds a tool may take before the copy counts as failed."""


@dataclass(frozen=True, slots=True)
class ClipboardTool:
    """A command that puts its standard input on the clipboard."""

    name: str
    """The program, as the notice names it."""
    args: tuple[str, ...]
    """The arguments after the program."""
    needs: str | None = None
    """An environment variable that must be set for the tool to reach a clipboard (a
    Wayland or X11 display); ``None`` for none."""
    encoding: str = "utf-8"
    """What the tool reads: Windows' ``clip.exe`` takes UTF-16 with its byte-order mark."""


CLIPBOARD_TOOLS: tuple[ClipboardTool, ...] = (
    ClipboardTool("wl-copy", (), needs="WAYLAND_DISPLAY"),
    ClipboardTool("xclip", ("-selection", "clipboard"), needs="DISPLAY"),
    ClipboardTool("xsel", ("--clipboard", "--input"), needs="DISPLAY"),
    ClipboardTool("pbcopy", ()),
    ClipboardTool("clip.exe", (), encoding="utf-16"),
)
"""The tools tried, in order; the first installed whose display is there is used."""


def find_clipboard_tool(
    environ: Mapping[str, str] | None = None,
) -> tuple[ClipboardTool, str] | None:
    """The first usable tool and the path of its program, or ``None`` when there is none."""
    env = os.environ if environ is None else environ
    for tool in CLIPBOARD_TOOLS:
        if tool.needs is not None and not env.get(tool.needs):
            continue
        program = shutil.which(tool.name, path=env.get("PATH"))
        if program is not None:
            return tool, program
    return None


def copy_with_tool(text: str, environ: Mapping[str, str] | None = None) -> str | None:
    """Put ``text`` on the system clipboard with the first usable tool; the tool's name when
    it worked, ``None`` when there is no tool or it failed (the OSC 52 copy may still have)."""
    found = find_clipboard_tool(environ)
    if found is None:
        return None
    tool, program = found
    try:
        # No pipes for output: xclip and wl-copy leave a child serving the selection, which
        # would keep a captured pipe open and the call waiting.
        done = subprocess.run(
            [program, *tool.args],
            input=text.encode(tool.encoding),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=TIMEOUT,
            check=False,
            env=None if environ is None else dict(environ),
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return tool.name if done.returncode == 0 else None
