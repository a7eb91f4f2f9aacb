"""Building sandbox SQLite files that hold a big ACTIVE plan, deterministically.

Generating a plan through the API gives the few dozen activities a month of cadence calls
for; the benchmarks need hundreds. So the file is built the way the sandbox builds its own
state, one layer down: :func:`tui_planner.sandbox.create_app` creates the file and the demo
site, then one storage transaction writes the activities and their post drafts with the
sandbox's storage functions (``insert_activity``, ``insert_generated_post``, ``register_image``) and
text from the sandbox's own generator (``plan_activities``, ``activity_posts``), and marks
the plan ACTIVE as a finished generation would. The same spec always gives the same file.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tui_planner.api.models import ChannelName, PlanStatus
from tui_planner.clock import ManualClock
from tui_planner.sandbox import SandboxOptions, create_app
from tui_planner.sandbox.activity_store import ActivityOrigin, ActivityRow, insert_activity
from tui_planner.sandbox.context import SandboxContext
from tui_planner.sandbox.generator import GeneratedActivity, activity_posts, plan_activities
from tui_planner.sandbox.media import image_seed, register_image
from tui_planner.sandbox.post_content import insert_generated_post
from tui_planner.sandbox.storage import Storage

__all__ = ["SEED", "PlanSpec", "SeededPlan", "seed_plan"]

SEED = 7
"""The sandbox seed of every benchmark file (the same as the tests')."""

_BASE_URL = "http://sandbox.local"
_SEQ_INDEX = "benchmark_seeding_seq"


@dataclass(frozen=True)
class PlanSpec:
    """What to put in the file: how many activities, spread over which days, how many posts."""

    activities: int
    """Activities in the plan."""
    first_day: date
    """The first day activities fall on."""
    last_day: date
    """The last day activities fall on (spread evenly from ``first_day``)."""
    posts_per_activity: int = 0
    """Post drafts per activity, one per plan channel in order (at most 7)."""
    now: datetime | None = None
    """When the plan was last read; defaults to 09:00 UTC on ``first_day``."""


@dataclass(frozen=True)
class SeededPlan:
    """A file :func:`seed_plan` wrote and what it holds."""

    path: Path
    activities: int
    posts: int
    titles: tuple[str, ...]
    """Every activity's title, by date."""
    days: tuple[date, ...]
    """Every activity's day (UTC), in the same order as :attr:`titles`."""

    def titles_between(self, first: date, last: date) -> tuple[str, ...]:
        """The titles of the activities from ``first`` to ``last``, both included."""
        return tuple(
            t for t, day in zip(self.titles, self.days, strict=True) if first <= day <= last
        )


def seed_plan(path: Path, spec: PlanSpec) -> SeededPlan:
    """Write a sandbox file at ``path`` (replacing one there) holding ``spec``'s ACTIVE plan."""
    if path.exists():
        path.unlink()
    now = spec.now or datetime.combine(spec.first_day, datetime.min.time(), UTC) + timedelta(
        hours=9
    )
    clock = ManualClock(now, tz=UTC)
    options = SandboxOptions(seed=SEED)
    app = create_app(data_file=path, clock=clock, options=options)
    storage: Storage = app.state.storage
    titles: list[str] = []
    days: list[date] = []
    posts = 0
    with storage.transaction() as conn:
        # insert_activity/insert_item number rows with MAX(seq), a full scan without an
        # index: quadratic for thousands of rows. The index lives only while seeding.
        conn.execute(f"CREATE INDEX {_SEQ_INDEX}_a ON activities(seq)")
        conn.execute(f"CREATE INDEX {_SEQ_INDEX}_i ON items(seq)")
        ctx = SandboxContext.open(
            conn, options, now=now, today=clock.today(), tz=UTC, base_url=_BASE_URL
        )
        for n, template in enumerate(_templates(ctx, spec)):
            activity = ActivityRow(
                id=ctx.new_id(),
                title=template.title,
                description=template.description,
                target_date=_spread(spec, n, template.date),
                activity_type=template.activity_type,
                origin=ActivityOrigin.PLAN,
                generator_key=f"{template.key}-{n}",
            )
            insert_activity(conn, activity)
            titles.append(activity.title)
            days.append(activity.target_date.astimezone(UTC).date())
            posts += _insert_posts(ctx, activity, spec.posts_per_activity)
        ctx.site.plan_status = PlanStatus.ACTIVE
        ctx.site.last_read_at = now
        ctx.save()
        conn.execute(f"DROP INDEX {_SEQ_INDEX}_a")
        conn.execute(f"DROP INDEX {_SEQ_INDEX}_i")
    storage.close()
    return SeededPlan(path, len(titles), posts, tuple(titles), tuple(days))


def _templates(ctx: SandboxContext, spec: PlanSpec) -> list[GeneratedActivity]:
    """``spec.activities`` generated activities: the generator's plans, generation after
    generation, until there are enough."""
    found: list[GeneratedActivity] = []
    for generation in itertools.count():
        batch = plan_activities(
            ctx.site.profile,
            None,
            None,
            [],
            seed=SEED,
            today=spec.first_day,
            period_end=spec.last_day,
            generation=generation,
        )
        if not batch:
            raise ValueError("the generator planned nothing for those days")
        found.extend(batch)
        if len(found) >= spec.activities:
            return found[: spec.activities]
    raise AssertionError("unreachable")


def _spread(spec: PlanSpec, n: int, template: datetime) -> datetime:
    """The ``n``-th activity's moment: days spread evenly, the generator's time of day."""
    days = (spec.last_day - spec.first_day).days + 1
    day = spec.first_day + timedelta(days=n * days // max(1, spec.activities))
    return datetime.combine(day, template.timetz()).replace(tzinfo=template.tzinfo or UTC)


def _insert_posts(ctx: SandboxContext, activity: ActivityRow, count: int) -> int:
    """Give ``activity`` its first ``count`` post drafts; returns how many were written."""
    if count <= 0:
        return 0
    seed = image_seed(SEED, activity.id, 0)

    def media_url(channel: ChannelName) -> str:
        key = f"{activity.id}-i0-{channel.value.lower()}"
        return register_image(ctx.conn, key, channel, title=activity.title, seed=seed)

    generated = GeneratedActivity(
        title=activity.title,
        description=activity.description,
        date=activity.target_date,
        activity_type=activity.activity_type,
        key=activity.generator_key or activity.id,
    )
    drafts = activity_posts(
        ctx.site.profile, None, generated, seed=SEED, generation=0, media_url=media_url
    )[:count]
    for post in drafts:
        insert_generated_post(ctx, activity, post)
    return len(drafts)
