"""Post work that finishes later: GenerateSocialPosts and the regenerate methods.

A call records a job due ``posts_seconds`` after it; the first request at or after that
moment carries the job out (:func:`run_due_jobs`), so the answers of a manual clock's test are
the same as a real server's without any background thread.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from .activity_store import find_activity
from .context import SandboxContext
from .item_store import activity_items
from .post_content import create_posts, regenerate_media, regenerate_posts, regenerate_stories

__all__ = ["JobKind", "pending_jobs", "queue_job", "run_due_jobs"]


class JobKind(StrEnum):
    """What a pending job will do."""

    GENERATE_POSTS = "GENERATE_POSTS"
    REGENERATE_POSTS = "REGENERATE_POSTS"
    REGENERATE_MEDIA = "REGENERATE_MEDIA"
    REGENERATE_STORIES = "REGENERATE_STORIES"


def queue_job(ctx: SandboxContext, activity_id: str, kind: JobKind) -> None:
    """Record that ``kind`` of work on the activity finishes ``posts_seconds`` from now."""
    ready_at = ctx.now + timedelta(seconds=ctx.options.posts_seconds)
    ctx.conn.execute(
        "INSERT INTO jobs (activity_id, kind, ready_at) VALUES (?, ?, ?)",
        (activity_id, kind.value, ready_at.isoformat()),
    )


def pending_jobs(ctx: SandboxContext, activity_id: str) -> set[JobKind]:
    """The kinds of work still running on the activity."""
    rows = ctx.conn.execute("SELECT kind FROM jobs WHERE activity_id = ?", (activity_id,))
    return {JobKind(row["kind"]) for row in rows}


def run_due_jobs(ctx: SandboxContext, until: datetime) -> None:
    """Carry out, in order, every job due at or before ``until``."""
    rows = ctx.conn.execute(
        "SELECT id, activity_id, kind, ready_at FROM jobs ORDER BY ready_at, id"
    ).fetchall()
    for row in rows:
        if datetime.fromisoformat(row["ready_at"]) > until:
            break
        ctx.conn.execute("DELETE FROM jobs WHERE id = ?", (row["id"],))
        activity = find_activity(ctx.conn, row["activity_id"])
        if activity is None:
            continue
        kind = JobKind(row["kind"])
        if kind == JobKind.GENERATE_POSTS:
            # Activities that already have posts keep them; clearing comes first (§8.5).
            if not any(not item.is_story for item in activity_items(ctx.conn, activity.id)):
                create_posts(ctx, activity)
        elif kind == JobKind.REGENERATE_POSTS:
            regenerate_posts(ctx, activity)
        elif kind == JobKind.REGENERATE_MEDIA:
            regenerate_media(ctx, activity)
        else:
            regenerate_stories(ctx, activity)
