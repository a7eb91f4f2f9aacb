"""Configuration: the model, where the file lives, loading it and writing files the app owns.

Plain Python (pydantic, tomllib, tomli-w, platformdirs); never imports Textual.
"""

from __future__ import annotations

from .errors import ConfigError
from .load import API_KEY_ENV_VAR, LoadedConfig, load_config
from .locations import (
    CONFIG_ENV_VAR,
    ConfigLocation,
    default_config_path,
    default_sandbox_data_file,
    display_path,
    locate_config,
)
from .model import ApiConfig, Config, SandboxConfig, SyncConfig, UiConfig
from .starter import starter_config_text
from .write import REDACTED, config_to_toml, write_private_file

__all__ = [
    "API_KEY_ENV_VAR",
    "CONFIG_ENV_VAR",
    "REDACTED",
    "ApiConfig",
    "Config",
    "ConfigError",
    "ConfigLocation",
    "LoadedConfig",
    "SandboxConfig",
    "SyncConfig",
    "UiConfig",
    "config_to_toml",
    "default_config_path",
    "default_sandbox_data_file",
    "display_path",
    "load_config",
    "locate_config",
    "starter_config_text",
    "write_private_file",
]
