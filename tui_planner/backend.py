"""Build the API clients for the configured backend: the in-process sandbox or a real Wix site.

Both backends are reached through the same client code over ``httpx``; only the transport
differs. With no API key the sandbox's ASGI app is mounted in-process, so the app works on a
fresh machine with no account and no network.

:func:`describe_backend` says which backend a config means without building it
(:func:`describe_file` the same from the file as read, before validation), and this module
imports ``httpx``, the clients and the sandbox only inside :func:`open_backend`: the app
paints its first screen from the description and opens the backend after, in a thread
(:func:`connect` validates the file, then opens what it names).
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from tui_planner.config.errors import ConfigError
from tui_planner.config.locations import (
    API_KEY_ENV_VAR,
    WIX_API_BASE_URL,
    default_sandbox_data_file,
    display_path,
    site_data_file,
    unknown_site,
)
from tui_planner.config.read import table, text_value

if TYPE_CHECKING:
    import httpx

    from tui_planner.api import MarketingPlanClient, PublisherClient
    from tui_planner.clock import Clock
    from tui_planner.config import Config, ConfigFile, SandboxConfig
    from tui_planner.sandbox import SandboxOptions

__all__ = [
    "IN_MEMORY",
    "SANDBOX_API_KEY",
    "SANDBOX_BASE_URL",
    "SANDBOX_SITE_ID",
    "Backend",
    "BackendInfo",
    "Connection",
    "connect",
    "describe_backend",
    "describe_file",
    "open_backend",
    "sandbox_options",
]

SANDBOX_BASE_URL = "http://sandbox.local"
"""The base URL the in-process sandbox answers on; no request ever leaves the process."""

SANDBOX_API_KEY = "in-process-sandbox-key"
"""The key the clients send to the in-process sandbox, which does not check it. Clients blot
their key out of every error sentence, so it must be no word a sentence uses ("sandbox")."""

SANDBOX_SITE_ID = "sandbox-site"
"""The site id the clients send to the sandbox."""

IN_MEMORY = ":memory:"
"""The ``[sandbox] data_file`` that keeps the sandbox in memory, gone when the app quits."""


@dataclass(frozen=True, slots=True)
class BackendInfo:
    """Which backend a config means, known before anything is opened."""

    label: str
    """What to call it in the header: ``SANDBOX <data file>`` or ``Wix site <id>``."""

    is_sandbox: bool
    """Whether this is the local sandbox rather than a real Wix site."""

    data_file: Path | None = None
    """The sandbox's SQLite file; ``None`` for a Wix site or a sandbox in memory."""

    key: str | None = None
    """A stable name for this backend's data (a hash of the data file, or of the API host and
    site id), under which a copy of its calendar may be kept; ``None`` keeps nothing."""

    site: str | None = None
    """The Wix site's id, which the header shows whole however narrow; ``None`` for the
    sandbox."""

    site_name: str | None = None
    """The ``[sites.NAME]`` table the config was chosen by (``--site``, ``default_site``);
    ``None`` for a config used as written."""


@dataclass
class Backend:
    """The clients for one backend and what to call it in the header."""

    plan: MarketingPlanClient
    """Marketing Plan, Activities, Calendar Events and Settings services."""

    publisher: PublisherClient
    """The Publisher methods the app needs (token status, reschedule, cancel, ...)."""

    http: httpx.AsyncClient
    """The HTTP client both API clients share; closed by :meth:`aclose`."""

    label: str
    """Which backend this is, for the header: ``SANDBOX <data file>`` or ``Wix site <id>``."""

    is_sandbox: bool
    """Whether this is the local sandbox rather than a real Wix site."""

    data_file: Path | None = None
    """The sandbox's SQLite file; ``None`` for a Wix site."""

    key: str | None = None
    """See :attr:`BackendInfo.key`."""

    site: str | None = None
    """See :attr:`BackendInfo.site`."""

    site_name: str | None = None
    """See :attr:`BackendInfo.site_name`."""

    _closed: bool = field(default=False, init=False, repr=False)

    @property
    def info(self) -> BackendInfo:
        """This backend's description."""
        return BackendInfo(
            self.label, self.is_sandbox, self.data_file, self.key, self.site, self.site_name
        )

    @property
    def closed(self) -> bool:
        """Whether :meth:`aclose` has run."""
        return self._closed

    async def aclose(self) -> None:
        """Close the HTTP client; calling it again does nothing."""
        if self._closed:
            return
        self._closed = True
        await self.http.aclose()


@dataclass(frozen=True, slots=True)
class Connection:
    """What opening the backend yields: the validated config and the backend it names."""

    config: Config
    backend: Backend
    config_file: Path | None = None
    """The file the config came from, named when a fix goes there (a refused key)."""


def sandbox_options(section: SandboxConfig) -> SandboxOptions:
    """The sandbox's own options for the ``[sandbox]`` config section."""
    from tui_planner.sandbox import SandboxOptions

    return SandboxOptions(
        seed=section.seed,
        premium=section.premium,
        connected_channels=tuple(section.connected_channels),
        site_published=section.site_published,
        generation_seconds=section.generation_seconds,
        keyword_research_seconds=section.keyword_research_seconds,
        posts_seconds=section.posts_seconds,
        idle_days_until_inactive=section.idle_days_until_inactive,
        shape=section.shape,
        latency_ms=section.latency_ms,
        error_rate=section.error_rate,
        rate_limit_rate=section.rate_limit_rate,
        retry_after_seconds=section.retry_after_seconds,
        latency_spike_rate=section.latency_spike_rate,
        latency_spike_seconds=section.latency_spike_seconds,
        publish_failure_rate=section.publish_failure_rate,
        schedule_lead_seconds=section.schedule_lead_seconds,
    )


def describe_backend(config: Config) -> BackendInfo:
    """Which backend ``config`` asks for, without opening it; a config chosen for a
    ``[sites.NAME]`` table says its name first (``shop · Wix site 0f3c…``).

    Raises :class:`ConfigError` when an API key is set without a site id.
    """
    api = config.api
    return _describe(
        has_key=api.api_key is not None,
        site_id=api.site_id,
        base_url=api.base_url,
        data_file=config.sandbox.resolved_data_file,
        site_name=config.site,
    )


def describe_file(
    file: ConfigFile, environ: Mapping[str, str] | None = None, site: str | None = None
) -> BackendInfo:
    """Which backend the config file asks for (for ``site``, ``--site``; ``None``: its
    ``default_site``), read before it is validated, for the first frame: a value of the
    wrong type counts as unset; validation names it later.

    Raises :class:`ConfigError` for a site the file has no ``[sites.NAME]`` table for, and
    when an API key is set without a site id, as :func:`describe_backend` does.
    """
    env = os.environ if environ is None else environ
    document = file.document
    api, sandbox, sites = (
        table(document, "api"),
        table(document, "sandbox"),
        table(document, "sites"),
    )
    has_key = bool(text_value(env.get(API_KEY_ENV_VAR)) or text_value(api.get("api_key")))
    site_id = text_value(api.get("site_id"))
    base_url = text_value(api.get("base_url")) or WIX_API_BASE_URL
    own_file = text_value(sandbox.get("data_file"))
    data_file = Path(own_file).expanduser() if own_file else default_sandbox_data_file()
    name = site if site is not None else text_value(document.get("default_site"))
    if name is not None and name not in sites:
        # Before the key without a site id: the name is what the user got wrong.
        path = file.location.path
        raise ConfigError(unknown_site(name, tuple(sites), path), path=path, key="sites")
    if name is not None:
        # As config.sites.choose_site makes the config for a site.
        chosen = table(sites, name)
        if chosen.get("sandbox") is True:
            has_key, own_file = False, text_value(chosen.get("data_file"))
            data_file = Path(own_file).expanduser() if own_file else site_data_file(name)
        else:
            has_key, site_id = True, text_value(chosen.get("site_id"))
            base_url = text_value(chosen.get("base_url")) or base_url
    return _describe(
        has_key=has_key,
        site_id=site_id,
        base_url=base_url.rstrip("/"),
        data_file=data_file,
        site_name=name,
    )


def _describe(
    *, has_key: bool, site_id: str | None, base_url: str, data_file: Path, site_name: str | None
) -> BackendInfo:
    """The description both readers share: a config chosen for a ``[sites.NAME]`` table
    says the name first (``shop · Wix site 0f3c…``)."""
    named = f"{site_name} · " if site_name is not None else ""
    if not has_key:
        if str(data_file) == IN_MEMORY:
            return BackendInfo(
                label=f"{named}SANDBOX in memory", is_sandbox=True, site_name=site_name
            )
        return BackendInfo(
            label=f"{named}SANDBOX {display_path(data_file)}",
            is_sandbox=True,
            data_file=data_file,
            key=_key("sandbox", str(data_file.absolute())),
            site_name=site_name,
        )
    if site_id is None:
        raise _missing_site_id()
    return BackendInfo(
        label=f"{named}Wix site {site_id}",
        is_sandbox=False,
        site=site_id,
        key=_key("wix", base_url.rstrip("/"), site_id),
        site_name=site_name,
    )


def connect(
    file: ConfigFile,
    clock: Clock,
    *,
    site: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Connection:
    """Validate the config file already read, choose ``site`` (``--site``; ``None``: its
    ``default_site``) and open the backend it names: the opener ``planner-tui`` gives its
    session, run in a thread after the first frame.

    Raises :class:`ConfigError` for a bad config or an unknown site (the same sentence as at
    any other time).
    """
    from tui_planner.config import validate_config
    from tui_planner.config.sites import choose_site

    path = file.location.path
    validated = validate_config(file, environ=environ).config
    config = choose_site(validated, site, path=path, environ=environ)
    return Connection(config, open_backend(config, clock), path)


def _key(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def _wix_credentials(config: Config) -> tuple[str, str]:
    """The API key and site id, or a :class:`ConfigError` naming what is missing."""
    if config.api.api_key is None:
        raise ConfigError("An API key is needed to reach Wix; set WIX_API_KEY or [api] api_key.")
    site_id = config.api.site_id
    if site_id is None:
        raise _missing_site_id()
    return config.api.api_key.get_secret_value(), site_id


def _missing_site_id() -> ConfigError:
    return ConfigError(
        "An API key is set but no site id; add site_id under [api] in the config file "
        "so planner-tui knows which Wix site to manage.",
        key="api.site_id",
    )


def open_backend(config: Config, clock: Clock) -> Backend:
    """The backend ``config`` asks for: the sandbox when no API key is set, else Wix.

    Raises :class:`ConfigError` when an API key is set without a site id.
    """
    _skip_httpx_cli()
    info = describe_backend(config)
    if info.is_sandbox:
        return _open_sandbox(config, clock, info)
    return _open_wix(config, clock, info)


def _skip_httpx_cli() -> None:
    """Leave out httpx's command-line client: with click, rich and pygments installed (as
    Textual and uvicorn bring them), ``import httpx`` imports all three for a CLI the app never
    runs, about 35 ms on the way to the first sync. An empty ``httpx._main`` makes httpx fall
    back to its stub ``main``, as it does when they are not installed; a process that has
    imported httpx already is left as it is."""
    sys.modules.setdefault("httpx._main", ModuleType("httpx._main"))


def _open_sandbox(config: Config, clock: Clock, info: BackendInfo) -> Backend:
    import httpx

    from tui_planner.sandbox import create_app

    data_file = info.data_file
    if data_file is not None:
        data_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    app = create_app(
        data_file=data_file if data_file is not None else IN_MEMORY,
        clock=clock,
        options=sandbox_options(config.sandbox),
    )
    http = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url=SANDBOX_BASE_URL,
        timeout=config.api.timeout,
    )
    plan, publisher = _clients(
        http,
        config,
        clock,
        base_url=SANDBOX_BASE_URL,
        api_key=SANDBOX_API_KEY,
        site_id=SANDBOX_SITE_ID,
    )
    return Backend(
        plan=plan,
        publisher=publisher,
        http=http,
        label=info.label,
        is_sandbox=True,
        data_file=data_file,
        key=info.key,
        site_name=info.site_name,
    )


def _open_wix(config: Config, clock: Clock, info: BackendInfo) -> Backend:
    import httpx

    api_key, site_id = _wix_credentials(config)
    http = httpx.AsyncClient(base_url=config.api.base_url, timeout=config.api.timeout)
    plan, publisher = _clients(
        http,
        config,
        clock,
        base_url=config.api.base_url,
        api_key=api_key,
        site_id=site_id,
    )
    return Backend(
        plan=plan,
        publisher=publisher,
        http=http,
        label=info.label,
        is_sandbox=False,
        key=info.key,
        site=info.site,
        site_name=info.site_name,
    )


def _clients(
    http: httpx.AsyncClient,
    config: Config,
    clock: Clock,
    *,
    base_url: str,
    api_key: str,
    site_id: str,
) -> tuple[MarketingPlanClient, PublisherClient]:
    from tui_planner.api import MarketingPlanClient, PublisherClient

    plan = MarketingPlanClient(
        http,
        base_url=base_url,
        api_key=api_key,
        site_id=site_id,
        clock=clock,
        max_retries=config.api.max_retries,
    )
    publisher = PublisherClient(
        http,
        base_url=base_url,
        api_key=api_key,
        site_id=site_id,
        clock=clock,
        max_retries=config.api.max_retries,
    )
    return plan, publisher
