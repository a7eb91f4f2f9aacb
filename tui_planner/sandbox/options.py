"""The sandbox's switches: business state, timings and injected faults.

``SandboxOptions`` mirrors the ``[sandbox]`` config section; ``backend.py`` maps one to the
other so the sandbox never imports the config package.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tui_planner.api.models.enums import ChannelName

__all__ = ["DEFAULT_CONNECTED_CHANNELS", "SandboxOptions", "Shape"]

Shape = Literal["rich", "documented"]
"""How the sandbox shapes its answers (see :mod:`tui_planner.sandbox.shape`)."""

DEFAULT_CONNECTED_CHANNELS: tuple[ChannelName, ...] = (
    ChannelName.FACEBOOK,
    ChannelName.INSTAGRAM,
    ChannelName.LINKEDIN,
)
"""The social accounts the demo site has connected unless told otherwise."""


@dataclass(frozen=True)
class SandboxOptions:
    """How the sandbox behaves.

    Durations are in seconds of the injected clock. Rates are probabilities in ``[0, 1]``
    drawn from a random generator seeded with ``seed``, so a run is reproducible.
    """

    seed: int = 7
    """Seeds the generator and every simulated chance (faults, publish failures)."""
    premium: bool = True
    """Whether the site has the schedule-posts premium feature."""
    connected_channels: tuple[ChannelName, ...] = DEFAULT_CONNECTED_CHANNELS
    """Channels with a valid Publisher token; drafts for the others are never scheduled."""
    site_published: bool = True
    """An unpublished site's generations end FAILED (see ``plan_service``)."""
    generation_seconds: float = 6.0
    """How long generating or regenerating a plan takes."""
    keyword_research_seconds: float = 15.0
    """How long the keyword-research regeneration takes."""
    posts_seconds: float = 3.0
    """How long GenerateSocialPosts (and post/story regeneration) takes."""
    idle_days_until_inactive: int = 42
    """A plan not read for this many days reads as INACTIVE."""
    shape: Shape = "rich"
    """``rich``: every field the app can use, one form wherever the contract guesses.
    ``documented``: only what the contract states as fact, and the other plausible form
    wherever it is UNVERIFIED (see ``docs/architecture.md``)."""
    latency_ms: int = 0
    """Delay added to every response, in milliseconds of the clock (0: none)."""
    error_rate: float = 0.0
    """Share of requests answered with a 5xx and an empty body."""
    rate_limit_rate: float = 0.0
    """Share of requests answered 429 with a ``Retry-After`` header."""
    retry_after_seconds: float = 2.0
    """The ``Retry-After`` value sent with a 429."""
    latency_spike_rate: float = 0.0
    """Share of requests held for a latency spike on the sandbox's clock."""
    latency_spike_seconds: float = 5.0
    """The typical spike: each lasts between half and one and a half times this."""
    publish_failure_rate: float = 0.0
    """Share of scheduled items that end FAILED instead of PUBLISHED."""
    schedule_lead_seconds: float | None = None
    """When set, ScheduleDrafts schedules each draft this many seconds from now instead of
    on its activity's date: to watch posts go out without waiting for their day."""
