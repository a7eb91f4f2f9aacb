"""The store: immutable :class:`PlannerState` snapshots, pure reducers, selectors and ``Store``.

Plain Python (no Textual): the sync engine writes here, the UI reads.
"""

from . import reducers, selectors
from .state import (
    ConnectionPhase,
    FailureKind,
    Options,
    PendingCommand,
    PlannerState,
    SitePosts,
    SyncStatus,
)
from .store import Store

__all__ = [
    "ConnectionPhase",
    "FailureKind",
    "Options",
    "PendingCommand",
    "PlannerState",
    "SitePosts",
    "Store",
    "SyncStatus",
    "reducers",
    "selectors",
]
