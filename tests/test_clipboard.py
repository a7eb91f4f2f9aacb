"""Which system clipboard tool is used, and how it is fed."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

from tui_planner.clipboard import copy_with_tool, find_clipboard_tool


def install(directory: Path, *names: str, body: str = "exit 0") -> None:
    directory.mkdir(exist_ok=True)
    for name in names:
        program = directory / name
        program.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        program.chmod(program.stat().st_mode | stat.S_IXUSR)


def tool_name(environ: dict[str, str]) -> str | None:
    found = find_clipboard_tool(environ)
    return found[0].name if found else None


def test_a_display_decides_between_wayland_and_x11_tools(tmp_path: Path) -> None:
    install(tmp_path, "wl-copy", "xclip", "xsel")
    path = str(tmp_path)

    assert tool_name({"PATH": path, "WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}) == "wl-copy"
    assert tool_name({"PATH": path, "DISPLAY": ":0"}) == "xclip"
    assert tool_name({"PATH": path}) is None  # no display: nothing to reach


def test_xsel_serves_when_xclip_is_missing_and_pbcopy_needs_no_display(tmp_path: Path) -> None:
    install(tmp_path, "xsel", "pbcopy")
    path = str(tmp_path)

    assert tool_name({"PATH": path, "DISPLAY": ":0"}) == "xsel"
    assert tool_name({"PATH": path}) == "pbcopy"


def test_clip_exe_is_fed_utf_16(tmp_path: Path) -> None:
    out = tmp_path / "out.bin"
    install(tmp_path / "bin", "clip.exe", body=f'{shutil.which("cat")} > "{out}"')

    used = copy_with_tool("Crème ✨", {"PATH": str(tmp_path / "bin")})

    assert used == "clip.exe"
    assert out.read_bytes().decode("utf-16") == "Crème ✨"
