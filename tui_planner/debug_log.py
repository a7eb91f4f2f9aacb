"""The debug log: a private, rotating file of what the app did, to send with a bug report.

One file (``planner-tui.log`` in the user log directory, ``~/.local/state/planner-tui/log/``
on Linux; :func:`log_file`), kept below :data:`MAX_BYTES` with :data:`BACKUPS` older files
beside it, every one 0600 in a 0700 folder. What goes in, by level (``[log] level`` in the
config, ``--debug`` on the command line):

- ``warning`` (the default): problems, and the full traceback of anything the app caught
  that it did not expect;
- ``info``: also the sync engine's decisions (polls, waits, backoff, what a reload changed)
  and the commands sent;
- ``debug``: also every request (method, path, status, duration).

Never the API key: requests are logged by path, never headers or bodies, and every record
is scrubbed of the secrets named to :func:`hide_secret` before it is written. Only the
``tui_planner`` loggers write here, not the libraries'.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import platformdirs

if TYPE_CHECKING:
    from io import TextIOWrapper

__all__ = [
    "BACKUPS",
    "LEVELS",
    "LOGGER_NAME",
    "MAX_BYTES",
    "LogLevel",
    "active_log_file",
    "forget_secrets",
    "hide_secret",
    "log_file",
    "see_the_log",
    "set_log_level",
    "start_log",
    "stop_log",
]

LogLevel = Literal["debug", "info", "warning"]
"""How much the log holds (see the module's docstring)."""

LEVELS: dict[LogLevel, int] = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
}

LOGGER_NAME = "tui_planner"
"""The logger every module of the app logs under."""

LOG_FILE_NAME = "planner-tui.log"

MAX_BYTES = 1024 * 1024
"""The size at which the log starts a new file."""

BACKUPS = 3
"""How many older files are kept (``planner-tui.log.1`` to ``.3``)."""

_FORMAT = "%(asctime)s.%(msecs)03dZ %(levelname)-7s %(name)s: %(message)s"
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S"
_REDACTED = "********"


def log_file() -> Path:
    """Where the log is written: ``planner-tui.log`` in the platform's user log directory."""
    from tui_planner.config.locations import APP_NAME

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / LOG_FILE_NAME


def _private_rotating_file(path: Path) -> logging.FileHandler:
    """A rotating file handler whose files are created 0600 (the default follows umask).

    ``logging.handlers`` (with socket and pickle behind it) loads here, when the log opens,
    which for the app is after its first frame."""
    from logging.handlers import RotatingFileHandler

    class PrivateRotatingFile(RotatingFileHandler):
        def _open(self) -> TextIOWrapper:
            flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
            descriptor = os.open(self.baseFilename, flags, 0o600)
            os.chmod(self.baseFilename, 0o600)  # a file made by an older version keeps its mode
            return open(descriptor, "a", encoding=self.encoding, errors=self.errors)

    return PrivateRotatingFile(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")


class _UtcFormatter(logging.Formatter):
    """Times in UTC, as the API's are, whatever zone the machine is in."""

    def converter(self, seconds: float | None) -> time.struct_time:
        return time.gmtime(seconds)


class _Redactor(logging.Filter):
    """Blots every known secret out of a record's text, traceback included."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        text = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        for secret in self.secrets:
            text = text.replace(secret, _REDACTED)
            if record.exc_text:
                record.exc_text = record.exc_text.replace(secret, _REDACTED)
        record.msg, record.args = text, None
        return True


class _Log:
    """The one log of this process (module state: logging itself is process-wide)."""

    handler: logging.FileHandler | None = None
    redactor = _Redactor()


def start_log(level: LogLevel = "warning", path: Path | None = None) -> Path | None:
    """Write the ``tui_planner`` loggers' records at ``level`` and above to ``path``
    (:func:`log_file` by default); returns the file, or ``None`` when it cannot be opened
    (then a sentence on stderr says why and the app runs without a log).

    Calling it again moves the log to the new path and level.
    """
    target = path if path is not None else log_file()
    stop_log()
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = _private_rotating_file(target)
    except OSError as error:
        print(
            f"Warning: the log file {target} cannot be written ({error.strerror or error}); "
            "running without a log.",
            file=sys.stderr,
        )
        return None
    handler.setFormatter(_UtcFormatter(_FORMAT, _DATE_FORMAT))
    handler.addFilter(_Log.redactor)
    logger = logging.getLogger(LOGGER_NAME)
    logger.addHandler(handler)
    logger.setLevel(LEVELS[level])
    _Log.handler = handler
    return target


def see_the_log() -> str:
    """``" The log has the details: <file>"`` to end a sentence about an unexpected
    failure, when the log is being written (else nothing)."""
    from tui_planner.config.locations import display_path

    path = active_log_file()
    return f" The log has the details: {display_path(path)}" if path is not None else ""


def set_log_level(level: LogLevel) -> None:
    """Log at ``level`` from now on."""
    logging.getLogger(LOGGER_NAME).setLevel(LEVELS[level])


def active_log_file() -> Path | None:
    """The file the log is being written to, if it is."""
    handler = _Log.handler
    return Path(handler.baseFilename) if handler is not None else None


def hide_secret(secret: str | None) -> None:
    """Never write ``secret`` (an API key) to the log, whatever a message carries."""
    if secret:
        _Log.redactor.secrets.add(secret)


def forget_secrets() -> None:
    """Forget the secrets :func:`hide_secret` was given (tests: each starts afresh)."""
    _Log.redactor.secrets.clear()


def stop_log() -> None:
    """Close the log file (tests; a second :func:`start_log`)."""
    handler = _Log.handler
    if handler is None:
        return
    logging.getLogger(LOGGER_NAME).removeHandler(handler)
    handler.close()
    _Log.handler = None
