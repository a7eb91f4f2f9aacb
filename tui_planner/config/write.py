"""Write files the app owns: atomically, readable by the owner only.

The app never rewrites a user's hand-edited ``config.toml`` (tomli-w would drop its
comments); it writes only files it creates, such as the starter from ``config init``.
"""

from __future__ import annotations

import contextlib
import os
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Config

__all__ = ["REDACTED", "config_to_toml", "write_private_file"]

REDACTED = "********"
"""What a secret looks like when the config is shown."""


def write_private_file(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text`` atomically, with mode 0600 (``encoding``: UTF-8).

    The text goes to a temporary file in the same directory (created 0600 by ``mkstemp``),
    is flushed to disk, then renamed over ``path``, so a reader sees the old file or the new
    one and never half of either.
    """
    import tempfile  # loading a config never writes, and tempfile brings shutil and random

    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "w", encoding=encoding, newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def config_to_toml(config: Config) -> str:
    """The effective configuration as TOML, with every secret shown as ``********``."""
    import tomli_w  # only `config show` writes TOML; the app's start does not need it

    return tomli_w.dumps(_plain(config))


def _plain(value: Any) -> Any:
    """A TOML-ready copy of ``value``: unset keys dropped, secrets redacted."""
    from pydantic import BaseModel, SecretStr  # writing TOML is rare; starting is not

    if isinstance(value, BaseModel):
        return {
            name: _plain(getattr(value, name))
            for name in type(value).model_fields
            if getattr(value, name) is not None
        }
    if isinstance(value, SecretStr):
        return REDACTED
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value
