"""Several sites in one config file: ``[sites.NAME]`` tables, ``default_site``, ``--site NAME``.

A freelancer managing several Wix sites keeps one table per site::

    default_site = "shop"

    [sites.shop]
    site_id = "0f3c…"
    api_key_env = "SHOP_WIX_KEY"

    [sites.studio]
    site_id = "9a1b…"
    api_key = "IST.…"

    [sites.rehearsal]
    sandbox = true

:func:`choose_site` turns the config into the one for a site: a Wix site's id, host and key
go into ``[api]``; a sandbox site gets the sandbox with a data file of its own. Everything
downstream (the backend, the header, the saved calendar and the journal, which are kept per
backend) then simply follows ``[api]`` and ``[sandbox]``. With no ``--site`` and no
``default_site`` the config is used as it is, as before sites existed.

Plain Python (pydantic through the model); no Textual.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import SecretStr

from .errors import ConfigError
from .locations import API_KEY_ENV_VAR, display_path, site_data_file, unknown_site

if TYPE_CHECKING:
    from .model import Config, SiteConfig

__all__ = ["choose_site", "site_data_file", "site_names"]


def site_names(config: Config) -> tuple[str, ...]:
    """The sites the config names, in the file's order."""
    return tuple(config.sites)


def choose_site(
    config: Config,
    name: str | None,
    *,
    path: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Config:
    """The config for site ``name`` (``None``: ``default_site``, or the config as it is).

    Raises :class:`ConfigError` with one sentence for a name the config does not have, or a
    Wix site with no key to reach it by. ``path`` is the config file, named in the sentence.
    """
    chosen = name if name is not None else config.default_site
    if chosen is None:
        return config
    site = config.sites.get(chosen)
    where = f" in {display_path(path)}" if path is not None else ""
    if site is None:
        raise ConfigError(unknown_site(chosen, tuple(config.sites), path), path=path, key="sites")
    env = os.environ if environ is None else environ
    if site.sandbox:
        data_file = site.data_file if site.data_file is not None else site_data_file(chosen)
        sandbox = config.sandbox.model_copy(update={"data_file": data_file})
        # No key: the sandbox, whatever WIX_API_KEY says (it belongs to another site).
        chosen_config = config.model_copy(
            update={"api": config.api.model_copy(update={"api_key": None}), "sandbox": sandbox}
        )
    else:
        # A key of the site's own, else the one in WIX_API_KEY or [api] (an account's key
        # can reach several sites); but a named variable that is unset is a mistake.
        key = _site_key(site, env)
        if key is None and site.api_key_env is None:
            key = config.api.api_key
        if key is None:
            raise ConfigError(_missing_key(chosen, site, where), path=path, key=f"sites.{chosen}")
        api = config.api.model_copy(
            update={
                "site_id": site.site_id,
                "base_url": site.base_url or config.api.base_url,
                "api_key": key,
            }
        )
        chosen_config = config.model_copy(update={"api": api})
    return chosen_config.as_site(chosen)


def _site_key(site: SiteConfig, env: Mapping[str, str]) -> SecretStr | None:
    if site.api_key_env is not None:
        value = env.get(site.api_key_env, "").strip()
        return SecretStr(value) if value else None
    return site.api_key


def _missing_key(name: str, site: SiteConfig, where: str) -> str:
    if site.api_key_env is not None:
        return (
            f"The site “{name}”{where} takes its API key from the environment variable "
            f"{site.api_key_env}, which is not set."
        )
    return (
        f"The site “{name}”{where} has no API key: add api_key_env (an environment variable "
        f"holding it) or api_key under [sites.{name}], or set {API_KEY_ENV_VAR}."
    )
