"""Keys read together, as a fast typist's or a busy exam's terminal delivers them (sec18).

In tmux, "Left X" sent in one write to the locked exam's note form logged "abcdX" for
"abcXd": the letter was typed before the arrow's binding ran (a binding runs when its key
has come back up to the app), so the arrow was lost. Expected texts are what an editor does
with those keys, written by hand here."""

from __future__ import annotations

import pytest
from textual import events

from .conftest import SIZE, Rig
from .pilot import at


def burst(app: object, keys: list[str]) -> None:
    """All queued before any is handled, as the input thread posts one read's keys."""
    for key in keys:
        char = key if len(key) == 1 else None
        app.post_message(events.Key(key, char))  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["left", "X"], "abcXd"),
        (["left", "left", "X"], "abXcd"),
        (["X", "left", "Y"], "abcdYX"),
        (["backspace", "X", "home", "Y"], "YabcX"),
        (["left", "backspace", "X"], "abXd"),
    ],
)
async def test_an_arrow_and_letters_in_one_read_act_in_order(
    rig: Rig, keys: list[str], expected: str
) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f4", *"abcd")
        burst(app, keys)
        await pilot.pause()
        await pilot.pause()
        assert app.main.conversations.input.value == expected
