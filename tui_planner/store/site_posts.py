"""Every post of the site the app knows of: the Posts section's slice of the state.

The plan holds only the items of its activities in the plan period. The site has more:
posts made on the dashboard, posts imported from the networks (``external``), and the
plan's own posts once their activity's day is past. :class:`SitePosts` holds them all by
id, as Query Items last answered, with the plan's items folded in whenever the plan is read
(so one post never shows two versions).

It also notices posts that went out: an item the app already knew that turns ``FAILED``
or ``PUBLISHED`` is listed in ``unseen_failed`` / ``unseen_published`` until the UI says it
was shown (:meth:`SitePosts.acknowledged`). Items first seen already failed or published
(at start-up, or imported) are not news.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from tui_planner.api.models import ItemStatus

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from datetime import datetime

    from tui_planner.api.models import PostItem

__all__ = ["SitePosts"]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True, eq=False)
class SitePosts:
    """Every Publisher item of the site, by id, and which ones went out unseen.

    ``read_at`` is when Query Items last answered (``None`` before it ever has: until then
    ``items`` holds only the plan's own). ``complete`` is False when the site has more
    posts than the app reads at once (the newest are kept).
    """

    items: Mapping[str, PostItem] = field(default_factory=lambda: _EMPTY)
    read_at: datetime | None = None
    complete: bool = True
    unseen_failed: frozenset[str] = frozenset()
    """Items that turned FAILED while the app watched, not yet shown to the user."""
    unseen_published: frozenset[str] = frozenset()
    """Items that turned PUBLISHED while the app watched, not yet shown to the user."""

    def updated(
        self, items: Mapping[str, PostItem], *, read_at: datetime | None, complete: bool
    ) -> SitePosts:
        """These posts now (``self`` when nothing changed), with what went out noted."""
        if items is self.items and read_at == self.read_at and complete == self.complete:
            return self
        failed, published = set(self.unseen_failed), set(self.unseen_published)
        if items is not self.items:
            for item_id, entry in items.items():
                old = self.items.get(item_id)
                if old is None or old is entry or old.status == entry.status:
                    continue
                if entry.status == ItemStatus.FAILED:
                    failed.add(item_id)
                elif entry.status == ItemStatus.PUBLISHED:
                    published.add(item_id)
        return replace(
            self,
            items=items,
            read_at=read_at,
            complete=complete,
            unseen_failed=_still(failed, items, ItemStatus.FAILED),
            unseen_published=_still(published, items, ItemStatus.PUBLISHED),
        )

    def acknowledged(self, item_ids: Iterable[str] | None = None) -> SitePosts:
        """These posts with ``item_ids`` (all, when ``None``) no longer news."""
        if item_ids is None:
            seen: frozenset[str] = self.unseen_failed | self.unseen_published
        else:
            seen = frozenset(item_ids)
        if not seen & (self.unseen_failed | self.unseen_published):
            return self
        return replace(
            self,
            unseen_failed=self.unseen_failed - seen,
            unseen_published=self.unseen_published - seen,
        )


def _still(ids: set[str], items: Mapping[str, PostItem], status: ItemStatus) -> frozenset[str]:
    """The ids whose item is still there, in ``status`` (a deleted or retried one is not news)."""
    return frozenset(
        item_id
        for item_id in ids
        if (entry := items.get(item_id)) is not None and entry.status == status
    )
