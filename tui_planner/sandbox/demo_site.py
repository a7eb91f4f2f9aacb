"""Setting up a new sandbox file: the demo business, its connected calendar, its other posts."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime

from .calendars import seed_connected_events
from .dashboard_posts import seed_dashboard_posts
from .generator import DEMO_PROFILE
from .options import SandboxOptions
from .site import insert_site, load_site

__all__ = ["ensure_site", "site_id_for"]

_NAMESPACE = uuid.UUID("3a9c1e5b-7d2f-4e8a-b6c0-1f4d9e2a7b35")


def site_id_for(seed: int) -> str:
    """The demo site's ID (also its settings record's ID)."""
    return str(uuid.uuid5(_NAMESPACE, f"site:{seed}"))


def ensure_site(conn: sqlite3.Connection, options: SandboxOptions, now: datetime) -> None:
    """Create the demo site in a new file; an existing file is left as it is."""
    if load_site(conn) is not None:
        return
    insert_site(conn, site_id_for(options.seed), DEMO_PROFILE, now)
    seed_connected_events(conn, DEMO_PROFILE, options.seed, now)
    seed_dashboard_posts(conn, DEMO_PROFILE, options, now)
