"""The key bars write a key as the help and the dialogs do: Ctrl+S, never ^S (bugs20).

bugs19 left it (docs/known-issues.md): the comment dialog says "Ctrl+S keeps the comment",
F1's list and the candidate guide say Ctrl+S, and the key bar under them said `^S`
(Textual's caret). A candidate or assessor who has never met the caret reads "^S" as two
keys. What they need: one way of writing a key on screen, in every language. The
expected forms are written here by hand, as a keyboard prints them ("Ctrl+" and the
letter, "F1"), not taken from the code that draws them. The review's comment dialog
(Ctrl+S in its text and its key bar, no caret on the screen) is checked in
test_bugs19_dialog_keys.py, in the one review a language that opens each of its dialogs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui.ui.keymap import display_keys
from helpdesk_tui.ui.screens.help import help_sections

from .review.logs import screen_text
from .test_practice_controls import practice_run

CARET = re.compile(r"\^[A-Za-z]")
CHORDS = {"ctrl+s": "Ctrl+S", "ctrl+t": "Ctrl+T", "ctrl+g": "Ctrl+G", "ctrl+r": "Ctrl+R"}
"""Keys the practice screen and its forms offer, as the help writes them (by hand)."""


LANGUAGES = pytest.mark.parametrize("language", ["en", "nl", "fr"], indirect=True)


def bottom(app: Any, rows: int = 3) -> str:
    return "\n".join(screen_text(app).splitlines()[-rows:])


@LANGUAGES
async def test_the_practice_key_bars_write_ctrl_as_the_help_does(
    tmp_path: Path, language: str
) -> None:
    """The main screen's practice controls, F1's list of them, and a form's save key."""
    run = practice_run(tmp_path)
    app = run.app
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        bar = bottom(app, 2)
        assert not CARET.search(bar), bar
        for key in ("ctrl+t", "ctrl+g", "ctrl+r"):
            assert f" {CHORDS[key]} " in bar, (key, bar)
        help_keys = {display_keys(k) for _title, keys in help_sections() for k in keys}
        assert {CHORDS[k] for k in ("ctrl+t", "ctrl+g", "ctrl+r")} <= help_keys  # F1's list
        await pilot.press("f2", "n")  # a new ticket's form: Ctrl+S saves
        await pilot.pause()
        bar = bottom(app, 2)
        assert not CARET.search(bar), bar
        assert f" {CHORDS['ctrl+s']} " in bar, bar
