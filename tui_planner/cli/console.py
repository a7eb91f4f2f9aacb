"""How a command talks to the person (or script) that ran it.

Results go to stdout; sentences about problems, questions and the live progress line go to
stderr, so ``planner-tui plan --json | jq`` reads nothing but JSON. Exit codes mean one
thing each: :data:`EXIT_OK` done, :data:`EXIT_FAILED` the backend refused or failed,
:data:`EXIT_USAGE` bad input (flags, dates, ids, the config file).
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

__all__ = [
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "CommandError",
    "Progress",
    "ask_yes_no",
    "is_terminal",
    "print_json",
    "say",
]

EXIT_OK = 0
"""Done."""
EXIT_FAILED = 1
"""The backend failed or refused (or could not be opened)."""
EXIT_USAGE = 2
"""Bad input: flags, dates, ids, the config file, a question nobody could answer."""
EXIT_INTERRUPTED = 130


class CommandError(Exception):
    """Ends a command with one sentence on stderr and ``code``."""

    def __init__(self, sentence: str, code: int = EXIT_FAILED) -> None:
        super().__init__(sentence)
        self.sentence = sentence
        self.code = code


def say(sentence: str) -> None:
    """One sentence on stderr."""
    print(sentence, file=sys.stderr)


def is_terminal(stream: TextIO) -> bool:
    """Whether ``stream`` is a terminal someone is watching (not a pipe, file or cron)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or odd stream
        return False


def print_json(document: Any) -> None:
    """``document`` as indented JSON on stdout."""
    import json

    print(json.dumps(document, indent=2, ensure_ascii=False))


def ask_yes_no(question: str) -> bool:
    """Ask ``question`` on the terminal; only "y" or "yes" is yes (end of input is no)."""
    try:
        answer = input(question)
    except EOFError:
        print()
        return False
    return answer.strip().lower() in {"y", "yes"}


class Progress:
    """A line on stderr that rewrites itself (``\\r``) while something runs, on a terminal;
    silent when stderr is a pipe or a file, so logs of a cron job stay clean."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self.live = is_terminal(self._stream)
        """Whether anything is shown."""
        self._width = 0

    def show(self, text: str) -> None:
        """Replace the line with ``text``."""
        if not self.live:
            return
        padding = " " * max(0, self._width - len(text))
        self._stream.write(f"\r{text}{padding}")
        self._stream.flush()
        self._width = len(text)

    def clear(self) -> None:
        """Remove the line, leaving the cursor where it began."""
        if not self.live or not self._width:
            return
        self._stream.write("\r" + " " * self._width + "\r")
        self._stream.flush()
        self._width = 0
