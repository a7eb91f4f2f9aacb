"""What a start needs before its first frame, kept from the last start with the same config.

Validating ``config.toml`` needs pydantic, and importing pydantic and building the config
models is 60 ms, a third of what a bare Textual app takes to paint. Yet the first frame
needs only a little of the config: the theme, the keys, the week's first day and which
backend this is (for the header and the saved calendar). So after a start has validated
the config it keeps those in a small record in the user cache directory, with a fingerprint
of everything they were derived from: the config file's bytes, path and mode (the
permission warning depends on it), the API key variable (hashed), the default data
directory and the planner's version. The next start whose fingerprint matches paints from
the record at once and validates the file after the first frame, in the thread that opens
the backend; any other start validates first, as always. A config that has gone bad in
between ends the app with the usual sentence and exit code 2.

Pure Python (no Textual, no pydantic). Reading never fails loudly: a missing, damaged or
stale record is the same as none.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import platformdirs

from tui_planner import __version__
from tui_planner.backend import BackendInfo, Connection, describe_backend, open_backend
from tui_planner.cache_json import json_object, text
from tui_planner.config import (
    API_KEY_ENV_VAR,
    ConfigLocation,
    default_sandbox_data_file,
    write_private_file,
)
from tui_planner.config.locations import APP_NAME

if TYPE_CHECKING:
    from tui_planner.clock import Clock
    from tui_planner.config import Config, LoadedConfig

__all__ = [
    "FORMAT",
    "LaunchRecord",
    "UiSettings",
    "connect",
    "fingerprint",
    "launch_file",
    "read_launch_record",
    "write_launch_record",
]

FORMAT = 4
"""The record format's version; part of the fingerprint, so an old record never matches."""


@dataclass(frozen=True, slots=True)
class UiSettings:
    """The ``[ui]`` settings the first frame needs."""

    theme: str | None = None
    """``[ui] theme`` when the config sets it; ``None`` leaves it to the user's last pick in
    the palette (:mod:`tui_planner.preferences`), then the default."""
    week_start: str = "monday"
    keymap: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    timezone: str | None = None
    """``[ui] timezone`` (an IANA name), or ``None`` for the system's zone."""

    @classmethod
    def from_config(cls, config: Config) -> UiSettings:
        """The settings ``config`` holds."""
        ui = config.ui
        theme = ui.theme if "theme" in ui.model_fields_set else None
        return cls(theme, ui.week_start, MappingProxyType(dict(ui.keymap)), ui.timezone)


@dataclass(frozen=True, slots=True)
class LaunchRecord:
    """What the last start with this config knew before its first frame."""

    ui: UiSettings
    info: BackendInfo
    warnings: tuple[str, ...] = ()
    """What loading the config warned about, to repeat on every start."""


def launch_file(
    location: ConfigLocation, cache_dir: Path | None = None, site: str | None = None
) -> Path:
    """Where the record for the config file at ``location`` is kept (one per ``--site``)."""
    root = cache_dir if cache_dir is not None else Path(platformdirs.user_cache_dir(APP_NAME))
    chosen = str(location.path.absolute()) + (f"\0{site}" if site is not None else "")
    name = hashlib.sha256(chosen.encode()).hexdigest()[:24]
    return root / "launch" / f"{name}.json"


def fingerprint(
    location: ConfigLocation, environ: Mapping[str, str] | None = None, site: str | None = None
) -> str:
    """A digest of everything the record's values depend on (the API key only as a hash),
    the ``--site`` asked for included."""
    env = os.environ if environ is None else environ
    digest = hashlib.sha256()
    try:
        content = location.path.read_bytes()
        mode = oct(location.path.stat().st_mode)  # the permission warning depends on it
    except OSError as error:
        content, mode = f"<unreadable: {type(error).__name__}>".encode(), ""
    parts = (
        str(FORMAT),
        mode,
        __version__,
        str(location.path.absolute()),
        hashlib.sha256(env.get(API_KEY_ENV_VAR, "").strip().encode()).hexdigest(),
        str(default_sandbox_data_file()),
        site or "",
    )
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\0")
    digest.update(content)
    return digest.hexdigest()


def read_launch_record(
    location: ConfigLocation,
    *,
    site: str | None = None,
    environ: Mapping[str, str] | None = None,
    cache_dir: Path | None = None,
) -> LaunchRecord | None:
    """The record for ``location`` (and ``--site``) if its fingerprint still matches;
    otherwise ``None``."""
    try:
        document = json_object(json.loads(launch_file(location, cache_dir, site).read_bytes()))
        if document["fingerprint"] != fingerprint(location, environ, site):
            return None
        return _record(document)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _record(document: dict[str, Any]) -> LaunchRecord:
    """A record from its JSON form; ``KeyError``/``TypeError``/``ValueError`` if malformed."""
    ui, info = json_object(document["ui"]), json_object(document["backend"])
    keymap = {text(binding): text(keys) for binding, keys in json_object(ui["keymap"]).items()}
    data_file = info["data_file"]
    key = info["key"]
    site_id, site_name = info["site"], info["site_name"]
    warnings = document["warnings"]
    zone = ui["timezone"]
    theme = ui["theme"]
    record = LaunchRecord(
        ui=UiSettings(
            text(theme) if theme is not None else None,
            text(ui["week_start"]),
            MappingProxyType(keymap),
            text(zone) if zone is not None else None,
        ),
        info=BackendInfo(
            label=text(info["label"]),
            is_sandbox=bool(info["is_sandbox"]),
            data_file=Path(text(data_file)) if data_file is not None else None,
            key=text(key) if key is not None else None,
            site=text(site_id) if site_id is not None else None,
            site_name=text(site_name) if site_name is not None else None,
        ),
        warnings=tuple(text(warning) for warning in warnings),
    )
    if record.ui.week_start not in ("monday", "sunday"):
        raise ValueError("week_start")
    return record


def write_launch_record(
    location: ConfigLocation,
    record: LaunchRecord,
    *,
    site: str | None = None,
    environ: Mapping[str, str] | None = None,
    cache_dir: Path | None = None,
) -> None:
    """Keep ``record`` for the next start with the same config and ``--site`` (0600,
    atomic)."""
    info = record.info
    document = {
        "fingerprint": fingerprint(location, environ, site),
        "ui": {
            "theme": record.ui.theme,
            "week_start": record.ui.week_start,
            "keymap": dict(record.ui.keymap),
            "timezone": record.ui.timezone,
        },
        "backend": {
            "label": info.label,
            "is_sandbox": info.is_sandbox,
            "data_file": str(info.data_file) if info.data_file is not None else None,
            "key": info.key,
            "site": info.site,
            "site_name": info.site_name,
        },
        "warnings": list(record.warnings),
    }
    write_private_file(launch_file(location, cache_dir, site), json.dumps(document, indent=1))


def connect(
    location: ConfigLocation,
    clock: Clock,
    *,
    site: str | None = None,
    loaded: LoadedConfig | None = None,
    known: LaunchRecord | None = None,
    environ: Mapping[str, str] | None = None,
    cache_dir: Path | None = None,
) -> Connection:
    """Validate the config (unless ``loaded`` is it, validated and chosen for ``site``),
    choose ``site`` (``--site``; ``None``: ``default_site``), keep the record, then open the
    backend. Runs off the event loop; raises :class:`ConfigError` for a bad config or an
    unknown site."""
    if loaded is None:
        from tui_planner.config import load_config
        from tui_planner.config.sites import choose_site

        loaded = load_config(location, environ=environ)
        chosen = choose_site(loaded.config, site, path=location.path, environ=environ)
        loaded = dataclasses.replace(loaded, config=chosen)
    config = loaded.config
    record = LaunchRecord(
        UiSettings.from_config(config), describe_backend(config), tuple(loaded.warnings)
    )
    if record != known:
        with contextlib.suppress(OSError):  # only the next start is slower
            write_launch_record(location, record, site=site, environ=environ, cache_dir=cache_dir)
    return Connection(config, open_backend(config, clock), location.path)
