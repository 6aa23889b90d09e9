"""Random keys, as a candidate hammering the keyboard: no traceback may ever reach them.

A seeded stream of keys goes through the real app (the Pilot's message path):
every key of the keymap, letters and digits, arrows, F-keys, ctrl keys, and
bursts of Escape, Enter and Tab that arrive before any of them is handled (a
terminal delivers a held-down key or a fast typist that way; the races live
there: a list chosen twice, a dialog answered twice). The exam clock moves on
between bursts, so chats and calls arrive, forms open on tickets that change
behind them, and the session may reach its end screen.

It found a ScreenStackError in `ui/widgets/choice.py` (Enter twice on a
choice list: the second choice dismissed a list already closed) and the same
race in the other dialogs (see `ui/frames.py`, `Paced.dismiss`).

The seed is printed on failure; `FUZZ_SEEDS` / `FUZZ_KEYS` run it longer by hand.
"""

from __future__ import annotations

import argparse
import os
import random
from pathlib import Path
from typing import Any

import pytest
from textual import events

from helpdesk_tui.commands import practice
from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.ui import keymap
from tests.runtime.kit import exam_run, make_keys

from .conftest import MINI, SIZE, make_rig

KINDS = ("desk", "exam", "practice")
OPTIONS = {"tick_interval": None, "handle_signals": False, "tune_gc": False}

SEEDS = [int(s) for s in os.environ.get("FUZZ_SEEDS", "4").split(",")]
"""Seed 2 since the keymap gained the questions' and the key list's keys (j, o, q) and the
forms' shown Tab (branch bugs3): every key drawn after that shifted, and seed 1's walk
then spent most of its 400 keys in one resolve form (focus on Cancel, pressed only with
space, which a button ignores), meeting 4 kinds of screen, not 5. Seed 4 since the keymap
gained the exam dialogs' keys (h, E, P, R, S, C; branch bugs4): seed 2's practice walk then
spent 55 of its keys paused (F9) and met 4 kinds, seed 3's too few as well; seed 4 meets 5
in every kind of session."""
KEYS_PER_RUN = int(os.environ.get("FUZZ_KEYS", "400"))
"""400 keys a run keep the suite within its 5 minutes (the choice-list race needed 577 on
seed 1; `tests/ui/test_choice.py` holds it on its own). CI-scale runs: FUZZ_KEYS=5000."""

BOUND = sorted({key for k in keymap.KEYS for key in k.keys.split(",")})
NAVIGATION = [
    "up", "down", "left", "right", "home", "end", "pageup", "pagedown",
    "tab", "shift+tab", "backspace", "delete", "space", "enter", "escape",
    "ctrl+s", "ctrl+l", "ctrl+o", "ctrl+j", "shift+enter", "ctrl+c", "ctrl+z", "ctrl+q",
]  # fmt: skip
LETTERS = list("abcdefghijklmnopqrstuvwxyz0123456789yn?/.-")
BURSTS = ["escape", "enter", "tab", "space", "down"]


def key_event(name: str) -> events.Key:
    """A Key as Textual's parser makes it: printable keys carry their character."""
    if len(name) == 1:
        return events.Key(name, name)
    character = {"space": " ", "enter": "\r", "tab": "\t"}.get(name)
    return events.Key(name, character)


def next_burst(rng: random.Random) -> list[str]:
    """One read's worth of keys: a single key, a word, or a burst of one key."""
    roll = rng.random()
    if roll < 0.35:
        return [rng.choice(BOUND + NAVIGATION)]
    if roll < 0.6:
        return [rng.choice(LETTERS) for _ in range(rng.randint(2, 8))]
    if roll < 0.85:
        return [rng.choice(BURSTS)] * rng.randint(2, 6)
    return [rng.choice(BOUND + NAVIGATION + LETTERS) for _ in range(rng.randint(3, 12))]


def make_app(kind: str, folder: Path, key_file: Path) -> Any:
    """The app as its command builds it: the locked exam (proctor code, hand-in, the
    end screens) or practice (pause, restart, quit), on a hand-driven clock."""
    if kind == "exam":
        return exam_run(folder, key_file).app
    if kind == "desk":  # the small test scenario: tickets and chats from the first minutes
        return make_rig(load_scenario(MINI)).app()
    args = argparse.Namespace(
        scenario="en-northwind-monday", lang="en", logs=folder, candidate="Kim"
    )
    return practice.prepare(args, clock=ManualClock(), app_options=OPTIONS).app


async def hammer(kind: str, seed: int, folder: Path, key_file: Path) -> dict[str, int]:
    """Send KEYS_PER_RUN random keys; fail on the first exception the app meets. An app
    that ends (practice: Ctrl+Q, y) is replaced by a fresh one and the keys go on."""
    rng = random.Random(seed)
    screens: dict[str, int] = {}
    sent = 0
    while sent < KEYS_PER_RUN:
        app = make_app(kind, folder / f"run-{sent}", key_file)
        async with app.run_test(size=SIZE) as pilot:
            while sent < KEYS_PER_RUN and app.return_code is None:
                burst = next_burst(rng)
                for name in burst:
                    app.post_message(key_event(name))  # all queued before any is handled
                sent += len(burst)
                await pilot.pause()
                if rng.random() < 0.1 and app.return_code is None:
                    late = sent > KEYS_PER_RUN * 0.9  # the end of the time, late in the run
                    app.advance(rng.choice([1, 5, 15, 60] + [3600] * late))
                    await pilot.pause()
                if app.screen_stack:
                    name = type(app.screen).__name__
                    screens[name] = screens.get(name, 0) + 1
                assert app._exception is None, (
                    f"{kind} seed {seed}, {sent} keys: {app._exception!r}"
                )
        assert app._exception is None, f"{kind} seed {seed}: {app._exception!r}"
    return screens


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


@pytest.mark.timeout(600)
@pytest.mark.parametrize(("kind", "seed"), [(k, s) for s in SEEDS for k in KINDS])
async def test_random_keys_never_raise(
    kind: str, seed: int, tmp_path: Path, key_file: Path
) -> None:
    screens = await hammer(kind, seed, tmp_path, key_file)
    print(kind, seed, screens)
    # The keys must reach the forms and dialogs, or the run proves little.
    assert "MainScreen" in screens
    assert len(screens) >= 5, screens


def test_the_key_list_covers_every_bound_key() -> None:
    assert {"ctrl+n", "f1", "f9", "f12", "escape", "enter", "tab"} <= set(BOUND + NAVIGATION)
    assert len(BOUND) >= 20
