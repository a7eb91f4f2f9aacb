"""The journal: which commands are in flight, so a session that ends mid-command is not silent.

Before a command goes to the server the journal writes it down (its kind, the ids it is
about, when it started) and when the command has an answer it crosses it out. A session
killed in between (a crash, a closed terminal, SIGKILL) leaves the entry behind; the next
start reads the plan from the server and says how things stand ("The last session was closed
while scheduling 34 drafts: 20 are scheduled, 14 are still drafts."), then forgets the entry.

The journal also remembers which activities the user changed by hand through the app (title,
description, date, own image), across sessions, because the server does not say so and a
regeneration would replace them: the regenerate confirmations count them.

One small JSON file per backend (:attr:`BackendInfo.key`) in the user state directory, mode
0600, replaced atomically on every change. Plain Python, no Textual. A file that cannot be
read counts as empty; one that cannot be written costs the next start its notice, never a
command.
"""

from __future__ import annotations

import itertools
import json
import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from tui_planner.api.models.enums import ItemStatus, PlanStatus
from tui_planner.cache_json import json_object, text
from tui_planner.config.locations import APP_NAME
from tui_planner.words import plural

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Iterable, Mapping

    from tui_planner.clock import Clock
    from tui_planner.store.state import PlannerState
    from tui_planner.sync.commands import Command, CommandOutcome

__all__ = ["FORMAT", "Journal", "JournalEntry", "journal_file"]

logger = logging.getLogger(__name__)

FORMAT = 1
"""The file format's version; a file of another version is read as empty."""

MAX_EDITED = 1000
"""How many hand-edited activities are remembered (the most recent)."""

_EDITS = frozenset({"UpdateActivity", "UpdatePostsMedia"})
"""Commands that change an activity by hand, which a regeneration would undo."""

_WENT_OUT = frozenset(
    {ItemStatus.SCHEDULED, ItemStatus.IN_QUEUE, ItemStatus.PROCESSING, ItemStatus.PUBLISHED}
)
"""A post in any of these states was scheduled (and may have gone out since)."""


def journal_file(key: str, state_dir: Path | None = None) -> Path:
    """Where the journal of the backend named ``key`` is kept (user state directory)."""
    root = state_dir if state_dir is not None else Path(platformdirs.user_state_dir(APP_NAME))
    return root / "journals" / f"{key}.json"


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One command in flight: what it was and what it was about."""

    key: str
    kind: str
    """The command's class name (``ScheduleDrafts``)."""
    description: str
    """The command in words ("Schedule 34 drafts")."""
    ids: tuple[str, ...]
    """The drafts, activity, item or event it acts on."""
    started_at: datetime
    detail: Mapping[str, str] = field(default_factory=dict)
    """The values it set, for the commands that set some (title, description, date)."""

    def to_json(self) -> dict[str, Any]:
        """The entry as the file holds it."""
        return {
            "key": self.key,
            "kind": self.kind,
            "description": self.description,
            "ids": list(self.ids),
            "startedAt": self.started_at.isoformat(),
            "detail": dict(self.detail),
        }

    @classmethod
    def from_json(cls, value: object) -> JournalEntry:
        """An entry read back; ``TypeError``/``ValueError`` for a damaged one."""
        raw = json_object(value)
        ids = raw.get("ids", [])
        detail = json_object(raw.get("detail", {}))
        if not isinstance(ids, list):
            raise TypeError("ids must be a list")
        started = datetime.fromisoformat(text(raw["startedAt"]))
        if started.tzinfo is None:
            raise ValueError("startedAt needs a time zone")
        return cls(
            key=text(raw["key"]),
            kind=text(raw["kind"]),
            description=text(raw["description"]),
            ids=tuple(text(i) for i in ids),
            started_at=started,
            detail={text(k): text(v) for k, v in detail.items()},
        )


class Journal:
    """Commands in flight and hand-edited activities, kept in ``path`` (``None``: memory).

    :attr:`leftover` holds what the last session left in flight; :meth:`report` says how it
    ended, from a plan read after this start, and :meth:`forget_leftover` clears it.
    """

    def __init__(self, path: Path | None, clock: Clock) -> None:
        self.path = path
        """The file (``None``: nothing is written, as in tests)."""
        self._clock = clock
        self._open: dict[str, JournalEntry] = {}
        self._numbers = itertools.count(1)
        leftover, edited = _read(path)
        self.leftover: tuple[JournalEntry, ...] = leftover
        """Commands the last session started and never saw answered."""
        self._edited: dict[str, None] = dict.fromkeys(edited)

    # -- commands ---------------------------------------------------------------------------

    @property
    def in_flight(self) -> tuple[JournalEntry, ...]:
        """This session's commands that have no answer yet."""
        return tuple(self._open.values())

    def begin(self, command: Command) -> JournalEntry:
        """Write ``command`` down before it is sent."""
        now = self._clock.now()
        entry = JournalEntry(
            key=f"{now.timestamp():.6f}-{next(self._numbers)}",
            kind=type(command).__name__,
            description=command.describe(),
            ids=_ids_of(command),
            started_at=now,
            detail=_detail_of(command),
        )
        self._open[entry.key] = entry
        self._save()
        return entry

    def end(self, entry: JournalEntry, outcome: CommandOutcome) -> None:
        """Cross ``entry`` out: its command has an answer (``outcome``)."""
        self._open.pop(entry.key, None)
        if outcome.ok and entry.kind in _EDITS:
            self._note_edited(entry.ids)
        self._save()

    async def record(
        self, command: Command, run: Callable[[Command], Awaitable[CommandOutcome]]
    ) -> CommandOutcome:
        """Run ``command`` through ``run`` with its entry written before and crossed out
        after. A cancelled run (the app closing) leaves the entry for the next start."""
        entry = self.begin(command)
        outcome = await run(command)
        self.end(entry, outcome)
        return outcome

    # -- hand edits -------------------------------------------------------------------------

    @property
    def edited(self) -> frozenset[str]:
        """The activities the user changed by hand through the app."""
        return frozenset(self._edited)

    def _note_edited(self, activity_ids: Iterable[str]) -> None:
        for activity_id in activity_ids:
            self._edited.pop(activity_id, None)
            self._edited[activity_id] = None
        while len(self._edited) > MAX_EDITED:
            del self._edited[next(iter(self._edited))]

    # -- the last session -------------------------------------------------------------------

    def report(self, state: PlannerState) -> str | None:
        """How the last session's unfinished commands stand in ``state`` (read from the
        server after this start); ``None`` when it left none."""
        if not self.leftover:
            return None
        return "\n".join(_how_it_ended(entry, state) for entry in self.leftover)

    def forget_leftover(self) -> None:
        """The leftover entries have been reported: clear them from the file."""
        if self.leftover:
            self.leftover = ()
            self._save()

    # -- the file ---------------------------------------------------------------------------

    def _save(self) -> None:
        if self.path is None:
            return
        body = {
            "format": FORMAT,
            "inFlight": [e.to_json() for e in (*self.leftover, *self._open.values())],
            "edited": list(self._edited),
        }
        from tui_planner.config import write_private_file  # only once something is written

        try:
            write_private_file(self.path, json.dumps(body, ensure_ascii=False, indent=1) + "\n")
        except OSError as error:
            # The command goes ahead; only the next start's notice is at stake.
            logger.warning("could not write the journal %s: %s", self.path, error)


def _read(path: Path | None) -> tuple[tuple[JournalEntry, ...], tuple[str, ...]]:
    """The entries and edited ids in ``path``; nothing for a missing or damaged file."""
    if path is None:
        return (), ()
    try:
        raw = json_object(json.loads(path.read_text(encoding="utf-8")))
        if raw.get("format") != FORMAT:
            return (), ()
        entries = raw.get("inFlight", [])
        edited = raw.get("edited", [])
        if not isinstance(entries, list) or not isinstance(edited, list):
            raise TypeError("inFlight and edited must be lists")
        return (
            tuple(JournalEntry.from_json(e) for e in entries),
            tuple(text(i) for i in edited),
        )
    except FileNotFoundError:
        return (), ()
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError) as error:
        logger.warning("ignoring the unreadable journal %s: %s", path, error)
        return (), ()


def _ids_of(command: Command) -> tuple[str, ...]:
    """The ids a command acts on, whatever its kind."""
    for name in ("draft_ids", "activity_ids"):
        many = getattr(command, name, None)
        if many is not None:
            return tuple(many)
    for name in ("activity_id", "item_id", "event_id"):
        one = getattr(command, name, None)
        if isinstance(one, str):
            return (one,)
    event = getattr(command, "event", None)
    event_id = getattr(event, "id", None)
    return (event_id,) if isinstance(event_id, str) else ()


def _detail_of(command: Command) -> dict[str, str]:
    """The values a command sets, where the report can check them afterwards."""
    detail: dict[str, str] = {}
    for name in ("title", "description"):
        value = getattr(command, name, None)
        if isinstance(value, str):
            detail[name] = value
    target = getattr(command, "target_date", None)
    if isinstance(target, datetime):
        detail["date"] = target.isoformat()
    return detail


def _how_it_ended(entry: JournalEntry, state: PlannerState) -> str:
    """One sentence: what the command was, and what the server holds now."""
    match entry.kind:
        case "ScheduleDrafts":
            return _schedule_ended(entry, state)
        case "UpdateActivity":
            return _update_ended(entry, state)
        case "CreateActivity":
            title = entry.detail.get("title", "")
            there = any(a.title == title for a in state.activities.values())
            verdict = "it is in the plan" if there else "it is not in the plan; create it again"
            return f"The last session was closed while creating the activity “{title}”: {verdict}."
        case "DeleteActivity":
            gone = not any(i in state.activities for i in entry.ids)
            verdict = "it is deleted" if gone else "it is still in the plan"
            return f"The last session was closed while deleting an activity: {verdict}."
        case "GeneratePlan" | "RegeneratePlan" | "RegeneratePlanWithResearch":
            status = state.plan_status
            now = (
                "it is still being generated"
                if status == PlanStatus.GENERATING
                else f"the plan is now {status.value}"
            )
            return f"The last session was closed while “{entry.description}” was starting: {now}."
    return (
        f"The last session was closed before “{entry.description}” had an answer; "
        "the plan shown is what the server holds now, so check that it did what you meant."
    )


def _schedule_ended(entry: JournalEntry, state: PlannerState) -> str:
    from tui_planner.store.selectors import item

    scheduled = drafts = gone = other = 0
    for draft_id in entry.ids:
        found = item(state, draft_id)
        if found is None:
            gone += 1
        elif found[1].status in _WENT_OUT:
            scheduled += 1
        elif found[1].status == ItemStatus.DRAFT:
            drafts += 1
        else:
            other += 1
    parts = [f"{scheduled} {'is' if scheduled == 1 else 'are'} scheduled"]
    if drafts:
        parts.append(f"{drafts} {'is still a draft' if drafts == 1 else 'are still drafts'}")
    if other:
        parts.append(f"{other} {'is' if other == 1 else 'are'} neither (canceled or failed)")
    if gone:
        parts.append(f"{gone} {'is' if gone == 1 else 'are'} no longer in the plan")
    asked = plural(len(entry.ids), "draft")
    return f"The last session was closed while scheduling {asked}: {', '.join(parts)}."


def _update_ended(entry: JournalEntry, state: PlannerState) -> str:
    wanted = entry.detail
    title = wanted.get("title")
    what = f"saving “{title}”" if title else "saving changes to an activity"
    activity = next((state.activities[i] for i in entry.ids if i in state.activities), None)
    if activity is None:
        return f"The last session was closed while {what}: the activity is no longer in the plan."
    saved = all(
        (name != "title" or activity.title == value)
        and (name != "description" or activity.description == value)
        and (name != "date" or activity.date == datetime.fromisoformat(value))
        for name, value in wanted.items()
    )
    if saved:
        return f"The last session was closed while {what}: the change was saved."
    return (
        f"The last session was closed while {what}: the change did not reach the server; "
        f"“{activity.title}” is as it was, so edit it again."
    )
