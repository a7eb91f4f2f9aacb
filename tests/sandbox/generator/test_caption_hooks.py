"""A caption opens with one hook, never two glued together ("Pull up a chair: Psst: ...").

A tone's opener ("Pull up a chair:", "Heads up!") is an opening hook; so is the lead-in some
phrase-book hooks start with ("Psst:", "Real talk:", "It's here!"). A caption may carry an
opener followed by a plain hook, or a hook with its own lead-in, but not both lead-ins. The
check reads the generator's own lists (the tones' openers and ``HOOKS``) to recognise them.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.sandbox.generator.generator_helpers import media_url, plan, text_of
from tui_planner.api.models import ChannelName, Settings
from tui_planner.sandbox.generator import DEMO_PROFILE, EventOccurrence, activity_posts
from tui_planner.sandbox.generator.phrasebook.posts import HOOKS
from tui_planner.sandbox.generator.tone import Tone, ToneStyle

SEEDS = range(8)
TONES: tuple[str | None, ...] = (None, *(tone.value for tone in Tone))
EVENTS = (EventOccurrence("Spring Open Studio", None, date(2026, 4, 25)),)
REPO = Path(__file__).resolve().parents[3]

_SLOT = re.compile(r"\\\{\w+\\\}")
# A hook's own lead-in: its words up to the first ":", "!", "?" or "." that more words follow,
# or the whole hook when it ends on a colon ("Quick tip worth saving:").
_LEAD_IN = re.compile(r"^(.+?[:!?.])\s+\S")


def _pattern(template: str) -> str:
    """A regex for ``template`` once filled: each ``{slot}`` stands for some text, and a "!"
    may have been softened to "." by a quiet tone."""
    return _SLOT.sub(".+?", re.escape(template)).replace("!", "[!.]")


def _hook_lead_ins() -> list[str]:
    lead_ins = set()
    for hooks in HOOKS.values():
        for hook in hooks:
            found = _LEAD_IN.match(hook)
            if found:
                lead_ins.add(found.group(1))
            elif hook.endswith(":"):
                lead_ins.add(hook)
    return sorted(lead_ins)


OPENERS = sorted({opener for tone in Tone for opener in ToneStyle.of(tone).openers})
HOOK_LEAD_INS = _hook_lead_ins()
OPENER = re.compile("|".join(f"(?:{_pattern(opener)})" for opener in OPENERS), re.IGNORECASE)
LEAD_IN = re.compile(
    "|".join(f"(?:{_pattern(text)})" for text in [*HOOK_LEAD_INS, *OPENERS]), re.IGNORECASE
)


def stacked_hooks(caption: str) -> bool:
    """Whether ``caption`` opens with an opener followed straight away by another lead-in."""
    opener = OPENER.match(caption)
    if opener is None:
        return False
    rest = caption[opener.end() :].lstrip()
    return LEAD_IN.match(rest) is not None


def all_captions(seed: int, tone: str | None) -> list[tuple[ChannelName, str, str]]:
    """(channel, activity type, caption) of every post of a plan in ``tone`` under ``seed``."""
    settings = Settings(tone_of_voice=tone) if tone else None
    return [
        (post.channel, activity.activity_type.value, text_of(post))
        for activity in plan(settings, events=EVENTS, seed=seed)
        for generation in (0, 1)
        for post in activity_posts(
            DEMO_PROFILE,
            settings,
            activity,
            seed=seed,
            generation=generation,
            media_url=media_url,
        )
    ]


def test_the_detector_knows_a_stacked_hook_when_it_sees_one() -> None:
    assert "Psst:" in HOOK_LEAD_INS
    assert "Quick tip worth saving:" in HOOK_LEAD_INS
    assert stacked_hooks("Pull up a chair: Psst: 10% off your first class.")
    assert stacked_hooks("Worth knowing: real talk: this part takes forever.")
    assert stacked_hooks("Heads up! TODAY'S THE DAY: SPRING OPEN STUDIO.")
    assert stacked_hooks("Okay, confession time: quick tip worth saving: ✨")
    assert stacked_hooks("Hello, friends! Happy Friday! Meet the mug.")
    assert stacked_hooks("Worth knowing: it's here. Spring Open Studio starts today.")
    assert not stacked_hooks("Pull up a chair: this is why the slow way is worth it.")
    assert not stacked_hooks("Psst: 10% off your first class with the code FIRSTSPIN.")
    assert not stacked_hooks("New on the blog: Caring for the plate: the complete guide.")


@pytest.mark.parametrize("tone", TONES, ids=[tone or "default" for tone in TONES])
def test_no_caption_opens_with_two_hooks(tone: str | None) -> None:
    captions = [entry for seed in SEEDS for entry in all_captions(seed, tone)]

    stacked = [caption[:90] for _, _, caption in captions if stacked_hooks(caption)]

    assert stacked == []
    # The check saw what it is about: openers, hooks with their own lead-in, every network and
    # every kind of activity.
    assert any(OPENER.match(caption) for _, _, caption in captions)
    assert any(LEAD_IN.match(caption) and not OPENER.match(caption) for _, _, caption in captions)
    assert {channel for channel, _, _ in captions} >= {ChannelName.INSTAGRAM, ChannelName.FACEBOOK}
    assert len({kind for _, kind, _ in captions}) >= 3


def _digest(seed: int) -> str:
    captions = [caption for tone in TONES for _, _, caption in all_captions(seed, tone)]
    return hashlib.sha256("\n\x00".join(captions).encode()).hexdigest()


def test_the_same_seed_gives_the_same_captions() -> None:
    assert all_captions(3, "warm") == all_captions(3, "warm")
    assert all_captions(3, "warm") != all_captions(4, "warm")


def test_the_same_seed_gives_the_same_captions_in_another_process() -> None:
    # Another process salts str hashes differently: nothing may depend on set or dict order.
    script = "from tests.sandbox.generator.test_caption_hooks import _digest; print(_digest(5))"
    env = {**os.environ, "PYTHONHASHSEED": "4242"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == _digest(5)


# Openers that run on into the hook rather than end a sentence of their own.
RUN_ON_OPENERS = [opener for opener in OPENERS if opener.endswith(":") or opener[-1].isalnum()]
FUNCTION_WORDS = {"a", "the", "this", "here's", "there's", "your", "if", "some", "something"}


def test_a_hook_after_a_run_on_opener_carries_on_the_sentence() -> None:
    assert "Not to be dramatic, but" in RUN_ON_OPENERS
    carried_on = []
    for seed in SEEDS:
        for _, _, caption in all_captions(seed, "playful") + all_captions(seed, "warm"):
            for opener in RUN_ON_OPENERS:
                if caption.startswith(f"{opener} "):
                    carried_on.append(caption[len(opener) + 1 :].split(" ", 1)[0])

    capitalised = [
        word for word in carried_on if word.lower() in FUNCTION_WORDS and word[0].isupper()
    ]
    assert capitalised == []
    assert len([word for word in carried_on if word.lower() in FUNCTION_WORDS]) > 20
