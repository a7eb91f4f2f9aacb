"""The configuration model: one pydantic model, a docstring per field, unknown keys rejected.

TOML already carries types, so the model validates strictly: ``idle_interval = "5"`` is a
mistake worth naming rather than a string to coerce. Paths and channel names are the
exceptions; they arrive as strings by nature.

Each field's docstring is its one description: it stays a docstring under the field, where it
reads best, and :func:`~tui_planner.config.field_docs.field_docstrings` reads it from this file
only when the starter config is built, instead of pydantic's ``use_attribute_docstrings``
parsing the file on every start.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Annotated, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SecretStr,
    Strict,
    ValidationInfo,
    field_validator,
    model_validator,
)

from tui_planner.api.models.enums import ChannelName
from tui_planner.config.binding_ids import BINDING_IDS
from tui_planner.zone import zone_named

from .locations import WIX_API_BASE_URL, default_sandbox_data_file
from .ui_settings import DEFAULT_THEME, WeekStart

__all__ = [
    "ApiConfig",
    "Config",
    "LogConfig",
    "SandboxConfig",
    "SiteConfig",
    "SyncConfig",
    "UiConfig",
    "section_models",
]

Rate = Annotated[float, Field(ge=0.0, le=1.0)]
"""A probability: 0 never, 1 always."""

Channel = Annotated[ChannelName, Strict(False)]
"""A social network named as in the API (``FACEBOOK``, ``INSTAGRAM``, ...)."""


class Section(BaseModel):
    """Base of every section: strict types, unknown keys rejected, every field documented."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


def _blank_to_none(value: object) -> object:
    """Treat an empty or all-blank string as "not set"."""
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, SecretStr) and not value.get_secret_value().strip():
        return None
    return value


class ApiConfig(Section):
    """How to reach the real Wix REST API."""

    base_url: str = WIX_API_BASE_URL
    """Host of the Wix REST API; the client adds each service's path to it."""

    site_id: str | None = Field(default=None, examples=["00000000-0000-0000-0000-000000000000"])
    """The site whose marketing plan to manage (sent as the `wix-site-id` header)."""

    api_key: SecretStr | None = Field(default=None, examples=["IST.your-api-key"])
    """Wix API key; the WIX_API_KEY environment variable wins. With no key the sandbox is used."""

    timeout: float = Field(default=30.0, gt=0)
    """Seconds to wait for one HTTP response before giving up on it."""

    max_retries: int = Field(default=3, ge=0, le=10)
    """How many times a safe request is retried after a 429, a 5xx or a network error."""

    @field_validator("site_id", "api_key", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return _blank_to_none(value)

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("expected a URL starting with https:// or http://")
        return value.rstrip("/")


class SyncConfig(Section):
    """How often the app asks the backend for news."""

    idle_interval: float = Field(default=30.0, gt=0)
    """Seconds between polls while nothing is generating."""

    generating_interval: float = Field(default=1.0, gt=0)
    """Seconds between polls right after generation starts."""

    generating_max_interval: float = Field(default=5.0, gt=0)
    """Longest gap between polls while generating; the interval backs off up to this."""

    @model_validator(mode="after")
    def _backoff_grows(self) -> Self:
        if self.generating_max_interval < self.generating_interval:
            raise ValueError("expected generating_max_interval to be at least generating_interval")
        return self


class UiConfig(Section):
    """How the app looks and which keys do what."""

    theme: str = Field(default=DEFAULT_THEME, min_length=1)
    """A Textual theme name, e.g. textual-dark, nord; unset: the last one picked in the palette."""

    week_start: WeekStart = "monday"
    """First day of the week in the calendar: monday or sunday."""

    keymap: dict[str, str] = Field(default_factory=dict, examples=[{"calendar.today": "t,home"}])
    """Key overrides: binding id -> comma-separated keys (see the help screen for ids)."""

    timezone: str | None = Field(default=None, examples=["Europe/Berlin"])
    """IANA time zone for dates and times, e.g. Europe/Berlin; unset means the system's zone."""

    @field_validator("timezone", mode="before")
    @classmethod
    def _blank_zone_is_unset(cls, value: object) -> object:
        return _blank_to_none(value)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is not None:
            zone_named(value.strip())
            return value.strip()
        return value

    @field_validator("keymap")
    @classmethod
    def _keys_named(cls, value: dict[str, str]) -> dict[str, str]:
        for binding_id, keys in value.items():
            if binding_id not in BINDING_IDS:
                close = difflib.get_close_matches(binding_id, BINDING_IDS, n=1)
                hint = f" (did you mean {close[0]}?)" if close else ""
                raise ValueError(
                    "expected a binding id the help screen (? or f1) lists, "
                    f"not {binding_id!r}{hint}"
                )
            if not keys.strip():
                raise ValueError(f"expected at least one key for the binding {binding_id!r}")
        return value


class SandboxConfig(Section):
    """The local stand-in backend used when no API key is configured."""

    data_file: Annotated[Path | None, Strict(False)] = Field(
        default=None, examples=["~/planner-sandbox.sqlite3"]
    )
    """SQLite file holding the sandbox's data; unset means sandbox.sqlite3 in the user data dir."""

    seed: int = 7
    """Seed for the plan and post generator; the same seed gives the same plan."""

    premium: bool = True
    """Whether the sandbox site has the premium plan that scheduling posts needs."""

    connected_channels: list[Channel] = Field(
        default_factory=lambda: [ChannelName.FACEBOOK, ChannelName.INSTAGRAM, ChannelName.LINKEDIN]
    )
    """Social accounts connected on the sandbox site; drafts for others stay drafts."""

    site_published: bool = True
    """Whether the sandbox site is published; an unpublished site gets no posts."""

    generation_seconds: float = Field(default=6.0, ge=0)
    """How long generating a plan takes in the sandbox."""

    keyword_research_seconds: float = Field(default=15.0, ge=0)
    """How long regenerating with keyword research takes in the sandbox."""

    posts_seconds: float = Field(default=3.0, ge=0)
    """How long generating one activity's posts takes in the sandbox."""

    idle_days_until_inactive: int = Field(default=42, ge=1)
    """Days without use after which the sandbox plan becomes INACTIVE."""

    shape: Literal["rich", "documented"] = "rich"
    """Answers: rich (every field the app can use) or documented (only what the API states)."""

    api_key: SecretStr | None = Field(default=None, examples=["sandbox-secret"])
    """Key that requests must carry when the sandbox is served on a port (`sandbox serve`)."""

    latency_ms: int = Field(default=0, ge=0, le=60_000)
    """Delay added to every sandbox response, in milliseconds."""

    error_rate: Rate = 0.0
    """Share of sandbox requests answered with a 503 (fault injection)."""

    rate_limit_rate: Rate = 0.0
    """Share of sandbox requests answered with a 429 and Retry-After (fault injection)."""

    retry_after_seconds: float = Field(default=2.0, ge=0)
    """The Retry-After the sandbox sends with an injected 429."""

    latency_spike_rate: Rate = 0.0
    """Share of sandbox requests held back for a latency spike (fault injection)."""

    latency_spike_seconds: float = Field(default=5.0, ge=0, le=600)
    """How long a latency spike lasts, about (each is between half and 1.5 times this)."""

    publish_failure_rate: Rate = 0.0
    """Share of scheduled sandbox posts that end FAILED instead of PUBLISHED."""

    schedule_lead_seconds: float | None = Field(default=None, gt=0, le=86_400, examples=[5.0])
    """Schedule drafts this many seconds from now, not on their day (to watch them go out)."""

    @field_validator("api_key", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return _blank_to_none(value)

    @field_validator("data_file")
    @classmethod
    def _expand_home(cls, value: Path | None) -> Path | None:
        return value.expanduser() if value is not None else None

    @field_validator("connected_channels")
    @classmethod
    def _known_channels(cls, value: list[ChannelName]) -> list[ChannelName]:
        unknown = [channel.value for channel in value if not channel.is_known]
        if unknown:
            known = ", ".join(ChannelName.__members__)
            raise ValueError(f"expected channel names from {known}, not {', '.join(unknown)}")
        return list(dict.fromkeys(value))

    @property
    def resolved_data_file(self) -> Path:
        """The SQLite file the sandbox uses: :attr:`data_file` or the platform default."""
        return self.data_file if self.data_file is not None else default_sandbox_data_file()


class LogConfig(Section):
    """The debug log: a rotating file in the user log directory (`planner-tui config path`)."""

    level: Literal["debug", "info", "warning"] = "warning"
    """What the log keeps: warning (problems), info (and sync decisions), debug (and requests)."""


_SITE_NAME = re.compile(r"^[A-Za-z0-9_-]+$")


class SiteConfig(Section):
    """One site, chosen with `planner-tui --site NAME` or default_site; one table per site."""

    site_id: str | None = Field(default=None, examples=["00000000-0000-0000-0000-000000000000"])
    """The Wix site's id (sent as the `wix-site-id` header); not for a sandbox site."""

    base_url: str | None = Field(default=None, examples=["https://www.wixapis.com"])
    """Host of the Wix REST API for this site; unset means [api] base_url."""

    api_key_env: str | None = Field(default=None, examples=["SHOP_WIX_KEY"])
    """Environment variable holding this site's API key."""

    api_key: SecretStr | None = Field(default=None, examples=["IST.your-api-key"])
    """This site's API key, when it is not in a variable; unset: WIX_API_KEY or [api] api_key."""

    sandbox: bool = False
    """A rehearsal site: the local sandbox ([sandbox] switches) with a data file of its own."""

    data_file: Annotated[Path | None, Strict(False)] = Field(
        default=None, examples=["~/rehearsal.sqlite3"]
    )
    """A sandbox site's SQLite file; unset: sandbox-NAME.sqlite3 in the user data dir."""

    @field_validator("site_id", "base_url", "api_key_env", "api_key", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return _blank_to_none(value)

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("https://", "http://")):
            raise ValueError("expected a URL starting with https:// or http://")
        return value.rstrip("/") if value is not None else None

    @field_validator("data_file")
    @classmethod
    def _expand_home(cls, value: Path | None) -> Path | None:
        return value.expanduser() if value is not None else None

    @model_validator(mode="after")
    def _sandbox_or_wix(self) -> Self:
        if self.sandbox:
            wix = [
                name
                for name in ("site_id", "base_url", "api_key_env", "api_key")
                if getattr(self, name) is not None
            ]
            if wix:
                raise ValueError(
                    f"expected no {', '.join(wix)} for a sandbox site (sandbox = true)"
                )
        elif self.site_id is None:
            raise ValueError("expected site_id (the Wix site's id), or sandbox = true")
        elif self.data_file is not None:
            raise ValueError("expected data_file only with sandbox = true")
        return self


class Config(Section):
    """Everything planner-tui can be told in ``config.toml``."""

    api: ApiConfig = Field(default_factory=ApiConfig)
    """The real Wix API."""

    sync: SyncConfig = Field(default_factory=SyncConfig)
    """Polling."""

    ui: UiConfig = Field(default_factory=UiConfig)
    """Look and keys."""

    sandbox: SandboxConfig = Field(default_factory=SandboxConfig)
    """The local sandbox backend."""

    log: LogConfig = Field(default_factory=LogConfig)
    """The debug log."""

    sites: dict[str, SiteConfig] = Field(default_factory=dict)
    """Several sites in one file, a [sites.NAME] table each, as in the example that follows."""

    default_site: str | None = Field(default=None, examples=["shop"])
    """The site used when --site is not given, one of the [sites.NAME] tables."""

    _site: str | None = PrivateAttr(default=None)

    @field_validator("sites")
    @classmethod
    def _typeable_names(cls, value: dict[str, SiteConfig]) -> dict[str, SiteConfig]:
        for name in value:
            if not _SITE_NAME.match(name):
                raise ValueError(
                    f"expected site names of letters, digits, - and _ (for --site), not {name!r}"
                )
        return value

    @field_validator("default_site")
    @classmethod
    def _default_site_exists(cls, value: str | None, info: ValidationInfo) -> str | None:
        sites = info.data.get("sites", {})  # validated first: declared before
        if value is not None and value not in sites:
            known = ", ".join(sites) or "none yet"
            raise ValueError(f"expected the name of a [sites.NAME] table ({known})")
        return value

    @property
    def site(self) -> str | None:
        """The site this config was chosen for (:func:`~tui_planner.config.sites.choose_site`);
        ``None`` when it is the config as written."""
        return self._site

    def as_site(self, name: str) -> Config:
        """A copy that knows it is the config for site ``name`` (the choosing is done by
        :func:`~tui_planner.config.sites.choose_site`)."""
        copy = self.model_copy()
        copy._site = name
        return copy

    @property
    def uses_sandbox(self) -> bool:
        """Whether the app talks to the sandbox, which it does whenever no API key is set."""
        return self.api.api_key is None


def section_models() -> dict[str, type[Section]]:
    """Each top-level table of the file and the model of its keys, in file order."""
    sections: dict[str, type[Section]] = {}
    for name, field in Config.model_fields.items():
        model = field.annotation
        if isinstance(model, type) and issubclass(model, Section):
            sections[name] = model
    return sections
