"""Configuration: the model, where the file lives, loading it and writing files the app owns.

Plain Python (pydantic, tomllib, tomli-w, platformdirs); never imports Textual. The names
below load on first use (PEP 562): where the file lives, reading it as TOML, the ``[ui]``
settings, its errors and writing private files need no pydantic, so ``planner-tui`` paints
its first frame from the file as read and validates it only after that frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui_planner.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from .errors import ConfigError
    from .load import LoadedConfig, load_config, validate_config
    from .locations import (
        API_KEY_ENV_VAR,
        CONFIG_ENV_VAR,
        WIX_API_BASE_URL,
        ConfigLocation,
        default_config_path,
        default_sandbox_data_file,
        display_path,
        locate_config,
    )
    from .model import ApiConfig, Config, LogConfig, SandboxConfig, SyncConfig, UiConfig
    from .read import ConfigFile, read_config_file
    from .starter import starter_config_text
    from .ui_settings import UiSettings
    from .write import REDACTED, config_to_toml, write_private_file

__all__ = [
    "API_KEY_ENV_VAR",
    "CONFIG_ENV_VAR",
    "REDACTED",
    "WIX_API_BASE_URL",
    "ApiConfig",
    "Config",
    "ConfigError",
    "ConfigFile",
    "ConfigLocation",
    "LoadedConfig",
    "LogConfig",
    "SandboxConfig",
    "SyncConfig",
    "UiConfig",
    "UiSettings",
    "config_to_toml",
    "default_config_path",
    "default_sandbox_data_file",
    "display_path",
    "load_config",
    "locate_config",
    "read_config_file",
    "starter_config_text",
    "validate_config",
    "write_private_file",
]

_HOMES = {
    "API_KEY_ENV_VAR": ".locations",
    "CONFIG_ENV_VAR": ".locations",
    "REDACTED": ".write",
    "ApiConfig": ".model",
    "Config": ".model",
    "ConfigError": ".errors",
    "ConfigFile": ".read",
    "ConfigLocation": ".locations",
    "LoadedConfig": ".load",
    "LogConfig": ".model",
    "SandboxConfig": ".model",
    "SyncConfig": ".model",
    "UiConfig": ".model",
    "UiSettings": ".ui_settings",
    "WIX_API_BASE_URL": ".locations",
    "config_to_toml": ".write",
    "default_config_path": ".locations",
    "default_sandbox_data_file": ".locations",
    "display_path": ".locations",
    "load_config": ".load",
    "locate_config": ".locations",
    "read_config_file": ".read",
    "starter_config_text": ".starter",
    "validate_config": ".load",
    "write_private_file": ".write",
}

__getattr__, __dir__ = lazy_exports(__name__, _HOMES, globals(), __all__)
