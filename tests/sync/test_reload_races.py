"""A full reload (Ctrl+R, or the first load) never takes back a command confirmed meanwhile.

The reload reads the plan, then settings, events, options and the rest together; one slow
answer keeps the others waiting. A settings save or an event created in that time is
confirmed first, and the reload's older answers must not overwrite it. Found by the fault
soak (tests/soak/, seeds 20, 21 and 40 over an hour, once its user pressed Ctrl+R): the
app showed a deleted event again, or the settings as they were before a save, until the
next refresh minutes later.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from tests.sync.sync_fakes import START, FakeApi, settle
from tui_planner.api.models import CalendarEvent, MarketingSettings, Settings
from tui_planner.store import Store
from tui_planner.sync import CreateEvent, SyncEngine, UpsertSettings


async def test_a_settings_save_confirmed_during_a_reload_stays_saved(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    slow = api.hold("get_token_status")
    engine.request_sync()
    reload = asyncio.create_task(engine.run_once())
    await settle()
    assert api.count("get_marketing_settings") == 2, "the reload has read the settings"

    bold = MarketingSettings(settings=Settings(tone_of_voice="bold"))
    assert (await engine.execute(UpsertSettings(bold, ("settings.toneOfVoice",)))).ok
    slow.set()
    await reload

    assert store.state.settings is not None
    assert store.state.settings.settings.tone_of_voice == "bold"
    await engine.run_once()
    assert store.state.settings.settings.tone_of_voice == "bold"


async def test_an_event_created_during_a_reload_stays_shown(
    engine: SyncEngine, store: Store, api: FakeApi
) -> None:
    await engine.run_once()
    slow = api.hold("get_feature_data")
    engine.request_sync()
    reload = asyncio.create_task(engine.run_once())
    await settle()
    assert api.count("query_events") == 2, "the reload has read the events"

    launch = CalendarEvent(name="Launch", date=START + timedelta(days=9))
    assert (await engine.execute(CreateEvent(launch))).ok
    slow.set()
    await reload

    assert [e.name for e in store.state.events] == ["Summer sale", "Launch"]
