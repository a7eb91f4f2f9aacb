"""Which characters text sent to the API may hold: no control characters.

A BEL or SOH pasted into a title is invisible on screen, yet it would be stored and, in a
caption, sent on to a social network. The forms remove control characters as they are typed
or pasted (:func:`without_control_characters`), the form checks name any that arrive another
way (:func:`control_character_problem`), and the sandbox refuses them with a 400
(:func:`first_control_character`), so none is stored or sent.

Control characters are C0 (U+0000 to U+001F), DEL (U+007F) and C1 (U+0080 to U+009F). Tab and
line breaks are text in a multi-line field; in a single-line field a tab becomes a space.
"""

from __future__ import annotations

import re

__all__ = [
    "control_character_problem",
    "first_control_character",
    "without_control_characters",
]

# Control characters, and the same less tab, line feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_LINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile(r"\r\n?")


def first_control_character(text: str, *, multiline: bool = True) -> str | None:
    """The first control character in ``text`` (tab and line breaks allowed when
    ``multiline``), or ``None`` when there is none."""
    found = (_CONTROL_BUT_LINES if multiline else _CONTROL).search(text)
    return found.group() if found else None


def without_control_characters(text: str, *, multiline: bool) -> str:
    """``text`` with its control characters removed.

    In a multi-line field tabs stay and every line break becomes ``\\n``; in a single-line
    field a tab becomes a space and line breaks are removed with the rest.
    """
    if multiline:
        return _CONTROL_BUT_LINES.sub("", _LINE_BREAK.sub("\n", text))
    # A tab in one line of text separates words.
    return _CONTROL.sub("", text.replace("\t", " "))


def control_character_problem(text: str, label: str, *, multiline: bool) -> str | None:
    """The sentence for a field whose text holds a control character, or ``None``."""
    char = first_control_character(text, multiline=multiline)
    if char is None:
        return None
    return (
        f"{label} holds an invisible control character (U+{ord(char):04X}); "
        "retype the text without it."
    )
