"""The soak's referee: what each command's outcome promises, checked against the server.

Three kinds of checks, each a sentence in :attr:`Referee.violations` when it fails:

- **The report is the truth.** Right after a command ends, the server (read fault-free)
  must show its effect if it said ok, and must not if it said it failed; a schedule report's
  ids must be exactly the drafts the server now holds SCHEDULED; and what the app shows for
  the command's things must be what the server has.
- **Nothing acknowledged is lost.** Every ok leaves facts in a ledger ("a12's title is X",
  "event e3 is gone") that must hold at every later checkpoint until a later command on the
  same thing replaces them.
- **No draft is scheduled twice**, across all reports.

Convergence (the store against a fresh read once faults stop) is :meth:`Referee.converged`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, assert_never

from tui_planner.api.models import ItemStatus, PlanStatus
from tui_planner.sync import (
    CancelItem,
    ClearPosts,
    ClearStories,
    Command,
    CommandOutcome,
    CreateActivity,
    CreateEvent,
    DeleteActivity,
    DeleteEvent,
    DeleteItem,
    DeletePlan,
    GeneratePlan,
    GeneratePosts,
    RegeneratePlan,
    RegeneratePlanWithResearch,
    RegeneratePosts,
    RegeneratePostsMedia,
    RegenerateStories,
    RescheduleItem,
    ScheduleDrafts,
    UpdateActivity,
    UpdateEvent,
    UpdateItemCaption,
    UpdatePostsMedia,
    UpsertSettings,
)

from .user import PLAN_LOCK, activity_lock

if TYPE_CHECKING:
    from tui_planner.api.models import (
        CalendarEvent,
        MarketingSettings,
        PlanMarketingActivity,
        PostItem,
    )
    from tui_planner.store import PlannerState

    from .world import Snapshot

__all__ = ["Referee", "parts_read"]

GONE_OR_LATER = frozenset(
    {ItemStatus.SCHEDULED, ItemStatus.PROCESSING, ItemStatus.PUBLISHED, ItemStatus.FAILED}
)
"""A scheduled item as time goes on: it goes out at its time, then is published or fails."""


@dataclass(frozen=True, slots=True)
class Fact:
    """Something an acknowledged command made so, and the lock of the thing it is about."""

    lock: str
    says: str
    holds: Callable[[Snapshot], bool]


def _item(snap: Snapshot, item_id: str) -> PostItem | None:
    for activity in snap.activities.values():
        for entry in activity.items:
            if entry.id == item_id:
                return entry
    return None


def _shown_item(state: PlannerState, item_id: str) -> PostItem | None:
    for activity in state.activities.values():
        for entry in activity.items:
            if entry.id == item_id:
                return entry
    return None


def _titled(
    activities: Mapping[str, PlanMarketingActivity], title: str
) -> list[PlanMarketingActivity]:
    return [a for a in activities.values() if a.title == title]


def _setting(settings: MarketingSettings, path: str) -> object:
    name = {
        "settings.toneOfVoice": "tone_of_voice",
        "settings.customContentGuidelines": "custom_content_guidelines",
        "settings.pointOfView": "point_of_view",
    }[path]
    return getattr(settings.settings, name)


def _drafts(activity: PlanMarketingActivity | None, *, stories: bool) -> set[str]:
    if activity is None:
        return set()
    return {e.id for e in activity.items if e.is_story == stories and e.status == ItemStatus.DRAFT}


def parts_read(command: Command) -> dict[str, bool]:
    """Which parts of the server's truth judging ``command`` needs (reading less is faster)."""
    match command:
        case CreateEvent() | UpdateEvent() | DeleteEvent():
            return {"plan": False, "events": True, "settings": False}
        case UpsertSettings():
            return {"plan": False, "events": False, "settings": True}
    return {"plan": True, "events": False, "settings": False}


class Referee:
    """Judges outcomes, keeps the ledger of acknowledged facts and lists violations."""

    def __init__(self) -> None:
        self.violations: list[str] = []
        self._facts: dict[tuple[str, ...], Fact] = {}
        self._scheduled_by: dict[str, int] = {}
        self._reports = 0
        self._lost: set[str] = set()

    def violation(self, at: datetime, text: str) -> None:
        """Record a broken invariant."""
        self.violations.append(f"{at:%H:%M:%S} {text}")

    # -- right after a command -----------------------------------------------------------------

    def judge(
        self,
        command: Command,
        outcome: CommandOutcome,
        before: Snapshot,
        after: Snapshot,
        shown: PlannerState,
    ) -> None:
        """Check ``outcome`` against the server just before and just after the command."""
        problems = self._problems(command, outcome, before, after, shown)
        for problem in problems:
            verdict = "ok" if outcome.ok else f"failed ({outcome.message})"
            self.violation(after.at, f"{command.describe()} [{verdict}]: {problem}")

    def _problems(
        self,
        command: Command,
        outcome: CommandOutcome,
        before: Snapshot,
        after: Snapshot,
        shown: PlannerState,
    ) -> list[str]:
        ok = outcome.ok
        match command:
            case GeneratePlan() | RegeneratePlan() | RegeneratePlanWithResearch():
                if ok:
                    self._forget_plan()
                    if after.status != PlanStatus.GENERATING:
                        return [f"the server's plan is {after.status.value}, not GENERATING"]
                elif after.status != before.status:
                    return [f"the plan went {before.status.value} -> {after.status.value}"]
                return []
            case DeletePlan():
                if ok:
                    self._forget_plan()
                    if after.status != PlanStatus.NEVER_CREATED or after.activities:
                        return ["the server still has a plan"]
                    if shown.activities:
                        return ["the app still shows activities"]
                elif after.status == PlanStatus.NEVER_CREATED != before.status:
                    return ["the server deleted the plan"]
                return []
            case GeneratePosts(activity_ids=activity_ids):
                # The posts arrive later; they replace whatever was said of the drafts.
                if ok:
                    for activity_id in activity_ids:
                        self._forget_posts(activity_id)
                return []
            case (
                RegeneratePosts(activity_id=activity_id)
                | RegeneratePostsMedia(activity_id=activity_id)
                | RegenerateStories(activity_id=activity_id)
            ):
                if ok:
                    self._forget_posts(activity_id)
                return []
            case UpdatePostsMedia():
                return self._posts_media(command, ok, before, after)
            case ClearPosts(activity_id=activity_id):
                return self._cleared(activity_id, ok, before, after, stories=False)
            case ClearStories(activity_id=activity_id):
                return self._cleared(activity_id, ok, before, after, stories=True)
            case ScheduleDrafts(draft_ids=draft_ids):
                return self._schedule(draft_ids, outcome, before, after, shown)
            case RescheduleItem():
                return self._reschedule(command, ok, before, after, shown)
            case CancelItem(item_id=item_id):
                return self._cancel(item_id, ok, after, shown)
            case UpdateItemCaption(item_id=item_id, caption=caption):
                return self._caption(item_id, caption, ok, before, after, shown)
            case DeleteItem(item_id=item_id):
                return self._delete_item(item_id, ok, before, after, shown)
            case CreateActivity(title=title):
                return self._create_activity(title, ok, after, shown)
            case UpdateActivity():
                return self._update_activity(command, ok, before, after, shown)
            case DeleteActivity(activity_id=activity_id):
                return self._delete_activity(activity_id, ok, before, after, shown)
            case CreateEvent(event=event):
                return self._create_event(event.name, ok, after)
            case UpdateEvent(event=event):
                return self._update_event(event, ok, after)
            case DeleteEvent(event_id=event_id):
                return self._delete_event(event_id, ok, before, after)
            case UpsertSettings(settings=settings, field_mask=field_mask):
                return self._settings(settings, field_mask[0], ok, before, after, shown)
            case _:
                assert_never(command)

    def _posts_media(
        self, command: UpdatePostsMedia, ok: bool, before: Snapshot, after: Snapshot
    ) -> list[str]:
        activity_id, url = command.activity_id, command.media_url
        activity = after.activities.get(activity_id)
        images = {e.id: e.image for e in activity.posts} if activity else {}
        was = before.activities.get(activity_id)
        drafts = {e.id for e in was.posts if e.status == ItemStatus.DRAFT} if was else set()
        changed = frozenset(i for i in drafts if images.get(i) == url)
        if ok and changed != drafts & set(images):
            return [f"drafts {sorted(drafts - changed)} do not show the new image"]
        if not ok and changed:
            return [f"drafts {sorted(changed)} show the new image"]
        if ok:
            self._remember(
                ("posts", activity_id),
                activity_lock(activity_id),
                f"{activity_id}'s drafts show {url}",
                lambda s: all(_image_of(s, i) in (url, None) for i in changed),
            )
        return []

    def _cleared(
        self, activity_id: str, ok: bool, before: Snapshot, after: Snapshot, *, stories: bool
    ) -> list[str]:
        was = _drafts(before.activities.get(activity_id), stories=stories)
        left = _drafts(after.activities.get(activity_id), stories=stories)
        if ok and left:
            return [f"drafts {sorted(left)} are still there"]
        if not ok and was and not left and activity_id in after.activities:
            return ["the drafts are gone"]
        if ok:
            gone = frozenset(was)
            self._remember(
                ("cleared", activity_id, str(stories)),
                activity_lock(activity_id),
                f"drafts {sorted(gone)} stay cleared",
                lambda s: all(_item(s, i) is None for i in gone),
            )
        return []

    def _reschedule(
        self,
        command: RescheduleItem,
        ok: bool,
        before: Snapshot,
        after: Snapshot,
        shown: PlannerState,
    ) -> list[str]:
        item_id, when = command.item_id, command.when
        entry, was = _item(after, item_id), _item(before, item_id)
        if not ok:
            if entry is not None and was is not None and entry.scheduled_date != was.scheduled_date:
                return [f"{item_id} moved to {entry.scheduled_date}"]
            return []
        if entry is None or entry.scheduled_date != when:
            return [f"{item_id} is not scheduled for {when:%d %b %H:%M}"]
        mine = _shown_item(shown, item_id)
        if mine is None or mine.scheduled_date != when:
            return [f"the app does not show {item_id} at {when:%d %b %H:%M}"]
        self._remember(
            ("item", item_id),
            self._owner_lock(after, item_id),
            f"{item_id} goes out at {when:%d %b %H:%M}",
            _scheduled_at(item_id, when),
        )
        return []

    def _cancel(self, item_id: str, ok: bool, after: Snapshot, shown: PlannerState) -> list[str]:
        entry = _item(after, item_id)
        if not ok:
            canceled = entry is not None and entry.status == ItemStatus.CANCELED
            return [f"{item_id} was canceled"] if canceled else []
        if entry is None or entry.status != ItemStatus.CANCELED:
            return [f"{item_id} is {entry.status.value if entry else 'gone'}"]
        mine = _shown_item(shown, item_id)
        if mine is None or mine.status != ItemStatus.CANCELED:
            return [f"the app does not show {item_id} canceled"]
        self._remember(
            ("item", item_id),
            self._owner_lock(after, item_id),
            f"{item_id} stays canceled",
            lambda s: (e := _item(s, item_id)) is None or e.status == ItemStatus.CANCELED,
        )
        return []

    def _caption(
        self,
        item_id: str,
        caption: str,
        ok: bool,
        before: Snapshot,
        after: Snapshot,
        shown: PlannerState,
    ) -> list[str]:
        entry, was = _item(after, item_id), _item(before, item_id)
        if not ok:
            changed = entry is not None and entry.text == caption != (was.text if was else None)
            return ["the server changed the caption"] if changed else []
        if entry is None or entry.text != caption:
            return [f"the server's caption of {item_id} is {entry.text if entry else 'gone'!r}"]
        mine = _shown_item(shown, item_id)
        posted = shown.site_posts.items.get(item_id)
        if mine is None or mine.text != caption or posted is None or posted.text != caption:
            return [f"the app does not show {item_id}'s new caption everywhere"]
        owner = self._owner_lock(after, item_id)
        self._remember(
            ("caption", owner, item_id),
            owner,
            f"{item_id} reads {caption!r}",
            lambda s: (e := _item(s, item_id)) is None or e.text == caption,
        )
        return []

    def _delete_item(
        self, item_id: str, ok: bool, before: Snapshot, after: Snapshot, shown: PlannerState
    ) -> list[str]:
        present = _item(after, item_id) is not None
        if not ok:
            lost = not present and _item(before, item_id) is not None
            return ["the server deleted it"] if lost else []
        if present:
            return ["the server still has it"]
        if _shown_item(shown, item_id) is not None or item_id in shown.site_posts.items:
            return ["the app still shows it"]
        owner = self._owner_lock(before, item_id)
        self._facts.pop(("caption", owner, item_id), None)
        self._remember(
            ("deleted", item_id),
            owner,
            f"{item_id} stays deleted",
            lambda s: _item(s, item_id) is None,
        )
        return []

    def _create_activity(
        self, title: str, ok: bool, after: Snapshot, shown: PlannerState
    ) -> list[str]:
        made = _titled(after.activities, title)
        if not ok:
            return [f"the server created {[a.id for a in made]}"] if made else []
        if len(made) != 1:
            return [f"the server has {len(made)} activities titled {title!r}"]
        if len(_titled(shown.activities, title)) != 1:
            return ["the app does not show it once"]
        created = made[0].id
        self._remember(
            ("activity", created),
            activity_lock(created),
            f"{created} ({title!r}) exists",
            lambda s: created in s.activities,
        )
        return []

    def _delete_activity(
        self, activity_id: str, ok: bool, before: Snapshot, after: Snapshot, shown: PlannerState
    ) -> list[str]:
        if not ok:
            lost = activity_id in before.activities and activity_id not in after.activities
            return ["the server deleted it"] if lost else []
        if activity_id in after.activities:
            return ["the server still has it"]
        if activity_id in shown.activities:
            return ["the app still shows it"]
        self._forget(activity_lock(activity_id))
        self._remember(
            ("activity", activity_id),
            activity_lock(activity_id),
            f"{activity_id} stays deleted",
            lambda s: activity_id not in s.activities,
        )
        return []

    def _create_event(self, name: str, ok: bool, after: Snapshot) -> list[str]:
        made = [e.id or "" for e in after.events if e.name == name]
        if not ok:
            return ["the server created it"] if made else []
        if len(made) != 1:
            return [f"the server has {len(made)} events named {name!r}"]
        created = made[0]
        self._remember(
            ("event", created),
            f"event:{created}",
            f"event {created} ({name!r}) exists",
            lambda s: any(e.id == created for e in s.events),
        )
        return []

    def _update_event(self, event: CalendarEvent, ok: bool, after: Snapshot) -> list[str]:
        found = next((e for e in after.events if e.id == event.id), None)
        if not ok:
            return ["the server renamed it"] if found and found.name == event.name else []
        if found is None or found.name != event.name:
            return [f"the server's event is {found.name if found else 'gone'}"]
        self._remember(
            ("event", event.id or ""),
            f"event:{event.id}",
            f"event {event.id} is named {event.name!r}",
            lambda s: any(e.id == event.id and e.name == event.name for e in s.events),
        )
        return []

    def _delete_event(
        self, event_id: str, ok: bool, before: Snapshot, after: Snapshot
    ) -> list[str]:
        present = any(e.id == event_id for e in after.events)
        if not ok:
            lost = not present and any(e.id == event_id for e in before.events)
            return ["the server deleted it"] if lost else []
        if present:
            return ["the server still has it"]
        self._remember(
            ("event", event_id),
            f"event:{event_id}",
            f"event {event_id} stays deleted",
            lambda s: all(e.id != event_id for e in s.events),
        )
        return []

    def _settings(
        self,
        settings: MarketingSettings,
        path: str,
        ok: bool,
        before: Snapshot,
        after: Snapshot,
        shown: PlannerState,
    ) -> list[str]:
        wanted = _setting(settings, path)
        saved = _setting(after.settings, path)
        if not ok:
            return (
                [f"the server saved {path}"]
                if saved == wanted != _setting(before.settings, path)
                else []
            )
        if saved != wanted:
            return [f"the server has {path} = {saved!r}"]
        if shown.settings is None or _setting(shown.settings, path) != wanted:
            return [f"the app does not show {path} = {wanted!r}"]
        self._remember(
            ("settings", path),
            f"settings:{path}",
            f"{path} is {wanted!r}",
            lambda s: _setting(s.settings, path) == wanted,
        )
        return []

    def _schedule(
        self,
        draft_ids: tuple[str, ...],
        outcome: CommandOutcome,
        before: Snapshot,
        after: Snapshot,
        shown: PlannerState,
    ) -> list[str]:
        was_draft = {
            i for i in draft_ids if (e := _item(before, i)) and e.status == ItemStatus.DRAFT
        }
        now_scheduled = {
            i for i in was_draft if (e := _item(after, i)) and e.status == ItemStatus.SCHEDULED
        }
        if not outcome.ok:
            return [f"the server scheduled {sorted(now_scheduled)}"] if now_scheduled else []
        problems = []
        reported = set(outcome.scheduled_ids)
        if reported != now_scheduled:
            problems.append(
                f"reported {sorted(reported)} but the server scheduled {sorted(now_scheduled)}"
            )
        noun = "draft" if len(draft_ids) == 1 else "drafts"
        if outcome.message != f"Scheduled {len(reported)} of {len(draft_ids)} {noun}":
            problems.append(f"the message says {outcome.message!r}")
        for item_id in reported:
            earlier = self._scheduled_by.get(item_id)
            if earlier is not None:
                problems.append(f"{item_id} was already scheduled by report {earlier}")
            self._scheduled_by[item_id] = self._reports
            entry = _item(after, item_id)
            when = entry.scheduled_date if entry else None
            self._remember(
                ("item", item_id),
                self._owner_lock(after, item_id),
                f"{item_id} is scheduled",
                _scheduled_at(item_id, when),
            )
            shown_entry = _shown_item(shown, item_id)
            if shown_entry is None or shown_entry.status != ItemStatus.SCHEDULED:
                problems.append(f"the app does not show {item_id} scheduled")
        for item_id in was_draft - reported:
            shown_entry = _shown_item(shown, item_id)
            if shown_entry is not None and shown_entry.status != ItemStatus.DRAFT:
                problems.append(f"the app shows {item_id} {shown_entry.status.value}")
        self._reports += 1
        return problems

    def _update_activity(
        self,
        command: UpdateActivity,
        ok: bool,
        before: Snapshot,
        after: Snapshot,
        shown: PlannerState,
    ) -> list[str]:
        activity_id = command.activity_id
        wanted = {
            name: value
            for name, value in (
                ("title", command.title),
                ("description", command.description),
                ("date", command.target_date),
            )
            if value is not None
        }
        now = after.activities.get(activity_id)
        was = before.activities.get(activity_id)
        if now is None:
            return ["the server lost the activity"] if was is not None else []
        server = {name: getattr(now, name) for name in wanted}
        if ok:
            problems = []
            if server != wanted:
                problems.append(f"the server has {server}, not {wanted}")
            mine = shown.activities.get(activity_id)
            if mine is None or {name: getattr(mine, name) for name in wanted} != wanted:
                problems.append("the app does not show the change")
            for name, value in wanted.items():
                self._remember(
                    ("activity", activity_id, name),
                    activity_lock(activity_id),
                    f"{activity_id}'s {name} is {value!r}",
                    _activity_has(activity_id, name, value),
                )
            return problems
        if was is not None and any(getattr(was, n) != getattr(now, n) for n in wanted):
            return [f"the server changed {wanted} anyway"]
        return []

    # -- the ledger -----------------------------------------------------------------------------

    def _remember(
        self, key: tuple[str, ...], lock: str, says: str, holds: Callable[[Snapshot], bool]
    ) -> None:
        self._facts[key] = Fact(lock, says, holds)

    def _forget_posts(self, activity_id: str) -> None:
        """New drafts for the activity: what was said of its drafts' images and words goes."""
        lock = activity_lock(activity_id)
        self._facts.pop(("posts", activity_id), None)
        for key in [k for k in self._facts if k[0] == "caption" and k[1] == lock]:
            del self._facts[key]

    def _forget(self, lock: str) -> None:
        for key in [key for key, fact in self._facts.items() if fact.lock == lock]:
            del self._facts[key]

    def _forget_plan(self) -> None:
        # A (re)generation or a deletion remakes the activities: what was said of them goes.
        for key in [k for k, fact in self._facts.items() if fact.lock.startswith("activity:")]:
            del self._facts[key]

    def _owner_lock(self, snap: Snapshot, item_id: str) -> str:
        for activity in snap.activities.values():
            if any(entry.id == item_id for entry in activity.items):
                return activity_lock(activity.id)
        return PLAN_LOCK

    def checkpoint(
        self, snap: Snapshot, busy: Callable[[str], bool], *, where: str = "the server"
    ) -> None:
        """Every remembered fact whose thing no command is touching must still hold.

        ``snap`` is the server's truth, or what the app shows (``where="the app"``): a
        confirmed command is folded into the app's truth at once, so no later read may
        take it back there either.
        """
        for fact in self._facts.values():
            if not busy(fact.lock) and not fact.holds(snap):
                lost = f"{where} lost: {fact.says}"
                if lost not in self._lost:  # once, not at every later look
                    self._lost.add(lost)
                    self.violation(snap.at, lost)

    # -- after the faults stop ------------------------------------------------------------------

    def converged(self, state: PlannerState, snap: Snapshot) -> None:
        """The app shows exactly what the server has."""
        if state.plan_status != snap.status:
            self.violation(
                snap.at, f"the app shows {state.plan_status.value}, the server {snap.status.value}"
            )
        shown = dict(state.activities)
        for activity_id in sorted(shown.keys() | snap.activities.keys()):
            mine, theirs = shown.get(activity_id), snap.activities.get(activity_id)
            if mine != theirs:
                self.violation(snap.at, f"activity {activity_id}: {_difference(mine, theirs)}")
        if state.events != snap.events:
            self.violation(snap.at, "the app's events differ from the server's")
        if state.settings != snap.settings:
            self.violation(snap.at, "the app's settings differ from the server's")


def _scheduled_at(item_id: str, when: datetime | None) -> Callable[[Snapshot], bool]:
    """The item (if it still exists) is scheduled for ``when``, or went out then."""

    def holds(snap: Snapshot) -> bool:
        entry = _item(snap, item_id)
        return entry is None or (entry.status in GONE_OR_LATER and entry.scheduled_date == when)

    return holds


def _activity_has(activity_id: str, name: str, value: object) -> Callable[[Snapshot], bool]:
    """The activity (if it still exists) has ``value`` in its field ``name``."""

    def holds(snap: Snapshot) -> bool:
        activity = snap.activities.get(activity_id)
        return activity is None or getattr(activity, name) == value

    return holds


def _image_of(snap: Snapshot, item_id: str) -> str | None:
    entry = _item(snap, item_id)
    return entry.image if entry else None


def _difference(mine: PlanMarketingActivity | None, theirs: PlanMarketingActivity | None) -> str:
    if mine is None:
        return "on the server, not in the app"
    if theirs is None:
        return "in the app, not on the server"
    left, right = mine.model_dump(), theirs.model_dump()
    fields = [name for name in left if left[name] != right[name]]
    return f"differs in {', '.join(fields)}"
